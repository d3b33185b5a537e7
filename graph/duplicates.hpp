#pragma once
/// Review of probable duplicates: entities of one type with different ids whose names or
/// aliases are equal once folded (graph/unicode.hpp match_key). Nothing is ever merged; the
/// user decides, and gives each real thing one id.
///
///   for (const DuplicateGroup& g : find_duplicates(graph)) ...
///   write_duplicates_text(std::cout, graph, find_duplicates(graph));

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kgraph {

struct DuplicateMember {
  std::uint32_t entity = 0;          // index in graph.entities()
  std::vector<std::string> matched;  // its names/aliases whose key another member shares, sorted
};

/// Entities of one type that share at least one folded name, directly or through each other.
struct DuplicateGroup {
  EntityType type = EntityType::actor;
  std::string key;                       // the smallest folded name shared in the group
  std::vector<DuplicateMember> members;  // in id order; at least two
};

/// The groups, ordered by type then by their first id. Empty if there is nothing to review.
std::vector<DuplicateGroup> find_duplicates(const KnowledgeGraph& graph);

/// Human-readable report: each group with each entity's id, name, kind, the names that matched
/// and the sources it cites ("where it came from").
void write_duplicates_text(std::ostream& out, const KnowledgeGraph& graph,
                           const std::vector<DuplicateGroup>& groups);

/// The same as a JSON document: {"groups": [{"type", "key", "entities": [{"id", "name", "kind",
/// "matched", "sources"}]}]}.
void write_duplicates_json(std::ostream& out, const KnowledgeGraph& graph,
                           const std::vector<DuplicateGroup>& groups);

}  // namespace kgraph
