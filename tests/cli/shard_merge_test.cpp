// `kgraph shard` and `kgraph merge` end to end: shard + merge writes the bytes a single
// `kgraph build` of the same inputs writes, for any part count, any grouping of the inputs
// into shard folders and any order; and merge finds the errors build finds.

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <random>
#include <regex>
#include <sstream>

#include "graph/shard_partition.hpp"
#include "support/test_support.hpp"

namespace kgraph::test {
namespace {
namespace fs = std::filesystem;

/// Outputs compared: single files and both database folders.
const std::vector<std::string> kOutputs = {
    "g.graphml", "g.jsonl", "g.json", "g.gexf", "g.ttl", "g.dot", "neo4j:neo4j-db", "kuzu:kuzu-db"};

std::vector<std::string> output_args(const fs::path& dir) {
  std::vector<std::string> args;
  for (const std::string& o : kOutputs) {
    const std::size_t colon = o.find(':');
    args.push_back("-o");
    args.push_back(colon == std::string::npos
                       ? (dir / o).string()
                       : o.substr(0, colon + 1) + (dir / o.substr(colon + 1)).string());
  }
  return args;
}

/// Every file below `dir`, relative, sorted.
std::vector<std::string> tree(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    out.push_back(fs::relative(e.path(), dir).string());
  std::sort(out.begin(), out.end());
  return out;
}

/// The same files below both folders, byte for byte.
void expect_same_tree(const fs::path& expected, const fs::path& actual) {
  const std::vector<std::string> names = tree(expected);
  ASSERT_EQ(names, tree(actual));
  for (const std::string& name : names) {
    if (fs::is_directory(expected / name)) continue;
    EXPECT_TRUE(read_file(expected / name) == read_file(actual / name)) << name << " differs";
  }
}

RunResult kgraph(std::vector<std::string> args, const std::vector<std::string>& more = {}) {
  args.insert(args.end(), more.begin(), more.end());
  return run_kgraph(args);
}

/// `kgraph build INPUTS -o ...` into a new folder, which it returns.
fs::path build(const std::vector<std::string>& inputs,
               const std::vector<std::string>& options = {}) {
  const fs::path out = make_temp_dir();
  std::vector<std::string> args = {"build"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  args.insert(args.end(), options.begin(), options.end());
  const RunResult r = kgraph(args, output_args(out));
  EXPECT_EQ(r.status, 0) << r.err;
  return out;
}

/// `kgraph shard INPUTS --parts P -o DIR`; returns DIR.
fs::path shard(const std::vector<std::string>& inputs, int parts,
               const std::vector<std::string>& options = {}) {
  const fs::path dir = make_temp_dir() / "shard";
  std::vector<std::string> args = {"shard"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  args.insert(args.end(), options.begin(), options.end());
  const RunResult r = kgraph(args, {"--parts", std::to_string(parts), "-o", dir.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return dir;
}

/// `kgraph merge DIRS -o ...` into a new folder, which it returns.
fs::path merge(const std::vector<fs::path>& dirs, const std::vector<std::string>& options = {}) {
  const fs::path out = make_temp_dir();
  std::vector<std::string> args = {"merge"};
  for (const fs::path& d : dirs) args.push_back(d.string());
  args.insert(args.end(), options.begin(), options.end());
  const RunResult r = kgraph(args, output_args(out));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return out;
}

std::string example(const std::string& relative) {
  return source_path("examples/north-korean-refugees-2006/" + relative).string();
}

/// The errors of a run's messages, sorted, without their places: a merge reports at a line of
/// a part file what build reports at a line of an input, and messages may name the place of an
/// earlier record too.
std::vector<std::string> error_messages(const std::string& err) {
  std::vector<std::string> out;
  std::istringstream lines(err);
  static const std::regex kPlace(" at [^ ]+:[0-9]+(;|$)");
  for (std::string line; std::getline(lines, line);)
    if (const std::size_t at = line.find(": error: "); at != std::string::npos)
      out.push_back(std::regex_replace(line.substr(at), kPlace, " at PLACE$1"));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ShardMerge, ExampleForEveryPartCount) {
  // The example's document, its CSV tables and its article, read together as build reads them.
  const std::vector<std::string> inputs = {example("graph.json"), example("csv"),
                                           example("article/mfa-north-koreans-2006-10-03.txt")};
  const fs::path expected = build(inputs);
  for (const int parts : {1, 3, 16}) {
    SCOPED_TRACE("--parts " + std::to_string(parts));
    expect_same_tree(expected, merge({shard(inputs, parts)}));
  }
  // The inputs in another order, and sharded one folder per input file.
  std::vector<std::string> reversed(inputs.rbegin(), inputs.rend());
  expect_same_tree(expected, merge({shard(reversed, 3)}));
}

TEST(ShardMerge, ExampleShardedFilePerFolder) {
  // One shard per input file, merged in another order: ids declared in one file and named in
  // another, sources cited across files.
  std::vector<std::string> inputs = {example("graph.json")};
  for (const std::string name : {"actors", "events", "laws", "places", "relations", "sources"})
    inputs.push_back(example("csv/" + name + ".csv"));
  const fs::path expected = build(inputs);
  std::vector<fs::path> folders;
  int parts = 1;
  for (const std::string& input : inputs) folders.push_back(shard({input}, parts++ % 4 + 1));
  std::reverse(folders.begin(), folders.end());
  expect_same_tree(expected, merge(folders));
}

TEST(ShardMerge, ArticleShardedApartWithTheOthersAsGazetteer) {
  // An article looks for the entities read with it; sharded alone, it is given them with
  // --gazetteer, and the merge is the build of both.
  const std::string graph = example("graph.json");
  const std::string article = example("article/mfa-north-koreans-2006-10-03.txt");
  const fs::path expected = build({graph, article});
  expect_same_tree(expected,
                   merge({shard({graph}, 3), shard({article}, 3, {"--gazetteer", graph})}));
}

/// bench/generate_synthetic's awkward data (merged ids, repeated relations, hostile text),
/// its lines dealt at random into `files` files.
std::vector<std::string> synthetic_inputs(int files) {
  const fs::path dir = make_temp_dir();
  const RunResult g =
      run_shell(shell_quote(KGRAPH_SYNTHETIC_GENERATOR) + " --entities 3000 --relations 12000 -o " +
                shell_quote((dir / "all.jsonl").string()));
  EXPECT_EQ(g.status, 0) << g.err;
  std::istringstream all(read_file(dir / "all.jsonl"));
  std::vector<std::string> texts(files);
  std::mt19937 rng(16);
  for (std::string line; std::getline(all, line);) texts[rng() % files] += line + '\n';
  std::vector<std::string> paths;
  for (int i = 0; i < files; ++i) {
    paths.push_back((dir / ("part" + std::to_string(i) + ".jsonl")).string());
    write_file(paths.back(), texts[i]);
  }
  return paths;
}

TEST(ShardMerge, SyntheticForEveryPartCountAndOrder) {
  std::vector<std::string> inputs = synthetic_inputs(5);
  const fs::path expected = build(inputs);
  std::mt19937 rng(3);
  for (const int parts : {1, 3, 16}) {
    SCOPED_TRACE("--parts " + std::to_string(parts));
    std::shuffle(inputs.begin(), inputs.end(), rng);
    expect_same_tree(expected, merge({shard(inputs, parts)}));
  }
  // A shard folder per input file, as a cluster makes them, merged in shuffled order.
  std::vector<fs::path> folders;
  for (const std::string& input : inputs) folders.push_back(shard({input}, 3));
  std::shuffle(folders.begin(), folders.end(), rng);
  expect_same_tree(expected, merge(folders));
}

TEST(ShardMerge, FolderLayout) {
  const fs::path dir = shard({example("graph.json")}, 3);
  EXPECT_EQ(file_names(dir),
            (std::vector<std::string>{".kgraph-output", "manifest.json", "part-00000.jsonl",
                                      "part-00001.jsonl", "part-00002.jsonl"}));
  rapidjson::Document manifest;
  manifest.Parse(read_file(dir / "manifest.json").c_str());
  ASSERT_TRUE(manifest.IsObject());
  EXPECT_EQ(manifest["parts"].GetInt(), 3);
  EXPECT_STREQ(manifest["hash"].GetString(), "fnv1a-64");
  // Every entity in the part its id hashes to, every relation with its `from`.
  std::size_t lines = 0;
  for (std::uint32_t p = 0; p < 3; ++p) {
    std::istringstream part(read_file(dir / ("part-0000" + std::to_string(p) + ".jsonl")));
    for (std::string line; std::getline(part, line); ++lines) {
      rapidjson::Document record;
      record.Parse(line.c_str());
      ASSERT_TRUE(record.IsObject()) << line;
      const std::string kind = record["record"].GetString();
      if (kind == "source") continue;
      const char* owner = kind == "relation" ? "from" : "id";
      EXPECT_EQ(shard_part_of(record[owner].GetString(), 3), p) << line;
    }
  }
  EXPECT_GT(lines, 50u);
}

TEST(ShardMerge, MergeFindsWhatNeedsEveryInput) {
  const fs::path in = make_temp_dir();
  write_file(in / "a.json", R"({"actors": [{"id": "x", "name": "X"}],
  "relations": [{"from": "x", "type": "located_in", "to": "nowhere"}]})");
  write_file(in / "b.json", R"({"places": [{"id": "x", "name": "X"}],
  "actors": [{"id": "y", "name": "Y", "sources": ["missing"]}]})");
  const fs::path out = make_temp_dir();
  const RunResult built = kgraph({"build", (in / "a.json").string(), (in / "b.json").string(), "-o",
                                  (out / "built.json").string()});
  EXPECT_EQ(built.status, 1);
  const RunResult merged =
      kgraph({"merge", shard({(in / "a.json").string()}, 2).string(),
              shard({(in / "b.json").string()}, 2).string(), "-o", (out / "merged.json").string()});
  EXPECT_EQ(merged.status, 1);
  EXPECT_EQ(file_names(out), std::vector<std::string>{});
  // The same problems, each at its place in a part file rather than in an input.
  EXPECT_EQ(error_messages(merged.err), error_messages(built.err));
  EXPECT_EQ(error_messages(built.err).size(), 3u) << built.err;
  EXPECT_NE(merged.err.find("part-0000"), std::string::npos) << merged.err;
}

TEST(ShardMerge, ShardReportsInputErrorsAsBuild) {
  const fs::path in = make_temp_dir();
  write_file(in / "bad.json", R"({"actors": [{"id": "x", "name": "X", "date": "2006-13-01"}]})");
  const fs::path out = make_temp_dir();
  const RunResult built =
      run_shell("cd " + shell_quote(in.string()) + " && " + shell_quote(KGRAPH_BINARY) +
                " build bad.json -o " + shell_quote((out / "g.json").string()));
  const RunResult sharded =
      run_shell("cd " + shell_quote(in.string()) + " && " + shell_quote(KGRAPH_BINARY) +
                " shard bad.json --parts 2 -o " + shell_quote((out / "shard").string()));
  EXPECT_EQ(built.status, 1);
  EXPECT_EQ(sharded.status, 1);
  EXPECT_EQ(sharded.err, built.err);
  EXPECT_EQ(sharded.err.rfind("bad.json:1:", 0), 0u) << sharded.err;
  EXPECT_EQ(file_names(out), std::vector<std::string>{});
}

TEST(ShardMerge, UsageAndFolderErrors) {
  const std::string input = example("graph.json");
  const fs::path out = make_temp_dir();
  const std::string dir = (out / "s").string();
  struct Case {
    std::vector<std::string> args;
    int status;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"shard", input, "-o", dir}, 2, "kgraph: error: no part count given"},
      {{"shard", input, "--parts", "0", "-o", dir},
       2,
       "kgraph: error: --parts takes a count from 1 to 100000, not 0"},
      {{"shard", input, "--parts", "2"}, 2, "kgraph: error: no shard folder given"},
      {{"merge", (out / "none").string(), "-o", (out / "g.json").string()},
       3,
       "kgraph: error: cannot read " + (out / "none").string() + ": no such directory"},
      {{"merge", out.string(), "-o", (out / "g.json").string()},
       3,
       "kgraph: error: cannot read " + out.string() + ": not a shard folder"},
      {{"merge", "-o", (out / "g.json").string()}, 2, "kgraph: error: no shard folders given"},
  };
  for (const Case& c : cases) {
    const RunResult r = run_kgraph(c.args);
    EXPECT_EQ(r.status, c.status) << c.args.front() << ": " << r.err;
    EXPECT_EQ(r.err.substr(0, c.message.size()), c.message) << r.err;
  }
  EXPECT_EQ(file_names(out), std::vector<std::string>{});
}

TEST(ShardMerge, BadManifestIsInvalidInput) {
  const fs::path dir = shard({example("graph.json")}, 2);
  write_file(dir / "manifest.json", R"({"kgraph": "shard", "version": 1, "hash": "fnv1a-64",
  "parts": 3, "files": ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]})");
  const fs::path out = make_temp_dir();
  RunResult r = run_kgraph({"merge", dir.string(), "-o", (out / "g.json").string()});
  // The manifest names a part the folder lacks: nothing can be read from it.
  EXPECT_EQ(r.status, 3) << r.err;
  write_file(dir / "manifest.json", R"({"kgraph": "shard", "parts": "two"})");
  r = run_kgraph({"merge", dir.string(), "-o", (out / "g.json").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(
      r.err.rfind((dir / "manifest.json").string() + ":1:1: error: the shard manifest has no", 0),
      0u)
      << r.err;
  EXPECT_EQ(file_names(out), std::vector<std::string>{});
}

}  // namespace
}  // namespace kgraph::test

namespace kgraph::test {
namespace {

// ---- merge one partition at a time: partitioned database folders -----------------------

/// `-o neo4j:DIR/neo4j-db -o kuzu:DIR/kuzu-db --parts P`: outputs a merge may write one
/// partition at a time.
std::string part_outputs(const fs::path& dir, int parts) {
  return " -o " + shell_quote("neo4j:" + (dir / "neo4j-db").string()) + " -o " +
         shell_quote("kuzu:" + (dir / "kuzu-db").string()) + " --parts " + std::to_string(parts);
}

/// What `kgraph VERB ARGS` printed and returned, run with KGRAPH_TIMINGS set.
RunResult timed(const std::string& verb_and_args) {
  return run_shell("KGRAPH_TIMINGS=1 " + shell_quote(KGRAPH_BINARY) + " " + verb_and_args);
}

/// The phases a timed run went through, in order (`read`, `tables`, ...).
std::vector<std::string> phases(const std::string& err) {
  std::vector<std::string> out;
  static const std::regex kPhase("^kgraph: phase ([a-z]+):");
  std::istringstream lines(err);
  std::smatch m;
  for (std::string line; std::getline(lines, line);)
    if (std::regex_search(line, m, kPhase)) out.push_back(m[1]);
  return out;
}

/// Builds `inputs` into partitioned folders and merges `folders` into them, and expects the
/// same bytes, the merge having held one partition at a time.
void expect_partitioned_merge(const std::vector<std::string>& inputs,
                              const std::vector<fs::path>& folders, int parts) {
  const fs::path built = make_temp_dir();
  std::string build_args = "build";
  for (const std::string& i : inputs) build_args += " " + shell_quote(i);
  const RunResult b = timed(build_args + part_outputs(built, parts));
  ASSERT_EQ(b.status, 0) << b.err;
  const fs::path merged = make_temp_dir();
  std::string merge_args = "merge";
  for (const fs::path& f : folders) merge_args += " " + shell_quote(f.string());
  const RunResult m = timed(merge_args + part_outputs(merged, parts));
  ASSERT_EQ(m.status, 0) << m.err;
  EXPECT_EQ(phases(b.err), (std::vector<std::string>{"read", "finish", "export"}));
  EXPECT_EQ(phases(m.err), (std::vector<std::string>{"tables", "plan", "write"})) << m.err;
  expect_same_tree(built, merged);
}

TEST(PartitionedMerge, ExampleOnePartitionAtATime) {
  const std::vector<std::string> inputs = {example("graph.json"), example("csv"),
                                           example("article/mfa-north-koreans-2006-10-03.txt")};
  for (const int parts : {3, 16}) {
    SCOPED_TRACE("--parts " + std::to_string(parts));
    expect_partitioned_merge(inputs, {shard(inputs, parts)}, parts);
  }
  // A folder per input file, named in another order: ids declared in one file, named in
  // another; sources cited in one and declared in another.
  std::vector<std::string> files = {example("graph.json")};
  for (const std::string name : {"actors", "events", "laws", "places", "relations", "sources"})
    files.push_back(example("csv/" + name + ".csv"));
  std::vector<fs::path> folders;
  for (const std::string& file : files) folders.push_back(shard({file}, 3));
  std::reverse(folders.begin(), folders.end());
  expect_partitioned_merge(files, folders, 3);
}

TEST(PartitionedMerge, SyntheticOnePartitionAtATime) {
  std::vector<std::string> inputs = synthetic_inputs(5);
  std::mt19937 rng(5);
  std::vector<fs::path> folders;
  for (const std::string& input : inputs) folders.push_back(shard({input}, 16));
  std::shuffle(folders.begin(), folders.end(), rng);
  expect_partitioned_merge(inputs, folders, 16);
}

TEST(PartitionedMerge, KindFromAnotherFolderAllowsTheRelation) {
  // q is a person only in b.json, and parent_of needs a person at both ends: the relation from
  // p, in whatever partition it lands, is checked against the kind b gives q.
  const fs::path in = make_temp_dir();
  write_file(in / "a.json", R"({"actors": [{"id": "p", "name": "P", "kind": "person"},
                                           {"id": "q", "name": "Q"}],
  "relations": [{"from": "p", "type": "parent_of", "to": "q"}]})");
  write_file(in / "b.json", R"({"actors": [{"id": "q", "name": "Q", "kind": "person"}]})");
  const std::vector<std::string> inputs = {(in / "a.json").string(), (in / "b.json").string()};
  for (const int parts : {2, 3, 4, 5, 6}) {
    SCOPED_TRACE("--parts " + std::to_string(parts));
    expect_partitioned_merge(inputs, {shard({inputs[0]}, parts), shard({inputs[1]}, parts)}, parts);
  }
}

TEST(PartitionedMerge, WholeGraphWhenPartsDifferOrSomethingNeedsIt) {
  const std::vector<std::string> inputs = {example("graph.json")};
  const fs::path folder = shard(inputs, 3);
  const fs::path out = make_temp_dir();
  const std::string merge = "merge " + shell_quote(folder.string());
  // Outputs in another part count, an output that is one document, a selection: the whole
  // graph is read, as build reads it; the bytes are build's all the same.
  for (const std::string& more :
       {part_outputs(out / "a", 2),
        part_outputs(out / "b", 3) + " -o " + shell_quote((out / "b" / "g.graphml").string()),
        part_outputs(out / "c", 3) + " --types actor"}) {
    SCOPED_TRACE(more);
    fs::create_directories(out / "a");
    fs::create_directories(out / "b");
    fs::create_directories(out / "c");
    const RunResult r = timed(merge + more);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(phases(r.err), (std::vector<std::string>{"read", "finish", "export"}));
  }
  const fs::path built = make_temp_dir();
  ASSERT_EQ(timed("build " + shell_quote(inputs[0]) + part_outputs(built, 2)).status, 0);
  expect_same_tree(built, out / "a");
}

TEST(PartitionedMerge, FindsWhatNeedsEveryPartition) {
  // Problems whose two ends are in different partitions, or in different shard folders:
  // an id of two types, a relation to an id nobody declares, an endpoint the schema refuses
  // (an actor located in an actor), a source nobody declares, and conflicting dates of one
  // source in two folders.
  const fs::path in = make_temp_dir();
  write_file(in / "a.json", R"({"actors": [{"id": "x", "name": "X"}, {"id": "z", "name": "Z"}],
  "sources": [{"id": "s", "date": "2001"}],
  "relations": [{"from": "x", "type": "located_in", "to": "nowhere"},
                {"from": "y", "type": "located_in", "to": "z", "sources": ["s"]}]})");
  write_file(in / "b.json", R"({"places": [{"id": "x", "name": "X"}],
  "sources": [{"id": "s", "date": "2002"}],
  "actors": [{"id": "y", "name": "Y", "sources": ["missing"]}]})");
  const std::string a = (in / "a.json").string(), b = (in / "b.json").string();
  const fs::path built_out = make_temp_dir(), merged_out = make_temp_dir();
  const RunResult built =
      timed("build " + shell_quote(a) + " " + shell_quote(b) + part_outputs(built_out, 4));
  EXPECT_EQ(built.status, 1);
  const RunResult merged = timed("merge " + shell_quote(shard({a}, 4).string()) + " " +
                                 shell_quote(shard({b}, 4).string()) + part_outputs(merged_out, 4));
  EXPECT_EQ(merged.status, 1);
  EXPECT_EQ(file_names(built_out), std::vector<std::string>{});
  EXPECT_EQ(file_names(merged_out), std::vector<std::string>{});
  EXPECT_NE(phases(merged.err), (std::vector<std::string>{"read", "finish", "export"}));
  EXPECT_EQ(error_messages(merged.err), error_messages(built.err)) << merged.err;
  EXPECT_EQ(error_messages(built.err).size(), 5u) << built.err;
}

}  // namespace
}  // namespace kgraph::test
