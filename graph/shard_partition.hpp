#pragma once
/// How `kgraph shard` splits a partial graph into parts (docs/scale.md): an entity goes to the
/// part its id hashes to, a relation with its `from` entity, a source to every part that cites
/// it (and, when nothing here cites it, to the part its own id hashes to).
///
///   ShardPartition parts(partial, 16);
///   for (std::uint32_t p = 0; p < 16; ++p) exporter.write(parts.view(p), out[p], options);

#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/graph_builder.hpp"
#include "graph/graph_view.hpp"

namespace kgraph {

/// FNV-1a, 64 bits, over the bytes of `text` (offset basis 14695981039346656037, prime
/// 1099511628211): fixed by its definition, the same on every platform and compiler.
std::uint64_t fnv1a_64(std::string_view text);

/// The part of `parts` an id belongs to: fnv1a_64(id) modulo parts.
std::uint32_t shard_part_of(std::string_view id, std::uint32_t parts);

/// A partial graph seen as `parts` parts.
class ShardPartition {
 public:
  /// `partial` must outlive the partition; parts >= 1.
  ShardPartition(const PartialGraph& partial, std::uint32_t parts);

  std::uint32_t parts() const { return parts_; }
  /// Part `part`: its declared entities, the relations from its ids, and its sources.
  GraphView view(std::uint32_t part) const;

 private:
  const PartialGraph& partial_;
  std::uint32_t parts_;
  std::vector<std::uint32_t> entity_part_;  // by entity index
  std::vector<bool> cited_;                 // by source index: whether anything here cites it
};

}  // namespace kgraph
