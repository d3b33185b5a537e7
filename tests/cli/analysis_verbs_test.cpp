// `stats`, `path`, and the selection options of `build`, through the real binary.

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

using test::read_file;
using test::run_kgraph;

std::string example() {
  return test::source_path("examples/north-korean-refugees-2006/graph.json").string();
}

TEST(StatsVerb, PrintsCountsAndCentralityAsTextAndJson) {
  auto r = run_kgraph({"stats", example()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("entities: 42\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("most central (betweenness):"), std::string::npos);
  auto j = run_kgraph({"stats", example(), "--json", "--top", "3"});
  ASSERT_EQ(j.status, 0) << j.err;
  EXPECT_EQ(j.out.rfind("{\"entities\":42,\"relations\":82,\"sources\":8,", 0), 0u) << j.out;
  const auto check =
      test::run_shell("printf '%s' " + test::shell_quote(j.out) +
                      " | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); "
                      "assert len(d[\"by_degree\"])==3 and d[\"types\"][\"actor\"]==17, d'");
  EXPECT_EQ(check.status, 0) << check.err;
}

TEST(StatsVerb, AppliesTheSelection) {
  auto r = run_kgraph({"stats", example(), "--types", "place", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\"entities\":6,", 0), 0u) << r.out;
}

TEST(PathVerb, PrintsTheChainAndDrawsIt) {
  const auto dir = test::make_temp_dir();
  const auto out = dir / "chain.json";
  auto r =
      run_kgraph({"path", example(), "--from", "qin-gang", "--to", "unhcr", "-o", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("Qin Gang [qin-gang]\n  --spokesperson of-->  ", 0), 0u) << r.out;
  const std::string json = read_file(out);
  EXPECT_NE(json.find("\"id\":\"qin-gang\""), std::string::npos);
  EXPECT_NE(json.find("\"id\":\"unhcr\""), std::string::npos);
  EXPECT_EQ(json.find("\"id\":\"shenyang\""), std::string::npos);
}

TEST(PathVerb, ReportsUnknownIdsAndMissingChains) {
  auto r = run_kgraph({"path", example(), "--from", "qin-gnag", "--to", "unhcr"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(
      r.err.find("no entity has the id 'qin-gnag' given to --from; did you mean \"qin-gang\"?"),
      std::string::npos)
      << r.err;
  EXPECT_EQ(run_kgraph({"path", example(), "--from", "qin-gang"}).status, 2);
  const auto dir = test::make_temp_dir();
  test::write_file(dir / "two.json",
                   R"({"actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]})");
  auto none = run_kgraph({"path", (dir / "two.json").string(), "--from", "a", "--to", "b"});
  EXPECT_EQ(none.status, 1);
  EXPECT_NE(none.out.find("no chain of relations joins"), std::string::npos);
}

TEST(BuildSelection, FocusDepthAndFiltersReachEveryOutput) {
  const auto dir = test::make_temp_dir();
  const auto json = dir / "focus.json", graphml = dir / "focus.graphml";
  auto r = run_kgraph({"build", example(), "--focus", "qin-gang", "--depth", "1", "-o",
                       json.string(), "-o", graphml.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string j = read_file(json), g = read_file(graphml);
  for (const std::string id : {"qin-gang", "mfa", "press-conference-2006-09-19"}) {
    EXPECT_NE(j.find("\"id\":\"" + id + "\""), std::string::npos) << id;
    EXPECT_NE(g.find("<node id=\"" + id + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(j.find("\"id\":\"unhcr\""), std::string::npos);
  EXPECT_EQ(g.find("<node id=\"unhcr\""), std::string::npos);

  const auto dated = dir / "dated.json";
  r = run_kgraph({"build", example(), "--since", "2006-09", "--until", "2006-09", "--dated-only",
                  "--types", "event", "-o", dated.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string d = read_file(dated);
  EXPECT_NE(d.find("\"id\":\"press-conference-2006-09-19\""), std::string::npos) << d;
  EXPECT_EQ(d.find("\"actors\""), std::string::npos);
}

TEST(BuildSelection, BadSelectionsAreUsageErrors) {
  const auto dir = test::make_temp_dir();
  const auto out = (dir / "x.json").string();
  struct Case {
    std::vector<std::string> args;
    const char* message;
  };
  const Case cases[] = {
      {{"--depth", "2"}, "--depth goes with --focus"},
      {{"--types", "actr"},
       "unknown type 'actr' in --types (types: actor, law, event, place); did you mean \"actor\"?"},
      {{"--since", "19 Sept"}, "invalid date \"19 Sept\" for --since; expected YYYY"},
      {{"--focus", "nobody"}, "no entity has the id \"nobody\" given to --focus"},
      {{"--relations", "part-of"},
       "unknown relation type \"part-of\" in --relations; did you mean \"part_of\"?"},
      {{"--engine", "dto"}, "unknown engine 'dto'"},
      {{"--cluster", "kind"}, "unknown --cluster 'kind'"},
      {{"--base-iri", "not an iri"}, "unusable --base-iri 'not an iri'"},
      {{"--parts", "0"}, "--parts takes a number of part files from 1 to 4096, not 0"},
      {{"--parts", "4097"}, "--parts takes a number of part files from 1 to 4096, not 4097"},
      {{"--parts", "two"}, "option '--parts' needs a whole number, not 'two'"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"build", example(), "-o", out};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto r = run_kgraph(args);
    EXPECT_EQ(r.status, 2) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
  }
}

TEST(BuildOptions, BaseIriReachesTheRdfExport) {
  const auto dir = test::make_temp_dir();
  const auto nt = dir / "g.nt";
  auto r =
      run_kgraph({"build", example(), "--base-iri", "https://example.org/kg/", "-o", nt.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(read_file(nt).find("<https://example.org/kg/qin-gang> "), std::string::npos);
}

TEST(BuildOptions, PartsReachTheDatabaseExports) {
  const auto dir = test::make_temp_dir();
  auto r = run_kgraph({"build", example(), "--parts", "3", "-o", "neo4j:" + (dir / "n").string(),
                       "-o", "kuzu:" + (dir / "k").string(), "-o", (dir / "g.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "n/actors-header.csv"));
  EXPECT_FALSE(std::filesystem::exists(dir / "n/actors.csv"));
  EXPECT_NE(read_file(dir / "k/load.cypher").find("'actors-part*.csv'"), std::string::npos);
  // Other outputs are what they are without --parts.
  auto plain = run_kgraph({"build", example(), "-o", (dir / "plain.json").string()});
  ASSERT_EQ(plain.status, 0) << plain.err;
  EXPECT_EQ(read_file(dir / "g.json"), read_file(dir / "plain.json"));
}

}  // namespace
}  // namespace kgraph
