#include "importers/graphml_names.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace kgraph::graphml {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

// The kind as the schema spells it, trying the text as written and then in snake_case.
std::optional<std::string> declared_kind(const Schema& schema, EntityType type,
                                         std::string_view part) {
  if (schema.has_kind(type, part)) return std::string(part);
  std::string snake = snake_case(part);
  if (schema.has_kind(type, snake)) return snake;
  return std::nullopt;
}

constexpr std::array<std::string_view, 9> kNodeBuiltins = {
    "id", "type", "kind", "name", "aliases", "start", "end", "sources", "labels"};
constexpr std::array<std::string_view, 6> kEdgeBuiltins = {"type", "label", "start",
                                                           "end",  "role",  "sources"};

}  // namespace

std::string snake_case(std::string_view word) {
  std::string out;
  bool word_open = false;  // the last character written is part of a word
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    const auto byte = static_cast<unsigned char>(c);
    if (is_upper(c) || is_lower(c) || is_digit(c) || byte >= 0x80) {
      // A new word at aB, and at the B of ABc (`HTTPServer` -> http_server).
      const bool boundary =
          word_open && is_upper(c) &&
          (is_lower(word[i - 1]) || is_digit(word[i - 1]) ||
           (is_upper(word[i - 1]) && i + 1 < word.size() && is_lower(word[i + 1])));
      if (boundary) out += '_';
      out += lower(c);
      word_open = true;
    } else if (word_open) {
      out += '_';
      word_open = false;
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

LabelMeaning read_labels(std::string_view text, const Schema& schema) {
  LabelMeaning m;
  std::vector<std::string_view> kinds;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(':', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = trim(text.substr(start, end - start));
    start = end + 1;
    if (part.empty()) continue;
    if (auto t = parse_entity_type(snake_case(part))) {
      if (!m.type)
        m.type = t;
      else if (*m.type != *t && !m.conflicting)
        m.conflicting = t;
    } else {
      kinds.push_back(part);
    }
  }
  for (std::string_view part : kinds) {
    if (!m.kind.empty()) {
      m.complete = false;  // a second kind
      break;
    }
    if (m.type) {
      if (auto k = declared_kind(schema, *m.type, part))
        m.kind = *k;
      else
        m.complete = false;
      continue;
    }
    std::optional<EntityType> found;
    std::string kind;
    int count = 0;
    for (EntityType t : kEntityTypes) {
      if (auto k = declared_kind(schema, t, part)) {
        found = t;
        kind = *k;
        ++count;
      }
    }
    if (count == 1) {
      m.type = found;
      m.kind = kind;
    } else {
      m.complete = false;
    }
  }
  return m;
}

std::string relation_type_of(std::string_view label, const Schema& schema) {
  std::string_view t = trim(label);
  while (t.starts_with(':')) t.remove_prefix(1);
  if (schema.relation(t)) return std::string(t);
  std::string snake = snake_case(t);
  if (schema.relation(snake)) return snake;
  return std::string(t);
}

std::string decode_attr_name(std::string_view attr_name, bool for_node) {
  std::string name;
  if (attr_name.size() > 1 && attr_name.front() == '-') {
    for (std::size_t i = 1; i < attr_name.size(); ++i) {
      if (attr_name[i] != '.') {
        name += attr_name[i];
        continue;
      }
      const int hi = i + 2 < attr_name.size() ? hex_value(attr_name[i + 1]) : -1;
      const int lo = hi >= 0 ? hex_value(attr_name[i + 2]) : -1;
      if (lo < 0) return std::string(attr_name);
      name += static_cast<char>(hi * 16 + lo);
      i += 2;
    }
  } else {
    name.assign(attr_name);
  }
  if (name.starts_with('_')) {
    const std::string_view stripped = std::string_view(name).substr(
        name.find_first_not_of('_') == std::string::npos ? name.size()
                                                         : name.find_first_not_of('_'));
    const auto builtin = [&](const auto& names) {
      return std::find(names.begin(), names.end(), stripped) != names.end();
    };
    if (for_node ? builtin(kNodeBuiltins) : builtin(kEdgeBuiltins)) name.erase(0, 1);
  }
  return name;
}

}  // namespace kgraph::graphml
