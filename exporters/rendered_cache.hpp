#pragma once
/// Texts rendered once and copied from then on, by a 64-bit key (a relation type, a list of
/// sources, an entity type and kind): a GraphML file of millions of edges repeats a handful of types and a few thousand
/// source lists, and rendering escapes and checks the same text each time. An open-addressing
/// table of {key, place in one arena} slots, so that the lookup on every edge is a multiply
/// and, mostly, one slot (a std::unordered_map took a division and two dependent loads).
///
///   RenderedCache cache;
///   if (auto text = cache.find(type)) out += *text;
///   else cache.keep(type, render(type));

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph {

class RenderedCache {
 public:
  /// Keeps up to `max_entries` texts; past that, keep() does nothing.
  explicit RenderedCache(std::size_t max_entries = std::size_t{1} << 16)
      : max_entries_(max_entries) {}

  /// The text kept for `key`.
  std::optional<std::string_view> find(std::uint64_t key) const {
    if (slots_.empty()) return std::nullopt;
    for (std::size_t i = home(key);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.length == kEmpty) return std::nullopt;
      if (s.key == key) return std::string_view(arena_).substr(s.offset, s.length);
    }
  }

  /// Keeps `text` for `key` (not yet kept), unless the cache is full or the arena would pass
  /// 4 GiB.
  void keep(std::uint64_t key, std::string_view text) {
    if (count_ >= max_entries_ || arena_.size() + text.size() >= kEmpty) return;
    if ((count_ + 1) * 2 > slots_.size()) grow();
    Slot s{key, static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(text.size())};
    arena_.append(text);
    place(s);
    ++count_;
  }

  std::size_t size() const { return count_; }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;  // as a slot's length
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = kEmpty;
  };

  std::size_t home(std::uint64_t key) const {
    // Fibonacci hashing: keys are small consecutive numbers, the top bits spread them.
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  void place(const Slot& s) {
    std::size_t i = home(s.key);
    while (slots_[i].length != kEmpty) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = s;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    const std::size_t size = old.empty() ? 16 : old.size() * 2;
    slots_.assign(size, Slot{});
    shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(size));
    for (const Slot& s : old)
      if (s.length != kEmpty) place(s);
  }

  std::size_t max_entries_;
  std::size_t count_ = 0;
  unsigned shift_ = 64;
  std::vector<Slot> slots_;
  std::string arena_;
};

}  // namespace kgraph
