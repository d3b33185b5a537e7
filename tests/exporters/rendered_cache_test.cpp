#include "exporters/rendered_cache.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kgraph {
namespace {

std::string text_for(std::uint32_t key) { return "<" + std::to_string(key * 7) + ">"; }

TEST(RenderedCache, FindsWhatWasKeptAndNothingElse) {
  RenderedCache cache;
  EXPECT_FALSE(cache.find(0));
  // Small consecutive keys (types, list ids) and far ones, through several growths.
  std::vector<std::uint32_t> keys;
  for (std::uint32_t k = 0; k < 3000; ++k) keys.push_back(k);
  for (std::uint32_t k = 0; k < 100; ++k) keys.push_back(UINT32_MAX - k * 65536);
  for (std::uint32_t k : keys) cache.keep(k, text_for(k));
  EXPECT_EQ(cache.size(), keys.size());
  for (std::uint32_t k : keys) {
    const auto found = cache.find(k);
    ASSERT_TRUE(found) << k;
    EXPECT_EQ(*found, text_for(k)) << k;
  }
  EXPECT_FALSE(cache.find(3000));
  EXPECT_FALSE(cache.find(UINT32_MAX - 1));
}

TEST(RenderedCache, KeysDifferingOnlyInTheirHighHalfAreApart) {
  RenderedCache cache;
  const std::uint64_t high = std::uint64_t{3} << 32;
  cache.keep(7, "low");
  cache.keep(high | 7, "high");
  ASSERT_TRUE(cache.find(7));
  ASSERT_TRUE(cache.find(high | 7));
  EXPECT_EQ(*cache.find(7), "low");
  EXPECT_EQ(*cache.find(high | 7), "high");
  EXPECT_FALSE(cache.find(std::uint64_t{1} << 32 | 7));
}

TEST(RenderedCache, EmptyTextIsKept) {
  RenderedCache cache;
  cache.keep(5, "");
  ASSERT_TRUE(cache.find(5));
  EXPECT_EQ(*cache.find(5), "");
}

TEST(RenderedCache, StopsKeepingWhenFull) {
  RenderedCache cache(4);
  for (std::uint32_t k = 0; k < 10; ++k) cache.keep(k, text_for(k));
  EXPECT_EQ(cache.size(), 4u);
  for (std::uint32_t k = 0; k < 4; ++k) EXPECT_TRUE(cache.find(k)) << k;
  for (std::uint32_t k = 4; k < 10; ++k) EXPECT_FALSE(cache.find(k)) << k;
}

}  // namespace
}  // namespace kgraph
