#pragma once
/// GraphML input (docs/formats/graphml.md, "Reading GraphML"): kgraph's own GraphML reads back
/// to the same graph; foreign GraphML (yEd, networkx, igraph, TinkerPop, Neo4j APOC) is read
/// with typed keys and defaults, its node labels giving types and kinds.

#include <memory>

#include "importers/importer.hpp"

namespace kgraph {

/// The GraphML importer ("graphml", ".graphml"), for register_builtin_importers.
std::unique_ptr<Importer> make_graphml_importer();

}  // namespace kgraph
