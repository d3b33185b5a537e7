#pragma once
/// Property values: a string, an integer, a real number or a boolean. Properties are
/// multi-valued, so a property holds a sorted set of these.

#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/string_pool.hpp"

namespace kgraph {

enum class ValueKind : std::uint8_t { boolean, integer, real, string };

/// One scalar value; strings are interned in the graph's pool.
struct Value {
  ValueKind kind = ValueKind::string;
  union {
    bool boolean;
    std::int64_t integer;
    double real;
    StrId string;
  };

  Value() : integer(0) {}
  static Value of_bool(bool b) {
    Value v;
    v.kind = ValueKind::boolean;
    v.integer = 0;
    v.boolean = b;
    return v;
  }
  static Value of_int(std::int64_t i) {
    Value v;
    v.kind = ValueKind::integer;
    v.integer = i;
    return v;
  }
  static Value of_real(double d) {
    Value v;
    v.kind = ValueKind::real;
    v.real = d;
    return v;
  }
  static Value of_string(StrId s) {
    Value v;
    v.kind = ValueKind::string;
    v.integer = 0;
    v.string = s;
    return v;
  }
};

/// Total order by kind, then value (strings compared as text, never by id), so that
/// value sets sort the same whatever order the inputs came in.
bool value_less(const Value& a, const Value& b, const StringPool& pool);
bool value_equal(const Value& a, const Value& b);

/// A property: its key and its sorted, duplicate-free values (at least one).
struct Property {
  StrId key = kEmpty;
  std::vector<Value> values;
};

/// Properties of one element, sorted by key text.
using PropertyList = std::vector<Property>;

/// Inserts `v` under `key`, keeping both the key order and the value set sorted.
void add_property_value(PropertyList& props, StrId key, const Value& v, const StringPool& pool);

/// Merges `from` into `into` (union of keys and values).
void merge_properties(PropertyList& into, const PropertyList& from, const StringPool& pool);

/// The canonical text of a real number: shortest form that reads back to the same double.
std::string format_real(double d);

/// The canonical text of a value: the string itself, `42`, format_real(), `true`/`false`.
std::string value_text(const Value& v, const StringPool& pool);

}  // namespace kgraph
