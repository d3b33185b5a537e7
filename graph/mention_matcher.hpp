#pragma once
/// Finds the names of known entities in a text (issue #12, articles): case- and accent-blind,
/// at word boundaries (a name in a CJK script matches anywhere), leftmost-longest
/// ("Commission on China" is one mention, not also "China"), possessives ("North Korea's") and
/// plurals ("Koreas") included. Offsets are code points of the original text, from 0.
///
///   MentionMatcher m;
///   const auto china = m.add("China");
///   m.add("Commission on China");
///   for (const Mention& x : m.find(text)) ...  // x.name == china, x.begin, x.end
///
/// One walk of the trie of names starts at each word start, and is at most as long as the
/// longest name: the time is linear in the text for a given longest name, whatever the number
/// of names.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph {

/// One name found: the name's number (as add() returned it) and where it is in the text, in
/// code points, `end` past the last (a plural's "s" included, a possessive's "'s" not).
struct Mention {
  std::uint32_t name = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

class MentionMatcher {
 public:
  /// Adds a name and returns its number; names equal once folded (case, accents, spaces) get
  /// the same number. A name with nothing left once folded is not added (returns kNone).
  std::uint32_t add(std::string_view name);
  static constexpr std::uint32_t kNone = UINT32_MAX;

  /// Every mention in `text` (UTF-8; malformed bytes count as one code point each), in order,
  /// none overlapping.
  std::vector<Mention> find(std::string_view text) const;

  /// The text as matched: folded code points, each with the index of the code point of the
  /// original text it came from. Exposed for the tests.
  struct Folded {
    std::u32string text;
    std::vector<std::size_t> source;  // per folded code point
    std::size_t source_length = 0;    // code points in the original
  };
  static Folded fold(std::string_view text);

 private:
  static constexpr std::uint32_t kRoot = 0;
  struct Node {
    std::uint32_t name = kNone;  // the name ending here, if one does
    bool cjk = false;            // the name's last code point is CJK (no word boundary needed)
  };
  std::uint32_t child(std::uint32_t node, char32_t c) const;
  std::uint32_t add_child(std::uint32_t node, char32_t c);

  std::vector<Node> nodes_{Node{}};
  // The trie's edges, (node << 21 | code point) + 1 -> node, in one open-addressing table
  // (0: an empty slot): a lookup is one probe into one array, where a node-based map costs a
  // cache miss more per step, and the walks are what find() spends its time on.
  std::vector<std::uint64_t> edge_keys_ = std::vector<std::uint64_t>(64, 0);
  std::vector<std::uint32_t> edge_nodes_ = std::vector<std::uint32_t>(64, 0);
  std::size_t edges_ = 0;
  std::uint32_t names_ = 0;
};

}  // namespace kgraph
