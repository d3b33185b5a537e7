#include "importers/mapping.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <unordered_map>

#include "graph/partial_date.hpp"
#include "graph/schema.hpp"
#include "graph/text.hpp"
#include "graph/unicode.hpp"
#include "importers/csv_importer.hpp"
#include "importers/csv_reader.hpp"

namespace kgraph {
namespace detail {

// ---------------------------------------------------------------------------------------------
// The mapping as loaded.

/// Text with `{column}` placeholders; `{{` and `}}` are literal braces.
struct Template {
  struct Part {
    std::string text;  // literal text (column < 0)
    int column = -1;   // index into MappingSpec::columns
  };
  std::vector<Part> parts;
  bool has_columns() const {
    return std::any_of(parts.begin(), parts.end(), [](const Part& p) { return p.column >= 0; });
  }
};

/// One value of a field: a template (optionally typed and split) or a JSON constant.
struct ValueSpec {
  Location at;  // in the mapping file
  Template tmpl;
  std::optional<RawScalar> constant;  // a JSON number or boolean
  CellType type = CellType::string;
  bool split = false;
  std::string separator = ";";
};

struct FieldSpec {
  std::string key;
  bool list = false;     // always written as a list (aliases, sources, shorthands, arrays, split)
  bool id_like = false;  // placeholders are slugged (id, place, within, part_of)
  std::vector<ValueSpec> values;
};

/// A relation's `from` or `to`: one of the row's entities, or an id template.
struct EndpointSpec {
  int entity = -1;  // index into MappingSpec::entities
  std::optional<ValueSpec> id;
  bool slug = true;
};

/// What one row makes: an entity or a relation.
struct ElementSpec {
  std::string name;  // the entity's key in "entities", or "relations[N]"
  Location at;
  Section section = Section::actor;
  bool slug = true;
  std::vector<FieldSpec> fields;  // for entities fields[0] is "id"
  std::vector<int> require;       // columns that must be non-empty
  EndpointSpec from, to;          // relations only
};

struct MappingSpec {
  std::uint32_t file = 0;
  std::vector<RawRecord> sources;
  std::vector<std::string> source_ids;  // cited by everything the table makes
  std::vector<ElementSpec> entities;
  std::vector<ElementSpec> relations;
  std::vector<std::string> columns;  // every column the mapping names, once
  std::vector<Location> column_at;   // where each is first named
};

namespace {

// ---------------------------------------------------------------------------------------------
// A JSON tree that remembers where each value starts.

struct JMember;
struct JNode {
  enum class Kind { null, boolean, integer, real, string, array, object };
  Kind kind = Kind::null;
  std::size_t offset = 0;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  std::string text;
  std::vector<JNode> items;
  std::vector<JMember> members;
};
struct JMember {
  std::string key;
  std::size_t key_offset = 0;
  JNode value;
};

std::string_view kind_text(JNode::Kind k) {
  switch (k) {
    case JNode::Kind::null:
      return "null";
    case JNode::Kind::boolean:
      return "a boolean";
    case JNode::Kind::integer:
    case JNode::Kind::real:
      return "a number";
    case JNode::Kind::string:
      return "a string";
    case JNode::Kind::array:
      return "an array";
    case JNode::Kind::object:
      return "an object";
  }
  return "a value";
}

/// A string stream for RapidJSON without its copy optimisation, so that Tell() during a SAX
/// event is the position just after the value that caused it (with the optimisation, the reader
/// works on a copy of the stream while it calls the handler for strings and numbers).
struct PositionStream {
  using Ch = char;
  explicit PositionStream(const char* s) : head(s), src(s) {}
  Ch Peek() const { return *src; }
  Ch Take() { return *src++; }
  std::size_t Tell() const { return static_cast<std::size_t>(src - head); }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }
  const Ch* head;
  const Ch* src;
};

/// Builds a JNode tree from RapidJSON's SAX events. RapidJSON reports a value once it has
/// read it, so starts are found by looking back from the stream's position.
class TreeBuilder {
 public:
  TreeBuilder(const std::string& text, const PositionStream& stream, JNode& root)
      : text_(text), stream_(stream), root_(root) {}

  bool Null() {
    add(JNode::Kind::null, literal_start());
    return true;
  }
  bool Bool(bool b) {
    add(JNode::Kind::boolean, literal_start()).boolean = b;
    return true;
  }
  bool Int(int i) { return Int64(i); }
  bool Uint(unsigned u) { return Int64(u); }
  bool Int64(std::int64_t i) {
    add(JNode::Kind::integer, literal_start()).integer = i;
    return true;
  }
  bool Uint64(std::uint64_t u) {
    if (u > static_cast<std::uint64_t>(INT64_MAX)) return Double(static_cast<double>(u));
    return Int64(static_cast<std::int64_t>(u));
  }
  bool Double(double d) {
    add(JNode::Kind::real, literal_start()).real = d;
    return true;
  }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    add(JNode::Kind::string, string_start()).text.assign(s, n);
    return true;
  }
  bool StartObject() {
    stack_.push_back(&add(JNode::Kind::object, stream_.Tell() - 1));
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    key_.assign(s, n);
    key_offset_ = string_start();
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    stack_.pop_back();
    return true;
  }
  bool StartArray() {
    stack_.push_back(&add(JNode::Kind::array, stream_.Tell() - 1));
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    stack_.pop_back();
    return true;
  }

 private:
  JNode& add(JNode::Kind kind, std::size_t offset) {
    JNode* n;
    if (stack_.empty()) {
      n = &root_;
    } else if (stack_.back()->kind == JNode::Kind::array) {
      n = &stack_.back()->items.emplace_back();
    } else {
      JMember& m = stack_.back()->members.emplace_back();
      m.key = std::move(key_);
      m.key_offset = key_offset_;
      n = &m.value;
    }
    n->kind = kind;
    n->offset = offset;
    return *n;
  }
  /// The opening quote of the string that ends just before the stream position.
  std::size_t string_start() const {
    std::size_t i = stream_.Tell() - 1;  // the closing quote
    while (i > 0) {
      --i;
      if (text_[i] != '"') continue;
      std::size_t slashes = 0;
      while (i > slashes && text_[i - 1 - slashes] == '\\') ++slashes;
      if (slashes % 2 == 0) return i;
    }
    return 0;
  }
  std::size_t literal_start() const {
    std::size_t i = stream_.Tell();
    while (i > 0 && std::string_view("0123456789+-.eEtruefalsnul").find(text_[i - 1]) != std::string_view::npos) --i;
    return i;
  }

  const std::string& text_;
  const PositionStream& stream_;
  JNode& root_;
  std::vector<JNode*> stack_;
  std::string key_;
  std::size_t key_offset_ = 0;
};

constexpr std::string_view kEntityKeys[] = {"type",    "kind",       "id",      "name",    "aliases", "description",
                                            "date",    "start",      "end",     "sources", "place",   "within",
                                            "part_of", "properties", "require", "slug"};
constexpr std::string_view kRelationKeys[] = {"type", "from", "to",    "id",      "date",       "start",
                                              "end",  "role", "quote", "sources", "properties", "require"};
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

/// Turns the JNode tree into a MappingSpec, reporting every problem at its place.
class Loader {
 public:
  Loader(const std::string& text, std::uint32_t file, Diagnostics& diags, MappingSpec& spec)
      : text_(text), diags_(diags), spec_(spec) {
    spec_.file = file;
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  Location at(std::size_t offset) const {
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
    const std::size_t start = *it;
    return Location{
        spec_.file, static_cast<std::uint32_t>(it - line_starts_.begin() + 1),
        static_cast<std::uint32_t>(count_code_points(std::string_view(text_).substr(start, offset - start)) + 1)};
  }

  bool parse(JNode& root) {
    PositionStream stream(text_.c_str());
    TreeBuilder builder(text_, stream, root);
    rapidjson::Reader reader;
    const rapidjson::ParseResult r =
        reader.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseCommentsFlag>(stream, builder);
    if (r) {
      if (stream.Tell() < text_.size()) {  // an embedded NUL stopped the reader
        error(stream.Tell(), "the mapping file contains a NUL byte");
        return false;
      }
      return true;
    }
    error(r.Offset(), std::string("invalid JSON: ") + rapidjson::GetParseError_En(r.Code()));
    return false;
  }

  void load(const JNode& root) {
    if (root.kind != JNode::Kind::object) {
      error(root.offset, "a mapping is a JSON object with \"entities\" and optionally \"relations\" and \"sources\"");
      return;
    }
    const JNode* entities = nullptr;
    const JNode* relations = nullptr;
    for (const JMember& m : root.members) {
      if (!unique(root, m)) continue;
      if (m.key == "entities")
        entities = &m.value;
      else if (m.key == "relations")
        relations = &m.value;
      else if (m.key == "sources")
        sources(m.value);
      else if (m.key == "description" || m.key == "$comment")
        continue;  // documentation
      else
        error(m.key_offset, "unknown key " + quoted(m.key) + " in the mapping" +
                                did_you_mean_suffix(m.key, {"entities", "relations", "sources", "description"}) +
                                "; the keys are \"entities\", \"relations\", \"sources\" and \"description\"");
    }
    if (!entities) {
      error(root.offset,
            "the mapping has no \"entities\"; it needs an object of entity name -> "
            "{\"type\", \"id\", \"name\", ...}");
    } else if (entities->kind != JNode::Kind::object) {
      expected(*entities, "an object of entity name -> {\"type\", \"id\", \"name\", ...}");
    } else {
      for (const JMember& m : entities->members)
        if (unique(*entities, m)) entity(m);
    }
    if (relations) {
      if (relations->kind != JNode::Kind::array)
        expected(*relations, "an array of relations");
      else
        for (std::size_t i = 0; i < relations->items.size(); ++i) relation(relations->items[i], i);
    }
  }

  bool ok() const { return ok_; }

 private:
  void error(std::size_t offset, std::string message) {
    diags_.error(at(offset), std::move(message));
    ok_ = false;
  }
  void expected(const JNode& n, std::string_view what) {
    error(n.offset, "expected " + std::string(what) + ", found " + std::string(kind_text(n.kind)));
  }
  /// Whether `m` is the first member of `object` with its key (else reports the duplicate).
  bool unique(const JNode& object, const JMember& m) {
    for (const JMember& other : object.members) {
      if (&other == &m) return true;
      if (other.key == m.key) {
        const Location first = at(other.key_offset);
        error(m.key_offset, "duplicate key " + quoted(m.key) + " (first at line " + std::to_string(first.line) + ")");
        return false;
      }
    }
    return true;
  }

  int column(std::string_view name, std::size_t offset) {
    for (std::size_t i = 0; i < spec_.columns.size(); ++i)
      if (spec_.columns[i] == name) return static_cast<int>(i);
    spec_.columns.emplace_back(name);
    spec_.column_at.push_back(at(offset));
    return static_cast<int>(spec_.columns.size() - 1);
  }

  bool parse_template(const JNode& n, Template& t) {
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
        error(n.offset, "unmatched \"}\" in template " + quoted(s) + "; write a literal brace as \"}}\"");
        return false;
      } else if (c == '{') {
        const std::size_t close = s.find('}', i + 1);
        if (close == std::string::npos) {
          error(n.offset, "unclosed \"{\" in template " + quoted(s) + "; write {column} or a literal brace as \"{{\"");
          return false;
        }
        const std::string_view name = std::string_view(s).substr(i + 1, close - i - 1);
        if (name.empty()) {
          error(n.offset, "empty placeholder \"{}\" in template " + quoted(s) + "; write {column}");
          return false;
        }
        if (!literal.empty()) t.parts.push_back({std::move(literal), -1});
        literal.clear();
        t.parts.push_back({std::string(), column(name, n.offset)});
        i = close;
      } else {
        literal += c;
      }
    }
    if (!literal.empty()) t.parts.push_back({std::move(literal), -1});
    return true;
  }

  /// One value: "template", a number or boolean constant, or {"column"|"template", "type", "split"}.
  bool value(const JNode& n, ValueSpec& v, std::string_view text_only = {}) {
    v.at = at(n.offset);
    switch (n.kind) {
      case JNode::Kind::string:
        return parse_template(n, v.tmpl);
      case JNode::Kind::integer:
      case JNode::Kind::real:
      case JNode::Kind::boolean: {
        if (!text_only.empty()) {
          expected(n, "text for " + quoted(text_only) + " (a template string)");
          return false;
        }
        RawScalar c;
        c.kind = n.kind == JNode::Kind::integer ? ValueKind::integer
                 : n.kind == JNode::Kind::real  ? ValueKind::real
                                                : ValueKind::boolean;
        c.integer = n.integer;
        c.real = n.real;
        c.boolean = n.boolean;
        v.constant = c;
        return true;
      }
      case JNode::Kind::object:
        break;
      default:
        expected(n,
                 "a template string such as \"{column}\", a number, a boolean, or an object "
                 "{\"column\": ..., \"type\": ..., \"split\": ...}");
        return false;
    }
    bool ok = true, source = false;
    for (const JMember& m : n.members) {
      if (!unique(n, m)) {
        ok = false;
        continue;
      }
      if (m.key == "column" || m.key == "template") {
        if (source) {
          error(m.key_offset, "give either \"column\" or \"template\", not both");
          ok = false;
          continue;
        }
        source = true;
        if (m.value.kind != JNode::Kind::string) {
          expected(m.value, "a string");
          ok = false;
          continue;
        }
        if (m.key == "column") {
          if (m.value.text.empty()) {
            error(m.value.offset, "the column name is empty");
            ok = false;
            continue;
          }
          v.tmpl.parts.push_back({std::string(), column(m.value.text, m.value.offset)});
        } else {
          ok = parse_template(m.value, v.tmpl) && ok;
        }
      } else if (m.key == "type") {
        if (m.value.kind != JNode::Kind::string) {
          expected(m.value, "a type name");
          ok = false;
          continue;
        }
        const auto t = parse_cell_type(m.value.text);
        if (!t) {
          error(m.value.offset,
                "unknown type " + quoted(m.value.text) +
                    did_you_mean_suffix(m.value.text, {"string", "int", "long", "float", "double", "boolean"}) +
                    "; types: string, int, long, float, double, boolean");
          ok = false;
          continue;
        }
        v.type = *t;
      } else if (m.key == "split") {
        if (m.value.kind == JNode::Kind::boolean) {
          v.split = m.value.boolean;
        } else if (m.value.kind == JNode::Kind::string && !m.value.text.empty()) {
          v.split = true;
          v.separator = m.value.text;
        } else {
          expected(m.value, "true (split on \";\") or a non-empty separator string");
          ok = false;
        }
      } else {
        error(m.key_offset, "unknown key " + quoted(m.key) + " in a value" +
                                did_you_mean_suffix(m.key, {"column", "template", "type", "split"}) +
                                "; a value is {\"column\" or \"template\", \"type\", \"split\"}");
        ok = false;
      }
    }
    if (!source && ok) {
      error(n.offset, "a value object needs \"column\" or \"template\"");
      ok = false;
    }
    return ok;
  }

  /// A field: one value, or an array of values (then written as a list).
  void field(std::vector<FieldSpec>& fields, std::string key, const JNode& n, bool list_ok) {
    FieldSpec f;
    f.key = std::move(key);
    f.list = one_of(f.key, kListKeys);
    f.id_like = one_of(f.key, kIdKeys);
    const std::string_view text_only = f.id_like || f.key == "name" || f.key == "type" || f.key == "kind"
                                           ? std::string_view(f.key)
                                           : std::string_view();
    if (n.kind == JNode::Kind::array) {
      if (!list_ok) {
        expected(n, "one value (not an array) for " + quoted(f.key));
        return;
      }
      f.list = true;
      for (const JNode& item : n.items) {
        if (item.kind == JNode::Kind::array) {
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
          error(n.offset, quoted(f.key) + " takes one value, so it cannot be split");
          return;
        }
        f.list = true;
      }
      f.values.push_back(std::move(v));
    }
    fields.push_back(std::move(f));
  }

  void properties(ElementSpec& e, const JNode& n, const std::string_view* reserved, std::size_t reserved_count) {
    if (n.kind != JNode::Kind::object) return expected(n, "an object of property name -> value");
    for (const JMember& m : n.members) {
      if (!unique(n, m)) continue;
      if (std::find(reserved, reserved + reserved_count, m.key) != reserved + reserved_count || m.key == "record" ||
          m.key == "from" || m.key == "to") {
        error(m.key_offset, quoted(m.key) + " is a field, not a property; write it beside \"properties\"");
        continue;
      }
      if (m.key.empty()) {
        error(m.key_offset, "a property name must not be empty");
        continue;
      }
      field(e.fields, m.key, m.value, true);
    }
  }

  void require(ElementSpec& e, const JNode& n) {
    auto one = [&](const JNode& c) {
      if (c.kind != JNode::Kind::string || c.text.empty()) return expected(c, "a column name");
      e.require.push_back(column(c.text, c.offset));
    };
    if (n.kind == JNode::Kind::array)
      for (const JNode& c : n.items) one(c);
    else
      one(n);
  }

  void entity(const JMember& m) {
    const JNode& n = m.value;
    if (n.kind != JNode::Kind::object) return expected(n, "an object {\"type\", \"id\", \"name\", ...}");
    if (m.key.empty()) return error(m.key_offset, "an entity's name in \"entities\" must not be empty");
    ElementSpec e;
    e.name = m.key;
    e.at = at(n.offset);
    const JNode *type = nullptr, *id = nullptr, *name = nullptr;
    for (const JMember& f : n.members) {
      if (!unique(n, f)) continue;
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
        if (f.value.kind != JNode::Kind::boolean)
          expected(f.value, "true or false");
        else
          e.slug = f.value.boolean;
      } else if (one_of(f.key, kEntityKeys)) {
        field(e.fields, f.key, f.value, one_of(f.key, kListKeys) || f.key == "description");
      } else {
        error(f.key_offset, "unknown key " + quoted(f.key) + " in entity " + quoted(e.name) +
                                did_you_mean_suffix(f.key, words(kEntityKeys)) +
                                "; further fields go under \"properties\"");
      }
    }
    if (!type) {
      error(n.offset, "entity " + quoted(e.name) + " has no \"type\"; give one of actor, law, event, place");
    } else if (type->kind != JNode::Kind::string) {
      expected(*type, "an entity type: actor, law, event or place");
    } else if (const auto t = parse_entity_type(type->text)) {
      e.section = *t == EntityType::actor   ? Section::actor
                  : *t == EntityType::law   ? Section::law
                  : *t == EntityType::event ? Section::event
                                            : Section::place;
    } else {
      error(type->offset, "unknown entity type " + quoted(type->text) +
                              did_you_mean_suffix(type->text, {"actor", "law", "event", "place"}) +
                              "; the types are actor, law, event, place (a subtype is a \"kind\")");
    }
    std::vector<FieldSpec> head;
    if (!id)
      error(n.offset, "entity " + quoted(e.name) + " has no \"id\"; give a template such as \"country-{name}\"");
    else
      field(head, "id", *id, false);
    if (!name)
      error(n.offset, "entity " + quoted(e.name) + " has no \"name\"; give a column such as \"{name}\"");
    else
      field(head, "name", *name, false);
    e.fields.insert(e.fields.begin(), std::make_move_iterator(head.begin()), std::make_move_iterator(head.end()));
    spec_.entities.push_back(std::move(e));
  }

  void endpoint(const JNode& n, EndpointSpec& ep, std::string_view which, const std::string& rel) {
    if (n.kind == JNode::Kind::string) {
      std::vector<std::string> names;
      for (std::size_t i = 0; i < spec_.entities.size(); ++i) {
        names.push_back(spec_.entities[i].name);
        if (spec_.entities[i].name == n.text) ep.entity = static_cast<int>(i);
      }
      if (ep.entity < 0) {
        std::string listed;
        for (const auto& s : names) listed += (listed.empty() ? "" : ", ") + s;
        error(n.offset, quoted(which) + " of " + rel + " names no entity of this mapping: " + quoted(n.text) +
                            did_you_mean_suffix(n.text, names) + " (entities: " + (listed.empty() ? "none" : listed) +
                            "); for a fixed id write {\"id\": \"...\"}");
      }
      return;
    }
    if (n.kind != JNode::Kind::object) {
      return expected(n, "the name of one of the mapping's entities, or {\"id\": \"template\"}");
    }
    for (const JMember& m : n.members) {
      if (!unique(n, m)) continue;
      if (m.key == "id") {
        ValueSpec v;
        if (m.value.kind != JNode::Kind::string)
          expected(m.value, "an id template");
        else if (value(m.value, v))
          ep.id = std::move(v);
      } else if (m.key == "slug") {
        if (m.value.kind != JNode::Kind::boolean)
          expected(m.value, "true or false");
        else
          ep.slug = m.value.boolean;
      } else {
        error(m.key_offset, "unknown key " + quoted(m.key) + " in " + quoted(which) +
                                did_you_mean_suffix(m.key, {"id", "slug"}) + "; write {\"id\": \"template\"}");
      }
    }
    if (!ep.id) error(n.offset, quoted(which) + " of " + rel + " needs \"id\"");
  }

  void relation(const JNode& n, std::size_t index) {
    ElementSpec r;
    r.section = Section::relation;
    r.name = "relations[" + std::to_string(index) + "]";
    r.at = at(n.offset);
    if (n.kind != JNode::Kind::object) return expected(n, "an object {\"type\", \"from\", \"to\", ...}");
    const JNode *from = nullptr, *to = nullptr;
    bool has_type = false;
    for (const JMember& f : n.members) {
      if (!unique(n, f)) continue;
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
        error(f.key_offset, "unknown key " + quoted(f.key) + " in " + r.name +
                                did_you_mean_suffix(f.key, words(kRelationKeys)) +
                                "; further fields go under \"properties\"");
      }
    }
    // The "id" of a relation is its own id property, not an entity id: never slugged.
    for (FieldSpec& f : r.fields)
      if (f.key == "id") f.id_like = false;
    if (!has_type) error(n.offset, r.name + " has no \"type\" (e.g. \"party_to\")");
    if (!from)
      error(n.offset, r.name + " has no \"from\"");
    else
      endpoint(*from, r.from, "from", r.name);
    if (!to)
      error(n.offset, r.name + " has no \"to\"");
    else
      endpoint(*to, r.to, "to", r.name);
    spec_.relations.push_back(std::move(r));
  }

  void sources(const JNode& n) {
    if (n.kind != JNode::Kind::array) return expected(n, "an array of source objects {\"id\", \"title\", ...}");
    for (const JNode& s : n.items) {
      if (s.kind != JNode::Kind::object) {
        expected(s, "a source object {\"id\", \"title\", ...}");
        continue;
      }
      RawRecord rec;
      rec.section = Section::source;
      rec.at = at(s.offset);
      bool has_id = false;
      for (const JMember& m : s.members) {
        if (!unique(s, m)) continue;
        RawField& f = rec.add_field(m.key, at(m.value.offset));
        if (!constant(m.value, f)) continue;
        if (m.key == "id") {
          if (m.value.kind != JNode::Kind::string)
            expected(m.value, "a source id string");
          else if (!m.value.text.empty()) {
            has_id = true;
            spec_.source_ids.push_back(m.value.text);
          }
        }
      }
      if (!has_id) error(s.offset, "a source needs an \"id\"");
      spec_.sources.push_back(std::move(rec));
    }
  }

  /// A JSON scalar or array of scalars as a field value.
  bool constant(const JNode& n, RawField& f) {
    auto scalar = [&](const JNode& v, RawScalar& out) {
      switch (v.kind) {
        case JNode::Kind::string:
          out = RawScalar::of_string(v.text);
          return true;
        case JNode::Kind::integer:
          out.kind = ValueKind::integer;
          out.integer = v.integer;
          return true;
        case JNode::Kind::real:
          out.kind = ValueKind::real;
          out.real = v.real;
          return true;
        case JNode::Kind::boolean:
          out.kind = ValueKind::boolean;
          out.boolean = v.boolean;
          return true;
        default:
          expected(v, "a string, number or boolean");
          return false;
      }
    };
    if (n.kind == JNode::Kind::array) {
      f.is_list = true;
      for (const JNode& item : n.items)
        if (!scalar(item, f.values.emplace_back())) return false;
      return true;
    }
    return scalar(n, f.values.emplace_back());
  }

  const std::string& text_;
  Diagnostics& diags_;
  MappingSpec& spec_;
  std::vector<std::size_t> line_starts_;
  bool ok_ = true;
};

// ---------------------------------------------------------------------------------------------
// Reading a table through the mapping.

class TableReader {
 public:
  TableReader(const MappingSpec& spec, std::istream& in, std::uint32_t file, std::string_view file_name,
              GraphBuilder& builder)
      : spec_(spec),
        diags_(builder.diagnostics()),
        reader_(in, file, diags_),
        file_(file),
        file_name_(file_name),
        builder_(builder) {}

  void run() {
    for (const RawRecord& s : spec_.sources) builder_.add(s);
    const std::size_t errors_before = diags_.error_count();
    if (!reader_.read_row(row_)) {
      if (diags_.error_count() == errors_before)
        diags_.warning(Location{file_, 0, 0}, "empty table: no header row, so no records");
      return;
    }
    const bool constants_ok = check_constants();
    if (!row_.ok || !header() || !constants_ok) return;
    while (!diags_.too_many_errors() && reader_.read_row(row_)) {
      if (!row_.ok || row_.blank()) continue;
      if (row_.size() != width_) {
        const std::size_t n = std::min(row_.size(), width_);
        diags_.error(Location{file_, row_.cells[n < row_.size() ? n : n - 1].line, static_cast<std::uint32_t>(n + 1)},
                     "expected " + std::to_string(width_) + " fields, as in the header, but found " +
                         std::to_string(row_.size()) +
                         (row_.size() > width_ ? "; a value containing a comma must be quoted (\"a, b\")"
                                               : "; write every field, empty ones too (a,,c)"));
        continue;
      }
      row();
    }
  }

 private:
  bool header() {
    width_ = row_.size();
    bool ok = true;
    std::unordered_map<std::string_view, std::size_t> index;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < row_.size(); ++i) {
      const std::string_view name = row_.cell(i);
      names.emplace_back(name);
      if (name.empty()) continue;
      auto [it, fresh] = index.try_emplace(name, i);
      if (!fresh) {
        diags_.error(Location{file_, row_.cells[i].line, static_cast<std::uint32_t>(i + 1)},
                     "duplicate column " + quoted(name) + " (also column " + std::to_string(it->second + 1) +
                         "); a mapping names columns by their header, so each name must be unique");
        ok = false;
      }
    }
    columns_.assign(spec_.columns.size(), 0);
    std::string listed;
    for (const auto& n : names) listed += (listed.empty() ? "" : ", ") + n;
    for (std::size_t c = 0; c < spec_.columns.size(); ++c) {
      auto it = index.find(spec_.columns[c]);
      if (it != index.end()) {
        columns_[c] = it->second;
        continue;
      }
      diags_.error(spec_.column_at[c], "column " + quoted(spec_.columns[c]) + " is not in the header of " +
                                           quoted(file_name_) + did_you_mean_suffix(spec_.columns[c], names) +
                                           " (its columns: " + listed + ")");
      ok = false;
    }
    return ok;
  }

  /// Checks the mapping's constant kinds, relation types and dates against the schema once, so
  /// that a wrong constant is one error at its place in the mapping, not one per row.
  bool check_constants() {
    const Schema& schema = builder_.schema();
    bool ok = true;
    auto constant = [](const FieldSpec& f, std::size_t k) -> const std::string* {
      const ValueSpec& v = f.values[k];
      if (v.constant || v.tmpl.has_columns() || v.tmpl.parts.size() != 1) return nullptr;
      return &v.tmpl.parts[0].text;
    };
    auto check = [&](const ElementSpec& e) {
      for (const FieldSpec& f : e.fields) {
        for (std::size_t k = 0; k < f.values.size(); ++k) {
          const std::string* text = constant(f, k);
          if (!text) continue;
          const Location at = f.values[k].at;
          if (f.key == "kind" && e.section != Section::relation) {
            const EntityType type = e.section == Section::actor   ? EntityType::actor
                                    : e.section == Section::law   ? EntityType::law
                                    : e.section == Section::event ? EntityType::event
                                                                  : EntityType::place;
            if (schema.has_kind(type, *text)) continue;
            std::vector<std::string> kinds;
            std::string allowed;
            for (const auto& [kind, _] : schema.type(type).kinds) {
              kinds.push_back(kind);
              allowed += (allowed.empty() ? "" : ", ") + kind;
            }
            diags_.error(at, "unknown kind " + quoted(*text) + " for " + std::string(type_name(type)) +
                                 did_you_mean_suffix(*text, kinds) + " (allowed: " + allowed + ")");
            ok = false;
          } else if (f.key == "type" && e.section == Section::relation) {
            if (schema.relation(*text)) continue;
            std::vector<std::string> names;
            for (const auto& [name, _] : schema.relations()) names.push_back(name);
            diags_.error(at, "unknown relation type " + quoted(*text) + did_you_mean_suffix(*text, names) +
                                 " (see `kgraph schema` for the relation types, or declare it with --schema)");
            ok = false;
          } else if (f.key == "date" || f.key == "start" || f.key == "end") {
            if (parse_partial_date(*text)) continue;
            diags_.error(at, "invalid date " + quoted(*text) + " in field " + quoted(f.key) +
                                 "; expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)");
            ok = false;
          }
        }
      }
    };
    for (const ElementSpec& e : spec_.entities) check(e);
    for (const ElementSpec& r : spec_.relations) check(r);
    return ok;
  }

  Location cell_at(std::size_t i) const {
    return Location{file_, row_.cells[i].line, static_cast<std::uint32_t>(i + 1)};
  }

  /// Fills `out` from a template; false if a column it uses is empty in this row.
  bool expand(const ValueSpec& v, bool slugged, std::string& out, Location& where) {
    out.clear();
    where = v.at;
    bool first = true;
    for (const Template::Part& p : v.tmpl.parts) {
      if (p.column < 0) {
        out += p.text;
        continue;
      }
      const std::size_t i = columns_[static_cast<std::size_t>(p.column)];
      const std::string_view cell = row_.cell(i);
      if (cell.empty()) return false;
      if (first) where = cell_at(i);
      first = false;
      if (!slugged) {
        out += cell;
        continue;
      }
      const std::string s = slug(cell);
      if (s.empty()) {
        diags_.error(cell_at(i), "cannot make an id from " + quoted(cell) + " (column " +
                                     quoted(spec_.columns[p.column]) + "): it has no letters or digits");
        return false;
      }
      out += s;
    }
    return true;
  }

  /// Adds the field's values to `rec`; returns the first value's text (or empty if none).
  bool emit(const FieldSpec& f, bool slugged, RawRecord& rec, std::string* first_text = nullptr,
            Location* first_at = nullptr) {
    RawField* field = nullptr;
    auto start = [&](Location where) -> RawField& {
      if (!field) {
        field = &rec.add_field(f.key, where);
        field->is_list = f.list;
      }
      return *field;
    };
    Location where;
    for (const ValueSpec& v : f.values) {
      if (v.constant) {
        start(v.at).values.push_back(*v.constant);
        continue;
      }
      if (!expand(v, slugged && f.id_like, text_, where)) continue;
      if (v.split) {
        split(text_, v.separator);
        for (std::string_view item : items_) add_value(start(where), v, item, where);
      } else {
        add_value(start(where), v, text_, where);
      }
      if (first_text && first_text->empty() && field && !field->values.empty()) {
        *first_text = field->values.front().text;
        if (first_at) *first_at = field->at;
      }
    }
    if (field && field->values.empty()) {
      --rec.field_count;
      field = nullptr;
    }
    if (field && field->values.size() > 1) field->is_list = true;
    return field != nullptr;
  }

  /// Splits on `separator` into items_, trimming spaces and tabs and dropping empty items.
  void split(std::string_view text, std::string_view separator) {
    items_.clear();
    for (;;) {
      const std::size_t at = text.find(separator);
      std::string_view item = text.substr(0, at);
      while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
      while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
      if (!item.empty()) items_.push_back(item);
      if (at == std::string_view::npos) break;
      text.remove_prefix(at + separator.size());
    }
  }

  void add_value(RawField& field, const ValueSpec& v, std::string_view text, Location where) {
    RawScalar scalar;
    if (parse_cell(text, v.type, scalar, problem_)) {
      field.values.push_back(std::move(scalar));
      return;
    }
    const Location m = v.at;
    diags_.error(where, "invalid " + std::string(cell_type_name(v.type)) + " " + quoted(text) + " for " +
                            quoted(field.key) + " (typed " + std::string(cell_type_name(v.type)) + " at " +
                            diags_.file_name(m.file) + ":" + std::to_string(m.line) + ":" + std::to_string(m.column) +
                            "); expected " + problem_);
  }

  bool required_present(const ElementSpec& e) const {
    for (int c : e.require)
      if (row_.cell(columns_[static_cast<std::size_t>(c)]).empty()) return false;
    return true;
  }

  void row() {
    ids_.assign(spec_.entities.size(), std::nullopt);
    for (std::size_t k = 0; k < spec_.entities.size(); ++k) {
      const ElementSpec& e = spec_.entities[k];
      if (!required_present(e)) continue;
      record_.clear();
      record_.section = e.section;
      record_.at = Location{file_, row_.line, 1};
      std::string id;
      Location id_at;
      if (!emit(e.fields[0], e.slug, record_, &id, &id_at) || id.empty()) continue;  // no id: no entity
      bool complete = true;
      for (std::size_t i = 1; i < e.fields.size(); ++i)
        if (!emit(e.fields[i], e.slug, record_) && e.fields[i].key == "name") complete = false;
      if (!complete) continue;  // no name: no entity
      cite(record_);
      builder_.add(record_);
      ids_[k] = std::make_pair(std::move(id), id_at);
    }
    for (const ElementSpec& r : spec_.relations) {
      if (!required_present(r)) continue;
      record_.clear();
      record_.section = Section::relation;
      record_.at = Location{file_, row_.line, 1};
      if (!endpoint(r.from, "from") || !endpoint(r.to, "to")) continue;
      bool has_type = false;
      for (const FieldSpec& f : r.fields)
        if (emit(f, false, record_) && f.key == "type") has_type = true;
      if (!has_type) continue;
      cite(record_);
      builder_.add(record_);
    }
  }

  bool endpoint(const EndpointSpec& ep, std::string_view key) {
    if (ep.entity >= 0) {
      const auto& id = ids_[static_cast<std::size_t>(ep.entity)];
      if (!id) return false;
      record_.add_field(key, id->second).values.push_back(RawScalar::of_string(id->first));
      return true;
    }
    if (!ep.id) return false;
    Location where;
    if (!expand(*ep.id, ep.slug, text_, where)) return false;
    record_.add_field(key, where).values.push_back(RawScalar::of_string(text_));
    return true;
  }

  /// Adds the mapping's sources to the record's `sources`.
  void cite(RawRecord& rec) {
    if (spec_.source_ids.empty()) return;
    for (std::size_t i = 0; i < rec.field_count; ++i) {
      if (rec.fields[i].key != "sources") continue;
      for (const std::string& s : spec_.source_ids) rec.fields[i].values.push_back(RawScalar::of_string(s));
      rec.fields[i].is_list = true;
      return;
    }
    RawField& f = rec.add_field("sources", rec.at);
    f.is_list = true;
    for (const std::string& s : spec_.source_ids) f.values.push_back(RawScalar::of_string(s));
  }

  const MappingSpec& spec_;
  Diagnostics& diags_;
  CsvReader reader_;
  std::uint32_t file_;
  std::string_view file_name_;
  GraphBuilder& builder_;
  CsvRow row_;
  std::size_t width_ = 0;
  std::vector<std::size_t> columns_;  // spec column -> table column
  RawRecord record_;
  std::vector<std::optional<std::pair<std::string, Location>>> ids_;
  std::string text_;
  std::vector<std::string_view> items_;
  std::string problem_;
};

class MappingImporter final : public Importer {
 public:
  explicit MappingImporter(std::shared_ptr<const TableMapping> mapping) : mapping_(std::move(mapping)) {}
  std::string_view name() const override { return "csv"; }
  std::vector<std::string_view> extensions() const override { return {".csv"}; }
  void read(std::istream& in, std::uint32_t file, std::string_view file_name, GraphBuilder& builder,
            const ImportOptions&) const override {
    mapping_->read(in, file, file_name, builder);
  }

 private:
  std::shared_ptr<const TableMapping> mapping_;
};

}  // namespace
}  // namespace detail

TableMapping::TableMapping() : spec_(std::make_unique<detail::MappingSpec>()) {}
TableMapping::TableMapping(TableMapping&&) noexcept = default;
TableMapping& TableMapping::operator=(TableMapping&&) noexcept = default;
TableMapping::~TableMapping() = default;

std::optional<TableMapping> TableMapping::load(std::string_view json_text, std::uint32_t file, Diagnostics& diags) {
  TableMapping mapping;
  const std::string text(json_text);
  detail::Loader loader(text, file, diags, *mapping.spec_);
  detail::JNode root;
  if (!loader.parse(root)) return std::nullopt;
  loader.load(root);
  if (!loader.ok()) return std::nullopt;
  return mapping;
}

void TableMapping::read(std::istream& table, std::uint32_t file, std::string_view file_name,
                        GraphBuilder& builder) const {
  detail::TableReader(*spec_, table, file, file_name, builder).run();
}

std::size_t TableMapping::entity_count() const { return spec_->entities.size(); }
std::size_t TableMapping::relation_count() const { return spec_->relations.size(); }

std::unique_ptr<Importer> make_mapping_importer(std::shared_ptr<const TableMapping> mapping) {
  return std::make_unique<detail::MappingImporter>(std::move(mapping));
}

}  // namespace kgraph
