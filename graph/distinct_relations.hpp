#pragma once
/// Counting relations as the graph will hold them, without sorting them into it: what
/// `kgraph validate` reports, where finish()'s sorting (half of its time) would go unused.

#include <cstddef>
#include <span>

#include "graph/model.hpp"

namespace kgraph::detail {

/// The number of distinct relations in `relations`: two are the same when they agree on
/// source, target, type, role, start and end (BuilderState::same_key), as finish() merges them.
/// `helpers` threads beside the calling one share the work; the count is the same.
std::size_t count_distinct_relations(std::span<const Relation> relations, unsigned helpers = 0);

}  // namespace kgraph::detail
