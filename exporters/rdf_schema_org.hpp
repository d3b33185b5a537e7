#pragma once
/// What schema.org makes of kgraph's entities and relations (docs/formats/rdf.md): classes by
/// type and kind, and the schema.org properties that restate some relations.

#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/schema.hpp"

namespace kgraph::rdf {

/// schema.org classes (local names) for an entity of this type and kind, general first,
/// e.g. actor/government_body -> {Organization, GovernmentOrganization}; empty if none fits.
std::vector<std::string_view> schema_classes(EntityType type, std::string_view kind);

/// What schema.org makes of an entity, as far as restating relations needs it.
enum class SchemaRole : std::uint8_t { other, person, organization };

/// The role of an entity of this type and kind.
SchemaRole schema_role(EntityType type, std::string_view kind);

/// A schema.org property (local name) that restates a relation of this type between these
/// entities, where one fits; empty otherwise.
std::string_view schema_relation_property(std::string_view type, EntityType from,
                                          SchemaRole from_role, EntityType to, SchemaRole to_role);

}  // namespace kgraph::rdf
