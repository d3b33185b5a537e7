#include "importers/json_record_reader.hpp"

#include <rapidjson/reader.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graph/messages.hpp"
#include "graph/schema.hpp"

namespace kgraph {
namespace {

using rapidjson::SizeType;

// Validating costs nothing here: without it RapidJSON's string loop compiles worse.
constexpr unsigned kParseFlags =
    rapidjson::kParseValidateEncodingFlag | rapidjson::kParseFullPrecisionFlag;
// Smaller chunks could split the byte-order mark.
constexpr std::size_t kMinChunk = 16;
// RapidJSON's UTF-8 validation takes the whole of a truncated sequence, up to three bytes past
// the NUL that ends its input, before it reports the error; those reads must stay in the buffer.
constexpr std::size_t kPadding = 8;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// In Section order, so that the index of a key is its section.
constexpr std::array<std::string_view, 6> kSectionKeys = {"sources", "actors", "laws",
                                                          "events",  "places", "relations"};

const std::vector<std::string>& section_key_candidates() {
  static const std::vector<std::string> keys(kSectionKeys.begin(), kSectionKeys.end());
  return keys;
}

const std::vector<std::string>& record_type_candidates() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (std::string_view key : kSectionKeys) out.emplace_back(key.substr(0, key.size() - 1));
    return out;
  }();
  return names;
}

std::string value_message(std::string_view key) {
  return "field " + quoted(key) + ": a value must be a string, number, boolean, or a list of those";
}

std::string not_array_message(Section s) {
  return quoted(kSectionKeys[static_cast<int>(s)]) + " must be an array of objects";
}

std::string element_message(Section s) {
  return "each element of " + quoted(kSectionKeys[static_cast<int>(s)]) + " must be an object";
}

constexpr std::string_view kNotADocument =
    "a JSON document must be an object with the arrays \"sources\", \"actors\", \"laws\", "
    "\"events\", \"places\" and \"relations\"";
constexpr std::string_view kNotALine = "each line must be a JSON object with a \"record\" field";
constexpr std::string_view kRecordTypes = "source, actor, law, event, place or relation";

/// The message for a RapidJSON error.
std::string syntax_message(rapidjson::ParseErrorCode code, bool at_nul_byte, bool lines) {
  if (at_nul_byte) return nul_byte_message();
  if (lines && code == rapidjson::kParseErrorDocumentRootNotSingular)
    return "invalid JSON Lines: more than one value on a line";
  return json_syntax_message(code);
}

/// Reports a RapidJSON error at `at`: a byte-order mark there (files joined with their marks)
/// gets its own message, anything else syntax_message's.
void syntax_error(Diagnostics& diags, Location where, const char* at, const char* end,
                  rapidjson::ParseErrorCode code, bool at_nul_byte, bool lines) {
  if (std::string_view(at, static_cast<std::size_t>(end - at)).starts_with(kBom))
    diags.error(where, byte_order_mark_message(), byte_order_mark_hint());
  else
    diags.error(where, syntax_message(code, at_nul_byte, lines));
}

bool is_separator(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ':';
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Whether decoded text holds a UTF-16 surrogate, which RapidJSON lets through from a lone
/// `\uDC00`-style escape; in UTF-8 that is ED followed by A0..BF.
bool has_surrogate(std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while ((p = static_cast<const char*>(std::memchr(p, 0xED, static_cast<std::size_t>(end - p))))) {
    if (++p < end && static_cast<unsigned char>(*p) >= 0xA0) return true;
  }
  return false;
}

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

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

// Both streams below are RapidJSON input streams that also tell the handler where the token
// of each SAX event starts.

/// A JSON document read from an istream in chunks, parsed by copy (tokens may straddle chunks).
/// At every event RapidJSON has just consumed a token, which began at the first byte after the
/// previous event's end that is not whitespace, ',' or ':'; so the stream remembers where the
/// previous event ended (`prev_`) and keeps the bytes from there on when it refills.
class DocumentStream {
 public:
  using Ch = char;

  DocumentStream(std::istream& in, std::size_t chunk, std::uint32_t file)
      : in_(in), chunk_(std::max(chunk, kMinChunk)), file_(file), buf_(chunk_ + kPadding) {
    cur_ = end_ = buf_.data();
    prev_ = cursor_.at = buf_.data();
    refill();
    if (std::string_view(cur_, static_cast<std::size_t>(end_ - cur_)).starts_with(kBom)) {
      cur_ += kBom.size();
      prev_ = cursor_.at = cur_;
      if (cur_ == end_ && !eof_) refill();
    }
  }

  char Peek() const { return *cur_; }
  char Take() {
    const char c = *cur_;
    if (cur_ < last_) ++cur_;
    else if (!eof_) { cur_ = end_; refill(); }
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

 private:
  const char* token_start() {
    const char* p = prev_;
    while (is_separator(*p)) ++p;
    prev_ = cur_;
    return p;
  }

  // Called once every buffered byte was taken: keeps [prev_, end_) and reads the next chunk.
  void refill() {
    cursor_.advance_to(prev_);
    const auto keep_from = static_cast<std::size_t>(prev_ - buf_.data());
    const auto kept = static_cast<std::size_t>(end_ - prev_);
    if (buf_.size() < kept + chunk_ + kPadding) {
      std::vector<char> bigger(std::max(buf_.size() * 2, kept + chunk_ + kPadding));
      std::memcpy(bigger.data(), prev_, kept);
      buf_.swap(bigger);
    } else if (keep_from > 0) {
      std::memmove(buf_.data(), prev_, kept);
    }
    base_ += keep_from;
    prev_ = cursor_.at = buf_.data();
    cur_ = buf_.data() + kept;
    const std::streamsize got =
        in_.rdbuf()->sgetn(cur_, static_cast<std::streamsize>(chunk_));
    end_ = cur_ + std::max<std::streamsize>(got, 0);
    *end_ = '\0';  // what RapidJSON sees at the end of input
    eof_ = got <= 0;
    last_ = eof_ ? end_ : end_ - 1;
  }

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
  Cursor cursor_;
};

/// One line of JSON Lines, NUL-terminated in the reader's buffer and parsed in place. Columns
/// are byte offsets less the UTF-8 continuation bytes before them, listed before parsing
/// (parsing in place overwrites the strings).
class LineStream {
 public:
  using Ch = char;

  LineStream(char* begin, std::uint32_t file, std::uint32_t line,
             const std::vector<std::uint32_t>& continuations)
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
    at.column += offset;
    if (!continuations_->empty()) {
      at.column -= static_cast<std::uint32_t>(
          std::lower_bound(continuations_->begin(), continuations_->end(), offset) -
          continuations_->begin());
    }
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
  const std::vector<std::uint32_t>* continuations_;
};

}  // namespace
}  // namespace kgraph

template <>
struct rapidjson::StreamTraits<kgraph::LineStream> {
  enum { copyOptimization = 1 };
};

namespace kgraph {
namespace {

enum class Mode : std::uint8_t { document, lines };

enum class State : std::uint8_t {
  document_start,  // document: the root object
  top_level,       // document: a section key or the end of the root
  section_start,   // document: the section's array (or null)
  section,         // document: a record or the end of the section
  line_start,      // lines: the record object
  record,          // a field key or the end of the record
  field_value,     // the value of the field just begun
  list,            // an element of a list or its end
  record_type,     // lines: the value of "record"
  skip,            // inside a value already reported, which is ignored
  done,            // after the root value
};

/// A scalar as RapidJSON delivered it.
struct Scalar {
  bool null = false;
  ValueKind kind = ValueKind::string;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  std::string_view text;
};

/// The strict state machine behind both readers (after RapidJSON's example/messagereader):
/// every token is checked against what may come next. A token that may not is reported and
/// its value skipped, so that one bad field does not hide the problems after it.
template <class Stream>
class RecordHandler {
 public:
  RecordHandler(Mode mode, Diagnostics& diags, const RecordSink& sink)
      : mode_(mode), diags_(diags), sink_(sink) {}

  /// Starts on the next document or line, read from `s`; `escapes` says whether its strings
  /// may hold escapes.
  void begin(Stream& s, bool escapes) {
    s_ = &s;
    escapes_ = escapes;
    state_ = mode_ == Mode::document ? State::document_start : State::line_start;
    nesting_ = 0;
  }
  /// True once too many errors were reported to go on.
  bool stopped() const { return stop_; }

  bool Null() {
    Scalar v;
    v.null = true;
    return on_scalar(s_->literal_start(), v);
  }
  bool Bool(bool b) {
    Scalar v;
    v.kind = ValueKind::boolean;
    v.boolean = b;
    return on_scalar(s_->literal_start(), v);
  }
  bool Int(int i) { return Int64(i); }
  bool Uint(unsigned u) { return Int64(u); }
  bool Int64(std::int64_t i) {
    Scalar v;
    v.kind = ValueKind::integer;
    v.integer = i;
    return on_scalar(s_->number_start(), v);
  }
  bool Uint64(std::uint64_t u) {
    if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return Int64(static_cast<std::int64_t>(u));
    return Double(static_cast<double>(u));
  }
  bool Double(double d) {
    Scalar v;
    v.kind = ValueKind::real;
    v.real = d;
    return on_scalar(s_->number_start(), v);
  }
  // Only called with kParseNumbersAsStringsFlag.
  bool RawNumber(const char*, SizeType, bool) { return false; }
  bool String(const char* str, SizeType length, bool) {
    Scalar v;
    v.text = {str, length};
    const char* start = s_->string_start(str);
    if (escapes_ && has_surrogate(v.text)) return lone_surrogate(start);
    return on_scalar(start, v);
  }

  bool StartObject() {
    const char* start = s_->bracket_start();
    if (!enter(start)) return false;
    switch (state_) {
      case State::document_start:
        state_ = State::top_level;
        return true;
      case State::section:
      case State::line_start:
        begin_record(start);
        return true;
      case State::field_value:
        error(start, value_message(field().key));
        drop_field();
        return skip_container(State::record);
      case State::list:
        list_bad_ = true;
        error(start, value_message(field().key));
        return skip_container(State::list);
      case State::record_type:
        bad_record_type(start);
        return skip_container(State::record);
      case State::section_start:
        error(start, not_array_message(section_));
        return skip_container(State::top_level);
      case State::skip:
        ++depth_;
        return true;
      default:
        return unexpected(start);
    }
  }

  bool StartArray() {
    const char* start = s_->bracket_start();
    if (!enter(start)) return false;
    switch (state_) {
      case State::section_start:
        state_ = State::section;
        return true;
      case State::field_value: {
        RawField& f = field();
        f.at = s_->locate(start);
        f.is_list = true;
        list_bad_ = false;
        state_ = State::list;
        return true;
      }
      case State::list:
        list_bad_ = true;
        error(start, value_message(field().key));
        return skip_container(State::list);
      case State::section:
        error(start, element_message(section_));
        return skip_container(State::section);
      case State::record_type:
        bad_record_type(start);
        return skip_container(State::record);
      case State::document_start:
        error(start, std::string(kNotADocument));
        return false;
      case State::line_start:
        error(start, std::string(kNotALine));
        return skip_container(State::done);
      case State::skip:
        ++depth_;
        return true;
      default:
        return unexpected(start);
    }
  }

  bool Key(const char* str, SizeType length, bool) {
    const char* start = s_->string_start(str);
    const std::string_view key(str, length);
    if (escapes_ && has_surrogate(key)) return lone_surrogate(start);
    switch (state_) {
      case State::top_level:
        return section_key(start, key);
      case State::record:
        return field_key(start, key);
      case State::skip:
        return true;
      default:
        return unexpected(start);
    }
  }

  bool EndObject(SizeType) {
    s_->token_end();
    --nesting_;
    switch (state_) {
      case State::record:
        return end_record();
      case State::top_level:
        state_ = State::done;
        return true;
      case State::skip:
        return leave_container();
      default:
        return unexpected(s_->current());
    }
  }

  bool EndArray(SizeType) {
    s_->token_end();
    --nesting_;
    switch (state_) {
      case State::list:
        if (list_bad_) drop_field();
        else end_field();
        state_ = State::record;
        return true;
      case State::section:
        state_ = State::top_level;
        return true;
      case State::skip:
        return leave_container();
      default:
        return unexpected(s_->current());
    }
  }

 private:
  bool on_scalar(const char* start, const Scalar& v) {
    switch (state_) {
      case State::field_value: {
        field().at = s_->locate(start);
        if (!v.null) set(next_value(), v);
        end_field();
        state_ = State::record;
        return true;
      }
      case State::list:
        if (v.null) {
          list_bad_ = true;
          return error(start, value_message(field().key));
        }
        set(next_value(), v);
        return true;
      case State::record_type:
        state_ = State::record;
        return record_type(start, v);
      case State::section_start:
        state_ = State::top_level;
        if (v.null) return true;  // an absent section, like an absent field
        return error(start, not_array_message(section_));
      case State::section:
        return error(start, element_message(section_));
      case State::document_start:
        error(start, std::string(kNotADocument));
        return false;
      case State::line_start:
        state_ = State::done;
        return error(start, std::string(kNotALine));
      case State::skip:
        if (depth_ == 0) state_ = after_skip_;
        return true;
      default:
        return unexpected(start);
    }
  }

  bool section_key(const char* start, std::string_view key) {
    const auto* it = std::find(kSectionKeys.begin(), kSectionKeys.end(), key);
    if (it == kSectionKeys.end()) {
      error(start, "unknown top-level key " + quoted(key) +
                       " (expected sources, actors, laws, events, places or relations)" +
                       did_you_mean_suffix(key, section_key_candidates()));
      return skip_value(State::top_level);
    }
    const auto index = static_cast<unsigned>(it - kSectionKeys.begin());
    if (seen_sections_ & (1u << index)) error(start, "duplicate key " + quoted(key));
    seen_sections_ |= 1u << index;
    section_ = static_cast<Section>(index);
    state_ = State::section_start;
    return ok();
  }

  bool field_key(const char* start, std::string_view key) {
    if (mode_ == Mode::lines && key == "record") {
      if (saw_record_key_) {
        error(start, "duplicate field " + quoted(key));
        return skip_value(State::record);
      }
      saw_record_key_ = true;
      state_ = State::record_type;
      return true;
    }
    if (has_field(key)) {
      error(start, "duplicate field " + quoted(key));
      return skip_value(State::record);
    }
    begin_field(key);
    state_ = State::field_value;
    return true;
  }

  bool record_type(const char* start, const Scalar& v) {
    if (v.null || v.kind != ValueKind::string) {
      bad_record_type(start);
      return ok();
    }
    if (const std::optional<Section> s = parse_section(v.text)) {
      record_.section = *s;
      has_section_ = true;
      return true;
    }
    record_bad_ = true;
    return error(start, "unknown record type " + quoted(v.text) + " (expected " +
                            std::string(kRecordTypes) + ")" +
                            did_you_mean_suffix(v.text, record_type_candidates()));
  }

  void bad_record_type(const char* start) {
    record_bad_ = true;
    error(start, "\"record\" must be one of " + std::string(kRecordTypes));
  }

  void begin_record(const char* start) {
    record_.clear();
    key_bits_ = 0;
    if (!key_set_.empty()) key_set_.clear();
    record_.at = s_->locate(start);
    if (mode_ == Mode::document) record_.section = section_;
    has_section_ = mode_ == Mode::document;
    record_bad_ = false;
    saw_record_key_ = false;
    state_ = State::record;
  }

  bool end_record() {
    state_ = mode_ == Mode::document ? State::section : State::done;
    if (record_bad_) return ok();
    if (!has_section_) {
      return error(record_.at,
                   "missing \"record\" (one of " + std::string(kRecordTypes) + ")");
    }
    sink_(record_);
    if (diags_.too_many_errors()) stop_ = true;
    return ok();
  }

  // Fields are filled in place, without RawRecord::add_field's clearing of the values, so
  // that a reused record keeps the strings' storage from one record to the next.
  void begin_field(std::string_view key) {
    if (record_.field_count == record_.fields.size()) record_.fields.emplace_back();
    RawField& f = record_.fields[record_.field_count++];
    if (f.key != key) f.key.assign(key);  // records tend to repeat their keys in order
    f.is_list = false;
    values_ = 0;
    key_bits_ |= key_bit(key);
    if (record_.field_count > kKeySetFrom) {
      if (key_set_.empty())
        for (std::size_t i = 0; i < record_.field_count; ++i) key_set_.insert(record_.fields[i].key);
      else
        key_set_.insert(record_.fields[record_.field_count - 1].key);
    }
  }
  RawField& field() { return record_.fields[record_.field_count - 1]; }
  RawScalar& next_value() {
    std::vector<RawScalar>& values = field().values;
    if (values_ == values.size()) values.emplace_back();
    return values[values_++];
  }
  void end_field() {
    std::vector<RawScalar>& values = field().values;
    if (values.size() != values_) values.resize(values_);
  }
  void drop_field() {
    if (!key_set_.empty()) key_set_.erase(field().key);
    --record_.field_count;
  }
  // A one-word filter first: comparing every key with every other costs more than the parsing.
  static std::uint64_t key_bit(std::string_view key) {
    const std::size_t h = key.empty() ? 0 : key.size() * 7 + static_cast<unsigned char>(key.front()) * 3 + static_cast<unsigned char>(key.back());
    return std::uint64_t{1} << (h & 63);
  }
  bool has_field(std::string_view key) const {
    if (!(key_bits_ & key_bit(key))) return false;
    if (!key_set_.empty()) return key_set_.count(std::string(key)) != 0;
    for (std::size_t i = 0; i < record_.field_count; ++i)
      if (record_.fields[i].key == key) return true;
    return false;
  }

  static void set(RawScalar& out, const Scalar& v) {
    out.kind = v.kind;
    if (v.kind == ValueKind::string) out.text.assign(v.text);
    else out.text.clear();
    out.integer = v.integer;
    out.real = v.real;
    out.boolean = v.boolean;
  }

  // RapidJSON recurses once per level of nesting: stopping it here (which ends a document, or
  // the line in JSON Lines) keeps the stack small whatever the input.
  bool enter(const char* bracket) {
    if (nesting_ == kMaxJsonNesting) {
      error(bracket, nesting_too_deep_message());
      return false;
    }
    ++nesting_;
    return true;
  }

  // `depth` 0: skip the next value; 1: skip the rest of a container just opened.
  bool skip_value(State after) { return skip(after, 0); }
  bool skip_container(State after) { return skip(after, 1); }
  bool skip(State after, std::uint32_t depth) {
    state_ = State::skip;
    depth_ = depth;
    after_skip_ = after;
    return ok();
  }
  bool leave_container() {
    if (--depth_ == 0) state_ = after_skip_;
    return true;
  }

  bool error(const char* at, std::string message) { return error(s_->locate(at), std::move(message)); }
  bool error(Location at, std::string message) {
    diags_.error(at, std::move(message));
    if (diags_.too_many_errors()) stop_ = true;
    return ok();
  }
  // Not UTF-8 once decoded, so as bad as invalid UTF-8: the same error, which ends the input.
  bool lone_surrogate(const char* start) {
    error(start, "invalid JSON: a string escapes half of a UTF-16 surrogate pair");
    return false;
  }
  // RapidJSON only sends what JSON allows, and every allowed token is handled above.
  bool unexpected(const char* at) {
    error(at, "internal error: unexpected JSON token");
    return false;
  }
  bool ok() const { return !stop_; }

  Mode mode_;
  Diagnostics& diags_;
  const RecordSink& sink_;
  Stream* s_ = nullptr;
  State state_ = State::done;
  State after_skip_ = State::done;
  std::uint32_t depth_ = 0;
  std::size_t nesting_ = 0;  // arrays and objects open
  Section section_ = Section::actor;
  unsigned seen_sections_ = 0;
  RawRecord record_;
  std::size_t values_ = 0;  // values filled in the current field
  std::uint64_t key_bits_ = 0;  // key_bit of every field key in the record
  // Past kKeySetFrom fields, every key is also in a set: comparing each key with all those
  // before it would make one record of n fields cost n².
  static constexpr std::size_t kKeySetFrom = 64;
  std::unordered_set<std::string> key_set_;
  bool has_section_ = false;
  bool record_bad_ = false;
  bool saw_record_key_ = false;
  bool list_bad_ = false;
  bool escapes_ = true;
  bool stop_ = false;
};

/// What a line holds that needs more than the plain path.
struct LineScan {
  bool non_ascii = false;  // columns need counting
  bool nul = false;        // messages need care
  bool escape = false;     // strings may decode to surrogates
};

/// Scans a line a word at a time (this runs over every byte of the input).
LineScan scan_line(const char* begin, const char* end) {
  constexpr std::uint64_t kLow = 0x0101010101010101u, kHigh = 0x8080808080808080u;
  constexpr std::uint64_t kBackslashes = kLow * '\\';
  std::uint64_t high = 0, zero = 0, backslash = 0;
  const char* p = begin;
  for (; end - p >= 8; p += 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    high |= w;
    zero |= (w - kLow) & ~w;
    const std::uint64_t b = w ^ kBackslashes;
    backslash |= (b - kLow) & ~b;
  }
  LineScan scan{(high & kHigh) != 0, (zero & kHigh) != 0, (backslash & kHigh) != 0};
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
                  const RecordSink& sink, std::size_t chunk)
      : in_(in), file_(file), diags_(diags), chunk_(std::max(chunk, kMinChunk)),
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
      while (auto* nl = static_cast<char*>(std::memchr(search, '\n', static_cast<std::size_t>(end - search)))) {
        read_line(p, nl);
        if (diags_.too_many_errors() || handler_.stopped()) return;
        p = search = nl + 1;
      }
      if (eof) {
        if (p < end) read_line(p, end);
        return;
      }
      have = static_cast<std::size_t>(end - p);
      std::memmove(buf.data(), p, have);
    }
  }

 private:
  // `end` is the line's '\n' or the end of the input; either way a byte we may overwrite.
  void read_line(char* begin, char* end) {
    ++line_;
    *end = '\0';
    const char* q = begin;
    while (*q == ' ' || *q == '\t' || *q == '\r') ++q;
    if (q == end) return;  // blank lines are allowed

    const LineScan scan = scan_line(begin, end);
    continuations_.clear();
    if (scan.non_ascii) {
      for (const char* c = begin; c < end; ++c)
        if (is_continuation(*c)) continuations_.push_back(static_cast<std::uint32_t>(c - begin));
    }
    const char* first_nul = scan.nul ? static_cast<const char*>(std::memchr(begin, '\0', static_cast<std::size_t>(end - begin))) : end;

    LineStream stream(begin, file_, line_, continuations_);
    handler_.begin(stream, scan.escape);
    reader_.Parse<kParseFlags | rapidjson::kParseInsituFlag>(stream, handler_);
    if (reader_.HasParseError()) {
      const rapidjson::ParseErrorCode code = reader_.GetParseErrorCode();
      if (code == rapidjson::kParseErrorTermination) return;  // the handler reported it
      const char* at = begin + std::min(reader_.GetErrorOffset(), static_cast<std::size_t>(end - begin));
      syntax_error(diags_, stream.locate(at), at, end, code, at == first_nul && at < end, true);
    } else if (stream.current() < end) {
      // RapidJSON took the NUL for the end of the line.
      diags_.error(stream.locate(stream.current()), nul_byte_message());
    }
  }

  std::istream& in_;
  std::uint32_t file_;
  Diagnostics& diags_;
  std::size_t chunk_;
  std::uint32_t line_ = 0;
  std::vector<std::uint32_t> continuations_;
  rapidjson::Reader reader_;
  RecordHandler<LineStream> handler_;
};

}  // namespace

void read_json_document(std::istream& in, std::uint32_t file, Diagnostics& diags,
                        const RecordSink& sink, const JsonReadOptions& options) {
  DocumentStream stream(in, options.chunk_size, file);
  RecordHandler<DocumentStream> handler(Mode::document, diags, sink);
  handler.begin(stream, true);
  rapidjson::Reader reader;
  reader.Parse<kParseFlags>(stream, handler);
  if (reader.HasParseError()) {
    const rapidjson::ParseErrorCode code = reader.GetParseErrorCode();
    if (code == rapidjson::kParseErrorTermination) return;  // the handler reported it
    const char* at = stream.at_offset(reader.GetErrorOffset());
    syntax_error(diags, stream.locate(at), at, stream.buffer_end(), code, stream.is_nul_byte(at), false);
  } else if (!stream.at_end()) {
    diags.error(stream.locate(stream.current()), nul_byte_message());
  }
}

void read_json_lines(std::istream& in, std::uint32_t file, Diagnostics& diags,
                     const RecordSink& sink, const JsonReadOptions& options) {
  JsonLinesReader(in, file, diags, sink, options.chunk_size).run();
}

}  // namespace kgraph
