// The JSON document importer end to end: text in, graph (or diagnostics) out. The reader's own
// cases are in json_record_reader_test.cpp.

#include <gtest/gtest.h>

#include <algorithm>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

using test::build_from;

/// The values of a property of an entity, as text.
std::vector<std::string> json_property(const KnowledgeGraph& g, std::string_view entity,
                                       std::string_view key) {
  std::vector<std::string> out;
  const std::optional<std::uint32_t> index = g.find_entity(entity);
  if (!index) return out;
  for (const Property& p : g.entities()[*index].properties) {
    if (g.str(p.key) != key) continue;
    for (const Value& v : p.values) {
      switch (v.kind) {
        case ValueKind::string:
          out.push_back(std::string(g.str(v.string)));
          break;
        case ValueKind::integer:
          out.push_back("int:" + std::to_string(v.integer));
          break;
        case ValueKind::real:
          out.push_back("real:" + format_real(v.real));
          break;
        case ValueKind::boolean:
          out.push_back(v.boolean ? "true" : "false");
          break;
      }
    }
  }
  return out;
}

bool has_message(const std::vector<std::string>& messages, std::string_view prefix) {
  return std::any_of(messages.begin(), messages.end(),
                     [&](const std::string& m) { return m.starts_with(prefix); });
}

/// A small document with every section, list and scalar kind (the same facts as
/// press-conference.jsonl).
std::string document() {
  return test::read_file(test::test_data("importers/press-conference.json"));
}

TEST(JsonImporter, IsFoundByExtension) {
  const Importer* json = test::importers().named("json");
  ASSERT_NE(json, nullptr);
  EXPECT_EQ(test::importers().for_path("dir/graph.json"), json);
  EXPECT_EQ(test::importers().for_path("GRAPH.JSON"), json);
  EXPECT_NE(test::importers().for_path("graph.jsonl"), json);
}

TEST(JsonImporter, BuildsTheGraphOfADocument) {
  const test::BuildResult r = build_from({{"a.json", document()}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages());
  const KnowledgeGraph& g = *r.graph;
  EXPECT_EQ(g.entities().size(), 5u);
  EXPECT_EQ(g.sources().size(), 1u);
  EXPECT_EQ(g.relations().size(), 3u);  // two written, and the event's `place`

  const auto mfa = g.find_entity("mfa");
  ASSERT_TRUE(mfa);
  const Entity& e = g.entities()[*mfa];
  EXPECT_EQ(e.type, EntityType::actor);
  EXPECT_EQ(g.str(e.kind), "government_body");
  EXPECT_EQ(g.str(e.name), "Ministry of Foreign Affairs");
  ASSERT_EQ(g.list(e.aliases).size(), 1u);
  EXPECT_EQ(g.str(g.list(e.aliases)[0]), "MFA");
  // JSON numbers keep their kind; null is an absent field.
  EXPECT_EQ(json_property(g, "mfa", "staff"), std::vector<std::string>{"int:120"});
  EXPECT_EQ(json_property(g, "mfa", "budget"), std::vector<std::string>{"real:1.5"});
  EXPECT_EQ(json_property(g, "mfa", "active"), std::vector<std::string>{"true"});
  EXPECT_EQ(json_property(g, "mfa", "note"), std::vector<std::string>{});
  EXPECT_EQ(json_property(g, "qin-gang", "names_zh"), std::vector<std::string>{"秦刚"});

  const auto event = g.find_entity("press-conference");
  ASSERT_TRUE(event);
  EXPECT_EQ(g.entities()[*event].start.to_string(), "2006-09-19");
}

TEST(JsonImporter, ReportsProblemsWithTheFileName) {
  const test::BuildResult r = build_from(
      {{"good.json", document()},
       {"bad.json",
        "{\n  \"actor\": [],\n  \"laws\": [{\"id\": \"l\", \"name\": {\"en\": \"L\"}}]\n}"}});
  EXPECT_FALSE(r.graph);
  const std::vector<std::string> messages = r.messages();
  EXPECT_TRUE(has_message(messages, "bad.json:2:3: error: unknown top-level key \"actor\""))
      << testing::PrintToString(messages);
  EXPECT_TRUE(has_message(messages, "bad.json:3:32: error: field \"name\": a value must be"))
      << testing::PrintToString(messages);
}

TEST(JsonImporter, SyntaxErrorKeepsNoHalfGraph) {
  const test::BuildResult r = build_from({{"a.json", document().substr(0, 400)}});
  EXPECT_FALSE(r.graph);
  const std::vector<std::string> messages = r.messages();
  EXPECT_TRUE(has_message(messages, "a.json:")) << testing::PrintToString(messages);
  EXPECT_TRUE(std::any_of(messages.begin(), messages.end(), [](const std::string& m) {
    return m.find(": error: invalid JSON") != std::string::npos;
  })) << testing::PrintToString(messages);
}

TEST(JsonImporter, ReadsTheExample) {
  const std::string text =
      test::read_file(test::source_path("examples/north-korean-refugees-2006/graph.json"));
  ASSERT_FALSE(text.empty());
  const test::BuildResult r = build_from({{"graph.json", text}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages());
  EXPECT_GT(r.graph->entities().size(), 10u);
  EXPECT_GT(r.graph->relations().size(), 10u);
}

}  // namespace
}  // namespace kgraph
