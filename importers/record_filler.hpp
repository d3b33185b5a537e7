#pragma once
/// Collects the fields and values of one RawRecord as the JSON record readers meet them
/// (json_record_handler.hpp), reusing the record's storage from one record to the next.
///
///   filler.begin_record(at);
///   filler.begin_field("aliases");  filler.field().is_list = true;
///   filler.add_value(a);  filler.add_value(b);  filler.end_field();
///   sink(filler.record());
///
/// begin_field and add_value return false once the record is past what one record may hold
/// (graph/record.hpp); the reader then reports `budget()` and leaves the record out.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graph/record.hpp"

namespace kgraph::json_records {

/// A scalar as RapidJSON delivered it.
struct Scalar {
  bool null = false;
  ValueKind kind = ValueKind::string;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  std::string_view text;
};

/// Fills a RawRecord in place, without RawRecord::add_field's clearing of the values, so that
/// a reused record keeps the strings' storage from one record to the next.
class RecordFiller {
 public:
  /// The record being filled; complete after end_field of its last field.
  RawRecord& record() { return record_; }
  const RawRecord& record() const { return record_; }

  /// Starts a record at `at`, with no fields.
  void begin_record(Location at) {
    record_.clear();
    budget_.reset();
    key_bits_ = 0;
    if (!key_set_.empty()) key_set_.clear();
    record_.at = at;
  }

  /// Starts a field, a scalar with no values yet; the caller sets its `at` and `is_list`.
  /// False if its name takes the record past the text limit.
  [[nodiscard]] bool begin_field(std::string_view key) {
    if (record_.field_count == record_.fields.size()) record_.fields.emplace_back();
    RawField& f = record_.fields[record_.field_count++];
    if (f.key != key) f.key.assign(key);  // records tend to repeat their keys in order
    f.is_list = false;
    values_ = 0;
    key_bits_ |= key_bit(key);
    if (record_.field_count > kKeySetFrom) {
      if (key_set_.empty())
        for (std::size_t i = 0; i < record_.field_count; ++i)
          key_set_.insert(record_.fields[i].key);
      else
        key_set_.insert(record_.fields[record_.field_count - 1].key);
    }
    return budget_.add_text(key.size());
  }
  /// The field begun last.
  RawField& field() { return record_.fields[record_.field_count - 1]; }
  /// Appends a value (not null) to the field begun last; false, and nothing appended, if it
  /// would take the record past a limit.
  [[nodiscard]] bool add_value(const Scalar& v) {
    if (!budget_.add_values(1, v.kind == ValueKind::string ? v.text.size() : 0)) return false;
    std::vector<RawScalar>& values = field().values;
    if (values_ == values.size()) values.emplace_back();
    RawScalar& out = values[values_++];
    out.kind = v.kind;
    if (v.kind == ValueKind::string)
      out.text.assign(v.text);
    else
      out.text.clear();
    out.integer = v.integer;
    out.real = v.real;
    out.boolean = v.boolean;
    return true;
  }
  /// Ends the field begun last: drops the values a previous record left beyond this one's.
  void end_field() {
    std::vector<RawScalar>& values = field().values;
    if (values.size() != values_) values.resize(values_);
  }
  /// Takes back the field begun last (its value was bad).
  void drop_field() {
    if (!key_set_.empty()) key_set_.erase(field().key);
    --record_.field_count;
  }

  /// What the record holds so far.
  const RecordBudget& budget() const { return budget_; }

  /// Whether the record has a field `key`.
  bool has_field(std::string_view key) const {
    if (!(key_bits_ & key_bit(key))) return false;
    if (!key_set_.empty()) return key_set_.count(std::string(key)) != 0;
    for (std::size_t i = 0; i < record_.field_count; ++i)
      if (record_.fields[i].key == key) return true;
    return false;
  }

 private:
  // A one-word filter first: comparing every key with every other costs more than the parsing.
  static std::uint64_t key_bit(std::string_view key) {
    const std::size_t h =
        key.empty() ? 0
                    : key.size() * 7 + std::size_t{static_cast<unsigned char>(key.front())} * 3 +
                          static_cast<unsigned char>(key.back());
    return std::uint64_t{1} << (h & 63);
  }

  RawRecord record_;
  RecordBudget budget_;
  std::size_t values_ = 0;      // values filled in the current field
  std::uint64_t key_bits_ = 0;  // key_bit of every field key in the record
  // Past kKeySetFrom fields, every key is also in a set: comparing each key with all those
  // before it would make one record of n fields cost n².
  static constexpr std::size_t kKeySetFrom = 64;
  std::unordered_set<std::string> key_set_;
};

}  // namespace kgraph::json_records
