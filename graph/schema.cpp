#include "graph/schema.hpp"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "graph/messages.hpp"
#include "graph/text.hpp"

namespace kgraph {

extern const char* const kDefaultSchemaJson;

namespace {
constexpr std::string_view kTypeNames[] = {"actor", "law", "event", "place"};
constexpr std::string_view kTypePlurals[] = {"actors", "laws", "events", "places"};

/// Location of a byte offset in `text`, for schema syntax errors.
Location location_of(std::string_view text, std::size_t offset, std::uint32_t file) {
  Location at{file, 1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++at.column;
    }
  }
  return at;
}

/// A document that could not be read: where and why.
struct ParseProblem {
  std::size_t offset = 0;
  std::string message;
};

/// Passes RapidJSON's events on to the document being built, and stops the parse at the bracket
/// that opens level kMaxJsonNesting + 1: RapidJSON recurses once per level, so a deep enough
/// document would otherwise overflow the stack.
class NestingLimit {
 public:
  NestingLimit(rapidjson::Document& doc, const rapidjson::StringStream& stream)
      : doc_(doc), stream_(stream) {}

  bool Null() { return doc_.Null(); }
  bool Bool(bool b) { return doc_.Bool(b); }
  bool Int(int i) { return doc_.Int(i); }
  bool Uint(unsigned u) { return doc_.Uint(u); }
  bool Int64(std::int64_t i) { return doc_.Int64(i); }
  bool Uint64(std::uint64_t u) { return doc_.Uint64(u); }
  bool Double(double d) { return doc_.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
    return doc_.RawNumber(s, n, copy);
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) { return doc_.String(s, n, copy); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return doc_.Key(s, n, copy); }
  bool StartObject() { return enter() && doc_.StartObject(); }
  bool EndObject(rapidjson::SizeType members) {
    --depth_;
    return doc_.EndObject(members);
  }
  bool StartArray() { return enter() && doc_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) {
    --depth_;
    return doc_.EndArray(elements);
  }

  /// The offset of the bracket that went too deep, if one did.
  const std::optional<std::size_t>& too_deep() const { return too_deep_; }

 private:
  bool enter() {
    if (depth_ == kMaxJsonNesting) {
      too_deep_ = stream_.Tell() - 1;  // the bracket was just taken
      return false;
    }
    ++depth_;
    return true;
  }

  rapidjson::Document& doc_;
  const rapidjson::StringStream& stream_;
  std::size_t depth_ = 0;
  std::optional<std::size_t> too_deep_;
};

/// Parses `text` into `doc`; the problem if it is not JSON or nests too deep.
std::optional<ParseProblem> parse_schema_json(std::string_view json_text,
                                              rapidjson::Document& doc) {
  // RapidJSON reads up to a NUL. Its UTF-8 validation takes the continuation bytes of a
  // sequence without looking, so a text ending inside one reads up to three bytes past the end:
  // those must be NULs of ours.
  std::string text(json_text);
  text.append(3, '\0');
  rapidjson::StringStream stream(text.c_str());
  rapidjson::Reader reader;
  std::optional<std::size_t> too_deep;
  rapidjson::ParseResult result;
  auto generate = [&](rapidjson::Document& d) {
    NestingLimit handler(d, stream);
    result = reader.Parse<rapidjson::kParseValidateEncodingFlag>(stream, handler);
    too_deep = handler.too_deep();
    return !result.IsError();
  };
  doc.Populate(generate);
  if (too_deep) return ParseProblem{*too_deep, nesting_too_deep_message()};
  if (result.IsError()) return ParseProblem{result.Offset(), json_syntax_message(result.Code())};
  if (stream.Tell() < json_text.size()) return ParseProblem{stream.Tell(), nul_byte_message()};
  return std::nullopt;
}

/// Reads schema documents; structure errors name the JSON path, since the DOM keeps no lines.
class SchemaReader {
 public:
  SchemaReader(std::array<TypeInfo, 4>& types,
               std::map<std::string, RelationType, std::less<>>& relations, std::uint32_t file,
               Diagnostics& diags)
      : types_(types), relations_(relations), file_(file), diags_(diags) {}

  void read(const rapidjson::Value& root) {
    if (!root.IsObject()) return fail("$", "a schema must be a JSON object");
    for (auto& m : root.GetObject()) {
      std::string_view key(m.name.GetString(), m.name.GetStringLength());
      if (key == "types")
        read_types(m.value);
      else if (key == "relations")
        read_relations(m.value);
      else if (key == "$comment" || key == "description")
        continue;
      else
        fail("$." + std::string(key), "unknown schema key; expected \"types\" or \"relations\"" +
                                          did_you_mean_suffix(key, {"types", "relations"}));
    }
  }

 private:
  void fail(const std::string& path, const std::string& message) {
    diags_.error(Location{file_, 0, 0}, path + ": " + message);
  }

  void read_types(const rapidjson::Value& v) {
    if (!v.IsObject()) return fail("$.types", "must be an object of type name -> {kinds}");
    for (auto& m : v.GetObject()) {
      std::string_view name(m.name.GetString(), m.name.GetStringLength());
      const std::string path = "$.types." + std::string(name);
      auto type = parse_entity_type(name);
      if (!type) {
        fail(path, "unknown entity type " + quoted(name) +
                       "; the types are actor, law, event, place" +
                       did_you_mean_suffix(name, {"actor", "law", "event", "place"}));
        continue;
      }
      TypeInfo& info = types_[static_cast<int>(*type)];
      if (!m.value.IsObject()) {
        fail(path, "must be an object with \"kinds\"");
        continue;
      }
      for (auto& f : m.value.GetObject()) {
        std::string_view key(f.name.GetString(), f.name.GetStringLength());
        if (key == "label" && f.value.IsString()) {
          info.label = f.value.GetString();
        } else if (key == "kinds" && f.value.IsObject()) {
          for (auto& k : f.value.GetObject()) {
            if (!k.value.IsString()) {
              fail(path + ".kinds." + k.name.GetString(), "a kind's label must be a string");
              continue;
            }
            add_kind(info, path, k.name.GetString(), k.value.GetString());
          }
        } else if (key == "kinds" && f.value.IsArray()) {
          for (auto& k : f.value.GetArray()) {
            if (!k.IsString()) {
              fail(path + ".kinds", "kinds must be strings");
              continue;
            }
            add_kind(info, path, k.GetString(), "");
          }
        } else {
          fail(path + "." + std::string(key),
               "expected \"label\" (string) or \"kinds\" (object or list)");
        }
      }
    }
  }

  void add_kind(TypeInfo& info, const std::string& path, const std::string& kind,
                std::string label) {
    if (!valid_name(kind)) {
      fail(path + ".kinds", "kind " + quoted(kind) + " must be lowercase letters, digits and _");
      return;
    }
    if (label.empty()) {
      label = kind;
      std::replace(label.begin(), label.end(), '_', ' ');
      label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    }
    info.kinds[kind] = label;
  }

  static bool valid_name(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
  }

  std::optional<Endpoint> read_endpoint(const std::string& path, const rapidjson::Value& v) {
    if (!v.IsString()) {
      fail(path, "must be a string: a type, type/kind, or \"any\"");
      return std::nullopt;
    }
    std::string_view s(v.GetString(), v.GetStringLength());
    Endpoint e;
    if (s == "any") return e;
    std::string_view type_part = s.substr(0, s.find('/'));
    auto type = parse_entity_type(type_part);
    if (!type) {
      fail(path, "unknown entity type " + quoted(type_part) +
                     "; expected actor, law, event, place or any" +
                     did_you_mean_suffix(type_part, {"actor", "law", "event", "place", "any"}));
      return std::nullopt;
    }
    e.type = type;
    if (type_part.size() < s.size()) {
      e.kind = std::string(s.substr(type_part.size() + 1));
      if (!types_[static_cast<int>(*type)].kinds.contains(e.kind)) {
        std::vector<std::string> kinds;
        for (auto& [k, _] : types_[static_cast<int>(*type)].kinds) kinds.push_back(k);
        fail(path, unknown_kind_message(e.kind, type_part, kinds));
        return std::nullopt;
      }
    }
    return e;
  }

  void read_relations(const rapidjson::Value& v) {
    if (!v.IsObject())
      return fail("$.relations", "must be an object of relation type -> {label, allowed}");
    for (auto& m : v.GetObject()) {
      std::string name(m.name.GetString(), m.name.GetStringLength());
      const std::string path = "$.relations." + name;
      if (!valid_name(name)) {
        fail(path, "a relation type must be lowercase letters, digits and _");
        continue;
      }
      if (!m.value.IsObject()) {
        fail(path, "must be an object with \"label\" and \"allowed\"");
        continue;
      }
      auto [it, fresh] = relations_.try_emplace(name);
      RelationType& rel = it->second;
      rel.name = name;
      bool had_rules = false;
      for (auto& f : m.value.GetObject()) {
        std::string_view key(f.name.GetString(), f.name.GetStringLength());
        if (key == "label" && f.value.IsString()) {
          rel.label = f.value.GetString();
        } else if (key == "allowed" && f.value.IsArray()) {
          std::size_t i = 0;
          had_rules = had_rules || !f.value.Empty();
          for (auto& rule : f.value.GetArray()) {
            const std::string rpath = path + ".allowed[" + std::to_string(i++) + "]";
            if (!rule.IsObject() || !rule.HasMember("from") || !rule.HasMember("to")) {
              fail(rpath, "must be an object {\"from\": ..., \"to\": ...}");
              continue;
            }
            auto from = read_endpoint(rpath + ".from", rule["from"]);
            auto to = read_endpoint(rpath + ".to", rule["to"]);
            if (!from || !to) continue;
            RelationRule r{*from, *to};
            if (std::find(rel.allowed.begin(), rel.allowed.end(), r) == rel.allowed.end())
              rel.allowed.push_back(r);
          }
        } else {
          fail(path + "." + std::string(key), "expected \"label\" (string) or \"allowed\" (list)");
        }
      }
      if (rel.label.empty()) {
        rel.label = name;
        std::replace(rel.label.begin(), rel.label.end(), '_', ' ');
      }
      if (rel.allowed.empty() && fresh && !had_rules)
        fail(path, "a new relation type needs at least one \"allowed\" rule");
    }
  }

  std::array<TypeInfo, 4>& types_;
  std::map<std::string, RelationType, std::less<>>& relations_;
  std::uint32_t file_;
  Diagnostics& diags_;
};

}  // namespace

std::string_view type_name(EntityType t) { return kTypeNames[static_cast<int>(t)]; }
std::string_view type_plural(EntityType t) { return kTypePlurals[static_cast<int>(t)]; }

std::optional<EntityType> parse_entity_type(std::string_view name) {
  for (EntityType t : kEntityTypes)
    if (type_name(t) == name) return t;
  return std::nullopt;
}

std::string Endpoint::to_string() const {
  if (!type) return "any";
  std::string s(type_name(*type));
  if (!kind.empty()) s += "/" + kind;
  return s;
}

bool Endpoint::admits(EntityType t, std::string_view k) const {
  if (!type) return true;
  if (*type != t) return false;
  return kind.empty() || kind == k;
}

Schema Schema::builtin() {
  static const Schema cached = [] {
    Schema s;
    Diagnostics diags;
    const std::uint32_t file = diags.add_file("<built-in schema>");
    if (!s.extend(kDefaultSchemaJson, file, diags)) {
      std::string all;
      for (const auto& d : diags.sorted()) all += diags.format(d) + "\n";
      throw std::logic_error("the built-in schema is invalid:\n" + all);
    }
    return s;
  }();
  return cached;
}

bool Schema::extend(std::string_view json_text, std::uint32_t file, Diagnostics& diags) {
  const std::size_t before = diags.error_count();
  rapidjson::Document doc;
  if (const auto problem = parse_schema_json(json_text, doc)) {
    diags.error(location_of(json_text, problem->offset, file), problem->message);
    return false;
  }
  // Read into copies so that a schema with errors changes nothing.
  auto types = types_;
  auto relations = relations_;
  SchemaReader(types, relations, file, diags).read(doc);
  if (diags.error_count() != before) return false;
  types_ = std::move(types);
  relations_ = std::move(relations);
  return true;
}

bool Schema::has_kind(EntityType t, std::string_view kind) const {
  const auto& kinds = type(t).kinds;
  return kinds.find(std::string(kind)) != kinds.end();
}

std::string Schema::kind_label(EntityType t, std::string_view kind) const {
  const auto& info = type(t);
  if (kind.empty()) return info.label.empty() ? std::string(type_name(t)) : info.label;
  auto it = info.kinds.find(std::string(kind));
  return it != info.kinds.end() ? it->second : std::string(kind);
}

const RelationType* Schema::relation(std::string_view name) const {
  auto it = relations_.find(name);
  return it == relations_.end() ? nullptr : &it->second;
}

bool Schema::allows(const RelationType& rel, EntityType from_type, std::string_view from_kind,
                    EntityType to_type, std::string_view to_kind) {
  return std::any_of(rel.allowed.begin(), rel.allowed.end(), [&](const RelationRule& r) {
    return r.from.admits(from_type, from_kind) && r.to.admits(to_type, to_kind);
  });
}

std::string Schema::to_json() const {
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("types");
  w.StartObject();
  for (EntityType t : kEntityTypes) {
    const TypeInfo& info = type(t);
    w.Key(std::string(type_name(t)));
    w.StartObject();
    w.Key("label");
    w.String(info.label);
    w.Key("kinds");
    w.StartObject();
    for (const auto& [kind, label] : info.kinds) {
      w.Key(kind);
      w.String(label);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndObject();
  w.Key("relations");
  w.StartObject();
  for (const auto& [name, rel] : relations_) {
    w.Key(name);
    w.StartObject();
    w.Key("label");
    w.String(rel.label);
    w.Key("allowed");
    w.StartArray();
    for (const RelationRule& r : rel.allowed) {
      w.StartObject();
      w.Key("from");
      w.String(r.from.to_string());
      w.Key("to");
      w.String(r.to.to_string());
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace kgraph
