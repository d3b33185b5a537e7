#include "graph/shard_partition.hpp"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

using test::exporters;
using test::importers;

/// The partial graph of one JSON document, as `kgraph shard` makes it.
std::optional<PartialGraph> partial_from_json(const std::string& json, Diagnostics& diags) {
  GraphBuilder builder(Schema::builtin(), diags);
  std::istringstream in(json);
  importers().named("json")->read(in, diags.add_file("a.json"), "a.json", builder, ImportOptions{});
  return builder.finish_partial();
}

// Published test vectors of FNV-1a 64 (Fowler, Noll, Vo: the FNV reference test suite).
TEST(ShardPartition, Fnv1a64IsTheReferenceHash) {
  EXPECT_EQ(fnv1a_64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(fnv1a_64("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(fnv1a_64("foobar"), 0x85944171f73967e8ull);
}

TEST(ShardPartition, PartOfIsTheHashModuloParts) {
  for (const std::string id : {"un", "qin-gang", "북한", "x y z"}) {
    EXPECT_EQ(shard_part_of(id, 1), 0u);
    for (const std::uint32_t parts : {2u, 3u, 16u, 1000u})
      EXPECT_EQ(shard_part_of(id, parts), fnv1a_64(id) % parts) << id << " " << parts;
  }
}

TEST(ShardPartition, FinishPartialLeavesWholeGraphChecksOut) {
  // A relation to an id no record declares and a source nothing declares: errors for
  // finish(), not for a partial graph, whose other inputs may declare them.
  const std::string json = R"({"actors": [{"id": "a", "name": "A", "sources": ["s9"]}],
    "relations": [{"from": "a", "type": "member_of", "to": "elsewhere"}]})";
  Diagnostics diags;
  const auto partial = partial_from_json(json, diags);
  ASSERT_TRUE(partial) << diags.error_count();
  ASSERT_EQ(partial->graph.entities().size(), 2u);
  // Only "a" was declared; "elsewhere" is there only as the relation's end.
  EXPECT_EQ(partial->declared, std::vector<std::uint32_t>{*partial->graph.find_entity("a")});
  EXPECT_EQ(partial->graph.relations().size(), 1u);

  const test::BuildResult whole = test::build_from({{"a.json", json}});
  EXPECT_FALSE(whole.graph);
  EXPECT_EQ(whole.messages().size(), 2u);
}

TEST(ShardPartition, FinishPartialStillReportsRecordErrors) {
  Diagnostics diags;
  const auto partial =
      partial_from_json(R"({"actors": [{"id": "a", "name": "A", "date": "2006-13-01"}]})", diags);
  EXPECT_FALSE(partial);
  EXPECT_TRUE(diags.has_errors());
}

std::string twenty_actors() {
  std::string json = R"({"sources": [{"id": "s0"}, {"id": "s1"}, {"id": "s2"}], "actors": [)";
  for (int i = 0; i < 20; ++i)
    json += std::string(i ? "," : "") + R"({"id": "e)" + std::to_string(i) + R"(", "name": "E)" +
            std::to_string(i) + "\"" + (i == 0 ? R"(, "sources": ["s0"])" : "") + "}";
  json += R"(], "relations": [)";
  for (int i = 0; i < 19; ++i)
    json += std::string(i ? "," : "") + R"({"from": "e)" + std::to_string(i) +
            R"(", "type": "member_of", "to": "e)" + std::to_string(i + 1) + "\"" +
            (i == 5 ? R"(, "sources": ["s1"])" : "") + "}";
  json += R"(, {"from": "e3", "type": "member_of", "to": "elsewhere"}]})";
  return json;
}

TEST(ShardPartition, EntitiesByHashRelationsWithFromSourcesWhereCited) {
  Diagnostics diags;
  const auto partial = partial_from_json(twenty_actors(), diags);
  ASSERT_TRUE(partial);
  const KnowledgeGraph& g = partial->graph;
  const std::uint32_t parts = 3;
  const ShardPartition partition(*partial, parts);
  std::size_t entities = 0, relations = 0;
  std::multiset<std::string> sources;
  for (std::uint32_t p = 0; p < parts; ++p) {
    const GraphView view = partition.view(p);
    for (const std::uint32_t e : view.entities()) {
      EXPECT_EQ(shard_part_of(g.str(g.entities()[e].id), parts), p);
      EXPECT_NE(g.str(g.entities()[e].id), "elsewhere");
      ++entities;
    }
    for (const std::uint32_t r : view.relations()) {
      EXPECT_EQ(shard_part_of(g.str(g.entities()[g.relations()[r].from].id), parts), p);
      ++relations;
    }
    for (const std::uint32_t s : view.sources()) {
      const std::string id(g.str(g.sources()[s].id));
      sources.insert(id);
      // s0: by e0; s1: by the relation e5 -> e6; s2: by nothing here, so by its own id.
      const std::string owner = id == "s0" ? "e0" : id == "s1" ? "e5" : "s2";
      EXPECT_EQ(p, shard_part_of(owner, parts)) << id;
    }
  }
  EXPECT_EQ(entities, 20u);
  EXPECT_EQ(relations, 20u);
  EXPECT_EQ(sources, (std::multiset<std::string>{"s0", "s1", "s2"}));
}

TEST(ShardPartition, SourcesGoToEveryPartThatCitesThem) {
  std::string json = R"({"sources": [{"id": "s"}], "actors": [)";
  for (int i = 0; i < 40; ++i)
    json += std::string(i ? "," : "") + R"({"id": "a)" + std::to_string(i) +
            R"(", "name": "A", "sources": ["s"]})";
  json += "]}";
  Diagnostics diags;
  const auto partial = partial_from_json(json, diags);
  ASSERT_TRUE(partial);
  const ShardPartition partition(*partial, 4);
  for (std::uint32_t p = 0; p < 4; ++p) {
    const GraphView view = partition.view(p);
    EXPECT_EQ(view.sources().size(), view.entities().empty() ? 0u : 1u) << p;
  }
}

TEST(ShardPartition, PartsReadTogetherAreTheWholeGraph) {
  const std::string json = twenty_actors();
  Diagnostics diags;
  // Without the dangling relation, so that the whole graph builds.
  std::string complete = json;
  complete.replace(
      complete.find(R"(, {"from": "e3")"),
      std::string(R"(, {"from": "e3", "type": "member_of", "to": "elsewhere"})").size(), "");
  const auto partial = partial_from_json(complete, diags);
  ASSERT_TRUE(partial);
  const ShardPartition partition(*partial, 5);
  std::vector<test::InputText> parts;
  for (std::uint32_t p = 0; p < 5; ++p)
    parts.emplace_back("part" + std::to_string(p) + ".jsonl",
                       test::export_to_string(partition.view(p), "jsonl"));
  const test::BuildResult merged = test::build_from(parts);
  ASSERT_TRUE(merged.graph);
  const KnowledgeGraph whole = test::graph_from_json(complete);
  EXPECT_EQ(test::export_to_string(GraphView(*merged.graph), "json"),
            test::export_to_string(GraphView(whole), "json"));
}

}  // namespace
}  // namespace kgraph
