#pragma once
/// Interned lists of strings, so the many elements citing the same sources share one copy.

#include <cstdint>
#include <span>
#include <vector>

#include "graph/model.hpp"

namespace kgraph {

class ListPool {
 public:
  ListPool();
  /// Interns `items`, which must already be sorted by text and duplicate-free.
  ListId intern(std::span<const StrId> items);
  std::span<const StrId> view(ListId id) const {
    return {items_.data() + offsets_[id], offsets_[id + 1] - offsets_[id]};
  }
  /// Starts loading where list `id` starts; once that has come, prefetch_items() can start
  /// loading its items. For loops that visit lists at random, a few elements ahead.
  void prefetch_offsets(ListId id) const { __builtin_prefetch(offsets_.data() + id); }
  void prefetch_items(ListId id) const { __builtin_prefetch(items_.data() + offsets_[id]); }
  /// The union of a list and more strings, sorted by text in `pool`.
  ListId merge(ListId list, std::span<const StrId> more, const StringPool& pool);
  std::size_t memory_bytes() const;
  /// Number of distinct lists interned (ids are 0..size()-1).
  std::size_t size() const { return offsets_.size() - 1; }
  /// Number of strings held by all lists together (each list counted once).
  std::size_t items() const { return items_.size(); }

 private:
  std::vector<StrId> items_;
  std::vector<std::uint32_t> offsets_;  // list i is items_[offsets_[i], offsets_[i+1])
  /// Open addressing; a slot holds a list's hash (high half) and its id (low half), so that a
  /// probe passing other lists reads no table but this one. (With the hashes in a table of
  /// their own, each slot passed cost a second cache miss: a third of the time of intern() in a
  /// profile of the 1M-entity import.) ~0 is free: no list has the id 0xFFFFFFFF.
  std::vector<std::uint64_t> index_;
  std::vector<StrId> scratch_;
};

/// Sorts strings by text and removes duplicates.
void sort_unique_by_text(std::vector<StrId>& ids, const StringPool& pool);

}  // namespace kgraph
