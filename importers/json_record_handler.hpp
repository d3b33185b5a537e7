#pragma once
/// The SAX handler behind both JSON record readers (json_record_reader.cpp): a strict state
/// machine that checks every token against what may come next, collects the fields of each
/// record into a RecordFiller and hands complete records to the sink. `Stream` is one of the
/// streams of json_token_streams.hpp, which say where each token starts. Header-only because
/// RapidJSON's parser is instantiated with it: the calls per token must inline.

#include <rapidjson/reader.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "graph/diagnostics.hpp"
#include "graph/messages.hpp"
#include "importers/json_record_messages.hpp"
#include "importers/json_record_reader.hpp"
#include "importers/record_filler.hpp"

namespace kgraph::json_records {

/// Whether the JSON number starting at `p` has only zero digits before its exponent (`0e40`,
/// `-0.000`). RapidJSON 1.1.0's full-precision parsing returns garbage for such a number (its
/// DiyFp takes the leading zeros of a zero significand, Tencent/rapidjson#1249): it is zero.
inline bool zero_significand(const char* p) {
  if (*p == '-') ++p;
  while (*p == '0' || *p == '.') ++p;
  return *p < '1' || *p > '9';
}

/// Whether decoded text holds a UTF-16 surrogate, which RapidJSON lets through from a lone
/// `\uDC00`-style escape; in UTF-8 that is ED followed by A0..BF.
inline bool has_surrogate(std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while ((p = static_cast<const char*>(std::memchr(p, 0xED, static_cast<std::size_t>(end - p))))) {
    if (++p < end && static_cast<unsigned char>(*p) >= 0xA0) return true;
  }
  return false;
}

/// Which of the two formats a handler reads.
enum class Mode : std::uint8_t { document, lines };

/// What the handler expects next.
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

/// The strict state machine behind both readers (after RapidJSON's example/messagereader):
/// every token is checked against what may come next. A token that may not is reported and
/// its value skipped, so that one bad field does not hide the problems after it.
template <class Stream>
class RecordHandler {
 public:
  RecordHandler(Mode mode, Diagnostics& diags, const RecordCallback& sink)
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
    const char* start = s_->number_start();
    Scalar v;
    v.kind = ValueKind::real;
    v.real = d != 0 && zero_significand(start) ? (*start == '-' ? -0.0 : 0.0) : d;
    return on_scalar(start, v);
  }
  // Only called with kParseNumbersAsStringsFlag.
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
  bool String(const char* str, rapidjson::SizeType length, bool) {
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
        error(start, value_message(filler_.field().key));
        filler_.drop_field();
        return skip_container(State::record);
      case State::list:
        list_bad_ = true;
        error(start, value_message(filler_.field().key));
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
        RawField& f = filler_.field();
        f.at = s_->locate(start);
        f.is_list = true;
        list_bad_ = false;
        state_ = State::list;
        return true;
      }
      case State::list:
        list_bad_ = true;
        error(start, value_message(filler_.field().key));
        return skip_container(State::list);
      case State::section:
        error(start, element_message(section_));
        return skip_container(State::section);
      case State::record_type:
        bad_record_type(start);
        return skip_container(State::record);
      case State::document_start:
        error(start, not_a_document_message());
        return false;
      case State::line_start:
        error(start, not_a_line_message());
        return skip_container(State::done);
      case State::skip:
        ++depth_;
        return true;
      default:
        return unexpected(start);
    }
  }

  bool Key(const char* str, rapidjson::SizeType length, bool) {
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

  bool EndObject(rapidjson::SizeType) {
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

  bool EndArray(rapidjson::SizeType) {
    s_->token_end();
    --nesting_;
    switch (state_) {
      case State::list:
        if (list_bad_)
          filler_.drop_field();
        else
          filler_.end_field();
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
        filler_.field().at = s_->locate(start);
        if (!v.null && !filler_.add_value(v)) return past_record_limit(start, 1);
        filler_.end_field();
        state_ = State::record;
        return true;
      }
      case State::list:
        if (v.null) {
          list_bad_ = true;
          return error(start, value_message(filler_.field().key));
        }
        if (!filler_.add_value(v)) return past_record_limit(start, 2);
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
        error(start, not_a_document_message());
        return false;
      case State::line_start:
        state_ = State::done;
        return error(start, not_a_line_message());
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
      error(start, unknown_section_key_message(key));
      return skip_value(State::top_level);
    }
    const auto index = static_cast<unsigned>(it - kSectionKeys.begin());
    if (seen_sections_ & (1u << index)) error(start, duplicate_section_message(key));
    seen_sections_ |= 1u << index;
    section_ = static_cast<Section>(index);
    state_ = State::section_start;
    return ok();
  }

  bool field_key(const char* start, std::string_view key) {
    if (mode_ == Mode::lines && key == "record") {
      if (saw_record_key_) {
        error(start, duplicate_field_message(key));
        return skip_value(State::record);
      }
      saw_record_key_ = true;
      state_ = State::record_type;
      return true;
    }
    if (filler_.has_field(key)) {
      error(start, duplicate_field_message(key));
      return skip_value(State::record);
    }
    if (!filler_.begin_field(key)) return past_record_limit(start, 1);
    state_ = State::field_value;
    return true;
  }

  // The record went past what one record may hold at `start`: reported there, and the rest of
  // the record, `open` containers deep from here (the record, and a list), is skipped unread.
  bool past_record_limit(const char* start, std::uint32_t open) {
    filler_.budget().report(diags_, s_->locate(start));
    if (diags_.too_many_errors()) stop_ = true;
    return skip(mode_ == Mode::document ? State::section : State::done, open);
  }

  bool record_type(const char* start, const Scalar& v) {
    if (v.null || v.kind != ValueKind::string) {
      bad_record_type(start);
      return ok();
    }
    if (const std::optional<Section> s = parse_section(v.text)) {
      filler_.record().section = *s;
      has_section_ = true;
      return true;
    }
    record_bad_ = true;
    return error(start, unknown_record_type_message(v.text));
  }

  void bad_record_type(const char* start) {
    record_bad_ = true;
    error(start, bad_record_type_message());
  }

  void begin_record(const char* start) {
    filler_.begin_record(s_->locate(start));
    if (mode_ == Mode::document) filler_.record().section = section_;
    has_section_ = mode_ == Mode::document;
    record_bad_ = false;
    saw_record_key_ = false;
    state_ = State::record;
  }

  bool end_record() {
    state_ = mode_ == Mode::document ? State::section : State::done;
    if (record_bad_) return ok();
    if (!has_section_) return error(filler_.record().at, missing_record_type_message());
    sink_(filler_.record());
    if (diags_.too_many_errors()) stop_ = true;
    return ok();
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

  bool error(const char* at, std::string message) {
    return error(s_->locate(at), std::move(message));
  }
  bool error(Location at, std::string message) {
    diags_.error(at, std::move(message));
    if (diags_.too_many_errors()) stop_ = true;
    return ok();
  }
  // Not UTF-8 once decoded, so as bad as invalid UTF-8: the same error, which ends the input.
  bool lone_surrogate(const char* start) {
    error(start, lone_surrogate_message());
    return false;
  }
  // RapidJSON only sends what JSON allows, and every allowed token is handled above.
  bool unexpected(const char* at) {
    error(at, unexpected_token_message());
    return false;
  }
  bool ok() const { return !stop_; }

  Mode mode_;
  Diagnostics& diags_;
  const RecordCallback& sink_;
  Stream* s_ = nullptr;
  State state_ = State::done;
  State after_skip_ = State::done;
  std::uint32_t depth_ = 0;
  std::size_t nesting_ = 0;  // arrays and objects open
  Section section_ = Section::actor;
  unsigned seen_sections_ = 0;
  RecordFiller filler_;
  bool has_section_ = false;
  bool record_bad_ = false;
  bool saw_record_key_ = false;
  bool list_bad_ = false;
  bool escapes_ = true;
  bool stop_ = false;
};

}  // namespace kgraph::json_records
