// `kgraph validate` counts the graph's relations without building it (count_distinct_relations,
// GraphBuilder::finish_counts): the counts must be the graph's own, equal relations merged.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "graph/diagnostics.hpp"
#include "graph/distinct_relations.hpp"
#include "graph/graph_builder.hpp"
#include "graph/schema.hpp"
#include "importers/importer.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using detail::count_distinct_relations;

PartialDate date(int year, int month = 0, int day = 0) {
  return PartialDate{static_cast<std::int16_t>(year), static_cast<std::uint8_t>(month),
                     static_cast<std::uint8_t>(day)};
}

/// `n` relations drawn from a key space small enough that many are equal; sources and
/// properties vary freely (they do not make relations distinct).
std::vector<Relation> random_relations(std::size_t n, std::uint32_t entities, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](std::uint32_t k) { return static_cast<std::uint32_t>(rng() % k); };
  const PartialDate dates[] = {PartialDate{}, date(2006), date(2006, 9), date(2006, 9, 19),
                               date(2007)};
  std::vector<Relation> relations(n);
  for (Relation& r : relations) {
    r.from = pick(entities);
    r.to = pick(entities);
    r.type = 1 + pick(3);
    r.role = pick(2);
    r.start = dates[pick(5)];
    r.end = dates[pick(5)];
    r.sources = pick(1000);
    r.properties = pick(1000);
  }
  return relations;
}

std::size_t count_with_a_set(const std::vector<Relation>& relations) {
  std::set<std::tuple<std::uint32_t, std::uint32_t, StrId, StrId, PartialDate, PartialDate>> keys;
  for (const Relation& r : relations) keys.emplace(r.from, r.to, r.type, r.role, r.start, r.end);
  return keys.size();
}

TEST(DistinctRelations, CountsAsASetOfKeysForAnySizeAndHelpers) {
  // Sizes on both sides of one partition (8192) and of several; entity counts that make
  // nearly every relation distinct, or most of them equal.
  for (const std::size_t n : {0u, 1u, 2u, 3u, 100u, 8192u, 8193u, 50000u, 300000u}) {
    for (const std::uint32_t entities : {3u, 40u, 100000u}) {
      const std::vector<Relation> relations = random_relations(n, entities, 7 + n);
      const std::size_t expected = count_with_a_set(relations);
      EXPECT_EQ(count_distinct_relations(relations, 0), expected) << n << " " << entities;
      EXPECT_EQ(count_distinct_relations(relations, 1), expected) << n << " " << entities;
    }
  }
}

TEST(DistinctRelations, EveryKeyFieldMakesARelationDistinctAndNothingElse) {
  Relation base;
  base.from = 1;
  base.to = 2;
  base.type = 3;
  base.role = 4;
  base.start = date(2006, 9);
  base.end = date(2007);
  base.sources = 5;
  base.properties = 6;
  std::vector<Relation> relations{base};
  auto with = [&](auto change) {
    Relation r = base;
    change(r);
    relations.push_back(r);
  };
  with([](Relation& r) { r.sources = 50; });     // the same relation, other sources
  with([](Relation& r) { r.properties = 60; });  // and other properties
  with([](Relation& r) { r.from = 10; });
  with([](Relation& r) { r.to = 20; });
  with([](Relation& r) { r.type = 30; });
  with([](Relation& r) { r.role = 40; });
  with([](Relation& r) { r.start = date(2006); });  // covers 2006-09, but is another date
  with([](Relation& r) { r.start = PartialDate{}; });
  with([](Relation& r) { r.end = date(2007, 1); });
  with([](Relation& r) { r.end = PartialDate{}; });
  EXPECT_EQ(count_distinct_relations(relations), relations.size() - 2);
}

/// Reads JSON Lines text into a new builder.
void read_jsonl(GraphBuilder& builder, Diagnostics& diags, const std::string& text) {
  std::istringstream in(text);
  test::importers().named("jsonl")->read(in, diags.add_file("in.jsonl"), "in.jsonl", builder,
                                         ImportOptions{});
}

TEST(DistinctRelations, FinishCountsIsTheSizeOfTheGraphFinishMakes) {
  // Relations repeated with other sources, properties, roles and dates; entities declared
  // twice; sources cited and declared.
  std::mt19937 rng(3);
  auto pick = [&](int n) { return std::to_string(rng() % static_cast<unsigned>(n)); };
  std::string text;
  for (int s = 0; s < 5; ++s)
    text += R"({"record":"source","id":"s)" + std::to_string(s) +
            R"(","title":"T"})"
            "\n";
  for (int e = 0; e < 300; ++e)
    for (int copy = 0; copy < (e % 4 == 0 ? 2 : 1); ++copy)
      text += R"({"record":"actor","id":"a)" + std::to_string(e) + R"(","name":"A)" +
              std::to_string(e) + R"(","sources":["s)" + pick(5) + "\"]}\n";
  const char* dates[] = {"", R"(,"start":"2006")", R"(,"start":"2006-09")",
                         R"(,"end":"2007-01-02")"};
  for (int r = 0; r < 20000; ++r)
    text += R"({"record":"relation","from":"a)" + pick(60) + R"(","type":"member_of","to":"a)" +
            pick(60) + "\"" + dates[rng() % 4] + (rng() % 3 == 0 ? R"(,"role":"chair")" : "") +
            R"(,"sources":["s)" + pick(5) + R"("],"weight":)" + pick(4) + "}\n";

  for (unsigned helpers : {0u, 1u}) {
    Diagnostics diags_graph, diags_counts;
    GraphBuilder for_graph(Schema::builtin(), diags_graph);
    GraphBuilder for_counts(Schema::builtin(), diags_counts);
    read_jsonl(for_graph, diags_graph, text);
    read_jsonl(for_counts, diags_counts, text);
    const std::optional<KnowledgeGraph> graph = for_graph.finish(helpers);
    const std::optional<GraphCounts> counts = for_counts.finish_counts(helpers);
    ASSERT_TRUE(graph.has_value());
    ASSERT_TRUE(counts.has_value());
    EXPECT_EQ(counts->entities, graph->entities().size());
    EXPECT_EQ(counts->relations, graph->relations().size());
    EXPECT_EQ(counts->sources, graph->sources().size());
    // Many relations were equal: the count is not the number of records.
    EXPECT_LT(graph->relations().size(), 20000u);
    EXPECT_GT(graph->relations().size(), 1000u);
  }
}

TEST(DistinctRelations, FinishCountsReportsWhatFinishReports) {
  const std::string text =
      R"({"record":"actor","id":"a","name":"A"})"
      "\n"
      R"({"record":"relation","from":"a","type":"member_of","to":"nobody"})"
      "\n"
      R"({"record":"relation","from":"a","type":"member_of","to":"a","sources":["none"]})"
      "\n";
  Diagnostics diags_graph, diags_counts;
  GraphBuilder for_graph(Schema::builtin(), diags_graph);
  GraphBuilder for_counts(Schema::builtin(), diags_counts);
  read_jsonl(for_graph, diags_graph, text);
  read_jsonl(for_counts, diags_counts, text);
  EXPECT_FALSE(for_graph.finish().has_value());
  EXPECT_FALSE(for_counts.finish_counts().has_value());
  auto messages = [](const Diagnostics& diags) {
    std::vector<std::string> texts;
    for (const Diagnostic& d : diags.sorted()) texts.push_back(diags.format(d));
    return texts;
  };
  EXPECT_EQ(messages(diags_counts), messages(diags_graph));
  EXPECT_EQ(diags_counts.error_count(), 2u);
}

}  // namespace
}  // namespace kgraph
