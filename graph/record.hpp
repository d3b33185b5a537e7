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

/// "source", "actor", ... (the JSONL `record` values).
std::string_view section_name(Section s);
std::optional<Section> parse_section(std::string_view singular);

/// What one record may hold (docs/reliability.md, "Limits"); GraphBuilder::add rejects a record
/// past either. A reader that builds records should stop at them while it reads, so that an
/// endless record never claims the memory in the first place.
inline constexpr std::size_t kMaxRecordValues = std::size_t{1} << 20;
inline constexpr std::size_t kMaxRecordTextBytes = std::size_t{64} << 20;

/// A scalar as written in the input.
struct RawScalar {
  ValueKind kind = ValueKind::string;
  std::string text;  // the string (kind == string)
  std::int64_t integer = 0;
  double real = 0;
  bool boolean = false;

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
