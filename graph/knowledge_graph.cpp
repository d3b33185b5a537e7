#include "graph/knowledge_graph.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>

namespace kgraph {
namespace {

/// Iterators that feed the sorted relations to Boost's CSR constructor without copying them.
struct EdgeIter {
  const Relation* r;
  using iterator_category = std::forward_iterator_tag;
  using value_type = std::pair<std::uint32_t, std::uint32_t>;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = value_type;
  value_type operator*() const { return {r->from, r->to}; }
  EdgeIter& operator++() {
    ++r;
    return *this;
  }
  EdgeIter operator++(int) {
    EdgeIter t = *this;
    ++r;
    return t;
  }
  bool operator==(const EdgeIter& o) const { return r == o.r; }
  bool operator!=(const EdgeIter& o) const { return r != o.r; }
};
struct RefIter {
  std::uint32_t i;
  using iterator_category = std::forward_iterator_tag;
  using value_type = RelationRef;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = RelationRef;
  RelationRef operator*() const { return RelationRef{i}; }
  RefIter& operator++() {
    ++i;
    return *this;
  }
  RefIter operator++(int) {
    RefIter t = *this;
    ++i;
    return t;
  }
};

}  // namespace

const Topology& KnowledgeGraph::topology() const {
  LazyTopology& lazy = *topology_;
  std::call_once(lazy.once, [&] {
    const Relation* base = relations_.data();
    lazy.topology = Topology(boost::edges_are_unsorted_multi_pass, EdgeIter{base},
                             EdgeIter{base + relations_.size()}, RefIter{0},
                             static_cast<std::uint32_t>(entities_.size()));
    lazy.built.store(true, std::memory_order_release);
  });
  return lazy.topology;
}

std::optional<std::uint32_t> KnowledgeGraph::find_entity(std::string_view id) const {
  auto it = std::lower_bound(entities_.begin(), entities_.end(), id,
                             [&](const Entity& e, std::string_view k) { return str(e.id) < k; });
  if (it == entities_.end() || str(it->id) != id) return std::nullopt;
  return static_cast<std::uint32_t>(it - entities_.begin());
}

std::optional<std::uint32_t> KnowledgeGraph::find_source(std::string_view id) const {
  auto it = std::lower_bound(sources_.begin(), sources_.end(), id,
                             [&](const Source& s, std::string_view k) { return str(s.id) < k; });
  if (it == sources_.end() || str(it->id) != id) return std::nullopt;
  return static_cast<std::uint32_t>(it - sources_.begin());
}

std::size_t KnowledgeGraph::memory_bytes() const {
  std::size_t total = strings_.memory_bytes() + lists_.memory_bytes();
  total += entities_.capacity() * sizeof(Entity) + relations_.capacity() * sizeof(Relation);
  for (const Entity& e : entities_) {
    total += e.properties.capacity() * sizeof(Property);
    for (const Property& p : e.properties) total += p.values.capacity() * sizeof(Value);
  }
  for (const PropertyList& list : relation_properties_) {
    total += sizeof(PropertyList) + list.capacity() * sizeof(Property);
    for (const Property& p : list) total += p.values.capacity() * sizeof(Value);
  }
  // Forward and backward CSR arrays, once built: row starts, targets, edge bundles, back-links.
  if (topology_->built.load(std::memory_order_acquire)) {
    const std::size_t n = entities_.size() + 1, m = relations_.size();
    total += 2 * n * 4 + m * (4 + sizeof(RelationRef)) + m * (4 + 4);
  }
  return total;
}

}  // namespace kgraph
