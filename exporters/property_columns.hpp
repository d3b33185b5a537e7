#pragma once
/// Typed property columns for the database exporters (Neo4j, Kuzu): which type each property
/// key gets within one output file, and the column name it is written under.
///
/// Typing, per file, over every value of the key in that file:
///   only booleans -> boolean; only integers -> integer; integers and reals -> real (string if
///   some integer is beyond 2^53, where a double would change it); only reals -> real;
///   anything else (strings, or booleans mixed with numbers) -> string, numbers and booleans
///   written as their canonical text. If any element holds more than one value, the column is
///   a list of that type and every element's values are written as a list.

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/string_pool.hpp"
#include "graph/value.hpp"

namespace kgraph::dbcols {

enum class ColumnType : std::uint8_t { boolean, integer, real, string };

/// One property key written as a column of one file.
struct PropertyColumn {
  StrId key = kEmpty;
  std::string name;  // the column name in the target database
  ColumnType type = ColumnType::string;
  bool list = false;
  CharClasses classes = 0;      // of all its string values together
  std::uint8_t separators = 0;  // bit i: some string value holds U+001C + i
};

/// Gathers the properties of the elements of one file, then types them.
class ColumnCollector {
 public:
  void add(const PropertyList& props, const StringPool& pool);
  bool empty() const { return stats_.empty(); }
  /// The typed columns, sorted by key text, named after their keys (see assign_names).
  std::vector<PropertyColumn> columns(const StringPool& pool) const;
  /// Adds what `other` gathered, its keys strings of `other_pool`, keying them in `pool`: the
  /// columns of a file written from several graphs (a merge one partition at a time).
  void merge(const ColumnCollector& other, const StringPool& other_pool, StringPool& pool);

 private:
  struct KeyStats {
    std::uint8_t kinds = 0;  // bit per ValueKind
    CharClasses classes = 0;
    std::uint8_t separators = 0;
    bool multi = false;
    bool huge_integer = false;
  };
  KeyStats& stats_of(StrId key);

  // Few keys per file as a rule: a vector searched from the last hit, with a hash index once it
  // grows.
  std::vector<std::pair<StrId, KeyStats>> stats_;
  std::unordered_map<StrId, std::uint32_t> index_;
  std::uint32_t last_ = 0;
};

/// The output file (or table) of each relation type, found by the type's string id: relation
/// types are few and asked for once per relation, so a direct table beats hashing.
class TypeSlots {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  /// The slot of `type`, kNone until set.
  std::uint32_t& operator[](StrId type) {
    if (type >= slots_.size()) slots_.resize(static_cast<std::size_t>(type) + 1, kNone);
    return slots_[type];
  }

 private:
  std::vector<std::uint32_t> slots_;
};

/// How property keys become column names in one database.
struct NamingRules {
  /// Names of the fixed columns of the file (`id`, `name`, ...).
  std::span<const std::string_view> builtins;
  /// Whether the database compares column names ignoring ASCII case.
  bool case_insensitive = false;
  /// Replaces characters the format cannot carry in a name (may be empty).
  std::function<void(std::string&)> sanitize;
  /// Names the database refuses (may be empty).
  std::function<bool(std::string_view)> reserved;
};

/// `columns` with each key looked up in `to` (StringPool::kMissing where `to` lacks it): columns
/// named over the strings of `from`, made to walk the properties of a graph of `to`.
std::vector<PropertyColumn> keyed_in(std::vector<PropertyColumn> columns, const StringPool& from,
                                     const StringPool& to);

/// Names the columns (sorted by key text): the key itself, with one more leading `_` when the
/// key stripped of its leading underscores is a built-in name (`name` -> `_name`, `_name` ->
/// `__name`); then sanitized; `_` if empty; `_` prepended while reserved; and `_2`, `_3`, ...
/// appended when the name is already taken (in key order). Deterministic by construction.
void assign_names(std::vector<PropertyColumn>& columns, const StringPool& pool,
                  const NamingRules& rules);

/// Properties are sorted by key text, and so are columns: walks both at once.
/// Calls `cell(column, property_or_null)` once per column, in column order.
template <typename Cell>
void for_each_cell(const std::vector<PropertyColumn>& columns, const PropertyList& props,
                   Cell&& cell) {
  std::size_t p = 0;
  for (const PropertyColumn& c : columns) {
    if (p < props.size() && props[p].key == c.key) {
      cell(c, &props[p]);
      ++p;
    } else {
      cell(c, static_cast<const Property*>(nullptr));
    }
  }
}

/// The text of `v` in a column of type `t`: a string as it is, a number or boolean in its
/// canonical form (`true`, `42`, `0.25`, `2.0`; an integer in a real column as a real).
/// Non-finite reals are `NaN`, `Infinity`, `-Infinity`. Uses `scratch` when it must build text.
std::string_view value_text(const Value& v, ColumnType t, const StringPool& pool,
                            std::string& scratch);

/// "boolean", "long", "double", "string" (the Neo4j spelling).
std::string_view neo4j_type_name(ColumnType t);
/// "BOOLEAN", "INT64", "DOUBLE", "STRING" (the Kuzu spelling).
std::string_view kuzu_type_name(ColumnType t);

/// Relation type as a Neo4j relationship type / Kuzu table name: `located_in` -> `LOCATED_IN`
/// (ASCII upper-cased; other ASCII punctuation becomes `_`).
std::string upper_snake(std::string_view type);
/// A kind as a label: `government_body` -> `GovernmentBody` (as in GraphML's APOC labels).
std::string pascal_case(std::string_view word);

}  // namespace kgraph::dbcols
