#pragma once
/// How `stats` and `path` name an entity on standard output: "NAME [ID]".

#include <cstdint>
#include <string>

#include "graph/knowledge_graph.hpp"

namespace kgraph::cli {

/// "NAME [ID]" of entity `e`.
std::string entity_label(const KnowledgeGraph& g, std::uint32_t e);

}  // namespace kgraph::cli
