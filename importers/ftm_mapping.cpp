#include "importers/ftm_mapping.hpp"

#include <stdexcept>
#include <unordered_map>

#include "importers/json_tree.hpp"
#include "importers/mapping_document_reader.hpp"

namespace kgraph {

extern const char* const kFtmMappingJson;
extern const char* const kFtmCountriesJson;

namespace {

/// Reads the checked shape of a mapping document, reporting each problem at its place.
class MappingReader : public MappingDocumentReader {
 public:
  using MappingDocumentReader::MappingDocumentReader;

  FtmMapped mapped(const JsonNode& node, std::string_view what) {
    return FtmMapped{text(node, what), where(node.at)};
  }

  std::vector<std::string> texts(const JsonNode& node, std::string_view what) {
    std::vector<std::string> out;
    if (!expect(node, JsonNode::Kind::array, what)) return out;
    for (const JsonNode& item : node.items) out.push_back(text(item, what));
    return out;
  }

  FtmEntityRule entity_rule(const JsonNode& node) {
    FtmEntityRule rule;
    bool typed = false;
    members(node, "an entity rule", [&](const std::string& key, const JsonNode& v) {
      if (key == "type") {
        if (auto t = entity_type(v, "\"type\"")) rule.type = *t;
        typed = true;
      } else if (key == "kind") {
        rule.kind = mapped(v, "\"kind\"");
      } else if (key == "names") {
        rule.names = texts(v, "\"names\"");
      } else if (key == "start") {
        rule.start = texts(v, "\"start\"");
      } else if (key == "end") {
        rule.end = texts(v, "\"end\"");
      } else {
        return false;
      }
      return true;
    });
    if (!typed && node.kind == JsonNode::Kind::object)
      error(node.at, "an entity rule needs \"type\"");
    return rule;
  }

  FtmLawRule law_rule(const JsonNode& node) {
    FtmLawRule rule;
    members(node, "\"from_law\"", [&](const std::string& key, const JsonNode& v) {
      if (key == "id") {
        rule.id = texts(v, "\"id\"");
      } else if (key == "name") {
        rule.name = texts(v, "\"name\"");
      } else if (key == "kind") {
        rule.kind = mapped(v, "\"kind\"");
      } else if (key == "id_prefix") {
        rule.id_prefix = text(v, "\"id_prefix\"");
      } else {
        return false;
      }
      return true;
    });
    if (node.kind == JsonNode::Kind::object && (rule.id.empty() || rule.name.empty()))
      error(node.at, "\"from_law\" needs \"id\" and \"name\" properties");
    return rule;
  }

  FtmRelationRule relation_rule(const JsonNode& node) {
    FtmRelationRule rule;
    members(node, "a relation rule", [&](const std::string& key, const JsonNode& v) {
      if (key == "type") {
        rule.type = mapped(v, "\"type\"");
      } else if (key == "from") {
        rule.from = text(v, "\"from\"");
      } else if (key == "to") {
        rule.to = text(v, "\"to\"");
      } else if (key == "role") {
        rule.role = text(v, "\"role\"");
      } else if (key == "default_role") {
        rule.default_role = text(v, "\"default_role\"");
      } else if (key == "from_law") {
        rule.from_law = law_rule(v);
      } else if (key == "start") {
        rule.start = texts(v, "\"start\"");
      } else if (key == "end") {
        rule.end = texts(v, "\"end\"");
      } else {
        return false;
      }
      return true;
    });
    if (node.kind != JsonNode::Kind::object) return rule;
    if (rule.type.text.empty()) error(node.at, "a relation rule needs \"type\"");
    if (rule.to.empty()) error(node.at, "a relation rule needs \"to\"");
    if (rule.from.empty() == !rule.from_law)
      error(node.at, "a relation rule needs exactly one of \"from\" and \"from_law\"");
    return rule;
  }

  FtmLinkRule link_rule(const JsonNode& node) {
    FtmLinkRule rule;
    members(node, "a link rule", [&](const std::string& key, const JsonNode& v) {
      if (key == "target") {
        const std::string target = text(v, "\"target\"");
        if (target == "country") {
          rule.target = FtmLinkRule::Target::country;
        } else if (target != "entity" && !target.empty()) {
          error(v.at, "unknown link target " + quoted(target) + "; expected entity or country");
        }
      } else if (key == "role") {
        rule.role = text(v, "\"role\"");
      } else if (key == "reverse") {
        if (expect(v, JsonNode::Kind::boolean, "\"reverse\"")) rule.reverse = v.boolean;
      } else if (key == "relation") {
        members(v, "\"relation\"", [&](const std::string& type_key, const JsonNode& type) {
          auto t = parse_entity_type(type_key);
          if (!t) return false;
          rule.relation[*t] = mapped(type, "a relation type");
          return true;
        });
      } else {
        return false;
      }
      return true;
    });
    if (rule.reverse && rule.target == FtmLinkRule::Target::country)
      error(node.at, "a link to a country cannot be \"reverse\"");
    return rule;
  }

  void sources(const JsonNode& node, FtmMapping& m) {
    members(node, "\"sources\"", [&](const std::string& key, const JsonNode& v) {
      if (key == "url") {
        m.source_url = text(v, "\"url\"");
      } else if (key == "publisher") {
        m.source_publisher = text(v, "\"publisher\"");
      } else if (key == "publisher_id_prefix") {
        m.publisher_id_prefix = text(v, "\"publisher_id_prefix\"");
      } else if (key == "dataset_id_prefix") {
        m.dataset_id_prefix = text(v, "\"dataset_id_prefix\"");
      } else {
        return false;
      }
      return true;
    });
  }

  void interval_dates(const JsonNode& node, FtmMapping& m) {
    members(node, "\"interval_dates\"", [&](const std::string& key, const JsonNode& v) {
      if (key == "start") {
        m.interval_start = texts(v, "\"start\"");
      } else if (key == "end") {
        m.interval_end = texts(v, "\"end\"");
      } else {
        return false;
      }
      return true;
    });
  }

  FtmMapping mapping(const JsonNode& root) {
    FtmMapping m;
    members(root, "the mapping", [&](const std::string& key, const JsonNode& v) {
      if (key == "about") {
        text(v, "\"about\"");
      } else if (key == "entities") {
        members(v, "\"entities\"", [&](const std::string& schema, const JsonNode& rule) {
          m.entities[schema] = entity_rule(rule);
          return true;
        });
      } else if (key == "relations") {
        members(v, "\"relations\"", [&](const std::string& schema, const JsonNode& rule) {
          m.relations[schema] = relation_rule(rule);
          return true;
        });
      } else if (key == "links") {
        members(v, "\"links\"", [&](const std::string& property, const JsonNode& rule) {
          m.links[property] = link_rule(rule);
          return true;
        });
      } else if (key == "names") {
        m.names = texts(v, "\"names\"");
      } else if (key == "aliases") {
        m.aliases = texts(v, "\"aliases\"");
      } else if (key == "interval_dates") {
        interval_dates(v, m);
      } else if (key == "schema_property") {
        m.schema_property = v.kind == JsonNode::Kind::string && v.text.empty()
                                ? std::string()
                                : text(v, "\"schema_property\"");
      } else if (key == "id_property") {
        m.id_property = v.kind == JsonNode::Kind::string && v.text.empty()
                            ? std::string()
                            : text(v, "\"id_property\"");
      } else if (key == "country_id_prefix") {
        m.country_id_prefix = text(v, "\"country_id_prefix\"");
      } else if (key == "sources") {
        sources(v, m);
      } else {
        return false;
      }
      return true;
    });
    for (const auto& [schema, rule] : m.relations)
      if (m.entities.count(schema))
        error(root.at, "schema " + quoted(schema) + " is mapped both to entities and to relations");
    return m;
  }
};

/// The country table compiled in, parsed once.
const std::unordered_map<std::string, std::string>& country_names() {
  static const std::unordered_map<std::string, std::string> names = [] {
    JsonNode root;
    if (parse_json_tree(kFtmCountriesJson, root))
      throw std::logic_error("importers/assets/ftm_countries.json does not parse");
    std::unordered_map<std::string, std::string> out;
    for (const JsonMember& m : root.members)
      if (m.key == "countries")
        for (const JsonMember& c : m.value.members) out.emplace(c.key, c.value.text);
    return out;
  }();
  return names;
}

}  // namespace

const FtmEntityRule* FtmMapping::entity(std::string_view schema) const {
  auto it = entities.find(schema);
  return it == entities.end() ? nullptr : &it->second;
}

const FtmRelationRule* FtmMapping::relation(std::string_view schema) const {
  auto it = relations.find(schema);
  return it == relations.end() ? nullptr : &it->second;
}

const FtmLinkRule* FtmMapping::link(std::string_view property) const {
  auto it = links.find(property);
  return it == links.end() ? nullptr : &it->second;
}

std::optional<FtmMapping> load_ftm_mapping(std::string_view json_text, std::uint32_t file,
                                           Diagnostics& diags) {
  JsonNode root;
  if (auto error = parse_json_tree(json_text, root)) {
    diags.error(Location{file, error->at.line, error->at.column}, error->message);
    return std::nullopt;
  }
  MappingReader reader(file, diags);
  FtmMapping mapping = reader.mapping(root);
  if (!reader.ok()) return std::nullopt;
  return mapping;
}

bool check_ftm_mapping(const FtmMapping& mapping, const Schema& schema, Diagnostics& diags) {
  bool ok = true;
  auto kind = [&](EntityType type, const FtmMapped& k) {
    if (k.text.empty() || schema.has_kind(type, k.text)) return;
    diags.error(k.at, "kind " + quoted(k.text) + " is not declared for " +
                          std::string(type_plural(type)) + " in the schema");
    ok = false;
  };
  auto relation = [&](const FtmMapped& type) {
    if (schema.relation(type.text)) return;
    diags.error(type.at, "relation type " + quoted(type.text) + " is not declared in the schema");
    ok = false;
  };
  for (const auto& [name, rule] : mapping.entities) kind(rule.type, rule.kind);
  for (const auto& [name, rule] : mapping.relations) {
    relation(rule.type);
    if (rule.from_law) kind(EntityType::law, rule.from_law->kind);
  }
  for (const auto& [name, rule] : mapping.links)
    for (const auto& [type, relation_type] : rule.relation) relation(relation_type);
  return ok;
}

const FtmMapping& builtin_ftm_mapping() {
  static const FtmMapping mapping = [] {
    Diagnostics diags;
    auto m = load_ftm_mapping(kFtmMappingJson, diags.add_file("ftm_mapping.json"), diags);
    if (!m) throw std::logic_error("importers/assets/ftm_mapping.json does not load");
    return *m;
  }();
  return mapping;
}

std::string_view builtin_ftm_mapping_text() { return kFtmMappingJson; }

std::string_view ftm_country_name(std::string_view code) {
  const auto& names = country_names();
  auto it = names.find(std::string(code));
  return it == names.end() ? std::string_view{} : std::string_view(it->second);
}

}  // namespace kgraph
