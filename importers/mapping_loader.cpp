#include "importers/mapping_loader.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "graph/messages.hpp"
#include "graph/schema.hpp"
#include "importers/json_tree.hpp"

namespace kgraph::detail {
namespace {

constexpr std::string_view kEntityKeys[] = {
    "type", "kind",    "id",    "name",   "aliases", "description", "date",    "start",
    "end",  "sources", "place", "within", "part_of", "properties",  "require", "slug"};
constexpr std::string_view kRelationKeys[] = {"type",  "from",    "to",         "id",
                                              "date",  "start",   "end",        "role",
                                              "quote", "sources", "properties", "require"};
constexpr std::string_view kListKeys[] = {"aliases", "sources", "place", "within", "part_of"};
constexpr std::string_view kIdKeys[] = {"id", "place", "within", "part_of"};

template <std::size_t N>
bool one_of(std::string_view s, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), s) != std::end(set);
}
template <std::size_t N>
std::vector<std::string> words(const std::string_view (&set)[N]) {
  return {std::begin(set), std::end(set)};
}

/// Turns the JsonNode tree into a MappingSpec, reporting every problem at its place.
class Loader {
 public:
  Loader(std::uint32_t file, Diagnostics& diags, MappingSpec& spec) : diags_(diags), spec_(spec) {
    spec_.file = file;
  }

  Location at(TextPosition p) const { return Location{spec_.file, p.line, p.column}; }

  void load(const JsonNode& root) {
    if (root.kind != JsonNode::Kind::object) {
      error(root.at,
            "a mapping is a JSON object with \"entities\" and optionally \"relations\" and "
            "\"sources\"");
      return;
    }
    const JsonNode* entities = nullptr;
    const JsonNode* relations = nullptr;
    for (const JsonMember& m : members(root)) {
      if (m.key == "entities")
        entities = &m.value;
      else if (m.key == "relations")
        relations = &m.value;
      else if (m.key == "sources")
        sources(m.value);
      else if (m.key == "description" || m.key == "$comment")
        continue;  // documentation
      else
        error(m.key_at,
              "unknown key " + quoted(m.key) + " in the mapping" +
                  did_you_mean_suffix(m.key, {"entities", "relations", "sources", "description"}) +
                  "; the keys are \"entities\", \"relations\", \"sources\" and \"description\"");
    }
    if (!entities) {
      error(root.at,
            "the mapping has no \"entities\"; it needs an object of entity name -> "
            "{\"type\", \"id\", \"name\", ...}");
    } else if (entities->kind != JsonNode::Kind::object) {
      expected(*entities, "an object of entity name -> {\"type\", \"id\", \"name\", ...}");
    } else {
      for (const JsonMember& m : members(*entities)) entity(m);
    }
    if (relations) {
      if (relations->kind != JsonNode::Kind::array)
        expected(*relations, "an array of relations");
      else
        for (std::size_t i = 0; i < relations->items.size(); ++i) relation(relations->items[i], i);
    }
  }

  bool ok() const { return ok_; }

 private:
  void error(TextPosition p, std::string message) {
    diags_.error(at(p), std::move(message));
    ok_ = false;
  }
  void expected(const JsonNode& n, std::string_view what) {
    error(n.at, "expected " + std::string(what) + ", found " + std::string(json_kind_text(n.kind)));
  }
  /// The members of `object`, the first of each key only; reports the others. (Linear: the
  /// "entities" of a generated mapping may have many thousand members.)
  std::vector<std::reference_wrapper<const JsonMember>> members(const JsonNode& object) {
    std::vector<std::reference_wrapper<const JsonMember>> out;
    out.reserve(object.members.size());
    std::unordered_map<std::string_view, TextPosition> first;
    for (const JsonMember& m : object.members) {
      auto [it, fresh] = first.try_emplace(m.key, m.key_at);
      if (fresh) {
        out.emplace_back(m);
        continue;
      }
      error(m.key_at, "duplicate key " + quoted(m.key) + " (first at line " +
                          std::to_string(it->second.line) + ")");
    }
    return out;
  }

  int column(std::string_view name, TextPosition p) {
    auto [it, fresh] =
        column_index_.try_emplace(std::string(name), static_cast<int>(spec_.columns.size()));
    if (fresh) {
      spec_.columns.emplace_back(name);
      spec_.column_at.push_back(at(p));
    }
    return it->second;
  }

  bool parse_template(const JsonNode& n, Template& t) {
    const std::string& s = n.text;
    std::string literal;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c == '{' && i + 1 < s.size() && s[i + 1] == '{') {
        literal += '{';
        ++i;
      } else if (c == '}' && i + 1 < s.size() && s[i + 1] == '}') {
        literal += '}';
        ++i;
      } else if (c == '}') {
        error(n.at,
              "unmatched \"}\" in template " + quoted(s) + "; write a literal brace as \"}}\"");
        return false;
      } else if (c == '{') {
        const std::size_t close = s.find('}', i + 1);
        if (close == std::string::npos) {
          error(n.at, "unclosed \"{\" in template " + quoted(s) +
                          "; write {column} or a literal brace as \"{{\"");
          return false;
        }
        const std::string_view name = std::string_view(s).substr(i + 1, close - i - 1);
        if (name.empty()) {
          error(n.at, "empty placeholder \"{}\" in template " + quoted(s) + "; write {column}");
          return false;
        }
        if (!literal.empty()) t.parts.push_back({std::move(literal), -1});
        literal.clear();
        t.parts.push_back({std::string(), column(name, n.at)});
        i = close;
      } else {
        literal += c;
      }
    }
    if (!literal.empty()) t.parts.push_back({std::move(literal), -1});
    return true;
  }

  /// One value: "template", a number or boolean constant, or {"column"|"template", "type", "split"}.
  bool value(const JsonNode& n, ValueSpec& v, std::string_view text_only = {}) {
    v.at = at(n.at);
    switch (n.kind) {
      case JsonNode::Kind::string:
        return parse_template(n, v.tmpl);
      case JsonNode::Kind::integer:
      case JsonNode::Kind::real:
      case JsonNode::Kind::boolean: {
        if (!text_only.empty()) {
          expected(n, "text for " + quoted(text_only) + " (a template string)");
          return false;
        }
        RawScalar c;
        c.kind = n.kind == JsonNode::Kind::integer ? ValueKind::integer
                 : n.kind == JsonNode::Kind::real  ? ValueKind::real
                                                   : ValueKind::boolean;
        c.integer = n.integer;
        c.real = n.real;
        c.boolean = n.boolean;
        v.constant = c;
        return true;
      }
      case JsonNode::Kind::object:
        break;
      default:
        expected(n,
                 "a template string such as \"{column}\", a number, a boolean, or an object "
                 "{\"column\": ..., \"type\": ..., \"split\": ...}");
        return false;
    }
    const auto unique_members = members(n);
    bool ok = unique_members.size() == n.members.size(), source = false;
    for (const JsonMember& m : unique_members) {
      if (m.key == "column" || m.key == "template") {
        if (source) {
          error(m.key_at, "give either \"column\" or \"template\", not both");
          ok = false;
          continue;
        }
        source = true;
        if (m.value.kind != JsonNode::Kind::string) {
          expected(m.value, "a string");
          ok = false;
          continue;
        }
        if (m.key == "column") {
          if (m.value.text.empty()) {
            error(m.value.at, "the column name is empty");
            ok = false;
            continue;
          }
          v.tmpl.parts.push_back({std::string(), column(m.value.text, m.value.at)});
        } else {
          ok = parse_template(m.value, v.tmpl) && ok;
        }
      } else if (m.key == "type") {
        if (m.value.kind != JsonNode::Kind::string) {
          expected(m.value, "a type name");
          ok = false;
          continue;
        }
        const auto t = parse_cell_type(m.value.text);
        if (!t) {
          error(m.value.at, "unknown type " + quoted(m.value.text) +
                                did_you_mean_suffix(m.value.text, {"string", "int", "long", "float",
                                                                   "double", "boolean"}) +
                                "; types: string, int, long, float, double, boolean");
          ok = false;
          continue;
        }
        v.type = *t;
      } else if (m.key == "split") {
        if (m.value.kind == JsonNode::Kind::boolean) {
          v.split = m.value.boolean;
        } else if (m.value.kind == JsonNode::Kind::string && !m.value.text.empty()) {
          v.split = true;
          v.separator = m.value.text;
        } else {
          expected(m.value, "true (split on \";\") or a non-empty separator string");
          ok = false;
        }
      } else {
        error(m.key_at, "unknown key " + quoted(m.key) + " in a value" +
                            did_you_mean_suffix(m.key, {"column", "template", "type", "split"}) +
                            "; a value is {\"column\" or \"template\", \"type\", \"split\"}");
        ok = false;
      }
    }
    if (!source && ok) {
      error(n.at, "a value object needs \"column\" or \"template\"");
      ok = false;
    }
    return ok;
  }

  /// A field: one value, or an array of values (then written as a list).
  void field(std::vector<FieldSpec>& fields, std::string key, const JsonNode& n, bool list_ok) {
    FieldSpec f;
    f.key = std::move(key);
    f.list = one_of(f.key, kListKeys);
    f.id_like = one_of(f.key, kIdKeys);
    const std::string_view text_only =
        f.id_like || f.key == "name" || f.key == "type" || f.key == "kind" ? std::string_view(f.key)
                                                                           : std::string_view();
    if (n.kind == JsonNode::Kind::array) {
      if (!list_ok) {
        expected(n, "one value (not an array) for " + quoted(f.key));
        return;
      }
      f.list = true;
      for (const JsonNode& item : n.items) {
        if (item.kind == JsonNode::Kind::array) {
          expected(item, "a value (arrays do not nest)");
          continue;
        }
        ValueSpec v;
        if (value(item, v, text_only)) f.values.push_back(std::move(v));
      }
      if (n.items.empty()) expected(n, "at least one value");
    } else {
      ValueSpec v;
      if (!value(n, v, text_only)) return;
      if (v.split) {
        if (!list_ok) {
          error(n.at, quoted(f.key) + " takes one value, so it cannot be split");
          return;
        }
        f.list = true;
      }
      f.values.push_back(std::move(v));
    }
    fields.push_back(std::move(f));
  }

  void properties(ElementSpec& e, const JsonNode& n, const std::string_view* reserved,
                  std::size_t reserved_count) {
    if (n.kind != JsonNode::Kind::object) return expected(n, "an object of property name -> value");
    for (const JsonMember& m : members(n)) {
      if (std::find(reserved, reserved + reserved_count, m.key) != reserved + reserved_count ||
          m.key == "record" || m.key == "from" || m.key == "to") {
        error(m.key_at,
              quoted(m.key) + " is a field, not a property; write it beside \"properties\"");
        continue;
      }
      if (m.key.empty()) {
        error(m.key_at, "a property name must not be empty");
        continue;
      }
      field(e.fields, m.key, m.value, true);
    }
  }

  void require(ElementSpec& e, const JsonNode& n) {
    auto one = [&](const JsonNode& c) {
      if (c.kind != JsonNode::Kind::string || c.text.empty()) return expected(c, "a column name");
      e.require.push_back(column(c.text, c.at));
    };
    if (n.kind == JsonNode::Kind::array)
      for (const JsonNode& c : n.items) one(c);
    else
      one(n);
  }

  void entity(const JsonMember& m) {
    const JsonNode& n = m.value;
    if (n.kind != JsonNode::Kind::object)
      return expected(n, "an object {\"type\", \"id\", \"name\", ...}");
    if (m.key.empty()) return error(m.key_at, "an entity's name in \"entities\" must not be empty");
    ElementSpec e;
    e.name = m.key;
    e.at = at(n.at);
    const JsonNode *type = nullptr, *id = nullptr, *name = nullptr;
    for (const JsonMember& f : members(n)) {
      if (f.key == "type")
        type = &f.value;
      else if (f.key == "id")
        id = &f.value;
      else if (f.key == "name")
        name = &f.value;
      else if (f.key == "properties")
        properties(e, f.value, kEntityKeys, std::size(kEntityKeys));
      else if (f.key == "require")
        require(e, f.value);
      else if (f.key == "slug") {
        if (f.value.kind != JsonNode::Kind::boolean)
          expected(f.value, "true or false");
        else
          e.slug = f.value.boolean;
      } else if (one_of(f.key, kEntityKeys)) {
        field(e.fields, f.key, f.value, one_of(f.key, kListKeys) || f.key == "description");
      } else {
        error(f.key_at, "unknown key " + quoted(f.key) + " in entity " + quoted(e.name) +
                            did_you_mean_suffix(f.key, words(kEntityKeys)) +
                            "; further fields go under \"properties\"");
      }
    }
    if (!type) {
      error(n.at,
            "entity " + quoted(e.name) + " has no \"type\"; give one of actor, law, event, place");
    } else if (type->kind != JsonNode::Kind::string) {
      expected(*type, "an entity type: actor, law, event or place");
    } else if (const auto t = parse_entity_type(type->text)) {
      e.section = *t == EntityType::actor   ? Section::actor
                  : *t == EntityType::law   ? Section::law
                  : *t == EntityType::event ? Section::event
                                            : Section::place;
    } else {
      error(type->at, "unknown entity type " + quoted(type->text) +
                          did_you_mean_suffix(type->text, {"actor", "law", "event", "place"}) +
                          "; the types are actor, law, event, place (a subtype is a \"kind\")");
    }
    std::vector<FieldSpec> head;
    if (!id)
      error(n.at, "entity " + quoted(e.name) +
                      " has no \"id\"; give a template such as \"country-{name}\"");
    else
      field(head, "id", *id, false);
    if (!name)
      error(n.at,
            "entity " + quoted(e.name) + " has no \"name\"; give a column such as \"{name}\"");
    else
      field(head, "name", *name, false);
    e.fields.insert(e.fields.begin(), std::make_move_iterator(head.begin()),
                    std::make_move_iterator(head.end()));
    entity_index_.emplace(e.name, static_cast<int>(spec_.entities.size()));
    spec_.entities.push_back(std::move(e));
  }

  void endpoint(const JsonNode& n, EndpointSpec& ep, std::string_view which,
                const std::string& rel) {
    if (n.kind == JsonNode::Kind::string) {
      if (const auto it = entity_index_.find(n.text); it != entity_index_.end()) {
        ep.entity = it->second;
      } else {
        std::vector<std::string> names;
        std::string listed;
        for (const ElementSpec& e : spec_.entities) {
          names.push_back(e.name);
          listed += (listed.empty() ? "" : ", ") + e.name;
        }
        error(n.at, quoted(which) + " of " + rel + " names no entity of this mapping: " +
                        quoted(n.text) + did_you_mean_suffix(n.text, names) +
                        " (entities: " + (listed.empty() ? "none" : listed) +
                        "); for a fixed id write {\"id\": \"...\"}");
      }
      return;
    }
    if (n.kind != JsonNode::Kind::object) {
      return expected(n, "the name of one of the mapping's entities, or {\"id\": \"template\"}");
    }
    for (const JsonMember& m : members(n)) {
      if (m.key == "id") {
        ValueSpec v;
        if (m.value.kind != JsonNode::Kind::string)
          expected(m.value, "an id template");
        else if (value(m.value, v))
          ep.id = std::move(v);
      } else if (m.key == "slug") {
        if (m.value.kind != JsonNode::Kind::boolean)
          expected(m.value, "true or false");
        else
          ep.slug = m.value.boolean;
      } else {
        error(m.key_at, "unknown key " + quoted(m.key) + " in " + quoted(which) +
                            did_you_mean_suffix(m.key, {"id", "slug"}) +
                            "; write {\"id\": \"template\"}");
      }
    }
    if (!ep.id) error(n.at, quoted(which) + " of " + rel + " needs \"id\"");
  }

  void relation(const JsonNode& n, std::size_t index) {
    ElementSpec r;
    r.section = Section::relation;
    r.name = "relations[" + std::to_string(index) + "]";
    r.at = at(n.at);
    if (n.kind != JsonNode::Kind::object)
      return expected(n, "an object {\"type\", \"from\", \"to\", ...}");
    const JsonNode *from = nullptr, *to = nullptr;
    bool has_type = false;
    for (const JsonMember& f : members(n)) {
      if (f.key == "from")
        from = &f.value;
      else if (f.key == "to")
        to = &f.value;
      else if (f.key == "properties")
        properties(r, f.value, kRelationKeys, std::size(kRelationKeys));
      else if (f.key == "require")
        require(r, f.value);
      else if (one_of(f.key, kRelationKeys)) {
        has_type = has_type || f.key == "type";
        field(r.fields, f.key, f.value, f.key == "sources" || f.key == "quote");
      } else {
        error(f.key_at, "unknown key " + quoted(f.key) + " in " + r.name +
                            did_you_mean_suffix(f.key, words(kRelationKeys)) +
                            "; further fields go under \"properties\"");
      }
    }
    // The "id" of a relation is its own id property, not an entity id: never slugged.
    for (FieldSpec& f : r.fields)
      if (f.key == "id") f.id_like = false;
    if (!has_type) error(n.at, r.name + " has no \"type\" (e.g. \"party_to\")");
    if (!from)
      error(n.at, r.name + " has no \"from\"");
    else
      endpoint(*from, r.from, "from", r.name);
    if (!to)
      error(n.at, r.name + " has no \"to\"");
    else
      endpoint(*to, r.to, "to", r.name);
    spec_.relations.push_back(std::move(r));
  }

  void sources(const JsonNode& n) {
    if (n.kind != JsonNode::Kind::array)
      return expected(n, "an array of source objects {\"id\", \"title\", ...}");
    for (const JsonNode& s : n.items) {
      if (s.kind != JsonNode::Kind::object) {
        expected(s, "a source object {\"id\", \"title\", ...}");
        continue;
      }
      RawRecord rec;
      rec.section = Section::source;
      rec.at = at(s.at);
      bool has_id = false;
      for (const JsonMember& m : members(s)) {
        RawField& f = rec.add_field(m.key, at(m.value.at));
        if (!constant(m.value, f)) continue;
        if (m.key == "id") {
          if (m.value.kind != JsonNode::Kind::string)
            expected(m.value, "a source id string");
          else if (!m.value.text.empty()) {
            has_id = true;
            spec_.source_ids.push_back(m.value.text);
          }
        }
      }
      if (!has_id) error(s.at, "a source needs an \"id\"");
      spec_.sources.push_back(std::move(rec));
    }
  }

  /// A JSON scalar or array of scalars as a field value.
  bool constant(const JsonNode& n, RawField& f) {
    auto scalar = [&](const JsonNode& v, RawScalar& out) {
      switch (v.kind) {
        case JsonNode::Kind::string:
          out = RawScalar::of_string(v.text);
          return true;
        case JsonNode::Kind::integer:
          out.kind = ValueKind::integer;
          out.integer = v.integer;
          return true;
        case JsonNode::Kind::real:
          out.kind = ValueKind::real;
          out.real = v.real;
          return true;
        case JsonNode::Kind::boolean:
          out.kind = ValueKind::boolean;
          out.boolean = v.boolean;
          return true;
        default:
          expected(v, "a string, number or boolean");
          return false;
      }
    };
    if (n.kind == JsonNode::Kind::array) {
      f.is_list = true;
      for (const JsonNode& item : n.items)
        if (!scalar(item, f.values.emplace_back())) return false;
      return true;
    }
    return scalar(n, f.values.emplace_back());
  }

  Diagnostics& diags_;
  MappingSpec& spec_;
  std::unordered_map<std::string, int> column_index_;  // spec_.columns -> their index
  std::unordered_map<std::string, int> entity_index_;  // spec_.entities by name
  bool ok_ = true;
};

}  // namespace

bool load_mapping(std::string_view json_text, std::uint32_t file, Diagnostics& diags,
                  MappingSpec& spec) {
  Loader loader(file, diags, spec);
  JsonNode root;
  if (const auto error = parse_json_tree(json_text, root)) {
    diags.error(loader.at(error->at), error->message);
    return false;
  }
  loader.load(root);
  return loader.ok();
}

}  // namespace kgraph::detail
