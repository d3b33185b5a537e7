#include "graph/merge_backlog.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace kgraph {
namespace {

std::vector<std::string> texts(const ListPool& lists, ListId id, const StringPool& pool) {
  std::vector<std::string> out;
  for (StrId s : lists.view(id)) out.emplace_back(pool.view(s));
  return out;
}

TEST(MergeBacklog, BuildsSortedPropertiesKeepingTheFirstOfEqualValues) {
  StringPool pool;
  const StrId b = pool.intern("b"), a = pool.intern("a"), x = pool.intern("x"),
              w = pool.intern("w");
  std::vector<KeyedValue> pairs;
  auto push = [&](StrId key, Value v) {
    pairs.push_back({key, static_cast<std::uint32_t>(pairs.size()), v});
  };
  push(b, Value::of_string(x));
  push(a, Value::of_real(-0.0));
  push(b, Value::of_string(w));
  push(a, Value::of_int(3));
  push(a, Value::of_real(0.0));  // equal to -0.0, which came first
  push(b, Value::of_string(x));
  PropertyList props;
  build_properties(pairs, props, pool);
  ASSERT_EQ(props.size(), 2u);
  EXPECT_EQ(props[0].key, a);
  ASSERT_EQ(props[0].values.size(), 2u);
  EXPECT_EQ(props[0].values[0].kind, ValueKind::integer);
  EXPECT_TRUE(std::signbit(props[0].values[1].real));
  EXPECT_EQ(props[1].key, b);
  ASSERT_EQ(props[1].values.size(), 2u);
  EXPECT_EQ(props[1].values[0].string, w);
  EXPECT_EQ(props[1].values[1].string, x);

  // Values already held win over equal ones folded in later.
  std::vector<KeyedValue> more = {{a, 0, Value::of_real(0.0)}, {a, 1, Value::of_int(1)}}, scratch;
  fold_properties(props, more, pool, scratch);
  EXPECT_TRUE(more.empty());
  ASSERT_EQ(props[0].values.size(), 3u);
  EXPECT_TRUE(std::signbit(props[0].values[2].real));
  EXPECT_EQ(value_count(props), 5u);
}

TEST(MergeBacklog, FoldsListsByTextLessTheDroppedString) {
  StringPool pool;
  ListPool lists;
  const StrId c = pool.intern("c"), a = pool.intern("a"), b = pool.intern("b");
  std::vector<StrId> first = {a, c}, scratch;
  const ListId list = lists.intern(first);
  std::vector<StrId> more = {b, c, b, a};
  const ListId folded = fold_list(list, more, a, lists, pool, scratch);
  EXPECT_TRUE(more.empty());
  EXPECT_EQ(texts(lists, folded, pool), (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(fold_list(folded, more, StringPool::kMissing, lists, pool, scratch), folded);
}

}  // namespace
}  // namespace kgraph
