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
/// Characters a string holds that writers quote, escape or split on: a set of the `chars::`
/// bits, found once when the string is interned, so that writers need not scan it again.
using CharClasses = std::uint16_t;
namespace chars {
inline constexpr CharClasses kSemicolon = 1;      // ;
inline constexpr CharClasses kPipe = 2;           // |
inline constexpr CharClasses kInfoSeparator = 4;  // U+001C to U+001F
inline constexpr CharClasses kCsvSpecial = 8;     // , " CR LF
inline constexpr CharClasses kLineBreak = 16;     // CR LF
inline constexpr CharClasses kMarkup = 32;        // < > & " '
inline constexpr CharClasses kListSyntax = 64;    // , [ ] { } ' " (Kuzu's list syntax)
inline constexpr CharClasses kControl = 128;  // U+0000 to U+001F (tab and line breaks too), U+007F
inline constexpr CharClasses kEdgeSpace = 256;  // begins or ends with a space or a tab
/// The classes of the characters of `s`.
CharClasses classes_of(std::string_view s);
}  // namespace chars

class StringPool {
 public:
  StringPool();

  /// Returns the id of `s`, adding it when new.
  StrId intern(std::string_view s) { return intern(s, hash(s)); }
  /// The same, with `s`'s hash (StringPool::hash) already known.
  StrId intern(std::string_view s, std::uint32_t hash);
  /// Grows the index at once for `more` strings to come, instead of step by step.
  void expect(std::size_t more);
  /// Returns the id of `s` if it is already interned, else `std::nullopt`-like `kMissing`.
  StrId find(std::string_view s) const;
  std::string_view view(StrId id) const {
    const Entry& e = entries_[id];
    return {chunks_[e.chunk].data() + e.offset, e.size};
  }
  /// Which special characters the string holds (chars::k* bits).
  CharClasses classes(StrId id) const { return static_cast<CharClasses>(entries_[id].classes); }
  std::size_t size() const { return entries_.size(); }
  std::size_t memory_bytes() const;
  /// Starts loading where `view(id)` looks first; for loops that know their next strings.
  void prefetch(StrId id) const { __builtin_prefetch(&entries_[id]); }
  /// Starts loading the text itself (reads the entry: prefetch() that first, further ahead).
  void prefetch_text(StrId id) const {
    const Entry& e = entries_[id];
    __builtin_prefetch(chunks_[e.chunk].data() + e.offset);
  }

  static constexpr StrId kMissing = 0xFFFFFFFFu;

  /// The hash intern() and find() probe with.
  static std::uint32_t hash(std::string_view s);
  /// Starts loading the index slot where the probe for a string of this hash begins: for
  /// lookups known ahead (BuilderState::intern_entity_ids), which would each wait on it.
  void prefetch_slot(std::uint32_t hash) const {
    // detail::home_slot (graph/flat_index.hpp), written out to keep this header standalone.
    __builtin_prefetch(&index_[(std::uint64_t{hash} * index_.size()) >> 32]);
  }
  /// Then, once the slot has arrived, starts loading the entry of the string it most likely
  /// holds, which intern() reads to compare the text.
  void prefetch_entry(std::uint32_t hash) const;

 private:
  struct Entry {
    std::uint32_t chunk : 20;  // 1 M chunks of 1 MiB at least
    std::uint32_t classes : 12;
    std::uint32_t offset;
    std::uint32_t size;
  };
  /// A slot of the open-addressing index. The hash is kept beside the id so that probing past
  /// other strings touches neither `entries_` nor the text (each would be a cache miss).
  struct Slot {
    std::uint32_t hash;
    StrId id;  // kMissing: free
  };
  void grow_index(std::size_t slots);
  std::size_t slot_for(std::string_view s, std::uint32_t hash) const;

  std::vector<std::vector<char>> chunks_;
  std::vector<Entry> entries_;
  std::vector<Slot> index_;
};

}  // namespace kgraph
