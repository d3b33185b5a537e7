// FlatIndex: an open-addressing index from 32-bit hashes to element numbers, equality decided
// by the caller.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "graph/flat_index.hpp"

namespace kgraph::detail {
namespace {

TEST(FlatIndex, InsertIfAbsentAsksTheCallerOnlyAboutEqualHashes) {
  // Elements are strings; the hash is deliberately poor (the length), so that many collide.
  std::vector<std::string> texts;
  FlatIndex index;
  std::size_t asked = 0;
  auto add = [&](const std::string& text) {
    const auto element = static_cast<std::uint32_t>(texts.size());
    texts.push_back(text);
    return index.insert_if_absent(static_cast<std::uint32_t>(text.size()), element,
                                  [&](std::uint32_t held) {
                                    ++asked;
                                    EXPECT_EQ(texts[held].size(), text.size());
                                    return texts[held] == text;
                                  });
  };
  EXPECT_TRUE(add("ab"));
  EXPECT_TRUE(add("cd"));   // same hash, not equal: added
  EXPECT_FALSE(add("ab"));  // equal to element 0
  EXPECT_TRUE(add("abc"));
  EXPECT_FALSE(add("cd"));
  EXPECT_GT(asked, 0u);
  EXPECT_EQ(index.find(2, [&](std::uint32_t e) { return texts[e] == "cd"; }), 1u);
  EXPECT_EQ(index.find(3, [&](std::uint32_t e) { return texts[e] == "abc"; }), 3u);
  EXPECT_EQ(index.find(4, [](std::uint32_t) { return true; }), FlatIndex::kNone);
}

TEST(FlatIndex, ResetEmptiesAndGrowsPastTheRoomAskedFor) {
  FlatIndex index;
  for (std::uint32_t e = 0; e < 1000; ++e) index.insert(e * 2654435761u, e);
  index.reset(10);
  EXPECT_EQ(index.find(0, [](std::uint32_t) { return true; }), FlatIndex::kNone);
  // Far more than the 10 announced: the index grows as it would have.
  for (std::uint32_t e = 0; e < 5000; ++e)
    EXPECT_TRUE(index.insert_if_absent(e * 2654435761u, e, [](std::uint32_t) { return true; }));
  for (std::uint32_t e = 0; e < 5000; ++e)
    ASSERT_EQ(index.find(e * 2654435761u, [&](std::uint32_t held) { return held == e; }), e);
}

}  // namespace
}  // namespace kgraph::detail
