#pragma once
/// Merging many records of one id in n log n: what further records add to a large list or
/// property set waits, unsorted, in a backlog, and is folded in with one sort once the backlog
/// is as long as what it will be folded into (and at the end). Merging each record at once
/// would re-sort, and keep, every intermediate list: n records of one id would cost n².

#include <cstdint>
#include <span>
#include <vector>

#include "graph/list_pool.hpp"
#include "graph/string_pool.hpp"
#include "graph/value.hpp"

namespace kgraph {

/// One property value with its key, in arrival order (`order` keeps the first of equal values).
struct KeyedValue {
  StrId key = kEmpty;
  std::uint32_t order = 0;
  Value value;
};

/// Sorts `pairs` by key text and value, drops repeated values (keeping the first that arrived)
/// and writes them to `out` as a property list. `pairs` is left in an unspecified state.
void build_properties(std::vector<KeyedValue>& pairs, PropertyList& out, const StringPool& pool);

/// Appends the values of `props` to `pairs`, numbered from `pairs.size()` on.
void append_pairs(const PropertyList& props, std::vector<KeyedValue>& pairs);

/// Number of values in `props`.
std::size_t value_count(const PropertyList& props);

/// Lists and property sets smaller than this merge at once, as they always did: short lists
/// are the common case, and merging them at once keeps them interned (shared) early.
inline constexpr std::size_t kMergeAtOnceBelow = 32;

/// What records add to one element's lists and properties, not yet folded in.
struct MergeBacklog {
  std::vector<StrId> aliases;
  std::vector<StrId> sources;
  std::vector<KeyedValue> properties;
  std::size_t folded_values = 0;  // values of the element's properties at the last fold
};

/// Folds strings into an interned sorted list: one sort of the union, minus `drop`
/// (StringPool::kMissing: nothing), and one intern. Clears `more`.
ListId fold_list(ListId list, std::vector<StrId>& more, StrId drop, ListPool& lists,
                 const StringPool& pool, std::vector<StrId>& scratch);

/// Folds pending property values into `props`; clears `more`.
void fold_properties(PropertyList& props, std::vector<KeyedValue>& more, const StringPool& pool,
                     std::vector<KeyedValue>& scratch);

}  // namespace kgraph
