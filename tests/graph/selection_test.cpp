#include "graph/selection.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

// A chain a - b - c - d with a place p, and dated events.
const char* const kSelectionGraph = R"({
  "actors": [
    {"id": "a", "name": "A", "kind": "person"},
    {"id": "b", "name": "B", "kind": "government_body"},
    {"id": "c", "name": "C", "kind": "government"},
    {"id": "d", "name": "D", "kind": "government"}
  ],
  "events": [
    {"id": "e2005", "name": "Old", "date": "2005-03", "place": "p"},
    {"id": "e2006", "name": "New", "start": "2006-09-01", "end": "2006-09-30", "place": "p"}
  ],
  "places": [{"id": "p", "name": "P", "kind": "city"}],
  "relations": [
    {"from": "a", "type": "spokesperson_of", "to": "b"},
    {"from": "b", "type": "part_of", "to": "c"},
    {"from": "c", "type": "related_to", "to": "d", "date": "2004"},
    {"from": "a", "type": "participated_in", "to": "e2006", "role": "speaker"},
    {"from": "d", "type": "participated_in", "to": "e2005", "role": "host"}
  ]
})";

std::vector<std::string> ids(const GraphView& v) {
  std::vector<std::string> out;
  for (std::uint32_t e : v.entities()) out.emplace_back(v.graph().str(v.graph().entities()[e].id));
  return out;
}

std::vector<std::string> rels(const GraphView& v) {
  const KnowledgeGraph& g = v.graph();
  std::vector<std::string> out;
  for (std::uint32_t r : v.relations()) {
    const Relation& rel = g.relations()[r];
    out.push_back(std::string(g.str(g.entities()[rel.from].id)) + ">" +
                  std::string(g.str(g.entities()[rel.to].id)));
  }
  return out;
}

GraphView run(const KnowledgeGraph& g, SelectionOptions o) {
  SelectionError error;
  auto view = select(g, o, error);
  EXPECT_TRUE(view) << error.message;
  return view ? *view : GraphView(g);
}

using V = std::vector<std::string>;

TEST(Selection, FocusDepthZeroOneTwo) {
  const KnowledgeGraph g = test::graph_from_json(kSelectionGraph);
  SelectionOptions o;
  o.focus = {"b"};
  o.depth = 0;
  EXPECT_EQ(ids(run(g, o)), V{"b"});
  EXPECT_TRUE(rels(run(g, o)).empty());
  o.depth = 1;
  EXPECT_EQ(ids(run(g, o)), (V{"a", "b", "c"}));
  EXPECT_EQ(rels(run(g, o)), (V{"a>b", "b>c"}));
  o.depth = 2;
  EXPECT_EQ(ids(run(g, o)), (V{"a", "b", "c", "d", "e2006"}));
  EXPECT_EQ(rels(run(g, o)), (V{"a>e2006", "a>b", "b>c", "c>d"}));
}

TEST(Selection, TypesAndRelationsFilter) {
  const KnowledgeGraph g = test::graph_from_json(kSelectionGraph);
  SelectionOptions o;
  o.types = {EntityType::actor};
  EXPECT_EQ(ids(run(g, o)), (V{"a", "b", "c", "d"}));
  EXPECT_EQ(rels(run(g, o)), (V{"a>b", "b>c", "c>d"}));
  o = {};
  o.relations = {"occurred_in"};
  EXPECT_EQ(rels(run(g, o)), (V{"e2005>p", "e2006>p"}));
}

TEST(Selection, TimeWindowKeepsWhatOverlapsAndUndatedUnlessAsked) {
  const KnowledgeGraph g = test::graph_from_json(kSelectionGraph);
  SelectionOptions o;
  o.since = *parse_partial_date("2006");
  EXPECT_EQ(ids(run(g, o)), (V{"a", "b", "c", "d", "e2006", "p"}));
  EXPECT_EQ(rels(run(g, o)), (V{"a>e2006", "a>b", "b>c", "e2006>p"}));  // c>d is dated 2004
  o.until = *parse_partial_date("2006-09-15");
  EXPECT_EQ(ids(run(g, o)), (V{"a", "b", "c", "d", "e2006", "p"}));
  o.until = *parse_partial_date("2006-08");
  EXPECT_EQ(ids(run(g, o)), (V{"a", "b", "c", "d", "p"}));
  o.since = *parse_partial_date("2005-03-31");
  o.until = {};
  o.dated_only = true;
  EXPECT_EQ(ids(run(g, o)), (V{"e2005", "e2006"}));
}

TEST(Selection, FocusWalksOnlyThroughWhatFiltersKeep) {
  const KnowledgeGraph g = test::graph_from_json(kSelectionGraph);
  SelectionOptions o;
  o.focus = {"a"};
  o.depth = 3;
  o.types = {EntityType::actor};
  EXPECT_EQ(ids(run(g, o)), (V{"a", "b", "c", "d"}));
  o.relations = {"spokesperson_of", "part_of"};
  EXPECT_EQ(ids(run(g, o)), (V{"a", "b", "c"}));
  // The focus itself stays even when a filter would drop it.
  o = {};
  o.focus = {"p"};
  o.types = {EntityType::actor};
  EXPECT_EQ(ids(run(g, o)), V{"p"});
}

TEST(Selection, SourcesFollowTheSelection) {
  const KnowledgeGraph g = test::graph_from_json(R"({
    "sources": [{"id": "s1"}, {"id": "s2"}],
    "actors": [{"id": "a", "name": "A", "sources": "s1"}, {"id": "b", "name": "B", "sources": "s2"}]})");
  SelectionOptions o;
  o.focus = {"a"};
  GraphView v = run(g, o);
  ASSERT_EQ(v.sources().size(), 1u);
  EXPECT_EQ(g.str(g.sources()[v.sources()[0]].id), "s1");
}

TEST(Selection, ReportsUnknownFocusAndRelationType) {
  const KnowledgeGraph g = test::graph_from_json(kSelectionGraph);
  SelectionOptions o;
  o.focus = {"e2007"};
  SelectionError error;
  EXPECT_FALSE(select(g, o, error));
  EXPECT_EQ(error.message,
            "no entity has the id \"e2007\" given to --focus; did you mean \"e2005\"?");
  o = {};
  o.relations = {"part-of"};
  EXPECT_FALSE(select(g, o, error));
  EXPECT_EQ(
      error.message,
      "unknown relation type \"part-of\" in --relations; did you mean \"part_of\"? (see `kgraph "
      "schema` for the relation types, or declare it with --schema)");
}

}  // namespace
}  // namespace kgraph
