#include "exporters/property_columns.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>

namespace kgraph::dbcols {
namespace {

constexpr std::int64_t kMaxExactInteger = std::int64_t{1}
                                          << 53;  // every integer up to here is a double

constexpr std::uint8_t bit(ValueKind k) {
  return static_cast<std::uint8_t>(1u << static_cast<int>(k));
}

ColumnType infer_type(std::uint8_t kinds, bool huge_integer) {
  const bool b = kinds & bit(ValueKind::boolean);
  const bool i = kinds & bit(ValueKind::integer);
  const bool r = kinds & bit(ValueKind::real);
  const bool s = kinds & bit(ValueKind::string);
  if (s) return ColumnType::string;
  if (b) return (i || r) ? ColumnType::string : ColumnType::boolean;
  if (i && r) return huge_integer ? ColumnType::string : ColumnType::real;
  if (r) return ColumnType::real;
  return ColumnType::integer;
}

char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string fold(std::string_view s, bool case_insensitive) {
  std::string out(s);
  if (case_insensitive)
    for (char& c : out) c = ascii_upper(c);
  return out;
}

/// Which of U+001C to U+001F `s` holds, as bits 0 to 3.
std::uint8_t separators_of(std::string_view s) {
  std::uint8_t bits = 0;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x1C && u <= 0x1F) bits |= static_cast<std::uint8_t>(1u << (u - 0x1C));
  }
  return bits;
}

}  // namespace

ColumnCollector::KeyStats& ColumnCollector::stats_of(StrId key) {
  constexpr std::size_t kLinear = 16;
  if (last_ < stats_.size() && stats_[last_].first == key) return stats_[last_].second;
  if (stats_.size() <= kLinear) {
    for (std::uint32_t i = 0; i < stats_.size(); ++i) {
      if (stats_[i].first == key) {
        last_ = i;
        return stats_[i].second;
      }
    }
  } else if (auto it = index_.find(key); it != index_.end()) {
    last_ = it->second;
    return stats_[last_].second;
  }
  last_ = static_cast<std::uint32_t>(stats_.size());
  stats_.emplace_back(key, KeyStats{});
  if (stats_.size() > kLinear) {
    if (index_.empty())
      for (std::uint32_t i = 0; i < stats_.size(); ++i) index_.emplace(stats_[i].first, i);
    else
      index_.emplace(key, last_);
  }
  return stats_.back().second;
}

void ColumnCollector::add(const PropertyList& props, const StringPool& pool) {
  for (const Property& p : props) {
    KeyStats& s = stats_of(p.key);
    if (p.values.size() > 1) s.multi = true;
    for (const Value& v : p.values) {
      s.kinds |= bit(v.kind);
      if (v.kind == ValueKind::integer &&
          (v.integer > kMaxExactInteger || v.integer < -kMaxExactInteger))
        s.huge_integer = true;
      if (v.kind != ValueKind::string) continue;
      const CharClasses classes = pool.classes(v.string);
      s.classes |= classes;
      if (classes & chars::kInfoSeparator) s.separators |= separators_of(pool.view(v.string));
    }
  }
}

void ColumnCollector::merge(const ColumnCollector& other, const StringPool& other_pool,
                            StringPool& pool) {
  for (const auto& [key, s] : other.stats_) {
    KeyStats& t = stats_of(pool.intern(other_pool.view(key)));
    t.kinds |= s.kinds;
    t.classes |= s.classes;
    t.separators |= s.separators;
    t.multi = t.multi || s.multi;
    t.huge_integer = t.huge_integer || s.huge_integer;
  }
}

std::vector<PropertyColumn> keyed_in(std::vector<PropertyColumn> columns, const StringPool& from,
                                     const StringPool& to) {
  for (PropertyColumn& c : columns) c.key = to.find(from.view(c.key));
  return columns;
}

std::vector<PropertyColumn> ColumnCollector::columns(const StringPool& pool) const {
  std::vector<PropertyColumn> out;
  out.reserve(stats_.size());
  for (const auto& [key, s] : stats_) {
    PropertyColumn c;
    c.key = key;
    c.name = std::string(pool.view(key));
    c.type = infer_type(s.kinds, s.huge_integer);
    c.list = s.multi;
    c.classes = s.classes;
    c.separators = s.separators;
    out.push_back(std::move(c));
  }
  // Never iterate a hash map into output: order by key text.
  std::sort(out.begin(), out.end(), [&](const PropertyColumn& a, const PropertyColumn& b) {
    return pool.view(a.key) < pool.view(b.key);
  });
  return out;
}

void assign_names(std::vector<PropertyColumn>& columns, const StringPool& pool,
                  const NamingRules& rules) {
  std::unordered_set<std::string> taken;
  std::unordered_set<std::string> builtins;
  for (std::string_view b : rules.builtins) {
    taken.insert(fold(b, rules.case_insensitive));
    builtins.insert(fold(b, rules.case_insensitive));
  }
  for (PropertyColumn& c : columns) {
    const std::string_view key = pool.view(c.key);
    const std::string_view stripped = key.substr(std::min(key.find_first_not_of('_'), key.size()));
    std::string name(key);
    if (builtins.count(fold(stripped, rules.case_insensitive))) name.insert(name.begin(), '_');
    if (rules.sanitize) rules.sanitize(name);
    if (name.empty()) name.assign(1, '_');
    while (rules.reserved && rules.reserved(name)) name.insert(name.begin(), '_');
    std::string unique = name;
    for (int n = 2; taken.count(fold(unique, rules.case_insensitive)); ++n)
      unique = name + "_" + std::to_string(n);
    taken.insert(fold(unique, rules.case_insensitive));
    c.name = std::move(unique);
  }
}

std::string_view value_text(const Value& v, ColumnType t, const StringPool& pool,
                            std::string& scratch) {
  char buf[32];
  switch (v.kind) {
    case ValueKind::string:
      return pool.view(v.string);
    case ValueKind::boolean:
      return v.boolean ? "true" : "false";
    case ValueKind::integer: {
      if (t == ColumnType::real) {
        scratch = format_real(static_cast<double>(v.integer));
        return scratch;
      }
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.integer);
      scratch.assign(buf, end);
      return scratch;
    }
    case ValueKind::real:
      if (std::isnan(v.real)) return "NaN";
      if (std::isinf(v.real)) return v.real < 0 ? "-Infinity" : "Infinity";
      scratch = format_real(v.real);
      return scratch;
  }
  return {};
}

std::string_view neo4j_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::boolean:
      return "boolean";
    case ColumnType::integer:
      return "long";
    case ColumnType::real:
      return "double";
    case ColumnType::string:
      return "string";
  }
  return "string";
}

std::string_view kuzu_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::boolean:
      return "BOOLEAN";
    case ColumnType::integer:
      return "INT64";
    case ColumnType::real:
      return "DOUBLE";
    case ColumnType::string:
      return "STRING";
  }
  return "STRING";
}

std::string upper_snake(std::string_view type) {
  std::string out;
  out.reserve(type.size());
  for (char ch : type) {
    const auto c = static_cast<unsigned char>(ch);
    out += (c < 0x80 && !is_ascii_alnum(c)) ? '_' : ascii_upper(ch);
  }
  return out;
}

std::string pascal_case(std::string_view word) {
  std::string out;
  bool start = true;
  for (char ch : word) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80 && !is_ascii_alnum(c)) {
      start = true;
      continue;
    }
    out += start ? ascii_upper(ch) : ch;
    start = false;
  }
  return out;
}

}  // namespace kgraph::dbcols
