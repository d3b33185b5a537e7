#include "importers/wikidata_terms.hpp"

#include <string_view>

#include "importers/wikidata_values.hpp"

namespace kgraph {
namespace {

/// The text of a term (`{"language": "en", "value": "Douglas Adams"}`), or nullptr.
const JsonNode* term_value(const JsonNode* term) {
  if (!term) return nullptr;
  const JsonNode* v = json_member(*term, "value");
  return v && v->kind == JsonNode::Kind::string && !v->text.empty() ? v : nullptr;
}

const JsonNode* pick(const JsonNode* terms, const std::vector<std::string>& languages) {
  if (!terms) return nullptr;
  for (const std::string& lang : languages)
    if (const JsonNode* v = term_value(json_member(*terms, lang))) return v;
  if (const JsonNode* v = term_value(json_member(*terms, "mul"))) return v;
  const JsonMember* best = nullptr;
  if (terms->kind == JsonNode::Kind::object)
    for (const JsonMember& m : terms->members)
      if (term_value(&m.value) && (!best || m.key < best->key)) best = &m;
  return best ? term_value(&best->value) : nullptr;
}

}  // namespace

WikidataTerms choose_wikidata_terms(const JsonNode& entity,
                                    const std::vector<std::string>& languages) {
  const JsonNode* labels = json_member(entity, "labels");
  const JsonNode* aliases = json_member(entity, "aliases");
  WikidataTerms out;
  out.name = pick(labels, languages);
  out.description = pick(json_member(entity, "descriptions"), languages);
  auto add_alias = [&](const JsonNode* v) {
    if (!v || (out.name && v->text == out.name->text)) return;
    for (const JsonNode* n : out.aliases)
      if (n->text == v->text) return;
    out.aliases.push_back(v);
  };
  auto add_language = [&](std::string_view lang) {
    if (labels) add_alias(term_value(json_member(*labels, lang)));
    if (const JsonNode* list = aliases ? json_member(*aliases, lang) : nullptr;
        list && list->kind == JsonNode::Kind::array)
      for (const JsonNode& term : list->items) add_alias(term_value(&term));
  };
  for (const std::string& lang : languages) add_language(lang);
  add_language("mul");
  return out;
}

}  // namespace kgraph
