#include "graph/string_pool.hpp"

#include <gtest/gtest.h>

#include <string>

#include "graph/list_pool.hpp"

namespace kgraph {
namespace {

TEST(StringPool, InternsOnceAndKeepsTextAcrossGrowth) {
  StringPool pool;
  EXPECT_EQ(pool.intern(""), kEmpty);
  std::vector<StrId> ids;
  for (int i = 0; i < 100000; ++i) ids.push_back(pool.intern("s" + std::to_string(i)));
  for (int i = 0; i < 100000; ++i) {
    EXPECT_EQ(pool.view(ids[i]), "s" + std::to_string(i));
    EXPECT_EQ(pool.intern("s" + std::to_string(i)), ids[i]);
  }
  EXPECT_EQ(pool.find("absent"), StringPool::kMissing);
  const std::string big(3 << 20, 'x');  // larger than a chunk
  EXPECT_EQ(pool.view(pool.intern(big)), big);
}

TEST(ListPool, SharesEqualListsAndMergesByText) {
  StringPool pool;
  ListPool lists;
  const StrId b = pool.intern("b"), a = pool.intern("a"), c = pool.intern("c");
  std::vector<StrId> ab{a, b};
  const ListId l1 = lists.intern(ab);
  EXPECT_EQ(lists.intern(ab), l1);
  const StrId more[] = {c, a};
  const ListId merged = lists.merge(l1, more, pool);
  ASSERT_EQ(lists.view(merged).size(), 3u);
  EXPECT_EQ(pool.view(lists.view(merged)[0]), "a");
  EXPECT_EQ(pool.view(lists.view(merged)[2]), "c");
  EXPECT_EQ(lists.view(0).size(), 0u);
}

}  // namespace
}  // namespace kgraph
