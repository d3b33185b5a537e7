#pragma once
/// How FollowTheMoney schemata become kgraph records (docs/formats/ftm.md): the mapping is data,
/// importers/assets/ftm_mapping.json compiled in and replaceable with `--input-option
/// ftm.mapping=FILE`; country names come from importers/assets/ftm_countries.json.
///
///   Diagnostics diags;
///   std::optional<FtmMapping> mapping = load_ftm_mapping(text, diags.add_file("m.json"), diags);
///   const FtmRelationRule* rule = mapping->relation("Ownership");

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/diagnostics.hpp"
#include "graph/record.hpp"
#include "graph/schema.hpp"

namespace kgraph {

/// A value of the mapping file and where it stands there (for messages about it).
struct FtmMapped {
  std::string text;
  Location at;
};

/// A schema whose entities become kgraph entities.
struct FtmEntityRule {
  EntityType type = EntityType::actor;
  FtmMapped kind;                       // empty: no kind
  std::vector<std::string> names;       // properties giving the name, the first one given wins
  std::vector<std::string> start, end;  // date properties giving `start` and `end`
};

/// The law a relation starts at, made from properties of the interval (a sanction programme).
struct FtmLawRule {
  std::vector<std::string> id;    // properties giving the law's id, the first one given wins
  std::vector<std::string> name;  // properties giving its name
  FtmMapped kind;
  std::string id_prefix;
};

/// An interval schema whose entities become relations.
struct FtmRelationRule {
  FtmMapped type;
  std::string from;  // the entity property of the `from` end (empty with `from_law`)
  std::string to;
  std::string role;          // the property giving the role; empty for none
  std::string default_role;  // the role when that property is not given
  std::optional<FtmLawRule> from_law;
  std::vector<std::string> start, end;
};

/// An entity property that becomes a relation from the entity, to another entity or to a
/// country place.
struct FtmLinkRule {
  enum class Target : std::uint8_t { entity, country };
  Target target = Target::entity;
  bool reverse = false;  // the relation goes from the entity named to this one
  std::string role;
  std::map<EntityType, FtmMapped> relation;  // the relation type by the entity's type
};

/// A loaded mapping.
struct FtmMapping {
  std::map<std::string, FtmEntityRule, std::less<>> entities;
  std::map<std::string, FtmRelationRule, std::less<>> relations;
  std::map<std::string, FtmLinkRule, std::less<>> links;
  std::vector<std::string> names;    // name properties of schemata that do not say theirs
  std::vector<std::string> aliases;  // properties giving aliases
  std::vector<std::string> interval_start, interval_end;  // relations that do not say theirs
  std::string country_id_prefix;
  std::string schema_property = "ftm_schema";  // the property naming the FtM schema; empty: none
  std::string id_property = "ftm_id";          // the property of a relation naming its interval
  std::string source_url;                      // the property holding source URLs (`sourceUrl`)
  std::string source_publisher;                // the property holding publishers (`publisher`)
  std::string publisher_id_prefix;             // the source id of a publisher without a URL
  std::string dataset_id_prefix;               // the source id of a dataset

  const FtmEntityRule* entity(std::string_view schema) const;
  const FtmRelationRule* relation(std::string_view schema) const;
  const FtmLinkRule* link(std::string_view property) const;
};

/// Parses a mapping document; problems go to `diags` against `file`. nullopt if there were any.
std::optional<FtmMapping> load_ftm_mapping(std::string_view json_text, std::uint32_t file,
                                           Diagnostics& diags);

/// Reports every kind and relation type of `mapping` that `schema` does not declare, at its
/// place in the mapping; true if there was none.
bool check_ftm_mapping(const FtmMapping& mapping, const Schema& schema, Diagnostics& diags);

/// The mapping compiled in (importers/assets/ftm_mapping.json).
const FtmMapping& builtin_ftm_mapping();
/// The text of the mapping compiled in.
std::string_view builtin_ftm_mapping_text();

/// The name of an FtM country code (`de` → "Germany"), or empty for a code it does not know.
std::string_view ftm_country_name(std::string_view code);

}  // namespace kgraph
