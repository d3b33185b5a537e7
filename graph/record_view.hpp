#pragma once
/// A record as PackedRecords holds it, seen in place: the same members as RawRecord, RawField
/// and RawScalar, with views of the batch's bytes where those own copies of their texts.
///
/// Why: the builder's thread is the one the import waits for, and unpacking a batch into
/// RawRecords copied every key and text once more (`PackedRecords::unpack` and `memmove`, about
/// an eighth of that thread's samples; docs/performance.md, session 18). The record
/// interpreter reads both kinds (record_interpreter.hpp). A view is valid while the batch it
/// was unpacked from is neither changed nor destroyed.
///
///   RecordView r;
///   for (std::size_t at = 0; at < batch.bytes(); ) at = batch.unpack(at, r);

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "graph/record.hpp"

namespace kgraph {

/// Of the members below `kind` and `text`, only those of its kind are set (`facts` for strings).
struct ScalarView {
  ValueKind kind = ValueKind::string;
  std::string_view text;  // the string (kind == string)
  std::int64_t integer = 0;
  double real = 0;
  bool boolean = false;
  TextFacts facts;  // of `text`, when kind == string
};

struct FieldView {
  std::string_view key;
  FieldKey code = FieldKey::other;  // field_key(key), worked out when the record was packed
  Location at;
  bool is_list = false;
  std::span<const ScalarView> values;

  bool is_null() const { return !is_list && values.empty(); }
};

inline FieldKey key_of(const FieldView& f) { return f.code; }

struct RecordView {
  Section section = Section::actor;
  Location at;
  std::vector<FieldView> fields;  // the first field_count are this record's; kept for reuse
  std::size_t field_count = 0;
  std::vector<ScalarView> values;  // what the fields' `values` look at; kept for reuse
  /// What GraphBuilder's limits count, worked out when the record was packed: its values, and
  /// the bytes of its field names and texts.
  std::size_t value_count = 0;
  std::size_t text_bytes = 0;

  const FieldView* find(std::string_view key) const {
    for (std::size_t i = 0; i < field_count; ++i)
      if (fields[i].key == key) return &fields[i];
    return nullptr;
  }
};

}  // namespace kgraph
