#pragma once
/// The ids of a view's entities as the database exporters (Neo4j, Kuzu) write them: each
/// rendered once as a CSV field, tagged with the entity's type, and with `--parts` the part of
/// each (part_files.hpp). Rows copy the field; a relation row copies both of its ends'.

#include <cstdint>
#include <vector>

#include "exporters/rendered_fields.hpp"
#include "graph/graph_view.hpp"

namespace kgraph {

struct EntityIds {
  /// Renders the id of every entity of `view`; `parts`: the part count rows are split into.
  EntityIds(const GraphView& view, std::uint32_t parts);

  /// The part of an entity's row, and of the relations it starts.
  std::uint32_t entity_part(std::uint32_t entity) const {
    return parts > 1 ? entity_parts[entity] : 0;
  }
  /// The type of an entity of the view.
  EntityType type_of(std::uint32_t entity) const {
    return static_cast<EntityType>(id_fields.tag(entity));
  }

  EntityFields id_fields;  // by entity index, tagged with the entity's type
  std::uint32_t parts = 1;
  std::vector<std::uint32_t> entity_parts;  // in parts: the part of each entity's row
};

}  // namespace kgraph
