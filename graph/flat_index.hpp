#pragma once
/// An open-addressing index from a 32-bit hash to element numbers, with equality decided by
/// the caller. Used for the source ids and the entity ids (id_index.hpp), where a
/// std::unordered_map would cost several times the memory per element.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace kgraph::detail {

/// How the open-addressing tables here (FlatIndex, StringPool's index) are sized: any number of
/// slots, not a power of two, grown by half once three quarters are taken. At 4M relations a
/// power of two meant 8M slots (64 MiB) where 5.5M do; the probes stay within a cache line or
/// two at that load, since each slot keeps its element's hash.
/// Where a hash's probe starts in a table of `slots` slots (the high bits of hash × slots).
inline std::size_t home_slot(std::uint32_t hash, std::size_t slots) {
  return static_cast<std::size_t>((std::uint64_t{hash} * slots) >> 32);
}
inline std::size_t next_slot(std::size_t i, std::size_t slots) {
  return i + 1 == slots ? 0 : i + 1;
}
/// True once a table of `slots` slots holding `elements` must grow.
inline bool table_too_full(std::size_t elements, std::size_t slots) {
  return elements * 4 > slots * 3;
}
inline std::size_t grown_slots(std::size_t slots) { return slots + slots / 2; }

class FlatIndex {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  FlatIndex() : slots_(64, Slot{0, kNone}) {}

  /// The element with this hash for which `equals(element)` holds, or kNone.
  template <class Equals>
  std::uint32_t find(std::uint32_t hash, Equals&& equals) const {
    const std::size_t n = slots_.size();
    for (std::size_t i = home_slot(hash, n);; i = next_slot(i, n)) {
      const Slot& s = slots_[i];
      if (s.element == kNone) return kNone;
      if (s.hash == hash && equals(s.element)) return s.element;
    }
  }

  /// Prefetching for lookups known ahead: starts loading the slot where the probe for `hash`
  /// begins; then, once that has arrived, `first_with_hash` reads the first few slots of the
  /// probe for the element most likely looked for (kNone if none), whose own data the caller
  /// can start loading in turn.
  void prefetch(std::uint32_t hash) const {
    __builtin_prefetch(&slots_[home_slot(hash, slots_.size())]);
  }
  std::uint32_t first_with_hash(std::uint32_t hash) const {
    const std::size_t n = slots_.size();
    std::size_t i = home_slot(hash, n);
    // A few slots only: at three quarters full a probe is almost always this short.
    for (int probe = 0; probe < 4; ++probe, i = next_slot(i, n)) {
      const Slot& s = slots_[i];
      if (s.element == kNone) return kNone;
      if (s.hash == hash) return s.element;
    }
    return kNone;
  }

  /// Adds `element` unless an element with this hash for which `equals(element)` holds is
  /// there already; true if it was added.
  template <class Equals>
  bool insert_if_absent(std::uint32_t hash, std::uint32_t element, Equals&& equals) {
    if (find(hash, equals) != kNone) return false;
    insert(hash, element);
    return true;
  }

  /// Adds an element known to be absent.
  void insert(std::uint32_t hash, std::uint32_t element) {
    if (table_too_full(size_ + 1, slots_.size())) grow();
    place(slots_, hash, element);
    ++size_;
  }

  void clear() {
    std::vector<Slot>().swap(slots_);
    slots_.assign(64, Slot{0, kNone});
    size_ = 0;
  }
  /// Empties the index, keeping its memory, with room for `elements` before it grows.
  void reset(std::size_t elements) {
    slots_.assign(std::max<std::size_t>(64, elements * 4 / 3 + 1), Slot{0, kNone});
    size_ = 0;
  }

 private:
  struct Slot {
    std::uint32_t hash;
    std::uint32_t element;
  };
  static void place(std::vector<Slot>& slots, std::uint32_t hash, std::uint32_t element) {
    const std::size_t n = slots.size();
    std::size_t i = home_slot(hash, n);
    while (slots[i].element != kNone) i = next_slot(i, n);
    slots[i] = {hash, element};
  }
  void grow() {
    std::vector<Slot> bigger(grown_slots(slots_.size()), Slot{0, kNone});
    for (const Slot& s : slots_)
      if (s.element != kNone) place(bigger, s.hash, s.element);
    slots_.swap(bigger);
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

/// Spreads the bits of a hash made by multiplying and adding over all 64 (MurmurHash3's
/// finaliser).
inline std::uint64_t mix_hash64(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}
inline std::uint32_t mix_hash(std::uint64_t h) { return static_cast<std::uint32_t>(mix_hash64(h)); }

}  // namespace kgraph::detail
