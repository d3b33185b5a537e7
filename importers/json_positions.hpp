#pragma once
/// What the readers that parse a JSON text in place with RapidJSON's SAX events share
/// (importers/json_tree.cpp, importers/ftm_line_parser.cpp): the stream, and the line and column
/// of the places events are reported at.
///
///   std::string buffer;
///   JsonInsituStream stream = JsonInsituStream::over_copy(text, buffer);  // decoded over it
///   JsonPositionCounter positions(text);      // counts on the original
///   reader.Parse<rapidjson::kParseInsituFlag | ...>(stream, handler);
///   // in the handler: positions.at(json_string_start(stream, s)) for String(s, ...)

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "importers/json_tree.hpp"

namespace kgraph {

/// A string stream for RapidJSON without its copy optimisation, so that Tell() during a SAX
/// event is the position just after the value that caused it (with the optimisation, the reader
/// works on a copy of the stream while it calls the handler for strings and numbers). It reads
/// NUL at and past its end: RapidJSON's UTF-8 validation takes the continuation bytes of a
/// sequence without looking, so a text ending inside one would otherwise be read past.
///
/// It is parsed in place (kParseInsituFlag): a string is decoded over its own bytes, which
/// costs a fifth of decoding it onto RapidJSON's stack a character at a time (the largest cost
/// of an FtM import in perf), and the strings the handler gets stay valid as long as the buffer.
struct JsonInsituStream {
  using Ch = char;
  /// Past its end the stream reads NUL without moving, but RapidJSON's UTF-8 validation still
  /// writes each byte it takes: a sequence cut short at the end writes up to four bytes more
  /// than it read. The copy is padded for them.
  static constexpr std::size_t kPadding = 8;

  /// A stream over a copy of `text` made in `buffer` (which must outlive it), padded.
  static JsonInsituStream over_copy(std::string_view text, std::string& buffer) {
    buffer.assign(text);
    buffer.append(kPadding, '\0');
    return JsonInsituStream(buffer.data(), text.size());
  }

  JsonInsituStream(Ch* s, std::size_t size) : head(s), src(s), end(s + size) {}
  Ch Peek() const { return src < end ? *src : '\0'; }
  Ch Take() { return src < end ? *src++ : '\0'; }
  std::size_t Tell() const { return static_cast<std::size_t>(src - head); }
  Ch* PutBegin() { return dst = src; }
  void Put(Ch c) { *dst++ = c; }
  void Flush() {}
  std::size_t PutEnd(Ch* begin) { return static_cast<std::size_t>(dst - begin); }
  Ch* head;
  Ch* src;
  Ch* end;
  Ch* dst = nullptr;
};

/// The offset of the opening quote of a string RapidJSON decoded in place at `decoded` (just
/// after the quote).
inline std::size_t json_string_start(const JsonInsituStream& stream, const char* decoded) {
  return static_cast<std::size_t>(decoded - stream.head) - 1;
}

/// The offset where the number or literal that ends at `end` (the stream's position when it
/// is reported) starts, found by looking back over the characters it can hold.
inline std::size_t json_literal_start(std::string_view text, std::size_t end) {
  while (end > 0 && std::string_view("0123456789+-.eEtruefalsnul").find(text[end - 1]) !=
                        std::string_view::npos)
    --end;
  return end;
}

/// Line and column of byte offsets asked for in increasing order, each found by counting on
/// from the one before: linear in the text however long its lines.
class JsonPositionCounter {
 public:
  explicit JsonPositionCounter(std::string_view text) : text_(text) {}

  TextPosition at(std::size_t offset) {
    if (offset > text_.size()) offset = text_.size();
    if (offset < offset_) {  // never in document order; kept correct all the same
      offset_ = 0;
      position_ = TextPosition{};
    }
    for (; offset_ < offset; ++offset_) {
      const char c = text_[offset_];
      if (c == '\n') {
        ++position_.line;
        position_.column = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {  // not a UTF-8 continuation
        ++position_.column;
      }
    }
    return position_;
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  TextPosition position_;
};

}  // namespace kgraph
