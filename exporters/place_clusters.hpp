#pragma once
/// Which cluster each entity is drawn in for `--cluster place` (docs/formats/diagrams.md,
/// "Clusters").

#include <cstdint>
#include <vector>

#include "graph/graph_view.hpp"

namespace kgraph::diagram {

/// Each entity goes into the cluster of the place it is located_in / occurred_in (the most
/// deeply nested one if several; ties by the smaller entity index, i.e. id), places nest the
/// same way; a place is a cluster only if something is in it. located_in cycles are broken
/// where the walk first meets them. Only relations and entities in the view count.
class PlaceClusters {
 public:
  explicit PlaceClusters(const GraphView& view);

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  /// The place entity `e` is drawn in, or kNone.
  std::uint32_t parent(std::uint32_t e) const { return parent_[e]; }
  /// Whether place `e` is drawn as a cluster (something is in it).
  bool is_cluster(std::uint32_t e) const { return has_members_[e]; }

 private:
  /// Depth of e's chosen place chain, or -1 while e is being resolved (a located_in cycle).
  int resolve(std::uint32_t e);

  std::vector<std::vector<std::uint32_t>> candidates_;
  std::vector<std::uint32_t> parent_;
  std::vector<int> depth_;
  std::vector<std::uint8_t> state_;
  std::vector<bool> has_members_;
};

}  // namespace kgraph::diagram
