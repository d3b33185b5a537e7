// The position-keeping JSON tree (importers/json_tree.cpp).

#include "importers/json_tree.hpp"

#include <gtest/gtest.h>

#include "graph/messages.hpp"

namespace kgraph {
namespace {

std::string where(TextPosition p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

/// "line:column: message", or "ok".
std::string parse_outcome(const std::string& text) {
  JsonNode root;
  const auto error = parse_json_tree(text, root);
  return error ? where(error->at) + ": " + error->message : "ok";
}

std::string nested(std::size_t levels, char open, std::string_view inside, char close) {
  return std::string(levels, open) + std::string(inside) + std::string(levels, close);
}

std::string nested_objects(std::size_t levels) {
  std::string s;
  for (std::size_t i = 0; i < levels; ++i) s += "{\"a\":";
  s += "1";
  s.append(levels, '}');
  return s;
}

TEST(JsonTree, EveryValueAndKeyKnowsWhereItStarts) {
  JsonNode root;
  ASSERT_FALSE(
      parse_json_tree("{\"a\": [1, -2.5e3, true, null],\n \"é\": {\"b\": \"x\\\"y\"}}", root));
  ASSERT_EQ(root.kind, JsonNode::Kind::object);
  EXPECT_EQ(where(root.at), "1:1");
  ASSERT_EQ(root.members.size(), 2u);
  const JsonMember& a = root.members[0];
  EXPECT_EQ(where(a.key_at), "1:2");
  EXPECT_EQ(where(a.value.at), "1:7");
  ASSERT_EQ(a.value.items.size(), 4u);
  EXPECT_EQ(where(a.value.items[0].at), "1:8");
  EXPECT_EQ(where(a.value.items[1].at), "1:11");
  EXPECT_EQ(a.value.items[1].real, -2500);
  EXPECT_EQ(where(a.value.items[2].at), "1:19");
  EXPECT_EQ(where(a.value.items[3].at), "1:25");
  const JsonMember& e = root.members[1];
  EXPECT_EQ(e.key, "é");
  EXPECT_EQ(where(e.key_at), "2:2");
  EXPECT_EQ(where(e.value.at), "2:7");  // "é" is one column
  EXPECT_EQ(where(e.value.members[0].value.at), "2:13");
  EXPECT_EQ(e.value.members[0].value.text, "x\"y");
}

TEST(JsonTree, ProblemsAndWhereTheyAre) {
  EXPECT_EQ(parse_outcome("{\"a\": 1,}"), "1:9: invalid JSON: missing a name for object member");
  EXPECT_EQ(parse_outcome(""), "1:1: invalid JSON: the document is empty");
  EXPECT_EQ(parse_outcome("{\"é\": \"\xFF\"}"), "1:8: invalid UTF-8 in a string");
  EXPECT_EQ(parse_outcome(std::string("{\"a\": 1}\0{", 10)), "1:9: unexpected NUL byte");
  EXPECT_EQ(parse_outcome(std::string("{\"a\": \"x\0y\"}", 12)), "1:9: unexpected NUL byte");
  EXPECT_EQ(parse_outcome("// a comment\n{\"a\": /* here */ 1}"), "ok");
}

TEST(JsonTree, TextEndingInsideAUtf8SequenceIsAnErrorNotAReadPastItsEnd) {
  // Found by fuzzing (tests/fuzz/regressions/mapping): RapidJSON takes a sequence's
  // continuation bytes without looking, so the stream must give NUL past its end.
  EXPECT_EQ(parse_outcome("{\"aaaaaaaaaaaaaaaaaaaaa\xF1"), "1:24: invalid UTF-8 in a string");
  EXPECT_EQ(parse_outcome("[\"\xE2"), "1:3: invalid UTF-8 in a string");
}

TEST(JsonTree, NestingUpToTheLimitIsRead) {
  EXPECT_EQ(parse_outcome(nested(kMaxJsonNesting, '[', "1", ']')), "ok");
  EXPECT_EQ(parse_outcome(nested_objects(kMaxJsonNesting)), "ok");
}

TEST(JsonTree, NestingDeeperIsAnErrorAtTheBracketThatGoesTooDeep) {
  EXPECT_EQ(parse_outcome(nested(kMaxJsonNesting + 1, '[', "1", ']')),
            "1:513: nesting deeper than 512");
  // Each level of objects is 5 characters: {"a":
  EXPECT_EQ(parse_outcome(nested_objects(kMaxJsonNesting + 1)), "1:2561: nesting deeper than 512");
  EXPECT_EQ(parse_outcome("{\"é\":\n" + nested(kMaxJsonNesting, '[', "", ']') + "}"),
            "2:512: nesting deeper than 512");
}

TEST(JsonTree, VeryDeepNestingIsAnErrorNotACrash) {
  EXPECT_EQ(parse_outcome(nested(100000, '[', "", ']')), "1:513: nesting deeper than 512");
  EXPECT_EQ(parse_outcome(nested_objects(100000)), "1:2561: nesting deeper than 512");
}

TEST(JsonTree, ColumnsOnOneLongLineAreRightAndCheap) {
  // 100,000 values on one line, "é" before them: columns count code points, and finding
  // them must not count from the start of the line for every value (that took minutes; the
  // time is bench/adversarial_growth.py's to show, not a unit test's).
  auto values = [](std::size_t n) {
    std::string text = "[\"é\"";
    for (std::size_t i = 0; i < n; ++i) text += ", \"v" + std::to_string(i) + "\"";
    return text + "]";
  };
  const std::size_t n = 100000;
  const std::string text = values(n);
  JsonNode root;
  ASSERT_FALSE(parse_json_tree(text, root));
  ASSERT_EQ(root.items.size(), n + 1);
  const std::size_t last_byte = text.rfind(", \"") + 2;
  // Its 1-based column is its byte offset plus one, less one for the second byte of "é".
  EXPECT_EQ(where(root.items.back().at), "1:" + std::to_string(last_byte));
}

}  // namespace
}  // namespace kgraph
