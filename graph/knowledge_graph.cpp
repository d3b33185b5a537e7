#include "graph/knowledge_graph.hpp"

#include <algorithm>
#include <utility>

#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>

namespace kgraph {
namespace {

// What Boost's CSR constructor reads, as views over the sorted relations (no copy): each
// relation's ends, and the edge bundles 0, 1, 2, ...
struct EndsOf {
  std::pair<std::uint32_t, std::uint32_t> operator()(const Relation& r) const {
    return {r.from, r.to};
  }
};
struct RefOf {
  RelationRef operator()(std::uint32_t i) const { return RelationRef{i}; }
};

}  // namespace

const Topology& KnowledgeGraph::topology() const {
  LazyTopology& lazy = *topology_;
  std::call_once(lazy.once, [&] {
    lazy.topology = Topology(
        boost::edges_are_unsorted_multi_pass,
        boost::make_transform_iterator(relations_.begin(), EndsOf{}),
        boost::make_transform_iterator(relations_.end(), EndsOf{}),
        boost::make_transform_iterator(boost::counting_iterator<std::uint32_t>(0), RefOf{}),
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
