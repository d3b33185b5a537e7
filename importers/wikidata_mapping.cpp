#include "importers/wikidata_mapping.hpp"

#include <stdexcept>

#include "importers/json_tree.hpp"
#include "importers/mapping_document_reader.hpp"
#include "importers/wikidata_values.hpp"

namespace kgraph {

extern const char* const kWikidataMappingJson;

namespace {

/// Reads the checked shape of a mapping document, reporting each problem at its place.
class MappingReader : public MappingDocumentReader {
 public:
  using MappingDocumentReader::MappingDocumentReader;

  WikidataMapped mapped(const JsonNode& node, std::string_view what) {
    return WikidataMapped{text(node, what), where(node.at)};
  }

  bool boolean(const JsonNode& node, std::string_view what) {
    return expect(node, JsonNode::Kind::boolean, what) && node.boolean;
  }

  /// A list of ids such as ["P580"]; `letter` says which kind of id.
  std::vector<std::string> ids(const JsonNode& node, char letter, std::string_view what) {
    std::vector<std::string> out;
    if (!expect(node, JsonNode::Kind::array, what)) return out;
    for (const JsonNode& item : node.items) {
      std::string id = text(item, what);
      if (!id.empty() && !is_wikidata_id(id, letter))
        error(item.at, std::string(what) + " holds " + quoted(id) + ", which is not a " +
                           (letter == 'P' ? "property id such as P31" : "item id such as Q5"));
      out.push_back(std::move(id));
    }
    return out;
  }

  /// {"type": ..., "kind": ...} with further keys taken by `more`.
  template <typename Rule, typename More>
  Rule typed_rule(const JsonNode& node, std::string_view what, More more) {
    Rule rule;
    bool typed = false;
    members(node, what, [&](const std::string& key, const TextPosition&, const JsonNode& v) {
      if (key == "type") {
        if (auto t = entity_type(v, "\"type\"")) rule.type = *t;
        typed = true;
      } else if (key == "kind") {
        rule.kind = mapped(v, "\"kind\"");
      } else if (key == "about") {
        text(v, "\"about\"");
      } else {
        return more(key, v);
      }
      return true;
    });
    if (!typed && node.kind == JsonNode::Kind::object)
      error(node.at, std::string(what) + " needs \"type\"");
    return rule;
  }

  void classes(const JsonNode& node, WikidataMapping& m) {
    auto add = [&](const std::string& qid, const TextPosition& at, const WikidataClassRule& rule) {
      if (!is_wikidata_id(qid, 'Q'))
        error(at, "class " + quoted(qid) + " is not an item id such as Q5");
      else if (!m.classes.emplace(qid, rule).second)
        error(at, "class " + quoted(qid) + " is mapped twice");
    };
    members(node, "\"classes\"",
            [&](const std::string& qid, const TextPosition& at, const JsonNode& v) {
              std::vector<std::string> subclasses;
              std::vector<TextPosition> subclass_at;
              auto rule = typed_rule<WikidataClassRule>(
                  v, "a class rule", [&](const std::string& key, const JsonNode& list) {
                    if (key != "subclasses") return false;
                    subclasses = ids(list, 'Q', "\"subclasses\"");
                    for (const JsonNode& item : list.items) subclass_at.push_back(item.at);
                    return true;
                  });
              add(qid, at, rule);
              for (std::size_t i = 0; i < subclasses.size() && i < subclass_at.size(); ++i)
                if (!subclasses[i].empty()) add(subclasses[i], subclass_at[i], rule);
              return true;
            });
  }

  WikidataPropertyRule property_rule(const JsonNode& node) {
    WikidataPropertyRule rule;
    bool related = false;
    members(node, "a property rule",
            [&](const std::string& key, const TextPosition&, const JsonNode& v) {
              if (key == "relation") {
                related = true;
                if (v.kind == JsonNode::Kind::string) {
                  const WikidataMapped type = mapped(v, "\"relation\"");
                  for (EntityType t :
                       {EntityType::actor, EntityType::law, EntityType::event, EntityType::place})
                    rule.relation[t] = type;
                  return true;
                }
                members(
                    v, "\"relation\"",
                    [&](const std::string& type_key, const TextPosition&, const JsonNode& type) {
                      auto t = parse_entity_type(type_key);
                      if (!t) return false;
                      rule.relation[*t] = mapped(type, "a relation type");
                      return true;
                    });
              } else if (key == "reverse") {
                rule.reverse = boolean(v, "\"reverse\"");
              } else if (key == "symmetric") {
                rule.symmetric = boolean(v, "\"symmetric\"");
              } else if (key == "role") {
                rule.role = text(v, "\"role\"");
              } else if (key == "about") {
                text(v, "\"about\"");
              } else if (key == "stub") {
                rule.stub = typed_rule<WikidataStubRule>(
                    v, "\"stub\"", [](const std::string&, const JsonNode&) { return false; });
              } else {
                return false;
              }
              return true;
            });
    if (!related && node.kind == JsonNode::Kind::object)
      error(node.at, "a property rule needs \"relation\"");
    if (rule.reverse && rule.symmetric)
      error(node.at, "a property rule cannot be both \"reverse\" and \"symmetric\"");
    return rule;
  }

  void dates(const JsonNode& node, std::string_view what, std::vector<std::string>& start,
             std::vector<std::string>& end, std::vector<std::string>& date,
             std::vector<std::string>* role) {
    members(node, what, [&](const std::string& key, const TextPosition&, const JsonNode& v) {
      if (key == "start") {
        start = ids(v, 'P', "\"start\"");
      } else if (key == "end") {
        end = ids(v, 'P', "\"end\"");
      } else if (key == "date") {
        date = ids(v, 'P', "\"date\"");
      } else if (key == "role" && role) {
        *role = ids(v, 'P', "\"role\"");
      } else {
        return false;
      }
      return true;
    });
  }

  WikidataMapping mapping(const JsonNode& root) {
    WikidataMapping m;
    members(
        root, "the mapping", [&](const std::string& key, const TextPosition&, const JsonNode& v) {
          if (key == "about") {
            text(v, "\"about\"");
          } else if (key == "source") {
            members(v, "\"source\"",
                    [&](const std::string& k, const TextPosition&, const JsonNode& s) {
                      if (k == "id")
                        m.source_id = text(s, "\"id\"");
                      else if (k == "title")
                        m.source_title = text(s, "\"title\"");
                      else if (k == "url")
                        m.source_url = text(s, "\"url\"");
                      else
                        return false;
                      return true;
                    });
          } else if (key == "classes") {
            classes(v, m);
          } else if (key == "properties") {
            members(v, "\"properties\"",
                    [&](const std::string& pid, const TextPosition& at, const JsonNode& rule) {
                      if (!is_wikidata_id(pid, 'P'))
                        error(at, "property " + quoted(pid) + " is not a property id such as P31");
                      m.properties[pid] = property_rule(rule);
                      return true;
                    });
          } else if (key == "dates") {
            dates(v, "\"dates\"", m.start, m.end, m.date, nullptr);
          } else if (key == "qualifiers") {
            dates(v, "\"qualifiers\"", m.qualifier_start, m.qualifier_end, m.qualifier_date,
                  &m.qualifier_role);
          } else if (key == "references") {
            members(v, "\"references\"",
                    [&](const std::string& k, const TextPosition&, const JsonNode& list) {
                      if (k == "url")
                        m.reference_url = ids(list, 'P', "\"url\"");
                      else if (k == "stated_in")
                        m.reference_item = ids(list, 'P', "\"stated_in\"");
                      else
                        return false;
                      return true;
                    });
          } else {
            return false;
          }
          return true;
        });
    if (m.source_id.empty() && (!m.source_title.empty() || !m.source_url.empty()))
      error(root.at, "\"source\" needs \"id\"");
    return m;
  }
};

}  // namespace

const WikidataClassRule* WikidataMapping::class_rule(std::string_view qid) const {
  auto it = classes.find(qid);
  return it == classes.end() ? nullptr : &it->second;
}

const WikidataPropertyRule* WikidataMapping::property(std::string_view pid) const {
  auto it = properties.find(pid);
  return it == properties.end() ? nullptr : &it->second;
}

std::optional<WikidataMapping> load_wikidata_mapping(std::string_view json_text, std::uint32_t file,
                                                     Diagnostics& diags) {
  JsonNode root;
  if (auto error = parse_json_tree(json_text, root)) {
    diags.error(Location{file, error->at.line, error->at.column}, error->message);
    return std::nullopt;
  }
  MappingReader reader(file, diags);
  WikidataMapping mapping = reader.mapping(root);
  if (!reader.ok()) return std::nullopt;
  return mapping;
}

bool check_wikidata_mapping(const WikidataMapping& mapping, const Schema& schema,
                            Diagnostics& diags) {
  bool ok = true;
  auto kind = [&](EntityType type, const WikidataMapped& k) {
    if (k.text.empty() || schema.has_kind(type, k.text)) return;
    diags.error(k.at, "kind " + quoted(k.text) + " is not declared for " +
                          std::string(type_plural(type)) + " in the schema");
    ok = false;
  };
  // A relation type named for several entity types is reported once.
  std::map<std::pair<std::uint32_t, std::uint32_t>, bool> reported;
  auto relation = [&](const WikidataMapped& type) {
    if (schema.relation(type.text) ||
        !reported.emplace(std::pair{type.at.line, type.at.column}, true).second)
      return;
    diags.error(type.at, "relation type " + quoted(type.text) + " is not declared in the schema");
    ok = false;
  };
  for (const auto& [qid, rule] : mapping.classes) kind(rule.type, rule.kind);
  for (const auto& [pid, rule] : mapping.properties) {
    for (const auto& [type, relation_type] : rule.relation) relation(relation_type);
    if (rule.stub) kind(rule.stub->type, rule.stub->kind);
  }
  return ok;
}

const WikidataMapping& builtin_wikidata_mapping() {
  static const WikidataMapping mapping = [] {
    Diagnostics diags;
    auto m =
        load_wikidata_mapping(kWikidataMappingJson, diags.add_file("wikidata_mapping.json"), diags);
    if (!m) throw std::logic_error("importers/assets/wikidata_mapping.json does not load");
    return *m;
  }();
  return mapping;
}

std::string_view builtin_wikidata_mapping_text() { return kWikidataMappingJson; }

}  // namespace kgraph
