#pragma once
/// The two RapidJSON input streams of the JSON record readers (json_record_reader.cpp). Besides
/// the bytes, each tells the SAX handler where the token of each event starts and turns such a
/// position into a line and column (columns count code points). Everything the parser calls per
/// byte is inline here: this is the hot path of `kgraph build`.

#include <rapidjson/reader.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <string_view>
#include <vector>

#include "graph/diagnostics.hpp"

namespace kgraph::json_records {

/// Smaller chunks could split the byte-order mark.
inline constexpr std::size_t kMinChunk = 16;
/// RapidJSON's UTF-8 validation takes the whole of a truncated sequence, up to three bytes past
/// the NUL that ends its input, before it reports the error; those reads must stay in the buffer.
inline constexpr std::size_t kPadding = 8;
/// The longest line of JSON Lines, and the longest single token (a string, most likely) of a
/// JSON document with the space before it: no record may hold more text than this anyway
/// (graph/record.hpp), and so a quote never closed cannot make the reader buffer a whole file.
inline constexpr std::size_t kMaxLineBytes = std::size_t{64} << 20;
inline constexpr std::size_t kMaxTokenBytes = std::size_t{64} << 20;
/// The UTF-8 byte-order mark, skipped at the very start of a file and an error anywhere else.
inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// What may stand between two tokens.
inline bool is_separator(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ':';
}

/// A UTF-8 continuation byte, which does not start a column of its own.
inline bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// A byte of `true`, `false` or `null`.
inline bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

/// A byte of a JSON number.
inline bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

/// The UTF-8 continuation bytes of a line, as one bit per byte in words of 64: how many come
/// before an offset is one popcount. (A list of their offsets cost a byte-by-byte pass with a
/// push per continuation byte, and a binary search per field: 5 % of reading, on input with
/// names in other scripts than Latin.)
class ContinuationBits {
 public:
  /// Marks the continuation bytes of [begin, end).
  void scan(const char* begin, const char* end);
  void clear() {
    words_.clear();
    before_.clear();
  }
  /// How many continuation bytes come before `offset`, which is at most the line's length.
  std::uint32_t before(std::uint32_t offset) const {
    const std::size_t word = offset / 64;
    if (word < words_.size()) {
      const std::uint64_t below = words_[word] & ((std::uint64_t{1} << (offset % 64)) - 1);
      return before_[word] + static_cast<std::uint32_t>(__builtin_popcountll(below));
    }
    // The end of a line of whole words: all of them.
    if (words_.empty()) return 0;
    return before_.back() + static_cast<std::uint32_t>(__builtin_popcountll(words_.back()));
  }

 private:
  std::vector<std::uint64_t> words_;
  std::vector<std::uint32_t> before_;  // continuation bytes before each word
};

/// Line and column of a position, found by counting on from the last position asked for.
struct Cursor {
  const char* at = nullptr;
  std::uint32_t line = 1;
  std::uint32_t column = 1;

  void advance_to(const char* p) {
    for (; at < p; ++at) {
      if (*at == '\n') {
        ++line;
        column = 1;
      } else {
        column += !is_continuation(*at);
      }
    }
  }
};

/// A JSON document read from an istream in chunks, parsed by copy (tokens may straddle chunks).
/// At every event RapidJSON has just consumed a token, which began at the first byte after the
/// previous event's end that is not whitespace, ',' or ':'; so the stream remembers where the
/// previous event ended (`prev_`) and keeps the bytes from there on when it refills.
class DocumentStream {
 public:
  using Ch = char;

  /// Reads the first chunk of `in` and skips a byte-order mark at its start.
  DocumentStream(std::istream& in, std::size_t chunk, std::uint32_t file);

  char Peek() const { return *cur_; }
  char Take() {
    const char c = *cur_;
    if (cur_ < last_)
      ++cur_;
    else if (!eof_) {
      cur_ = end_;
      refill();
    }
    return c;
  }
  std::size_t Tell() const { return base_ + static_cast<std::size_t>(cur_ - buf_.data()); }
  // Only used with kParseInsituFlag, which documents are not parsed with.
  char* PutBegin() { return nullptr; }
  void Put(char) {}
  void Flush() {}
  std::size_t PutEnd(char*) { return 0; }

  // Where the token of the current event starts; one call per event. Strings are parsed
  // into RapidJSON's stack here, so the token is found from the end of the previous one.
  const char* string_start(const char*) { return token_start(); }
  const char* number_start() { return token_start(); }
  const char* literal_start() { return token_start(); }
  const char* bracket_start() { return token_start(); }
  void token_end() { prev_ = cur_; }
  /// Location of `p`, which must not precede any position located before.
  Location locate(const char* p) {
    cursor_.advance_to(p);
    return {file_, cursor_.line, cursor_.column};
  }
  const char* current() const { return cur_; }
  /// The buffered byte at a RapidJSON offset.
  const char* at_offset(std::size_t offset) const {
    const char* p = buf_.data() + (offset - base_);
    return std::clamp(p, cursor_.at, static_cast<const char*>(end_));
  }
  bool at_end() const { return eof_ && cur_ == end_; }
  /// The end of the buffered input.
  const char* buffer_end() const { return end_; }
  /// Whether `p` is a NUL byte in the input rather than the end of it.
  bool is_nul_byte(const char* p) const { return p < end_ && *p == '\0'; }
  /// Where the token that ran past kMaxTokenBytes starts, if one did: reading stopped there.
  const char* too_long_token() const {
    if (!too_long_) return nullptr;
    const char* p = prev_;
    while (p < end_ && is_separator(*p)) ++p;
    return p;
  }

 private:
  const char* token_start() {
    const char* p = prev_;
    while (is_separator(*p)) ++p;
    prev_ = cur_;
    return p;
  }

  // Called once every buffered byte was taken: keeps [prev_, end_) and reads the next chunk.
  void refill();

  std::istream& in_;
  std::size_t chunk_;
  std::uint32_t file_;
  std::vector<char> buf_;
  std::size_t base_ = 0;  // input offset of buf_[0]
  char* cur_ = nullptr;
  char* last_ = nullptr;  // last byte Take may step over without refilling
  char* end_ = nullptr;
  const char* prev_ = nullptr;
  bool eof_ = false;
  bool too_long_ = false;
  Cursor cursor_;
};

/// One line of JSON Lines, NUL-terminated in the reader's buffer and parsed in place. Columns
/// are byte offsets less the UTF-8 continuation bytes before them, marked before parsing
/// (parsing in place overwrites the strings).
class LineStream {
 public:
  using Ch = char;

  LineStream(char* begin, std::uint32_t file, std::uint32_t line,
             const ContinuationBits& continuations)
      : src_(begin), head_(begin), line_start_{file, line, 1}, continuations_(&continuations) {}

  char Peek() const { return *src_; }
  char Take() { return *src_++; }
  std::size_t Tell() const { return static_cast<std::size_t>(src_ - head_); }
  char* PutBegin() { return dst_ = src_; }
  void Put(char c) { *dst_++ = c; }
  void Flush() {}
  std::size_t PutEnd(char* begin) { return static_cast<std::size_t>(dst_ - begin); }

  // RapidJSON reports strings and numbers while it parses them on a local copy of this stream
  // (see the StreamTraits below, which keep the pointers in registers), so `src_` may still be
  // at the token's start then; other events come with `src_` just past the token. Each start
  // below is right either way.
  // In place, a string is decoded from just after its opening quote.
  const char* string_start(const char* decoded) const { return decoded - 1; }
  const char* number_start() const { return back_over(is_number_char); }
  const char* literal_start() const { return back_over(is_letter); }
  const char* bracket_start() const { return src_ - 1; }
  void token_end() const {}
  Location locate(const char* p) const {
    // Copied whole and then adjusted: built field by field, the Location came back through
    // a stalled store-to-load forward, which cost a tenth of the reading time.
    Location at = line_start_;
    const auto offset = static_cast<std::uint32_t>(p - head_);
    at.column += offset - continuations_->before(offset);
    return at;
  }
  const char* current() const { return src_; }

 private:
  const char* back_over(bool (*part_of_token)(char)) const {
    const char* p = src_;
    while (p > head_ && part_of_token(p[-1])) --p;
    return p;
  }

  char* src_;
  char* dst_ = nullptr;
  char* head_;
  Location line_start_;
  const ContinuationBits* continuations_;
};

}  // namespace kgraph::json_records

template <>
struct rapidjson::StreamTraits<kgraph::json_records::LineStream> {
  enum { copyOptimization = 1 };
};
