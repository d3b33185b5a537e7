#pragma once
/// A record as an importer read it, before any interpretation: a section (what kind of thing
/// the record describes) and its fields with their places in the input. Every importer
/// produces these; GraphBuilder::add interprets them the same way for every format.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/diagnostics.hpp"
#include "graph/value.hpp"

namespace kgraph {

enum class Section : std::uint8_t { source, actor, law, event, place, relation };

/// The field names the builder gives a meaning of their own (docs/data-model.md); `other` for
/// any other name (a property). Worked out once per field, on the thread that packs the
/// record (PackedRecords), so that the builder's thread switches on a byte instead of
/// comparing each field's name with a dozen texts.
enum class FieldKey : std::uint8_t {
  other,
  id,
  name,
  kind,
  date,
  start,
  end,
  sources,
  aliases,
  description,
  place,
  within,
  part_of,
  type,
  from,
  to,
  record,
  role,
  quote,
};
FieldKey field_key(std::string_view name);

/// "source", "actor", ... (the JSONL `record` values).
std::string_view section_name(Section s);
std::optional<Section> parse_section(std::string_view singular);

/// What one record may hold (docs/reliability.md, "Limits"); GraphBuilder::add rejects a record
/// past either. The readers count with a RecordBudget and stop at the value that crosses one,
/// so that an endless record never claims the memory in the first place.
inline constexpr std::size_t kMaxRecordValues = std::size_t{1} << 20;
inline constexpr std::size_t kMaxRecordTextBytes = std::size_t{64} << 20;

/// Counts what a record being read holds against the limits above.
///
///   budget.reset();                                  // a new record
///   if (!budget.add_values(1, text.size())) { budget.report(diags, at); /* skip the record */ }
class RecordBudget {
 public:
  void reset() { values_ = text_ = 0; }
  /// Counts a field name; false once the record holds more text than it may.
  [[nodiscard]] bool add_text(std::size_t bytes) {
    text_ += bytes;
    return within();
  }
  /// Counts `count` values holding `text_bytes` of text in all; false once past a limit.
  [[nodiscard]] bool add_values(std::size_t count, std::size_t text_bytes) {
    values_ += count;
    text_ += text_bytes;
    return within();
  }
  bool within() const { return values_ <= kMaxRecordValues && text_ <= kMaxRecordTextBytes; }
  /// How many more values the record may take before it is past the limit.
  std::size_t values_left() const {
    return values_ < kMaxRecordValues ? kMaxRecordValues - values_ : 0;
  }
  /// Reports, at the value that crossed it, the limit the record went past; the reader leaves
  /// the record out.
  void report(Diagnostics& diags, Location at) const;

 private:
  std::size_t values_ = 0;
  std::size_t text_ = 0;
};

/// Reports a record of `values` values and `text_bytes` of text if it is past a limit; true if
/// it is within them. For a record read whole (GraphBuilder::add).
bool check_record_limits(Diagnostics& diags, Location at, std::size_t values,
                         std::size_t text_bytes);

/// What the thread that read a string found out about it, so that the builder's thread need
/// not read the text again (PackedRecords::unpack sets it; `known` is false everywhere else).
struct TextFacts {
  std::uint32_t hash = 0;   // StringPool::hash(text)
  bool known = false;       // the fields below are set
  bool printable = false;   // text_problem(text) finds nothing
  bool no_control = false;  // !has_control_character(text)
};

/// A scalar as written in the input.
struct RawScalar {
  ValueKind kind = ValueKind::string;
  std::string text;  // the string (kind == string)
  std::int64_t integer = 0;
  double real = 0;
  bool boolean = false;
  TextFacts facts;  // of `text`, when kind == string and the record was packed

  static RawScalar of_string(std::string_view s) {
    RawScalar r;
    r.text.assign(s);
    return r;
  }
};

/// One field: a single scalar, or a list of scalars (`is_list`), or null (no values, not a list).
struct RawField {
  std::string key;
  Location at;  // where the value starts
  bool is_list = false;
  std::vector<RawScalar> values;

  bool is_null() const { return !is_list && values.empty(); }
};

inline FieldKey key_of(const RawField& f) { return field_key(f.key); }

/// One record. Reused between records by importers (`clear` keeps the allocations).
struct RawRecord {
  Section section = Section::actor;
  Location at;  // where the record starts
  std::vector<RawField> fields;
  std::size_t field_count = 0;

  void clear() { field_count = 0; }
  /// Appends a field (reusing storage) and returns it, empty, for the importer to fill.
  RawField& add_field(std::string_view key, Location at) {
    if (field_count == fields.size()) fields.emplace_back();
    RawField& f = fields[field_count++];
    f.key.assign(key);
    f.at = at;
    f.is_list = false;
    f.values.clear();
    return f;
  }
  const RawField* find(std::string_view key) const {
    for (std::size_t i = 0; i < field_count; ++i)
      if (fields[i].key == key) return &fields[i];
    return nullptr;
  }
};

}  // namespace kgraph
