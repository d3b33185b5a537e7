// The graph builder's header-only helpers: graph/id_index.hpp, graph/text_sort.hpp,
// graph/permute_in_place.hpp. The builder's own tests cover them through whole imports; these
// reach the edges an import seldom does (blocks of the permutation, keys that tie).
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "graph/id_index.hpp"
#include "graph/permute_in_place.hpp"
#include "graph/string_pool.hpp"
#include "graph/text_sort.hpp"

namespace kgraph::detail {
namespace {

TEST(IdIndex, FindsWhatWasInsertedAcrossGrowthAndKeepsTheText) {
  IdIndex index;
  std::vector<std::string> ids;
  std::vector<std::uint32_t> at;
  for (int i = 0; i < 50000; ++i) {
    std::string id = "person-";
    id += std::to_string(i * 7919 % 100003);
    if (i % 5 == 0) id += std::string(i % 37, 'x');  // lengths not a multiple of 4
    ASSERT_EQ(index.find(id, StringPool::hash(id)), IdIndex::kNone) << id;
    at.push_back(index.insert(id, StringPool::hash(id), static_cast<std::uint32_t>(i)));
    ids.push_back(std::move(id));
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(index.find(ids[i], StringPool::hash(ids[i])), i);
    EXPECT_EQ(index.text(at[i]), ids[i]);
  }
  EXPECT_EQ(index.find("person-", StringPool::hash("person-")), IdIndex::kNone);
  index.drop_lookups();
  EXPECT_EQ(index.text(at[123]), ids[123]);  // texts outlive the lookups
}

TEST(IdIndex, TellsApartIdsWhoseHashesAreEqual) {
  IdIndex index;
  // The same hash given to different ids, as a collision would: the text decides.
  index.insert("a", 42, 0);
  index.insert("b", 42, 1);
  index.insert("", 42, 2);
  EXPECT_EQ(index.find("a", 42), 0u);
  EXPECT_EQ(index.find("b", 42), 1u);
  EXPECT_EQ(index.find("", 42), 2u);
  EXPECT_EQ(index.find("c", 42), IdIndex::kNone);
}

std::vector<std::uint32_t> sorted_plainly(const std::vector<std::string>& texts) {
  std::vector<std::uint32_t> order(texts.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return texts[a] < texts[b]; });
  return order;
}

TEST(SortByText, OrdersAsStringsCompare) {
  std::vector<std::vector<std::string>> cases = {
      {},
      {"only"},
      {"b", "a"},
      // A long shared prefix, texts that tie on 16 bytes past it, prefixes of each other.
      {"http://example.org/entity/Q10", "http://example.org/entity/Q1",
       "http://example.org/entity/Q2", "http://example.org/entity/",
       "http://example.org/entity/Q1000000000000000000001",
       "http://example.org/entity/Q1000000000000000000000", "http://example.org/entity/Q100"},
      // Bytes past 0x7F sort after ASCII (unsigned), as std::string compares them.
      {"\xC3\xA9t\xC3\xA9", "ete", "\xE2\x82\xAC", "zz", "a\xFF", "a~"},
      // Every text a prefix of the longest.
      {"abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopq", "abcdefghijklmnop", "abcdefgh", "a", ""},
  };
  std::mt19937 random(7);
  std::vector<std::string> many;
  for (int i = 0; i < 5000; ++i) {
    std::string t = i % 3 ? "person-" : "place-";
    for (int n = random() % 24; n > 0; --n) t += static_cast<char>('0' + random() % 10);
    many.push_back(t);
  }
  std::sort(many.begin(), many.end());
  many.erase(std::unique(many.begin(), many.end()), many.end());
  std::shuffle(many.begin(), many.end(), random);
  cases.push_back(many);

  for (const auto& texts : cases) {
    std::vector<std::uint32_t> order(texts.size());
    std::iota(order.begin(), order.end(), 0u);
    sort_by_text(order, [&](std::uint32_t i) { return std::string_view(texts[i]); });
    EXPECT_EQ(order, sorted_plainly(texts)) << texts.size() << " texts";
  }
}

TEST(PermuteInPlace, PutsEveryElementWhereItsDestinationSays) {
  std::mt19937 random(11);
  // Sizes around the block of 16384: one block, exactly one, a partial last block, several.
  for (const std::size_t n : {0u, 1u, 2u, 100u, 16383u, 16384u, 16385u, 50000u, 100003u}) {
    std::vector<std::uint32_t> dest(n);
    std::iota(dest.begin(), dest.end(), 0u);
    std::shuffle(dest.begin(), dest.end(), random);
    struct Item {
      std::uint64_t payload;
      std::uint32_t origin;
    };
    std::vector<Item> items(n);
    for (std::uint32_t i = 0; i < n; ++i) items[i] = {std::uint64_t{i} * 2654435761u, i};
    const std::vector<std::uint32_t> wanted = dest;
    // Whole, or as finish() does it on two threads: the blocks first, then the second pass
    // over two ranges of whole blocks, one after the other here.
    for (const bool split : {false, true}) {
      std::vector<Item> moved = items;
      std::vector<std::uint32_t> to = wanted;
      if (split) {
        move_to_blocks(moved, to);
        const std::size_t half = n / 2 / kPermuteBlock * kPermuteBlock;
        permute_within_blocks(moved, to, half, n);
        permute_within_blocks(moved, to, 0, half);
      } else {
        permute_in_place(moved, to);
      }
      for (std::uint32_t i = 0; i < n; ++i) {
        ASSERT_EQ(to[i], i) << n << " " << split;
        const std::uint32_t origin = moved[i].origin;
        ASSERT_EQ(wanted[origin], i) << n << " " << split;
        ASSERT_EQ(moved[i].payload, std::uint64_t{origin} * 2654435761u) << n << " " << split;
      }
    }
  }
}

}  // namespace
}  // namespace kgraph::detail
