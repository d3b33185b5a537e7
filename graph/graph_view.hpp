#pragma once
/// What an exporter writes: the whole graph or a selection of it, without copying the graph.

#include <cstdint>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kgraph {

/// A sorted set of element indices, or "all of 0..n" without storing them.
class IndexSet {
 public:
  static IndexSet all(std::uint32_t n) {
    IndexSet s;
    s.all_ = true;
    s.n_ = n;
    return s;
  }
  static IndexSet of(std::vector<std::uint32_t> sorted) {
    IndexSet s;
    s.n_ = static_cast<std::uint32_t>(sorted.size());
    s.items_ = std::move(sorted);
    return s;
  }
  std::uint32_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  /// The i-th index in the set.
  std::uint32_t operator[](std::uint32_t i) const { return all_ ? i : items_[i]; }
  bool contains(std::uint32_t index) const;

  class iterator {
   public:
    using value_type = std::uint32_t;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const IndexSet* s, std::uint32_t i) : s_(s), i_(i) {}
    std::uint32_t operator*() const { return (*s_)[i_]; }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    iterator operator++(int) {
      iterator t = *this;
      ++i_;
      return t;
    }
    bool operator==(const iterator& o) const { return i_ == o.i_; }

   private:
    const IndexSet* s_ = nullptr;
    std::uint32_t i_ = 0;
  };
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, n_}; }

 private:
  bool all_ = false;
  std::uint32_t n_ = 0;
  std::vector<std::uint32_t> items_;
};

/// A graph together with the entities, relations and sources to write. Relations in a view
/// always have both endpoints in it; sources are those cited by what is in the view (all
/// sources for the whole graph).
class GraphView {
 public:
  /// The whole graph.
  explicit GraphView(const KnowledgeGraph& g);
  /// A selection; both vectors sorted ascending. Sources are derived.
  GraphView(const KnowledgeGraph& g, std::vector<std::uint32_t> entities,
            std::vector<std::uint32_t> relations);
  /// A part of a partial graph (`kgraph shard`): every vector sorted ascending, sources
  /// given; relations may name entities that are not in it.
  GraphView(const KnowledgeGraph& g, std::vector<std::uint32_t> entities,
            std::vector<std::uint32_t> relations, std::vector<std::uint32_t> sources);

  const KnowledgeGraph& graph() const { return *graph_; }
  const IndexSet& entities() const { return entities_; }
  const IndexSet& relations() const { return relations_; }
  const IndexSet& sources() const { return sources_; }
  bool is_whole_graph() const { return whole_; }

 private:
  const KnowledgeGraph* graph_;
  IndexSet entities_;
  IndexSet relations_;
  IndexSet sources_;
  bool whole_ = true;
};

}  // namespace kgraph
