#include "exporters/text_buffer.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kgraph {
namespace {

TEST(TextBuffer, AppendsLikeAString) {
  TextBuffer buffer;
  std::string expected;
  EXPECT_TRUE(buffer.empty());
  EXPECT_EQ(buffer.view(), "");
  // Through several growths, pieces of every kind.
  for (int i = 0; i < 20000; ++i) {
    const std::string piece = "<n" + std::to_string(i) + ">";
    buffer += piece;
    buffer += ';';
    buffer.append(static_cast<std::size_t>(i % 3), ' ');
    buffer.append("", 0);
    expected += piece;
    expected += ';';
    expected.append(static_cast<std::size_t>(i % 3), ' ');
  }
  EXPECT_EQ(buffer.size(), expected.size());
  EXPECT_EQ(buffer.view(), expected);
}

TEST(TextBuffer, WritesInPlaceThroughTheTail) {
  TextBuffer buffer;
  buffer += "a=";
  buffer.reserve_more(8);
  char* at = buffer.tail();
  at[0] = '4';
  at[1] = '2';
  buffer.commit(at + 2);
  EXPECT_EQ(buffer.view(), "a=42");
  buffer.truncate(1);
  EXPECT_EQ(buffer.view(), "a");
}

TEST(TextBuffer, CopiesAreApartAndSwapsExchange) {
  TextBuffer a;
  a += "first";
  TextBuffer b = a;
  b += " and more";
  EXPECT_EQ(a.view(), "first");
  EXPECT_EQ(b.view(), "first and more");
  a.swap(b);
  EXPECT_EQ(a.view(), "first and more");
  EXPECT_EQ(b.view(), "first");
  TextBuffer moved = std::move(a);
  EXPECT_EQ(moved.view(), "first and more");
  b.clear();
  EXPECT_TRUE(b.empty());
  b += "again";
  EXPECT_EQ(b.view(), "again");
}

TEST(TextBuffer, AnEmptyCopyStaysEmpty) {
  const TextBuffer empty;
  TextBuffer copy = empty;
  EXPECT_TRUE(copy.empty());
  copy += "x";
  EXPECT_EQ(copy.view(), "x");
}

}  // namespace
}  // namespace kgraph
