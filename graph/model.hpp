#pragma once
/// The elements of a finished graph: entities, relations and sources.

#include <cstdint>

#include "graph/partial_date.hpp"
#include "graph/schema.hpp"
#include "graph/string_pool.hpp"
#include "graph/value.hpp"

namespace kgraph {

/// Id of an interned, sorted list of strings (aliases, sources); 0 is the empty list.
using ListId = std::uint32_t;

/// An actor, law, event or place: one vertex of the graph.
struct Entity {
  StrId id = kEmpty;
  StrId name = kEmpty;
  StrId kind = kEmpty;  // empty: no kind given
  EntityType type = EntityType::actor;
  PartialDate start;
  PartialDate end;
  ListId aliases = 0;       // sorted by text, never containing `name`
  ListId sources = 0;       // sorted by text
  PropertyList properties;  // includes `description`
};

/// A typed, directed relation between two entities: one edge of the graph.
struct Relation {
  std::uint32_t from = 0;  // entity index
  std::uint32_t to = 0;    // entity index
  StrId type = kEmpty;
  StrId role = kEmpty;
  PartialDate start;
  PartialDate end;
  ListId sources = 0;
  std::uint32_t properties = 0;  // index into the graph's relation property lists; 0: none
};

/// A document facts come from. `title`, `publisher`, `url` and further fields are properties.
struct Source {
  StrId id = kEmpty;
  PartialDate date;
  PropertyList properties;
};

}  // namespace kgraph
