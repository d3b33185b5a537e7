#include "graph/string_pool.hpp"

#include <gtest/gtest.h>

#include <string>
#include <unordered_set>

#include "graph/list_pool.hpp"

namespace kgraph {
namespace {

// "s" + std::to_string(i) trips a false -Wrestrict warning of GCC 12 at -O3: append instead.
std::string numbered(int i) {
  std::string s = "s";
  s += std::to_string(i);
  return s;
}

TEST(StringPool, InternsOnceAndKeepsTextAcrossGrowth) {
  StringPool pool;
  EXPECT_EQ(pool.intern(""), kEmpty);
  std::vector<StrId> ids;
  for (int i = 0; i < 100000; ++i) ids.push_back(pool.intern(numbered(i)));
  for (int i = 0; i < 100000; ++i) {
    EXPECT_EQ(pool.view(ids[i]), numbered(i));
    EXPECT_EQ(pool.intern(numbered(i)), ids[i]);
  }
  EXPECT_EQ(pool.find("absent"), StringPool::kMissing);
  const std::string big(3 << 20, 'x');  // larger than a chunk
  EXPECT_EQ(pool.view(pool.intern(big)), big);
}

// The hash reads eight bytes a step and pads the last step: texts that differ in one byte
// anywhere, or only in trailing NUL bytes, or in length, must still hash apart.
TEST(StringPool, HashTellsNearTextsApart) {
  std::unordered_set<std::uint32_t> seen;
  std::size_t texts = 0;
  for (std::size_t n = 0; n <= 24; ++n) {
    const std::string base(n, 'x');
    seen.insert(StringPool::hash(base));
    seen.insert(StringPool::hash(base + std::string(1, '\0')));
    texts += 2;
    for (std::size_t at = 0; at < n; ++at)
      for (int b = 0; b < 256; b += 5) {
        std::string t = base;
        t[at] = static_cast<char>(b);
        if (t == base) continue;
        seen.insert(StringPool::hash(t));
        ++texts;
      }
  }
  // Every one of these ~16,000 texts differs (repeats aside, which the set counts once).
  EXPECT_GT(seen.size() + 40, texts);
  EXPECT_NE(StringPool::hash("a"), StringPool::hash(std::string("a\0", 2)));
  EXPECT_NE(StringPool::hash(""), StringPool::hash(std::string(8, '\0')));
}

TEST(StringPool, KnowsWhichSpecialCharactersAStringHolds) {
  StringPool pool;
  const auto classes = [&](std::string_view s) { return pool.classes(pool.intern(s)); };
  EXPECT_EQ(classes(""), 0);
  EXPECT_EQ(classes("plain text, 中文 😀"), chars::kCsvSpecial | chars::kListSyntax);
  EXPECT_EQ(classes("a;b"), chars::kSemicolon);
  EXPECT_EQ(classes("a|b"), chars::kPipe);
  EXPECT_EQ(classes("x\x1Fy"), chars::kInfoSeparator | chars::kControl);
  EXPECT_EQ(classes("x\x1Cy"), chars::kInfoSeparator | chars::kControl);
  EXPECT_EQ(classes("tab\there"), chars::kControl);
  EXPECT_EQ(classes("two\nlines"), chars::kLineBreak | chars::kCsvSpecial | chars::kControl);
  EXPECT_EQ(classes("cr\r"), chars::kLineBreak | chars::kCsvSpecial | chars::kControl);
  EXPECT_EQ(classes("say \"hi\""), chars::kCsvSpecial | chars::kMarkup | chars::kListSyntax);
  EXPECT_EQ(classes("<a&b>"), chars::kMarkup);
  EXPECT_EQ(classes("it's"), chars::kMarkup | chars::kListSyntax);
  EXPECT_EQ(classes("[x]{y}"), chars::kListSyntax);
  EXPECT_EQ(classes("back\\slash"), 0);
  EXPECT_EQ(classes(" lead"), chars::kEdgeSpace);
  EXPECT_EQ(classes("trail\t"), chars::kEdgeSpace | chars::kControl);
  EXPECT_EQ(classes("in side"), 0);
  EXPECT_EQ(classes(std::string("nul\0", 4)), chars::kControl);
  EXPECT_EQ(classes("del\x7F"), chars::kControl);
  // Found once, when first interned, and kept across index growth.
  const StrId semi = pool.intern("keep;me");
  for (int i = 0; i < 5000; ++i) pool.intern("filler " + std::to_string(i));
  EXPECT_EQ(pool.classes(semi), chars::kSemicolon);
  EXPECT_EQ(pool.view(semi), "keep;me");
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
