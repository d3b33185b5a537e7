#pragma once
/// A map from id strings to small values for importers that check the ends of relations
/// against the entities a file made (FtM: two lookups per relation). Each entry, its value
/// beside its id, is copied into one growing buffer that an open-addressing table indexes
/// (graph/flat_index.hpp), so that a lookup touches two places in memory: the table's slot
/// and the entry. std::unordered_map<std::string, T> touched four (bucket, node, string, and
/// the node again) and took 14% of an FtM import in perf.
///
///   IdTable<Made> ids;
///   ids.add("p1", made);                  // the first value of an id stays
///   if (std::optional<Made> m = ids.find("p1")) ...

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <vector>

#include "graph/flat_index.hpp"

namespace kgraph {

template <typename T>
class IdTable {
  static_assert(std::is_trivially_copyable_v<T>, "values are copied as bytes");

 public:
  /// The value of `id`, if it was added.
  std::optional<T> find(std::string_view id) const {
    const std::uint32_t n = index_.find(hash(id), [&](std::uint32_t e) { return key(e) == id; });
    if (n == detail::FlatIndex::kNone) return std::nullopt;
    T value;
    std::memcpy(&value, &bytes_[std::size_t{n} * kAlign], sizeof(T));
    return value;
  }

  /// Adds `id` with `value` unless it is there already; true if it was added.
  bool add(std::string_view id, const T& value) {
    const std::uint32_t h = hash(id);
    if (index_.find(h, [&](std::uint32_t e) { return key(e) == id; }) != detail::FlatIndex::kNone)
      return false;
    const std::size_t at = bytes_.size();
    if (at / kAlign >= detail::FlatIndex::kNone) throw std::length_error("IdTable: too many ids");
    const auto size = static_cast<std::uint32_t>(id.size());
    bytes_.resize(at + round_up(kHeader + id.size()));
    std::memcpy(&bytes_[at], &value, sizeof(T));
    std::memcpy(&bytes_[at + sizeof(T)], &size, sizeof size);
    std::memcpy(&bytes_[at + kHeader], id.data(), id.size());
    index_.insert(h, static_cast<std::uint32_t>(at / kAlign));
    ++size_;
    return true;
  }

  std::size_t size() const { return size_; }

 private:
  // An entry: the value, the id's length, the id; entries start at multiples of kAlign, and
  // the index holds start / kAlign, so 32-bit element numbers reach 32 GB of ids.
  static constexpr std::size_t kAlign = 8;
  static constexpr std::size_t kHeader = sizeof(T) + sizeof(std::uint32_t);
  static constexpr std::size_t round_up(std::size_t n) {
    return (n + kAlign - 1) / kAlign * kAlign;
  }

  static std::uint32_t hash(std::string_view id) {
    return detail::mix_hash(std::hash<std::string_view>{}(id));
  }
  std::string_view key(std::uint32_t element) const {
    const char* entry = &bytes_[std::size_t{element} * kAlign];
    std::uint32_t size;
    std::memcpy(&size, entry + sizeof(T), sizeof size);
    return {entry + kHeader, size};
  }

  std::vector<char> bytes_;
  detail::FlatIndex index_;
  std::size_t size_ = 0;
};

}  // namespace kgraph
