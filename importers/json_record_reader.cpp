#include "importers/json_record_reader.hpp"

#include <rapidjson/reader.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <vector>

#include "graph/messages.hpp"
#include "graph/text_hash.hpp"
#include "importers/json_record_handler.hpp"
#include "importers/json_record_messages.hpp"
#include "importers/json_token_streams.hpp"

// The two readers: each feeds its stream to RapidJSON with a RecordHandler and reports what
// RapidJSON itself stops at. The JSON Lines reader also cuts the input into lines.

// With the sanitizers, flattening the parser into one function costs GCC about ten minutes
// of compiling this file, and the instrumented build is not the one that needs the speed.
#if defined(__SANITIZE_ADDRESS__)
#define KGRAPH_FLATTEN
#else
#define KGRAPH_FLATTEN [[gnu::flatten]]
#endif

namespace kgraph {
namespace {

using json_records::kBom;
using json_records::kMaxLineBytes;
using json_records::kMinChunk;
using json_records::kPadding;
using json_records::line_too_long_message;
using json_records::Mode;
using json_records::RecordHandler;
using json_records::report_syntax_error;
using json_records::token_too_long_message;

// The streams under names of this file only. RapidJSON's parser, its UTF-8 validation and the
// RecordHandler, instantiated with them, then have internal linkage, which lets GCC inline
// them into one another as it did when all of this was one file: with the shared types it
// kept them apart and reading a document took a tenth longer.
struct DocumentStream final : json_records::DocumentStream {
  using json_records::DocumentStream::DocumentStream;
};
struct LineStream final : json_records::LineStream {
  using json_records::LineStream::LineStream;
};

}  // namespace
}  // namespace kgraph

template <>
struct rapidjson::StreamTraits<kgraph::LineStream>
    : rapidjson::StreamTraits<kgraph::json_records::LineStream> {};

namespace kgraph {
namespace {

// Validating costs nothing here: without it RapidJSON's string loop compiles worse.
constexpr unsigned kParseFlags =
    rapidjson::kParseValidateEncodingFlag | rapidjson::kParseFullPrecisionFlag;

/// What a line holds that needs more than the plain path.
struct LineScan {
  bool non_ascii = false;  // columns need counting
  bool nul = false;        // messages need care
  bool escape = false;     // strings may decode to surrogates
};

/// Scans a line a word at a time (this runs over every byte of the input).
LineScan scan_line(const char* begin, const char* end) {
  using namespace text_words;
  std::uint64_t high = 0, zero = 0, backslash = 0;
  const char* p = begin;
  for (; end - p >= 8; p += 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    high |= w;
    zero |= equal_to(w, 0);
    backslash |= equal_to(w, '\\');
  }
  LineScan scan{(high & kHighBits) != 0, zero != 0, backslash != 0};
  for (; p < end; ++p) {
    scan.non_ascii |= (static_cast<unsigned char>(*p) & 0x80) != 0;
    scan.nul |= *p == '\0';
    scan.escape |= *p == '\\';
  }
  return scan;
}

/// Reads JSON Lines in large chunks and parses each complete line in place.
class JsonLinesReader {
 public:
  JsonLinesReader(std::istream& in, std::uint32_t file, Diagnostics& diags,
                  const RecordCallback& sink, std::size_t chunk)
      : in_(in),
        file_(file),
        diags_(diags),
        chunk_(std::max(chunk, kMinChunk)),
        handler_(Mode::lines, diags, sink) {}

  void run() {
    std::vector<char> buf(chunk_ + kPadding);
    std::size_t have = 0;  // bytes of an unfinished line, moved to the front of buf
    bool first = true;
    for (;;) {
      if (buf.size() < have + chunk_ + kPadding)
        buf.resize(std::max(buf.size() * 2, have + chunk_ + kPadding));
      const std::streamsize got =
          in_.rdbuf()->sgetn(buf.data() + have, static_cast<std::streamsize>(chunk_));
      const bool eof = got <= 0;
      char* p = buf.data();
      char* const end = p + have + (eof ? 0 : got);
      if (first) {
        first = false;
        if (std::string_view(p, static_cast<std::size_t>(end - p)).starts_with(kBom))
          p += kBom.size();
      }
      // The unfinished line has no newline: search only the new bytes.
      char* search = buf.data() + have;
      if (search < p) search = p;
      if (skipping_) {  // the rest of a line too long to read
        auto* nl =
            static_cast<char*>(std::memchr(search, '\n', static_cast<std::size_t>(end - search)));
        if (!nl) {
          if (eof) return;
          have = 0;
          continue;
        }
        skipping_ = false;
        p = search = nl + 1;
      }
      while (auto* nl = static_cast<char*>(
                 std::memchr(search, '\n', static_cast<std::size_t>(end - search)))) {
        read_line(p, nl);
        if (diags_.too_many_errors() || handler_.stopped()) return;
        p = search = nl + 1;
      }
      if (eof) {
        if (p < end) read_line(p, end);
        return;
      }
      have = static_cast<std::size_t>(end - p);
      if (have > kMaxLineBytes) {
        line_too_long();
        if (diags_.too_many_errors()) return;
        skipping_ = true;
        have = 0;
        continue;
      }
      std::memmove(buf.data(), p, have);
    }
  }

 private:
  // `end` is the line's '\n' or the end of the input; either way a byte we may overwrite.
  void read_line(char* begin, char* end) {
    if (static_cast<std::size_t>(end - begin) > kMaxLineBytes) return line_too_long();
    ++line_;
    *end = '\0';
    const char* q = begin;
    while (*q == ' ' || *q == '\t' || *q == '\r') ++q;
    if (q == end) return;  // blank lines are allowed

    const LineScan scan = scan_line(begin, end);
    continuations_.clear();
    if (scan.non_ascii) continuations_.scan(begin, end);
    const char* first_nul = scan.nul ? static_cast<const char*>(std::memchr(
                                           begin, '\0', static_cast<std::size_t>(end - begin)))
                                     : end;

    LineStream stream(begin, file_, line_, continuations_);
    handler_.begin(stream, scan.escape);
    parse(stream);
    if (reader_.HasParseError()) {
      const rapidjson::ParseErrorCode code = reader_.GetParseErrorCode();
      if (code == rapidjson::kParseErrorTermination) return;  // the handler reported it
      const char* at =
          begin + std::min(reader_.GetErrorOffset(), static_cast<std::size_t>(end - begin));
      report_syntax_error(diags_, stream.locate(at), at, end, code, at == first_nul && at < end,
                          true);
    } else if (stream.current() < end) {
      // RapidJSON took the NUL for the end of the line.
      diags_.error(stream.locate(stream.current()), nul_byte_message());
    }
  }

  // Reports the next line, which is past kMaxLineBytes.
  void line_too_long() {
    ++line_;
    diags_.error(Location{file_, line_, 1}, line_too_long_message());
  }

  // Everything RapidJSON calls, inlined into one function: GCC's own choice left the whitespace
  // skipping and the objects apart, and reading took a seventh longer. (Documents
  // are faster without this.)
  KGRAPH_FLATTEN void parse(LineStream& stream) {
    reader_.Parse<kParseFlags | rapidjson::kParseInsituFlag>(stream, handler_);
  }

  std::istream& in_;
  std::uint32_t file_;
  Diagnostics& diags_;
  std::size_t chunk_;
  std::uint32_t line_ = 0;
  bool skipping_ = false;  // inside a line too long to read
  json_records::ContinuationBits continuations_;
  rapidjson::Reader reader_;
  RecordHandler<LineStream> handler_;
};

}  // namespace

void read_json_document(std::istream& in, std::uint32_t file, Diagnostics& diags,
                        const RecordCallback& sink, const JsonReadOptions& options) {
  DocumentStream stream(in, options.chunk_size, file);
  RecordHandler<DocumentStream> handler(Mode::document, diags, sink);
  handler.begin(stream, true);
  rapidjson::Reader reader;
  reader.Parse<kParseFlags>(stream, handler);
  if (const char* start = stream.too_long_token()) {
    diags.error(stream.locate(start), token_too_long_message());
  } else if (reader.HasParseError()) {
    const rapidjson::ParseErrorCode code = reader.GetParseErrorCode();
    if (code == rapidjson::kParseErrorTermination) return;  // the handler reported it
    const char* at = stream.at_offset(reader.GetErrorOffset());
    report_syntax_error(diags, stream.locate(at), at, stream.buffer_end(), code,
                        stream.is_nul_byte(at), false);
  } else if (!stream.at_end()) {
    diags.error(stream.locate(stream.current()), nul_byte_message());
  }
}

void read_json_lines(std::istream& in, std::uint32_t file, Diagnostics& diags,
                     const RecordCallback& sink, const JsonReadOptions& options) {
  JsonLinesReader(in, file, diags, sink, options.chunk_size).run();
}

}  // namespace kgraph
