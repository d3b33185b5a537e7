#pragma once
/// Entity ids to the builder's staging slots, kept apart from the string pool. Internal, not
/// installed.
///
/// Relations name their ends by id: an import of 4M relations looks up 8M ids. In the string
/// pool each lookup missed the cache three or four times (the index slot, the entry, the text,
/// then the slot by string id), all in tables sized by every string of the input: names,
/// titles and aliases as well. Here the index holds entity ids only, each slot keeps the hash,
/// and the id's text sits in an arena right after the slot number it maps to, so a lookup reads
/// two places in two tables about a tenth the size: a million ids take about 12 MiB of slots
/// and 24 MiB of arena, much of which the last-level cache holds.

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "graph/flat_index.hpp"

namespace kgraph::detail {

class IdIndex {
 public:
  static constexpr std::uint32_t kNone = FlatIndex::kNone;
  /// Every place insert() returns is below this: it fits 31 bits (StagedEntity keeps it so).
  static constexpr std::size_t kMaxAt = std::size_t{1} << 31;

  /// The number stored with `id` (whose hash is `hash`), or kNone.
  std::uint32_t find(std::string_view id, std::uint32_t hash) const {
    const std::uint32_t at =
        places_.find(hash, [&](std::uint32_t candidate) { return text(candidate) == id; });
    return at == kNone ? kNone : arena_[at];
  }

  /// Adds an id known to be absent, with its number; returns where its text is kept (text()).
  std::uint32_t insert(std::string_view id, std::uint32_t hash, std::uint32_t number) {
    // An entry: the number, the size, the bytes, padded to 4 bytes; its place counts 4-byte
    // units, below kMaxAt (8 GiB of ids).
    const std::size_t units = 2 + (id.size() + 3) / 4;
    const std::size_t at = arena_.size();
    if (at + units >= kMaxAt) throw std::length_error("too many entity ids");
    arena_.resize(at + units, 0);
    arena_[at] = number;
    arena_[at + 1] = static_cast<std::uint32_t>(id.size());
    if (!id.empty()) std::memcpy(arena_.data() + at + 2, id.data(), id.size());
    places_.insert(hash, static_cast<std::uint32_t>(at));
    return static_cast<std::uint32_t>(at);
  }

  /// The text of the id insert() placed at `at`.
  std::string_view text(std::uint32_t at) const {
    return {reinterpret_cast<const char*>(arena_.data() + at + 2), arena_[at + 1]};
  }

  /// Prefetching for lookups known ahead, in two passes: first the slot where the probe
  /// starts, then (reading it) the arena entry most likely to be the one looked for.
  void prefetch_slot(std::uint32_t hash) const { places_.prefetch(hash); }
  void prefetch_entry(std::uint32_t hash) const {
    const std::uint32_t at = places_.first_with_hash(hash);
    if (at != kNone) __builtin_prefetch(&arena_[at]);
  }

  /// Frees the index once no id is looked up any more; text() still answers.
  void drop_lookups() { places_.clear(); }

  void clear() {
    places_.clear();
    std::vector<std::uint32_t>().swap(arena_);
  }

 private:
  FlatIndex places_;  // hash -> the entry's place in arena_
  std::vector<std::uint32_t> arena_;
};

}  // namespace kgraph::detail
