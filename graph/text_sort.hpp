#pragma once
/// Sorting many items by a text each has, where looking a text up is a cache miss. Internal,
/// not installed.
///
/// A comparison sort that reads both texts at every comparison waits on memory about 2 n log n
/// times (a million entity ids: forty million waits). Here each text is read once, into a
/// 16-byte key (its bytes after the prefix all texts share, big-endian, padded with zeros),
/// and the keys are sorted in place; the texts are read again only for keys that tie.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace kgraph::detail {

/// Sorts `items` by `text_of(item)` (byte order, as std::string_view compares), keeping equal
/// texts in no particular order.
template <typename TextOf>
void sort_by_text(std::vector<std::uint32_t>& items, TextOf&& text_of) {
  if (items.size() < 2) return;
  // Ids often share a long prefix (a URL, "person-"): keys start past it.
  const std::string_view first = text_of(items[0]);
  std::size_t shared = first.size();
  for (const std::uint32_t item : items) {
    const std::string_view t = text_of(item);
    const std::size_t n = std::min(shared, t.size());
    shared = static_cast<std::size_t>(
        std::mismatch(first.begin(), first.begin() + n, t.begin()).first - first.begin());
  }
  struct Key {
    std::uint64_t high;
    std::uint64_t low;
    std::uint32_t item;
  };
  auto word = [](std::string_view t, std::size_t from) {
    unsigned char bytes[8] = {};
    if (from < t.size())
      std::memcpy(bytes, t.data() + from, std::min<std::size_t>(8, t.size() - from));
    std::uint64_t w = 0;
    for (const unsigned char b : bytes) w = w << 8 | b;
    return w;
  };
  std::vector<Key> keys;
  keys.reserve(items.size());
  for (const std::uint32_t item : items) {
    const std::string_view t = text_of(item);
    keys.push_back({word(t, shared), word(t, shared + 8), item});
  }
  // A shorter text padded with zeros keys below a longer one it begins, as it sorts; texts
  // whose keys tie (equal in their first 16 bytes past the shared prefix, zeros included) are
  // compared whole.
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.high != b.high) return a.high < b.high;
    if (a.low != b.low) return a.low < b.low;
    return text_of(a.item).substr(shared) < text_of(b.item).substr(shared);
  });
  for (std::size_t i = 0; i < keys.size(); ++i) items[i] = keys[i].item;
}

}  // namespace kgraph::detail
