#pragma once
/// Disjoint sets over 0..n-1 (path halving). Each set's root is its smallest member, so that
/// what is derived from the roots does not depend on the order of the joins. (Boost's
/// disjoint_sets does not compile with g++ 12 in C++20 mode with Boost 1.74: its pointer
/// property maps are not found by name lookup.)

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace kgraph {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void join(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::uint32_t> parent_;
};

}  // namespace kgraph
