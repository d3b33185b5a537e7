#pragma once
/// Pieces of the records the mapped importers (FtM, Wikidata) make of an entity whose type
/// their mapping gives.

#include <optional>
#include <string_view>

#include "graph/diagnostics.hpp"
#include "graph/record.hpp"
#include "graph/schema.hpp"

namespace kgraph {

/// The record section that holds entities of type `t`.
Section section_of(EntityType t);
/// The type of the entities of section `s`; nullopt for sources and relations.
std::optional<EntityType> entity_type_of(Section s);

/// Adds `text` as a string value of the field `key`, found at `at`.
void add_text(RawRecord& r, std::string_view key, std::string_view text, Location at);

}  // namespace kgraph
