#include "graph/algorithms.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

const char* const kStar = R"({
  "actors": [
    {"id": "hub", "name": "Hub", "kind": "government"},
    {"id": "x1", "name": "X1"}, {"id": "x2", "name": "X2"}, {"id": "x3", "name": "X3"},
    {"id": "y1", "name": "Y1"}, {"id": "y2", "name": "Y2"}, {"id": "lone", "name": "Lone"}
  ],
  "events": [{"id": "ev", "name": "Ev", "date": "2006-09-19"}],
  "relations": [
    {"from": "x1", "type": "member_of", "to": "hub"},
    {"from": "x2", "type": "member_of", "to": "hub"},
    {"from": "x3", "type": "member_of", "to": "hub", "start": "1995", "end": "2007-01"},
    {"from": "x3", "type": "participated_in", "to": "ev"},
    {"from": "y1", "type": "related_to", "to": "y2"}
  ]
})";

TEST(Stats, CountsComponentsAndCentrality) {
  const KnowledgeGraph g = test::graph_from_json(kStar);
  const GraphStats s = compute_stats(GraphView(g), 3);
  EXPECT_EQ(s.entities, 8u);
  EXPECT_EQ(s.relations, 5u);
  EXPECT_EQ(s.per_type.at("actor"), 7u);
  EXPECT_EQ(s.per_kind.at("actor/government"), 1u);
  EXPECT_EQ(s.per_kind.at("actor/-"), 6u);
  EXPECT_EQ(s.per_relation_type.at("member_of"), 3u);
  EXPECT_EQ(s.components, 3u);  // star+event, y1-y2, lone
  EXPECT_EQ(s.largest_component, 5u);
  ASSERT_EQ(s.by_degree.size(), 3u);
  EXPECT_EQ(g.str(g.entities()[s.by_degree[0].entity].id), "hub");
  EXPECT_EQ(s.by_degree[0].score, 3);
  EXPECT_EQ(g.str(g.entities()[s.by_degree[1].entity].id), "x3");
  ASSERT_TRUE(s.betweenness_computed);
  EXPECT_EQ(g.str(g.entities()[s.by_betweenness[0].entity].id), "hub");
  EXPECT_EQ(s.earliest.to_string(), "1995");
  EXPECT_EQ(s.latest.to_string(), "2007-01");
}

TEST(Stats, SkipsBetweennessAboveTheLimit) {
  const KnowledgeGraph g = test::graph_from_json(kStar);
  EXPECT_FALSE(compute_stats(GraphView(g), 3, 4).betweenness_computed);
}

TEST(Path, FindsTheShortestChainIgnoringDirection) {
  const KnowledgeGraph g = test::graph_from_json(kStar);
  auto chain = shortest_path(g, *g.find_entity("x1"), *g.find_entity("ev"));
  ASSERT_TRUE(chain);
  ASSERT_EQ(chain->size(), 3u);  // x1 -> hub <- x3 -> ev
  EXPECT_EQ(g.str(g.relations()[(*chain)[2]].type), "participated_in");
  EXPECT_FALSE(shortest_path(g, *g.find_entity("x1"), *g.find_entity("lone")));
  EXPECT_TRUE(shortest_path(g, *g.find_entity("x1"), *g.find_entity("x1"))->empty());
}

}  // namespace
}  // namespace kgraph
