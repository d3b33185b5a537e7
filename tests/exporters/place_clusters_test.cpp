#include "exporters/place_clusters.hpp"

#include <gtest/gtest.h>

#include "exporters/diagram_test_graphs.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using diagram::PlaceClusters;

std::uint32_t id(const KnowledgeGraph& g, std::string_view entity) {
  return *g.find_entity(entity);
}

const char* kNested = R"({
  "places": [{"id": "china", "name": "China", "kind": "country"},
             {"id": "liaoning", "name": "Liaoning", "kind": "province"},
             {"id": "shenyang", "name": "Shenyang", "kind": "city"},
             {"id": "empty", "name": "Nowhere", "kind": "city"}],
  "actors": [{"id": "consulate", "name": "Consulate", "kind": "diplomatic_mission"},
             {"id": "loose", "name": "Loose", "kind": "person"}],
  "events": [{"id": "raid", "name": "Raid", "kind": "arrest"}],
  "relations": [{"from": "liaoning", "type": "located_in", "to": "china"},
                {"from": "shenyang", "type": "located_in", "to": "liaoning"},
                {"from": "consulate", "type": "located_in", "to": "china"},
                {"from": "consulate", "type": "located_in", "to": "shenyang"},
                {"from": "raid", "type": "occurred_in", "to": "shenyang"},
                {"from": "consulate", "type": "related_to", "to": "empty"}]
})";

TEST(PlaceClusters, EntitiesGoIntoTheMostDeeplyNestedPlaceAndPlacesNest) {
  const KnowledgeGraph g = test::graph_from_json(kNested);
  const PlaceClusters places{GraphView(g)};
  EXPECT_EQ(places.parent(id(g, "consulate")), id(g, "shenyang"));
  EXPECT_EQ(places.parent(id(g, "raid")), id(g, "shenyang"));
  EXPECT_EQ(places.parent(id(g, "shenyang")), id(g, "liaoning"));
  EXPECT_EQ(places.parent(id(g, "liaoning")), id(g, "china"));
  EXPECT_EQ(places.parent(id(g, "china")), PlaceClusters::kNone);
  EXPECT_EQ(places.parent(id(g, "loose")), PlaceClusters::kNone);
  // A place is a cluster only if something is in it (related_to does not count).
  EXPECT_TRUE(places.is_cluster(id(g, "china")));
  EXPECT_TRUE(places.is_cluster(id(g, "shenyang")));
  EXPECT_FALSE(places.is_cluster(id(g, "empty")));
  EXPECT_FALSE(places.is_cluster(id(g, "consulate")));
}

TEST(PlaceClusters, OnlyRelationsInTheViewCount) {
  const KnowledgeGraph g = test::graph_from_json(kNested);
  std::vector<std::uint32_t> entities;
  for (std::uint32_t e = 0; e < g.entities().size(); ++e) entities.push_back(e);
  const PlaceClusters places{GraphView(g, entities, {})};
  for (std::uint32_t e : entities) {
    EXPECT_EQ(places.parent(e), PlaceClusters::kNone) << g.str(g.entities()[e].id);
    EXPECT_FALSE(places.is_cluster(e));
  }
}

TEST(PlaceClusters, TiesGoToTheSmallerId) {
  const KnowledgeGraph g = test::graph_from_json(R"({
    "places": [{"id": "b-town", "name": "B", "kind": "city"}, {"id": "a-town", "name": "A", "kind": "city"}],
    "actors": [{"id": "x", "name": "X", "kind": "person"}],
    "relations": [{"from": "x", "type": "located_in", "to": "b-town"},
                  {"from": "x", "type": "located_in", "to": "a-town"}]
  })");
  EXPECT_EQ(PlaceClusters(GraphView(g)).parent(id(g, "x")), id(g, "a-town"));
}

TEST(PlaceClusters, LocatedInCyclesAreBroken) {
  const KnowledgeGraph g = test::graph_from_json(R"({
    "places": [{"id": "p", "name": "P", "kind": "city"}, {"id": "q", "name": "Q", "kind": "city"},
               {"id": "r", "name": "R", "kind": "city"}],
    "relations": [{"from": "p", "type": "located_in", "to": "q"}, {"from": "q", "type": "located_in", "to": "r"},
                  {"from": "r", "type": "located_in", "to": "p"}]
  })");
  const PlaceClusters places{GraphView(g)};
  // Following parents from any place ends at a place with none, within three steps.
  int roots = 0;
  for (std::string_view start : {"p", "q", "r"}) {
    std::uint32_t e = id(g, start);
    int steps = 0;
    while (places.parent(e) != PlaceClusters::kNone && steps < 4) e = places.parent(e), ++steps;
    EXPECT_LT(steps, 3) << start;
    if (places.parent(id(g, start)) == PlaceClusters::kNone) ++roots;
  }
  EXPECT_EQ(roots, 1);
}

// The id of place i of test::place_chain. Built by appending: GCC 12 warns falsely of an
// overlapping copy in "p" + std::to_string(i).
std::string place_id(std::size_t i) {
  std::string s = "p";
  return s += std::to_string(i);
}

// A located_in chain as long as the input overflowed the stack of the recursive walk (a
// million places: SIGSEGV). Clusters nest kMaxNesting deep; the places further in are drawn, flat, in
// the innermost cluster.
TEST(PlaceClusters, VeryLongChainsNestOnlyKMaxNestingDeep) {
  constexpr std::size_t n = 1000000;
  constexpr auto max = static_cast<std::size_t>(PlaceClusters::kMaxNesting);
  const KnowledgeGraph g = test::place_chain(n);
  const PlaceClusters places{GraphView(g)};
  const auto p = [&](std::size_t i) { return id(g, place_id(i)); };
  const std::uint32_t innermost = p(n - max);  // p(n - 1) is the outermost
  EXPECT_TRUE(places.is_cluster(innermost));
  EXPECT_EQ(places.parent(innermost), p(n - max + 1));
  for (std::size_t i : {std::size_t{0}, std::size_t{1}, n / 2, n - max - 1}) {
    EXPECT_EQ(places.parent(p(i)), innermost) << i;
    EXPECT_FALSE(places.is_cluster(p(i))) << i;
  }
  std::size_t depth = 0;
  for (std::uint32_t q = places.parent(p(0)); q != PlaceClusters::kNone; q = places.parent(q))
    ++depth;
  EXPECT_EQ(depth, max);
}

TEST(PlaceClusters, ChainsUpToKMaxNestingKeepEveryCluster) {
  constexpr auto max = static_cast<std::size_t>(PlaceClusters::kMaxNesting);
  const KnowledgeGraph g = test::place_chain(max + 1);  // p0 is no cluster: nothing is in it
  const PlaceClusters places{GraphView(g)};
  for (std::size_t i = 0; i < max; ++i)
    EXPECT_EQ(places.parent(id(g, place_id(i))), id(g, place_id(i + 1)));
  for (std::size_t i = 1; i <= max; ++i) EXPECT_TRUE(places.is_cluster(id(g, place_id(i)))) << i;
}

}  // namespace
}  // namespace kgraph
