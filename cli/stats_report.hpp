#pragma once
/// What `kgraph stats` prints: the GraphStats of graph/algorithms.hpp as text or as JSON.

#include <ostream>

#include "graph/algorithms.hpp"
#include "graph/knowledge_graph.hpp"

namespace kgraph::cli {

/// The statistics as labelled lines and indented lists.
void write_stats_text(std::ostream& out, const KnowledgeGraph& g, const GraphStats& s);

/// The statistics as one JSON object and a newline (docs/cli.md, `kgraph stats --json`).
void write_stats_json(std::ostream& out, const KnowledgeGraph& g, const GraphStats& s);

}  // namespace kgraph::cli
