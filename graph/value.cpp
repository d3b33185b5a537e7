#include "graph/value.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace kgraph {

bool value_equal(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case ValueKind::boolean:
      return a.boolean == b.boolean;
    case ValueKind::integer:
      return a.integer == b.integer;
    case ValueKind::real:
      return a.real == b.real || (std::isnan(a.real) && std::isnan(b.real));
    case ValueKind::string:
      return a.string == b.string;
  }
  return false;
}

bool value_less(const Value& a, const Value& b, const StringPool& pool) {
  if (a.kind != b.kind) return a.kind < b.kind;
  switch (a.kind) {
    case ValueKind::boolean:
      return a.boolean < b.boolean;
    case ValueKind::integer:
      return a.integer < b.integer;
    case ValueKind::real:
      return a.real < b.real;
    case ValueKind::string:
      return a.string != b.string && pool.view(a.string) < pool.view(b.string);
  }
  return false;
}

void add_property_value(PropertyList& props, StrId key, const Value& v, const StringPool& pool) {
  const std::string_view key_text = pool.view(key);
  auto it =
      std::lower_bound(props.begin(), props.end(), key_text,
                       [&](const Property& p, std::string_view k) { return pool.view(p.key) < k; });
  if (it == props.end() || it->key != key) it = props.insert(it, Property{key, {}});
  auto& values = it->values;
  auto pos = std::lower_bound(values.begin(), values.end(), v, [&](const Value& a, const Value& b) {
    return value_less(a, b, pool);
  });
  if (pos != values.end() && value_equal(*pos, v)) return;
  values.insert(pos, v);
}

void merge_properties(PropertyList& into, const PropertyList& from, const StringPool& pool) {
  for (const Property& p : from)
    for (const Value& v : p.values) add_property_value(into, p.key, v, pool);
}

std::string format_real(double d) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, end);
  // Keep a visible marker of "real" so that 2.0 reads back as a real, not as the integer 2.
  if (std::isfinite(d) && s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

std::string value_text(const Value& v, const StringPool& pool) {
  switch (v.kind) {
    case ValueKind::boolean:
      return v.boolean ? "true" : "false";
    case ValueKind::integer:
      return std::to_string(v.integer);
    case ValueKind::real:
      return format_real(v.real);
    case ValueKind::string:
      return std::string(pool.view(v.string));
  }
  return {};
}

}  // namespace kgraph
