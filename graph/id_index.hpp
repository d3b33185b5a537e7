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
///
/// Each id gets a number in the order ids are first seen. With one thread reading the input,
/// that thread numbers the ids as it packs the records (PackedRecords::number_entity_ids), and
/// the builder only maps numbers to its slots (BuilderState::slot_by_number).

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
  /// Every arena place is below this: 8 GiB of ids.
  static constexpr std::size_t kMaxAt = std::size_t{1} << 31;

  /// The number of `id` (whose hash is `hash`): 0, 1, 2... in the order ids were first seen.
  /// A new id gets the next number.
  std::uint32_t number(std::string_view id, std::uint32_t hash) {
    const std::uint32_t found = find(id, hash);
    if (found != kNone) return found;
    const auto n = static_cast<std::uint32_t>(places_by_number_.size());
    places_by_number_.push_back(insert(id, hash, n));
    return n;
  }

  /// The number of `id`, or kNone if it was never seen.
  std::uint32_t find(std::string_view id, std::uint32_t hash) const {
    const std::uint32_t at =
        places_.find(hash, [&](std::uint32_t candidate) { return text_at(candidate) == id; });
    return at == kNone ? kNone : arena_[at];
  }

  /// The text of the id numbered `number`.
  std::string_view text(std::uint32_t number) const { return text_at(places_by_number_[number]); }
  /// How many ids have a number.
  std::size_t size() const { return places_by_number_.size(); }

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
    std::vector<std::uint32_t>().swap(places_by_number_);
  }

 private:
  /// Adds an id known to be absent, with its number; returns where its entry starts.
  std::uint32_t insert(std::string_view id, std::uint32_t hash, std::uint32_t number) {
    // An entry: the number, the size, the bytes, padded to 4 bytes; its place counts 4-byte
    // units, below kMaxAt.
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
  std::string_view text_at(std::uint32_t at) const {
    return {reinterpret_cast<const char*>(arena_.data() + at + 2), arena_[at + 1]};
  }

  FlatIndex places_;  // hash -> the entry's place in arena_
  std::vector<std::uint32_t> arena_;
  std::vector<std::uint32_t> places_by_number_;
};

}  // namespace kgraph::detail
