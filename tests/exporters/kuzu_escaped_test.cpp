// The escaped CSV form of Kuzu folders (exporters/kuzu_escaped.hpp). That Kuzu and LadybugDB read
// it back exactly is tests/clients/kuzu_client_test.cpp.

#include "exporters/kuzu_escaped.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kgraph::kuzu {
namespace {

std::string escaped(std::string_view text) {
  std::string cell;
  append_escaped(cell, text);
  return cell;
}

TEST(KuzuEscaped, TextIsMarkedAndEscaped) {
  EXPECT_EQ(escaped(""), "=");
  EXPECT_EQ(escaped("plain"), "=plain");
  EXPECT_EQ(escaped("a|b~c"), "=a~2b~1c");
  EXPECT_EQ(escaped("two\nlines\r\n"), "=two~3lines~4~3");
  EXPECT_EQ(escaped("~1"), "=~11");  // decodes to ~1, not ~
  // CSV specials are left to CSV quoting; ~ and | are the only characters the form reserves.
  EXPECT_EQ(escaped("\" , [ ] { } ' \\ \t"), "=\" , [ ] { } ' \\ \t");
}

TEST(KuzuEscaped, EscapedTextHoldsNoLineBreak) {
  std::string all;
  for (int c = 1; c < 128; ++c) all += static_cast<char>(c);
  const std::string e = escaped(all);
  EXPECT_EQ(e.find_first_of("\r\n"), std::string::npos);
  EXPECT_EQ(e.size(), all.size() + 1 + 4);  // the mark, and a second byte for ~ | LF CR
}

TEST(KuzuEscaped, ExpressionsUndoEachEscapeWithTildeLast) {
  const std::string text = escaped_text_expression("c1");
  EXPECT_EQ(text.rfind("regexp_replace(", 0), 0u);
  EXPECT_NE(text.find("regexp_replace(c1, '^=', '')"), std::string::npos) << text;
  const auto at = [&](const char* s) { return text.find(s); };
  for (const char* code :
       {"'~2', '|'", "'~3', decode(BLOB('\\\\x0A'))", "'~4', decode(BLOB('\\\\x0D'))", "'~1', '~'"})
    EXPECT_NE(at(code), std::string::npos) << code << " in " << text;
  // Replacements nest outward: the outermost (last applied) is ~1.
  EXPECT_GT(at("'~1', '~'"), at("'~2', '|'"));
  EXPECT_EQ(escaped_list_expression("c3").rfind("list_transform(string_split(c3, '|'), s -> ", 0),
            0u);
}

}  // namespace
}  // namespace kgraph::kuzu
