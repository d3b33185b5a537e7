#include "graph/shard_partition.hpp"

namespace kgraph {

std::uint64_t fnv1a_64(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::uint32_t shard_part_of(std::string_view id, std::uint32_t parts) {
  return static_cast<std::uint32_t>(fnv1a_64(id) % parts);
}

ShardPartition::ShardPartition(const PartialGraph& partial, std::uint32_t parts)
    : partial_(partial), parts_(parts) {
  const KnowledgeGraph& g = partial.graph;
  entity_part_.reserve(g.entities().size());
  for (const Entity& e : g.entities()) entity_part_.push_back(shard_part_of(g.str(e.id), parts));
  // Sources that nothing in this graph cites still belong somewhere: by their own id.
  cited_.assign(g.sources().size(), false);
  std::vector<bool> list_seen(g.lists().size(), false);
  auto cite = [&](ListId list) {
    if (list_seen[list]) return;
    list_seen[list] = true;
    for (const StrId s : g.list(list))
      if (auto index = g.find_source(g.str(s))) cited_[*index] = true;
  };
  for (const std::uint32_t e : partial.declared) cite(g.entities()[e].sources);
  for (const Relation& r : g.relations()) cite(r.sources);
}

GraphView ShardPartition::view(std::uint32_t part) const {
  const KnowledgeGraph& g = partial_.graph;
  std::vector<std::uint32_t> entities, relations, sources;
  std::vector<bool> cited(g.sources().size(), false);
  std::vector<bool> list_seen(g.lists().size(), false);
  auto cite = [&](ListId list) {
    if (list_seen[list]) return;
    list_seen[list] = true;
    for (const StrId s : g.list(list))
      if (auto index = g.find_source(g.str(s))) cited[*index] = true;
  };
  for (const std::uint32_t e : partial_.declared)
    if (entity_part_[e] == part) {
      entities.push_back(e);
      cite(g.entities()[e].sources);
    }
  for (std::uint32_t r = 0; r < g.relations().size(); ++r)
    if (entity_part_[g.relations()[r].from] == part) {
      relations.push_back(r);
      cite(g.relations()[r].sources);
    }
  for (std::uint32_t s = 0; s < g.sources().size(); ++s)
    if (cited[s] || (!cited_[s] && shard_part_of(g.str(g.sources()[s].id), parts_) == part))
      sources.push_back(s);
  return GraphView(g, std::move(entities), std::move(relations), std::move(sources));
}

}  // namespace kgraph
