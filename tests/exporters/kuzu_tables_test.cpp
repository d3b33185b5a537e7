// The first pass of the Kuzu exporter: which tables a folder has, their columns and names.
// What the files hold is kuzu_exporter_test.cpp's.

#include "exporters/kuzu_tables.hpp"

#include "exporters/exporter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace kgraph::kuzu {
namespace {

const char* kGraph = R"({
  "sources": [{"id": "s1", "Date": "x"}],
  "actors": [{"id": "a", "name": "A", "kind": "person", "Name": "shadow", "_id": 1, "age": 40},
             {"id": "b", "name": "B", "kind": "government"}],
  "places": [{"id": "p", "name": "P"}, {"id": "q", "name": "Q"}],
  "relations": [{"from": "a", "type": "spokesperson_of", "to": "b", "Role": "r", "_src": 1},
                {"from": "b", "type": "located_in", "to": "p"},
                {"from": "p", "type": "located_in", "to": "q"},
                {"from": "a", "type": "located_in", "to": "q"}]})";

std::vector<std::string> names_of(const std::vector<dbcols::PropertyColumn>& columns) {
  std::vector<std::string> out;
  for (const dbcols::PropertyColumn& c : columns) out.push_back(c.name);
  return out;
}

const RelTable& table(const Tables& t, std::string_view type) {
  for (const RelTable& r : t.relations)
    if (r.type == type) return r;
  throw std::runtime_error("no table " + std::string(type));
}

/// The tables of a folder of `g` alone: its first pass.
Tables tables_of(const KnowledgeGraph& g) {
  Tables t(g.schema(), 1);
  const GraphView view(g);
  const GraphIndex index(view, 1);
  plan_elements(t, view, index, kEveryPart);
  plan_sources(t, view);
  t.begin();
  return t;
}

/// The tables as text: every table's columns with their types, every pair's relations.
std::string describe(const Tables& t) {
  std::string out;
  const auto columns = [&](const std::string& name, const std::vector<dbcols::PropertyColumn>& cs) {
    out += name + ":";
    for (const dbcols::PropertyColumn& c : cs)
      out +=
          " " + c.name + "/" + std::string(dbcols::kuzu_type_name(c.type)) + (c.list ? "[]" : "");
    out += "\n";
  };
  columns(t.sources.name, t.sources.columns);
  for (const NodeTable& n : t.nodes) columns(n.name, n.columns);
  for (const RelTable& r : t.relations) {
    columns(r.name, r.columns);
    for (const RelPair& p : r.pairs)
      if (p.allowed) out += " " + p.stem + "=" + std::to_string(p.count);
    out += "\n";
  }
  return out;
}

TEST(KuzuTables, NodeTablesAndTheirColumns) {
  const KnowledgeGraph g = test::graph_from_json(kGraph);
  const Tables t = tables_of(g);
  EXPECT_EQ(t.sources.name, "Source");
  EXPECT_EQ(t.sources.stem, "sources");
  const NodeTable& actors = t.nodes[static_cast<int>(EntityType::actor)];
  EXPECT_EQ(actors.name, "Actor");
  EXPECT_EQ(actors.stem, "actors");
  EXPECT_EQ(t.nodes[static_cast<int>(EntityType::place)].name, "Place");
  // Properties named like a built-in column (without case) or a column Kuzu keeps get a prefix.
  EXPECT_EQ(names_of(t.sources.columns), std::vector<std::string>{"_Date"});
  EXPECT_EQ(names_of(actors.columns), (std::vector<std::string>{"_Name", "__id", "age"}));
  EXPECT_EQ(names_of(table(t, "spokesperson_of").columns),
            (std::vector<std::string>{"_Role", "__src"}));
}

TEST(KuzuTables, RelationTablesHaveEverySchemaTypeAndTheirPairs) {
  const KnowledgeGraph g = test::graph_from_json(kGraph);
  const Tables t = tables_of(g);
  ASSERT_EQ(t.relations.size(), g.schema().relations().size());
  for (std::size_t i = 1; i < t.relations.size(); ++i)
    EXPECT_LT(t.relations[i - 1].type, t.relations[i].type);
  const RelTable& located_in = table(t, "located_in");
  EXPECT_EQ(located_in.name, "LOCATED_IN");
  const RelPair& actor_place = located_in.pairs[pair_index(EntityType::actor, EntityType::place)];
  const RelPair& place_place = located_in.pairs[pair_index(EntityType::place, EntityType::place)];
  EXPECT_TRUE(actor_place.allowed);
  EXPECT_EQ(actor_place.count, 2u);
  EXPECT_TRUE(place_place.allowed);
  EXPECT_EQ(place_place.count, 1u);
  EXPECT_FALSE(located_in.pairs[pair_index(EntityType::place, EntityType::actor)].allowed);
  EXPECT_EQ(
      table(t, "spokesperson_of").pairs[pair_index(EntityType::actor, EntityType::actor)].count,
      1u);
}

TEST(KuzuTables, EveryRelationFindsItsTableAndPair) {
  const KnowledgeGraph g = test::graph_from_json(kGraph);
  const Tables t = tables_of(g);
  const GraphView view(g);
  GraphIndex index(view, 1);
  index.find_tables(t, g.strings());
  for (const Relation& r : g.relations()) {
    const RelTable& rel = t.relations[index.table_of_type[r.type]];
    EXPECT_EQ(rel.type, g.str(r.type));
    EXPECT_EQ(index.pair_of(r), pair_index(g.entities()[r.from].type, g.entities()[r.to].type));
  }
}

TEST(KuzuTables, PlannedPartByPartFromOtherGraphsAsAllAtOnce) {
  // A merge plans each part from a graph of its own, with its own strings: the tables come
  // out as from the whole graph. Here the parts come from two graphs holding the same
  // elements, the sources from a third.
  const KnowledgeGraph g = test::graph_from_json(kGraph);
  const KnowledgeGraph other = test::graph_from_json(R"({"actors": [{"id": "zz", "name": "zz",
      "age": "x", "Role": 1}]})");
  const KnowledgeGraph h = test::graph_from_json(kGraph);
  const KnowledgeGraph sources = test::graph_from_json(kGraph);
  Tables whole(g.schema(), 3), by_part(g.schema(), 3);
  plan_elements(whole, GraphView(g), GraphIndex(GraphView(g), 3), kEveryPart);
  plan_sources(whole, GraphView(g));
  whole.begin();
  for (std::uint32_t p = 0; p < 3; ++p) {
    const KnowledgeGraph& from = p % 2 ? g : h;
    plan_elements(by_part, GraphView(from), GraphIndex(GraphView(from), 3), p);
  }
  plan_sources(by_part, GraphView(sources));
  by_part.begin();
  EXPECT_EQ(describe(by_part), describe(whole));
  EXPECT_NE(describe(whole), "");
  // A part with nothing of a table changes nothing; a graph with other values of a key does.
  Tables more(g.schema(), 3);
  plan_elements(more, GraphView(g), GraphIndex(GraphView(g), 3), kEveryPart);
  plan_elements(more, GraphView(other), GraphIndex(GraphView(other), 3), kEveryPart);
  plan_sources(more, GraphView(g));
  more.begin();
  EXPECT_NE(describe(more), describe(whole));
  EXPECT_NE(describe(more).find("age/STRING"), std::string::npos) << describe(more);
}

}  // namespace
}  // namespace kgraph::kuzu
