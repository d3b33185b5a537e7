#pragma once
/// Which of an item's labels, aliases and descriptions (its "terms", in many languages) become
/// its name, aliases and description, given the languages wanted (`--lang`).
///
///   WikidataTerms t = choose_wikidata_terms(entity, {"zh", "en"});
///   // t.name: the zh label, else the en one, else "mul", else the smallest language code's

#include <string>
#include <vector>

#include "importers/json_tree.hpp"

namespace kgraph {

/// The chosen terms, as the string values of the entity (nullptr: none).
struct WikidataTerms {
  const JsonNode* name = nullptr;
  std::vector<const JsonNode*> aliases;  // each text once, never the name's
  const JsonNode* description = nullptr;
};

/// The name and description: the first of `languages` that has one, then "mul" (Wikidata's
/// term for every language), then the language of the smallest code. The aliases: the labels
/// in the other `languages` and the aliases in all of them and in "mul", in that order.
WikidataTerms choose_wikidata_terms(const JsonNode& entity,
                                    const std::vector<std::string>& languages);

}  // namespace kgraph
