#include "graph/distinct_relations.hpp"

#include <cstdint>
#include <vector>

#include "graph/builder_state.hpp"
#include "graph/flat_index.hpp"
#include "graph/run_beside.hpp"

namespace kgraph::detail {
namespace {

// Relations are spread by hash over partitions of about this many, so that each partition's
// index (about 88 KiB) stays in the core's cache: one index of all the relations would miss the
// cache on nearly every one, while spreading them is two passes in order.
constexpr std::size_t kPerPartition = 8192;

/// The relation's key hash over 64 bits: the top bits choose the partition, the low 32 are the
/// hash in the partition's index.
std::uint64_t spread(const Relation& r) { return mix_hash64(BuilderState::relation_key(r)); }

/// Counts the distinct relations among one partition's entries (hash << 32 | index).
std::size_t count_partition(std::span<const Relation> relations,
                            std::span<const std::uint64_t> entries, FlatIndex& index) {
  index.reset(entries.size());
  std::size_t distinct = 0;
  for (const std::uint64_t entry : entries) {
    const auto i = static_cast<std::uint32_t>(entry);
    // Relations are read again only when their hashes are equal.
    if (index.insert_if_absent(static_cast<std::uint32_t>(entry >> 32), i, [&](std::uint32_t held) {
          return BuilderState::same_key(relations[held], relations[i]);
        }))
      ++distinct;
  }
  return distinct;
}

}  // namespace

std::size_t count_distinct_relations(std::span<const Relation> relations, unsigned helpers) {
  const std::size_t n = relations.size();
  if (n < 2) return n;
  // 2^bits partitions; bits = 0 puts everything in one.
  unsigned bits = 0;
  while (bits < 16 && (n >> bits) > kPerPartition) ++bits;
  const std::size_t partitions = std::size_t{1} << bits;
  auto partition_of = [bits](std::uint64_t h) {
    return bits == 0 ? std::size_t{0} : static_cast<std::size_t>(h >> (64 - bits));
  };

  // Each relation is hashed twice (counting, then placing) rather than its hash kept: 8 bytes
  // a relation less, at the end of the import where memory peaks.
  std::vector<std::uint32_t> start(partitions + 1, 0);
  for (const Relation& r : relations) ++start[partition_of(spread(r)) + 1];
  for (std::size_t p = 1; p <= partitions; ++p) start[p] += start[p - 1];
  std::vector<std::uint64_t> entries(n);
  {
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t h = spread(relations[i]);
      entries[next[partition_of(h)]++] = (h & 0xFFFFFFFFull) << 32 | i;
    }
  }

  auto count_range = [&](std::size_t first, std::size_t last) {
    FlatIndex index;
    std::size_t distinct = 0;
    for (std::size_t p = first; p < last; ++p)
      distinct += count_partition(
          relations, std::span(entries).subspan(start[p], start[p + 1] - start[p]), index);
    return distinct;
  };
  if (helpers == 0 || partitions < 2) return count_range(0, partitions);
  // A helper takes the first half of the partitions.
  std::size_t first_half = 0, second_half = 0;
  run_beside([&] { first_half = count_range(0, partitions / 2); },
             [&] { second_half = count_range(partitions / 2, partitions); });
  return first_half + second_half;
}

}  // namespace kgraph::detail
