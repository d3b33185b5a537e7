#include "graph/diagnostics.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace kgraph {
namespace {

std::string printed(const Diagnostics& diags, std::size_t limit, bool with_warnings = true) {
  std::ostringstream out;
  diags.print(out, limit, with_warnings);
  return out.str();
}

TEST(Diagnostics, RepeatedProblemsAreShownOnceAndNotCountedAsMore) {
  // A mapping constant that is wrong for every row reports the same problem once per row.
  Diagnostics diags;
  const std::uint32_t file = diags.add_file("map.json");
  for (int row = 0; row < 3; ++row) diags.error({file, 1, 40}, "\"abc\" is not an int");
  EXPECT_EQ(printed(diags, 20), "map.json:1:40: error: \"abc\" is not an int\n");
}

TEST(Diagnostics, CountsOnlyDistinctProblemsLeftOut) {
  Diagnostics diags;
  const std::uint32_t file = diags.add_file("a.csv");
  for (int i = 0; i < 3; ++i) diags.error({file, 2, 1}, "first");
  for (int i = 0; i < 3; ++i) diags.error({file, 3, 1}, "second");
  diags.error({file, 4, 1}, "third");
  EXPECT_EQ(printed(diags, 1),
            "a.csv:2:1: error: first\n"
            "kgraph: 2 more problem(s) not shown\n");
}

TEST(Diagnostics, HiddenWarningsAreNotCounted) {
  Diagnostics diags;
  const std::uint32_t file = diags.add_file("a.json");
  diags.error({file, 1, 1}, "bad");
  diags.warning({file, 2, 1}, "odd");
  EXPECT_EQ(printed(diags, 20, false), "a.json:1:1: error: bad\n");
}

TEST(Diagnostics, HintIsALineOfItsOwn) {
  Diagnostics diags;
  const std::uint32_t file = diags.add_file("t.csv");
  diags.error({file, 3, 4}, "row 3 has 4 fields; the header has 3",
              "quote a field that holds a comma");
  EXPECT_EQ(printed(diags, 20),
            "t.csv:3:4: error: row 3 has 4 fields; the header has 3\n"
            "  hint: quote a field that holds a comma\n");
}

TEST(Diagnostics, ProblemsPastTheStorageLimitAreCounted) {
  Diagnostics diags;
  const std::uint32_t file = diags.add_file("big.jsonl");
  const std::uint32_t stored = 10000;  // the storage limit
  for (std::uint32_t i = 1; i <= stored + 5; ++i) diags.error({file, i, 1}, "bad");
  const std::string out = printed(diags, 2);
  EXPECT_NE(out.find("kgraph: " + std::to_string(stored - 2 + 5) + " more problem(s) not shown\n"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace kgraph
