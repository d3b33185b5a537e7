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
    if ((type == "located_in" || type == "occurred_in") &&
        g.entities()[rel.to].type == EntityType::place && rel.from != rel.to)
      candidates_[rel.from].push_back(rel.to);
  }
  for (auto& c : candidates_) {
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
  }
  for (std::uint32_t e : view.entities()) resolve(e);
  // A place's cluster is at depth depth_ + 1: what would go deeper goes where the nesting ends.
  drawn_in_.assign(n, kNone);
  for (std::uint32_t e : view.entities())
    if (parent_[e] != kNone && depth_[parent_[e]] >= kMaxNesting)
      parent_[e] = deepest_drawn(parent_[e]);
  has_members_.assign(n, false);
  for (std::uint32_t e : view.entities())
    if (parent_[e] != kNone) has_members_[parent_[e]] = true;
}

// The walk the recursive definition would take, with the stack in a vector:
//   resolve(e): if e is being resolved, it counts as depth -1 (a cycle, not chosen); otherwise
//   resolve each candidate c in order, choose the first of the deepest as parent_[e], and
//   depth_[e] = that depth + 1 (0 for none).
void PlaceClusters::resolve(std::uint32_t root) {
  enum : std::uint8_t { kUnseen = 0, kOpen = 1, kDone = 2 };
  if (state_[root] == kDone) return;
  struct Frame {
    std::uint32_t e;
    std::uint32_t next = 0;  // the candidate to look at
    int best = -1;           // the deepest candidate's depth so far
  };
  std::vector<Frame> stack;
  stack.push_back({root});
  state_[root] = kOpen;
  const auto consider = [&](Frame& f, int depth) {
    if (depth > f.best) f.best = depth, parent_[f.e] = candidates_[f.e][f.next];
    ++f.next;
  };
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next < candidates_[f.e].size()) {
      const std::uint32_t c = candidates_[f.e][f.next];
      if (state_[c] == kUnseen) {
        state_[c] = kOpen;
        stack.push_back({c});  // f is not used after this
      } else {
        consider(f, state_[c] == kOpen ? -1 : depth_[c]);
      }
      continue;
    }
    depth_[f.e] = f.best < 0 ? 0 : f.best + 1;
    state_[f.e] = kDone;
    const int depth = depth_[f.e];
    stack.pop_back();
    if (!stack.empty()) consider(stack.back(), depth);
  }
}

std::uint32_t PlaceClusters::deepest_drawn(std::uint32_t p) {
  // Each place on the way is walked once over all calls: the answer is kept for all of them.
  std::vector<std::uint32_t> path;
  std::uint32_t at = p;
  while (drawn_in_[at] == kNone && depth_[at] > kMaxNesting - 1) {
    path.push_back(at);
    at = parent_[at];
  }
  const std::uint32_t drawn = drawn_in_[at] == kNone ? at : drawn_in_[at];
  for (std::uint32_t q : path) drawn_in_[q] = drawn;
  return drawn;
}

}  // namespace kgraph::diagram
