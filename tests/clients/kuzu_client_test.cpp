// `kgraph build INPUT -o kuzu:DIR` (and with `--parts N`) loaded into a real Kuzu (npm
// kuzu@0.11.3) and a real LadybugDB (npm @ladybugdb/core@0.19.1, Kuzu's successor) with the
// folder's own load.mjs, then checked by tests/clients/kuzu_check.mjs against kgraph's canonical
// JSON of the same graph: rows per table, every value byte for byte, every 2-hop path, named
// patterns of the example. LadybugDB reads JSON only through an extension it downloads, so these
// loads also show that the folder loads from CSV alone. The npm packages are installed (once per
// machine) by tests/clients/setup-node-clients.sh.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

namespace fs = std::filesystem;

constexpr const char* kKuzu = "kuzu";
constexpr const char* kLadybug = "@ladybugdb/core";

/// Builds `input` to a Kuzu folder in `parts` parts and to canonical JSON, loads the folder into
/// the database of npm package `module` and checks it; returns the check's output. `merged`:
/// the folder is written by shard and merge instead.
std::string build_load_and_check(const fs::path& input, bool example = false,
                                 const std::string& module = kKuzu, int parts = 1,
                                 bool merged = false) {
  const fs::path clients = test::installed_node_clients();
  const fs::path tmp = test::make_temp_dir();
  const fs::path out = tmp / "kuzu", json = tmp / "graph.json", db = tmp / "db";
  const std::string part_count = std::to_string(parts);
  if (merged) {
    // Sharded, then merged one partition at a time (docs/scale.md) into the folder; the JSON
    // the checks compare with comes from build.
    const fs::path shard = tmp / "shard";
    const auto sharded =
        test::run_kgraph({"shard", input.string(), "--parts", part_count, "-o", shard.string()});
    EXPECT_EQ(sharded.status, 0) << sharded.err;
    const auto merged_run = test::run_kgraph(
        {"merge", shard.string(), "-o", "kuzu:" + out.string(), "--parts", part_count});
    EXPECT_EQ(merged_run.status, 0) << merged_run.err;
    if (sharded.status != 0 || merged_run.status != 0) return {};
  }
  const auto built = merged
                         ? test::run_kgraph({"build", input.string(), "-o", json.string()})
                         : test::run_kgraph({"build", input.string(), "-o", "kuzu:" + out.string(),
                                             "-o", json.string(), "--parts", part_count});
  EXPECT_EQ(built.status, 0) << built.err;
  if (built.status != 0) return {};
  for (const std::string& name : test::file_names(out))
    EXPECT_FALSE(name.ends_with(".json")) << name << ": the folder must load from CSV alone";
  if (parts > 1) {
    EXPECT_FALSE(fs::exists(out / "actors.csv"));
    EXPECT_NE(test::read_file(out / "load.cypher").find("-part*.csv'"), std::string::npos);
  }
  const std::string command =
      "KGRAPH_DB_MODULE=" + test::shell_quote(module) +
      " NODE_PATH=" + test::shell_quote((clients / "node_modules").string()) + " node " +
      test::shell_quote(test::source_path("tests/clients/kuzu_check.mjs").string()) + " " +
      test::shell_quote(out.string()) + " " + test::shell_quote(json.string()) + " " +
      test::shell_quote(db.string()) + (example ? " --example" : "");
  const auto checked = test::run_shell(command);
  EXPECT_EQ(checked.status, 0) << checked.out << checked.err;
  EXPECT_NE(checked.out.find(", 0 failed"), std::string::npos) << checked.out;
  return checked.out;
}

TEST(KuzuClient, ExampleLoadsWithCountsValuesAndPaths) {
  const std::string out = build_load_and_check(
      test::source_path("examples/north-korean-refugees-2006/graph.json"), true);
  std::cout << out;
}

TEST(KuzuClient, HostileTextIsByteExact) {
  std::cout << build_load_and_check(test::test_data("hostile/hostile.json"));
}

TEST(KuzuClient, EdgeCasesAreByteExact) {
  std::cout << build_load_and_check(test::test_data("databases/edge_cases.json"));
}

TEST(LadybugClient, ExampleLoadsWithCountsValuesAndPaths) {
  std::cout << build_load_and_check(
      test::source_path("examples/north-korean-refugees-2006/graph.json"), true, kLadybug);
}

TEST(LadybugClient, HostileTextIsByteExact) {
  std::cout << build_load_and_check(test::test_data("hostile/hostile.json"), false, kLadybug);
}

TEST(LadybugClient, EdgeCasesAreByteExact) {
  std::cout << build_load_and_check(test::test_data("databases/edge_cases.json"), false, kLadybug);
}

// --parts: every table in part files, loaded by globs; the same checks.
TEST(KuzuClient, PartitionedFoldersLoad) {
  std::cout << build_load_and_check(
      test::source_path("examples/north-korean-refugees-2006/graph.json"), true, kKuzu, 16);
  std::cout << build_load_and_check(test::test_data("hostile/hostile.json"), false, kKuzu, 3);
  std::cout << build_load_and_check(test::test_data("databases/edge_cases.json"), false, kKuzu, 3);
}

TEST(LadybugClient, PartitionedFoldersLoad) {
  std::cout << build_load_and_check(
      test::source_path("examples/north-korean-refugees-2006/graph.json"), true, kLadybug, 16);
  std::cout << build_load_and_check(test::test_data("hostile/hostile.json"), false, kLadybug, 3);
  std::cout << build_load_and_check(test::test_data("databases/edge_cases.json"), false, kLadybug,
                                    3);
}

TEST(LadybugClient, FoldersMergedOnePartitionAtATimeLoad) {
  std::cout << build_load_and_check(
      test::source_path("examples/north-korean-refugees-2006/graph.json"), true, kLadybug, 3, true);
  std::cout << build_load_and_check(test::test_data("hostile/hostile.json"), false, kLadybug, 3,
                                    true);
}

/// A graph of `count` actors whose rows all go to the escaped file: aliases with commas, edge
/// spaces and line breaks, an empty string property, ids with `|` and `~`; each relates to the
/// next.
std::string many_escaped_rows(int count) {
  std::string json = R"({"actors": [)";
  for (int i = 0; i < count; ++i) {
    const std::string n = std::to_string(i);
    json += std::string(i ? "," : "") + R"({"id": "a|)" + n + R"(~", "name": "Actor\n)" + n +
            R"(", "aliases": [" lead )" + n + R"(", "x, y", "~1|", ""], "note": ""})";
  }
  json += R"(], "relations": [)";
  for (int i = 0; i + 1 < count; ++i)
    json += std::string(i ? "," : "") + R"({"from": "a|)" + std::to_string(i) +
            R"(~", "type": "related_to", "to": "a|)" + std::to_string(i + 1) +
            R"(~", "role": "", "quote": "q\r\n"})";
  return json + "]}";
}

TEST(KuzuClient, ManyEscapedRowsLoadExactly) {
  // Kuzu 0.11.3 corrupts memory running list_transform over more than 2048 rows read by its
  // serial reader: the escaped files hold no line break, so they are read in parallel.
  const fs::path input = test::make_temp_dir() / "many.json";
  test::write_file(input, many_escaped_rows(5000));
  for (const char* module : {kKuzu, kLadybug})
    std::cout << build_load_and_check(input, false, module);
}

TEST(LadybugClient, LoadScriptFindsTheLadybugPackage) {
  // With only @ladybugdb/core where Node looks, load.mjs finds it by itself.
  const fs::path clients = test::installed_node_clients();
  const fs::path tmp = test::make_temp_dir();
  const auto built = test::run_kgraph(
      {"build", test::source_path("examples/north-korean-refugees-2006/graph.json").string(), "-o",
       "kuzu:" + (tmp / "kuzu").string(), "--parts", "2"});
  ASSERT_EQ(built.status, 0) << built.err;
  fs::create_directories(tmp / "only/node_modules/@ladybugdb");
  fs::create_directory_symlink(clients / "node_modules/@ladybugdb/core",
                               tmp / "only/node_modules/@ladybugdb/core");
  const auto r = test::run_shell(
      "cd / && NODE_PATH=" + test::shell_quote((tmp / "only/node_modules").string()) + " node " +
      test::shell_quote((tmp / "kuzu/load.mjs").string()) + " " +
      test::shell_quote((tmp / "db").string()));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Actor: 17\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("PARTICIPATED_IN: 16\n"), std::string::npos) << r.out;
}

TEST(KuzuClient, LoadScriptReportsTableCounts) {
  const fs::path clients = test::installed_node_clients();
  const fs::path tmp = test::make_temp_dir();
  const auto built = test::run_kgraph(
      {"build", test::source_path("examples/north-korean-refugees-2006/graph.json").string(), "-o",
       "kuzu:" + (tmp / "kuzu").string()});
  ASSERT_EQ(built.status, 0) << built.err;
  // Run from elsewhere: load.mjs finds its CSV files beside itself.
  const auto r = test::run_shell(
      "cd / && NODE_PATH=" + test::shell_quote((clients / "node_modules").string()) + " node " +
      test::shell_quote((tmp / "kuzu/load.mjs").string()) + " " +
      test::shell_quote((tmp / "db").string()));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Actor: 17\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("PARTICIPATED_IN: 16\n"), std::string::npos) << r.out;
  // Loading into a database that already has the tables fails loudly, naming the statement.
  const auto again =
      test::run_shell("NODE_PATH=" + test::shell_quote((clients / "node_modules").string()) +
                      " node " + test::shell_quote((tmp / "kuzu/load.mjs").string()) + " " +
                      test::shell_quote((tmp / "db").string()));
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.err.find("load.mjs: schema.cypher, statement 1:"), std::string::npos)
      << again.err;
}

}  // namespace
}  // namespace kgraph
