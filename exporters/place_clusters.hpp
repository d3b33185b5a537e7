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
/// where the walk first meets them. Only relations and entities in the view count. Clusters
/// nest at most kMaxNesting deep: a place deeper down is no cluster, and it and what is in it
/// are drawn in its enclosing place at that depth.
class PlaceClusters {
 public:
  explicit PlaceClusters(const GraphView& view);

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  /// The deepest nesting of clusters drawn. Graphviz recurses once per level, in cgraph as in
  /// its layouts, and its DOT parser gives up at about 2,500 levels; a drawing does not need
  /// more than a few (room, building, city, province, country).
  static constexpr int kMaxNesting = 32;

  /// The place entity `e` is drawn in, or kNone.
  std::uint32_t parent(std::uint32_t e) const { return parent_[e]; }
  /// Whether place `e` is drawn as a cluster (something is in it).
  bool is_cluster(std::uint32_t e) const { return has_members_[e]; }

 private:
  /// Chooses the place chain of `e` and of every place above it, without recursing (the
  /// chains may be as long as the input).
  void resolve(std::uint32_t e);
  /// The place above `p` (itself included) whose cluster is at depth kMaxNesting.
  std::uint32_t deepest_drawn(std::uint32_t p);

  std::vector<std::vector<std::uint32_t>> candidates_;
  std::vector<std::uint32_t> parent_;
  std::vector<int> depth_;  // of e's chosen place chain: 0 for none
  std::vector<std::uint8_t> state_;
  std::vector<std::uint32_t> drawn_in_;  // deepest_drawn, once known
  std::vector<bool> has_members_;
};

}  // namespace kgraph::diagram
