#include "graph/list_pool.hpp"

#include <algorithm>

namespace kgraph {
namespace {
constexpr std::uint32_t kFree = 0xFFFFFFFFu;

std::uint32_t hash_list(std::span<const StrId> items) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ items.size();
  for (StrId s : items) h = (h ^ s) * 0xBF58476D1CE4E5B9ull;
  return static_cast<std::uint32_t>(h ^ (h >> 31));
}
}  // namespace

ListPool::ListPool() : offsets_{0, 0}, hashes_{hash_list({})}, index_(256, kFree) {
  index_[hashes_[0] & (index_.size() - 1)] = 0;
}

ListId ListPool::intern(std::span<const StrId> items) {
  const std::uint32_t h = hash_list(items);
  std::size_t mask = index_.size() - 1;
  std::size_t slot = h & mask;
  while (index_[slot] != kFree) {
    ListId id = index_[slot];
    if (hashes_[id] == h) {
      auto existing = view(id);
      if (std::equal(existing.begin(), existing.end(), items.begin(), items.end())) return id;
    }
    slot = (slot + 1) & mask;
  }
  const auto id = static_cast<ListId>(hashes_.size());
  items_.insert(items_.end(), items.begin(), items.end());
  offsets_.push_back(static_cast<std::uint32_t>(items_.size()));
  hashes_.push_back(h);
  index_[slot] = id;
  if (hashes_.size() * 2 > index_.size()) {
    std::vector<ListId> bigger(index_.size() * 2, kFree);
    mask = bigger.size() - 1;
    for (ListId i = 0; i < hashes_.size(); ++i) {
      std::size_t s = hashes_[i] & mask;
      while (bigger[s] != kFree) s = (s + 1) & mask;
      bigger[s] = i;
    }
    index_.swap(bigger);
  }
  return id;
}

ListId ListPool::merge(ListId list, std::span<const StrId> more, const StringPool& pool) {
  if (more.empty()) return list;
  scratch_.assign(view(list).begin(), view(list).end());
  scratch_.insert(scratch_.end(), more.begin(), more.end());
  sort_unique_by_text(scratch_, pool);
  auto existing = view(list);
  if (std::equal(existing.begin(), existing.end(), scratch_.begin(), scratch_.end())) return list;
  return intern(scratch_);
}

std::size_t ListPool::memory_bytes() const {
  return (items_.capacity() + offsets_.capacity() + hashes_.capacity() + index_.capacity()) * 4;
}

void sort_unique_by_text(std::vector<StrId>& ids, const StringPool& pool) {
  std::sort(ids.begin(), ids.end(), [&](StrId a, StrId b) { return pool.view(a) < pool.view(b); });
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace kgraph
