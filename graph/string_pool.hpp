#pragma once
/// Interned strings: every distinct string is stored once and named by a 32-bit id.

#include <cstdint>
#include <string_view>
#include <vector>

namespace kgraph {

/// Id of an interned string; 0 is the empty string, so a zero-initialised field means "absent".
using StrId = std::uint32_t;
inline constexpr StrId kEmpty = 0;

/// Append-only string interner with an open-addressing index.
///
/// Ids depend on arrival order, so never sort or compare by id where the result reaches an
/// output: compare the strings (`view`) instead.
class StringPool {
 public:
  StringPool();

  /// Returns the id of `s`, adding it when new.
  StrId intern(std::string_view s);
  /// Returns the id of `s` if it is already interned, else `std::nullopt`-like `kMissing`.
  StrId find(std::string_view s) const;
  std::string_view view(StrId id) const {
    const Entry& e = entries_[id];
    return {chunks_[e.chunk].data() + e.offset, e.size};
  }
  std::size_t size() const { return entries_.size(); }
  std::size_t memory_bytes() const;

  static constexpr StrId kMissing = 0xFFFFFFFFu;

 private:
  struct Entry {
    std::uint32_t chunk;
    std::uint32_t offset;
    std::uint32_t size;
    std::uint32_t hash;
  };
  /// A slot of the open-addressing index. The hash is kept beside the id so that probing past
  /// other strings touches neither `entries_` nor the text (each would be a cache miss).
  struct Slot {
    std::uint32_t hash;
    StrId id;  // kMissing: free
  };
  void grow_index();
  std::size_t slot_for(std::string_view s, std::uint32_t hash) const;

  std::vector<std::vector<char>> chunks_;
  std::vector<Entry> entries_;
  std::vector<Slot> index_;
};

}  // namespace kgraph
