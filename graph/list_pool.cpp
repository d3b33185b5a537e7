#include "graph/list_pool.hpp"

#include <algorithm>

namespace kgraph {
namespace {
constexpr std::uint64_t kFree = ~std::uint64_t{0};

std::uint32_t hash_list(std::span<const StrId> items) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ items.size();
  for (StrId s : items) h = (h ^ s) * 0xBF58476D1CE4E5B9ull;
  return static_cast<std::uint32_t>(h ^ (h >> 31));
}

std::uint64_t slot_of(std::uint32_t hash, ListId id) { return std::uint64_t{hash} << 32 | id; }
std::uint32_t hash_in(std::uint64_t slot) { return static_cast<std::uint32_t>(slot >> 32); }
ListId id_in(std::uint64_t slot) { return static_cast<ListId>(slot); }
}  // namespace

ListPool::ListPool() : offsets_{0, 0}, index_(256, kFree) {
  const std::uint32_t h = hash_list({});
  index_[h & (index_.size() - 1)] = slot_of(h, 0);
}

ListId ListPool::intern(std::span<const StrId> items) {
  const std::uint32_t h = hash_list(items);
  std::size_t mask = index_.size() - 1;
  std::size_t slot = h & mask;
  for (; index_[slot] != kFree; slot = (slot + 1) & mask) {
    if (hash_in(index_[slot]) != h) continue;
    const ListId id = id_in(index_[slot]);
    auto existing = view(id);
    if (std::equal(existing.begin(), existing.end(), items.begin(), items.end())) return id;
  }
  const auto id = static_cast<ListId>(size());
  items_.insert(items_.end(), items.begin(), items.end());
  offsets_.push_back(static_cast<std::uint32_t>(items_.size()));
  index_[slot] = slot_of(h, id);
  if (size() * 2 > index_.size()) {
    std::vector<std::uint64_t> bigger(index_.size() * 2, kFree);
    mask = bigger.size() - 1;
    for (const std::uint64_t entry : index_) {
      if (entry == kFree) continue;
      std::size_t s = hash_in(entry) & mask;
      while (bigger[s] != kFree) s = (s + 1) & mask;
      bigger[s] = entry;
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
  return (items_.capacity() + offsets_.capacity()) * 4 + index_.capacity() * 8;
}

void sort_unique_by_text(std::vector<StrId>& ids, const StringPool& pool) {
  std::sort(ids.begin(), ids.end(), [&](StrId a, StrId b) { return pool.view(a) < pool.view(b); });
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace kgraph
