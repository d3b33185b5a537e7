#include "exporters/place_clusters.hpp"

#include <algorithm>
#include <string_view>

namespace kgraph::diagram {

PlaceClusters::PlaceClusters(const GraphView& view) {
  const KnowledgeGraph& g = view.graph();
  const auto n = static_cast<std::uint32_t>(g.entities().size());
  candidates_.resize(n);
  parent_.assign(n, kNone);
  depth_.assign(n, 0);
  state_.assign(n, 0);
  for (std::uint32_t r : view.relations()) {
    const Relation& rel = g.relations()[r];
    const std::string_view type = g.str(rel.type);
    if ((type == "located_in" || type == "occurred_in") && g.entities()[rel.to].type == EntityType::place &&
        rel.from != rel.to)
      candidates_[rel.from].push_back(rel.to);
  }
  for (auto& c : candidates_) {
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
  }
  for (std::uint32_t e : view.entities()) resolve(e);
  has_members_.assign(n, false);
  for (std::uint32_t e : view.entities())
    if (parent_[e] != kNone) has_members_[parent_[e]] = true;
}

int PlaceClusters::resolve(std::uint32_t e) {
  if (state_[e] == 1) return -1;
  if (state_[e] == 2) return depth_[e];
  state_[e] = 1;
  int best_depth = -1;
  for (std::uint32_t c : candidates_[e]) {
    const int d = resolve(c);
    if (d > best_depth) best_depth = d, parent_[e] = c;
  }
  depth_[e] = best_depth < 0 ? 0 : best_depth + 1;
  state_[e] = 2;
  return depth_[e];
}

}  // namespace kgraph::diagram
