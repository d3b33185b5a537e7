#pragma once
/// How Wikidata items become kgraph records (docs/inputs.md, "Wikidata"): the mapping is data,
/// importers/assets/wikidata_mapping.json compiled in and replaceable with `--input-option
/// wikidata.mapping=FILE`.
///
///   Diagnostics diags;
///   auto mapping = load_wikidata_mapping(text, diags.add_file("m.json"), diags);
///   const WikidataClassRule* human = mapping->class_rule("Q5");     // actor/person
///   const WikidataPropertyRule* spouse = mapping->property("P26");  // spouse_of, symmetric

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/diagnostics.hpp"
#include "graph/schema.hpp"

namespace kgraph {

/// A value of the mapping file and where it stands there (for messages about it).
struct WikidataMapped {
  std::string text;
  Location at;
};

/// What the items of one class (a P31 value) become.
struct WikidataClassRule {
  EntityType type = EntityType::actor;
  WikidataMapped kind;  // empty: no kind
};

/// The type and kind of the stub entity made for an item a statement names but the input lacks.
struct WikidataStubRule {
  EntityType type = EntityType::actor;
  WikidataMapped kind;
};

/// What the statements of one property become: a relation from the item to the value's item.
struct WikidataPropertyRule {
  std::map<EntityType, WikidataMapped> relation;  // the relation type by the item's type
  bool reverse = false;    // the relation goes from the value's item to the item
  bool symmetric = false;  // the ends in id order, so that A–B and B–A are one relation
  std::string role;        // the role when no qualifier gives one; empty: none
  std::optional<WikidataStubRule> stub;  // absent: a relation to a missing item is dropped
};

/// A loaded mapping.
struct WikidataMapping {
  std::map<std::string, WikidataClassRule, std::less<>> classes;  // subclasses listed included
  std::map<std::string, WikidataPropertyRule, std::less<>> properties;
  // Properties giving an item's dates, the first one stated wins.
  std::vector<std::string> start, end, date;
  // Qualifiers giving a statement's dates and role.
  std::vector<std::string> qualifier_start, qualifier_end, qualifier_date, qualifier_role;
  // Reference properties that become sources: a URL, or an item ("stated in").
  std::vector<std::string> reference_url, reference_item;
  // The source every record cites (the id empty: none).
  std::string source_id, source_title, source_url;

  const WikidataClassRule* class_rule(std::string_view qid) const;
  const WikidataPropertyRule* property(std::string_view pid) const;
};

/// Parses a mapping document; problems go to `diags` against `file`. nullopt if there were any.
std::optional<WikidataMapping> load_wikidata_mapping(std::string_view json_text, std::uint32_t file,
                                                     Diagnostics& diags);

/// Reports every kind and relation type of `mapping` that `schema` does not declare, at its
/// place in the mapping; true if there was none.
bool check_wikidata_mapping(const WikidataMapping& mapping, const Schema& schema,
                            Diagnostics& diags);

/// The mapping compiled in (importers/assets/wikidata_mapping.json).
const WikidataMapping& builtin_wikidata_mapping();
/// The text of the mapping compiled in.
std::string_view builtin_wikidata_mapping_text();

}  // namespace kgraph
