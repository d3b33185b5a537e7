#pragma once
/// The finished, immutable graph: entities sorted by id, relations sorted by
/// (from id, type, to id, start, end, role), sources sorted by id, and a Boost.Graph
/// compressed-sparse-row topology over them, built when first asked for. Built only by
/// GraphBuilder::finish.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "graph/list_pool.hpp"
#include "graph/model.hpp"
#include "graph/schema.hpp"
#include "graph/string_pool.hpp"

namespace kgraph {

/// Edge bundle of the topology: the index of the relation in `relations()`.
struct RelationRef {
  std::uint32_t index = 0;
};

/// Vertices are entity indices; each edge carries its relation index.
using Topology =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, RelationRef,
                                       boost::no_property, std::uint32_t, std::uint32_t>;

class KnowledgeGraph {
 public:
  KnowledgeGraph() = default;
  KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept = default;

  std::string_view str(StrId id) const { return strings_.view(id); }
  std::span<const StrId> list(ListId id) const { return lists_.view(id); }
  const StringPool& strings() const { return strings_; }
  const ListPool& lists() const { return lists_; }

  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<Relation>& relations() const { return relations_; }
  const std::vector<Source>& sources() const { return sources_; }
  const PropertyList& properties_of(const Relation& r) const {
    return relation_properties_[r.properties];
  }

  /// Index of the entity with this id, by binary search.
  std::optional<std::uint32_t> find_entity(std::string_view id) const;
  std::optional<std::uint32_t> find_source(std::string_view id) const;

  /// The relations as a Boost.Graph, built on first use (safe from several threads at once):
  /// a validation, or an export that walks `relations()` in order, never pays its 18 bytes per
  /// relation, nor the time to build it.
  const Topology& topology() const;
  const Schema& schema() const { return schema_; }

  /// Bytes held by the graph's own structures (for benchmarks).
  std::size_t memory_bytes() const;

 private:
  friend class GraphBuilder;

  StringPool strings_;
  ListPool lists_;
  std::vector<Entity> entities_;
  std::vector<Relation> relations_;
  std::vector<PropertyList> relation_properties_;  // [0] is the empty list
  std::vector<Source> sources_;
  struct LazyTopology {
    std::once_flag once;
    std::atomic<bool> built{false};
    Topology topology;
  };
  std::unique_ptr<LazyTopology> topology_ = std::make_unique<LazyTopology>();
  Schema schema_;
};

}  // namespace kgraph
