#pragma once
/// An open-addressing index from a 32-bit hash to element numbers, with equality decided by
/// the caller. Used for id lookups and relation de-duplication, where a std::unordered_map
/// would cost several times the memory per element.

#include <cstdint>
#include <vector>

namespace kgraph::detail {

class FlatIndex {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  FlatIndex() : slots_(64, Slot{0, kNone}) {}

  /// The element with this hash for which `equals(element)` holds, or kNone.
  template <class Equals>
  std::uint32_t find(std::uint32_t hash, Equals&& equals) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.element == kNone) return kNone;
      if (s.hash == hash && equals(s.element)) return s.element;
    }
  }

  /// Adds an element known to be absent.
  void insert(std::uint32_t hash, std::uint32_t element) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    place(slots_, hash, element);
    ++size_;
  }

  void clear() {
    std::vector<Slot>().swap(slots_);
    slots_.assign(64, Slot{0, kNone});
    size_ = 0;
  }

 private:
  struct Slot {
    std::uint32_t hash;
    std::uint32_t element;
  };
  static void place(std::vector<Slot>& slots, std::uint32_t hash, std::uint32_t element) {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = hash & mask;
    while (slots[i].element != kNone) i = (i + 1) & mask;
    slots[i] = {hash, element};
  }
  void grow() {
    std::vector<Slot> bigger(slots_.size() * 2, Slot{0, kNone});
    for (const Slot& s : slots_)
      if (s.element != kNone) place(bigger, s.hash, s.element);
    slots_.swap(bigger);
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

inline std::uint32_t mix_hash(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return static_cast<std::uint32_t>(h);
}

}  // namespace kgraph::detail
