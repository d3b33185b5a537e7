#pragma once
/// Whole-graph measures for `kgraph stats` and the shortest chain for `kgraph path`.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph_view.hpp"

namespace kgraph {

struct RankedEntity {
  std::uint32_t entity = 0;
  double score = 0;
};

struct GraphStats {
  std::size_t entities = 0;
  std::size_t relations = 0;
  std::size_t sources = 0;
  std::map<std::string, std::size_t> per_type;           // "actor"
  std::map<std::string, std::size_t> per_kind;           // "actor/person"; no kind: "actor/-"
  std::map<std::string, std::size_t> per_relation_type;  // "located_in"
  std::size_t components = 0;                            // weakly connected
  std::size_t largest_component = 0;
  std::vector<RankedEntity> by_degree;       // most connected first
  std::vector<RankedEntity> by_betweenness;  // empty when not computed
  bool betweenness_computed = false;
  PartialDate earliest;  // earliest start of anything dated
  PartialDate latest;    // latest end of anything dated
};

/// Counts and centrality over a view. Betweenness (Brandes, undirected, via Boost.Graph) is
/// computed only up to `betweenness_limit` entities, since it costs O(V·E).
GraphStats compute_stats(const GraphView& view, std::size_t top = 10,
                         std::size_t betweenness_limit = 5000);

/// The shortest chain of relations from one entity to another, ignoring direction; relation
/// indices in order from `from`. Nullopt if none; empty if from == to.
std::optional<std::vector<std::uint32_t>> shortest_path(const KnowledgeGraph& g, std::uint32_t from,
                                                        std::uint32_t to);

}  // namespace kgraph
