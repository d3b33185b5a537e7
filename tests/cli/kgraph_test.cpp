// End to end: the real `kgraph` binary with the real importers and exporters. Exit status,
// standard error and the files left behind are what is checked.

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <regex>

#include "support/test_support.hpp"

namespace kgraph::test {
namespace {
namespace fs = std::filesystem;

std::string data(const std::string& name) { return test_data("cli/" + name).string(); }

/// Runs kgraph in `dir`, so that file names in messages are relative.
RunResult run_in(const fs::path& dir, const std::string& args) {
  return run_shell("cd " + shell_quote(dir.string()) + " && " + shell_quote(KGRAPH_BINARY) + " " +
                   args + " </dev/null");
}

int count_lines(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

TEST(Kgraph, BuildOneOutput) {
  const fs::path out = make_temp_dir();
  const RunResult r = run_kgraph({"build", data("valid.json"), "-o", (out / "g.graphml").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "");
  EXPECT_NE(read_file(out / "g.graphml").find("<graphml"), std::string::npos);
  EXPECT_EQ(test::file_names(out), std::vector<std::string>{"g.graphml"});
}

TEST(Kgraph, BuildSeveralOutputsFromOneImport) {
  const fs::path out = make_temp_dir();
  const RunResult r =
      run_kgraph({"build", data("valid.json"), "-o", (out / "g.graphml").string(), "-o",
                  (out / "g.json").string(), "-o", "graphml:" + (out / "g.xml").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(test::file_names(out), (std::vector<std::string>{"g.graphml", "g.json", "g.xml"}));
  EXPECT_EQ(read_file(out / "g.graphml"), read_file(out / "g.xml"));
  rapidjson::Document doc;
  doc.Parse(read_file(out / "g.json").c_str());
  ASSERT_FALSE(doc.HasParseError());
  ASSERT_TRUE(doc.IsObject());
  EXPECT_TRUE(doc.HasMember("actors"));
}

TEST(Kgraph, StandardOutput) {
  const fs::path out = make_temp_dir();
  const RunResult r =
      run_kgraph({"build", data("valid.json"), "-o", "json:-", "-o", (out / "g.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, read_file(out / "g.json"));
}

TEST(Kgraph, DirectoryFormat) {
  const fs::path out = make_temp_dir();
  const std::string db = (out / "db").string();
  RunResult r = run_kgraph({"build", data("valid.json"), "-o", "neo4j:" + db});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::vector<std::string> first = test::file_names(db);
  EXPECT_NE(std::find(first.begin(), first.end(), ".kgraph-output"), first.end());
  EXPECT_NE(std::find(first.begin(), first.end(), "actors.csv"), first.end());
  // Rebuilding replaces the directory as a whole; nothing else appears beside it.
  write_file(out / "db" / "stale.csv", "stale");
  r = run_kgraph({"build", data("valid.json"), "-o", "neo4j:" + db});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(test::file_names(db), first);
  EXPECT_EQ(test::file_names(out), std::vector<std::string>{"db"});
  // A failed run leaves the previous directory as it was.
  write_file(out / "db" / "stale.csv", "stale");
  r = run_kgraph({"build", data("invalid.json"), "-o", "neo4j:" + db});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(read_file(out / "db" / "stale.csv"), "stale");
  EXPECT_EQ(test::file_names(out), std::vector<std::string>{"db"});
}

TEST(Kgraph, ForeignDirectoryIsNotReplaced) {
  const fs::path out = make_temp_dir();
  write_file(out / "notes" / "thesis.tex", "years of work");
  const RunResult r =
      run_kgraph({"build", data("valid.json"), "-o", "neo4j:" + (out / "notes").string()});
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("was not written by kgraph"), std::string::npos) << r.err;
  EXPECT_EQ(test::file_names(out / "notes"), std::vector<std::string>{"thesis.tex"});
  EXPECT_EQ(test::file_names(out), std::vector<std::string>{"notes"});
}

TEST(Kgraph, JsonRoundTripIsStable) {
  const fs::path out = make_temp_dir();
  ASSERT_EQ(run_kgraph({"build", data("valid.json"), "-o", (out / "y.json").string()}).status, 0);
  const RunResult r =
      run_kgraph({"build", (out / "y.json").string(), "-o", (out / "z.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read_file(out / "y.json"), read_file(out / "z.json"));
}

TEST(Kgraph, InvalidInputIsReportedWithPlaces) {
  const fs::path dir = make_temp_dir();
  fs::copy_file(data("invalid.json"), dir / "invalid.json");
  const RunResult r = run_in(dir, "validate invalid.json");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  const std::regex line(R"(invalid\.json:\d+:\d+: error: .+)");
  std::istringstream lines(r.err);
  std::string l;
  int errors = 0;
  while (std::getline(lines, l)) {
    EXPECT_TRUE(std::regex_match(l, line)) << l;
    ++errors;
  }
  EXPECT_GE(errors, 2) << r.err;
  EXPECT_NE(r.err.find("invalid.json:6:"), std::string::npos) << r.err;  // the date
  EXPECT_NE(r.err.find("2006-13-01"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("invalid.json:9:"), std::string::npos) << r.err;  // the relation type
  EXPECT_NE(r.err.find("\"held\""), std::string::npos) << r.err;
}

TEST(Kgraph, InvalidInputWritesNoOutput) {
  const fs::path out = make_temp_dir();
  const RunResult r = run_kgraph({"build", data("valid.json"), data("invalid.json"), "-o",
                                  (out / "g.graphml").string(), "-o", (out / "g.json").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(data("invalid.json") + ":6:"), std::string::npos) << r.err;
  EXPECT_TRUE(test::file_names(out).empty());
}

TEST(Kgraph, ExistingOutputUntouchedAfterFailure) {
  const fs::path out = make_temp_dir();
  write_file(out / "g.json", "previous content\n");
  struct stat before {};
  ASSERT_EQ(::stat((out / "g.json").c_str(), &before), 0);
  const RunResult r = run_kgraph({"build", data("invalid.json"), "-o", (out / "g.json").string()});
  EXPECT_EQ(r.status, 1);
  struct stat after {};
  ASSERT_EQ(::stat((out / "g.json").c_str(), &after), 0);
  EXPECT_EQ(read_file(out / "g.json"), "previous content\n");
  EXPECT_EQ(before.st_ino, after.st_ino);
  EXPECT_EQ(before.st_mtim.tv_sec, after.st_mtim.tv_sec);
  EXPECT_EQ(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
  EXPECT_EQ(test::file_names(out), std::vector<std::string>{"g.json"});
}

TEST(Kgraph, ExistingOutputReplacedAfterSuccess) {
  const fs::path out = make_temp_dir();
  write_file(out / "g.json", "previous content\n");
  const RunResult r = run_kgraph({"build", data("valid.json"), "-o", (out / "g.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(read_file(out / "g.json"), "previous content\n");
  EXPECT_EQ(test::file_names(out), std::vector<std::string>{"g.json"});
}

TEST(Kgraph, UnwritableOutput) {
  const fs::path out = make_temp_dir();
  const std::string missing = (out / "no-such-dir" / "g.json").string();
  const RunResult r =
      run_kgraph({"build", data("valid.json"), "-o", (out / "g.graphml").string(), "-o", missing});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, "kgraph: error: cannot write " + missing + ": No such file or directory\n");
  EXPECT_TRUE(test::file_names(out).empty());
}

TEST(Kgraph, ReadOnlyOutputDirectory) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may write anywhere";
  const fs::path out = make_temp_dir();
  fs::create_directory(out / "ro");
  fs::permissions(out / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  const std::string target = (out / "ro" / "g.json").string();
  const RunResult r = run_kgraph({"build", data("valid.json"), "-o", target});
  fs::permissions(out / "ro", fs::perms::owner_all);
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, "kgraph: error: cannot write " + target + ": Permission denied\n");
}

// The same failure for any user, root included: the output's folder is a file.
TEST(Kgraph, OutputFolderIsAFile) {
  const fs::path out = make_temp_dir();
  write_file(out / "plain", "not a folder");
  for (const std::string& target :
       {(out / "plain" / "g.json").string(), "neo4j:" + (out / "plain" / "db").string()}) {
    const RunResult r = run_kgraph({"build", data("valid.json"), "-o", target});
    EXPECT_EQ(r.status, 3) << target;
    EXPECT_EQ(r.err, "kgraph: error: cannot write " + target.substr(target.find('/')) +
                         ": Not a directory\n");
  }
  EXPECT_EQ(test::read_file(out / "plain"), "not a folder");
}

TEST(Kgraph, UnreadableInput) {
  const std::string missing = data("no-such-file.json");
  RunResult r = run_kgraph({"validate", missing});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, "kgraph: error: cannot read " + missing + ": No such file or directory\n");

  if (::geteuid() != 0) {
    const fs::path dir = make_temp_dir();
    write_file(dir / "secret.json", "{}");
    fs::permissions(dir / "secret.json", fs::perms::none);
    r = run_kgraph({"validate", (dir / "secret.json").string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.err, "kgraph: error: cannot read " + (dir / "secret.json").string() +
                         ": Permission denied\n");
  }
}

TEST(Kgraph, UnknownInputExtension) {
  const fs::path dir = make_temp_dir();
  write_file(dir / "notes.doc", "text");
  const RunResult r = run_in(dir, "validate notes.doc");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.err.starts_with(
      "kgraph: error: cannot tell the format of input 'notes.doc' from its extension "
      "(supported: "))
      << r.err;
  EXPECT_NE(r.err.find(".json, .jsonl"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("or give --input-format json|"), std::string::npos) << r.err;
  EXPECT_TRUE(r.err.ends_with("\nTry 'kgraph validate --help'.\n")) << r.err;
}

TEST(Kgraph, UnknownOutputFormat) {
  const fs::path out = make_temp_dir();
  RunResult r = run_in(out, "build " + shell_quote(data("valid.json")) + " -o g.grapml");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cannot tell the format of output 'g.grapml'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean \".graphml\"?"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("graphml, "), std::string::npos) << r.err;  // the list of formats

  r = run_in(out, "build " + shell_quote(data("valid.json")) + " -o grafml:g.xml");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown output format 'grafml'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean \"graphml\"?"), std::string::npos) << r.err;
  EXPECT_TRUE(r.err.ends_with("Try 'kgraph build --help'.\n")) << r.err;
  EXPECT_TRUE(test::file_names(out).empty());
}

TEST(Kgraph, DirectoryInput) {
  const fs::path out = make_temp_dir();
  const RunResult r = run_kgraph({"build", data("dir"), "-o", (out / "g.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string json = read_file(out / "g.json");
  for (const char* id : {"\"a\"", "\"b\"", "\"c\""})
    EXPECT_NE(json.find(id), std::string::npos) << id;
}

TEST(Kgraph, DirectoryInputInSortedOrder) {
  // The error for a conflict points at the later record, so it shows which file was read
  // second: b.json after a.json, whatever order the directory lists them in.
  const fs::path dir = make_temp_dir();
  write_file(dir / "in" / "b.json", R"({"places": [{"id": "x", "name": "X", "kind": "city"}]})");
  write_file(dir / "in" / "a.json", R"({"actors": [{"id": "x", "name": "X", "kind": "person"}]})");
  const RunResult r = run_in(dir, "validate in");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(r.err.starts_with("in/b.json:1:")) << r.err;
  EXPECT_NE(r.err.find("in/a.json"), std::string::npos) << r.err;
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
}

TEST(Kgraph, StandardInput) {
  const fs::path out = make_temp_dir();
  const std::string json = read_file(data("valid.json"));
  RunResult r =
      run_kgraph({"build", "-", "--input-format", "json", "-o", (out / "g.json").string()}, json);
  ASSERT_EQ(r.status, 0) << r.err;
  const RunResult from_file =
      run_kgraph({"build", data("valid.json"), "-o", (out / "f.json").string()});
  ASSERT_EQ(from_file.status, 0) << from_file.err;
  EXPECT_EQ(read_file(out / "g.json"), read_file(out / "f.json"));

  r = run_kgraph({"validate", "-"}, json);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(
      r.err.starts_with("kgraph: error: reading standard input needs --input-format (one of: json"))
      << r.err;

  r = run_kgraph({"validate", "-", "--input-format", "json"}, read_file(data("invalid.json")));
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(r.err.starts_with("<stdin>:6:")) << r.err;
}

TEST(Kgraph, HelpForEveryVerb) {
  for (const char* verb : {"build", "validate", "schema"}) {
    const RunResult r = run_kgraph({verb, "--help"});
    EXPECT_EQ(r.status, 0) << verb;
    EXPECT_EQ(r.err, "");
    EXPECT_TRUE(r.out.starts_with(std::string("Usage: kgraph ") + verb + " ")) << r.out;
  }
  const RunResult r = run_kgraph({"--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.out.starts_with("Usage: kgraph VERB")) << r.out;
}

TEST(Kgraph, Version) {
  const RunResult r = run_kgraph({"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(std::regex_match(r.out, std::regex("kgraph [0-9]+\\.[0-9]+\\.[0-9]+\n"))) << r.out;
}

TEST(Kgraph, UsageErrors) {
  RunResult r = run_kgraph(
      {"build", data("valid.json"), "--shema", data("extra_schema.json"), "-o", "x.json"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err,
            "kgraph: error: unknown option '--shema'; did you mean \"--schema\"?\nTry 'kgraph "
            "build --help'.\n");

  r = run_kgraph({"biuld", data("valid.json")});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("did you mean \"build\"?"), std::string::npos) << r.err;

  r = run_kgraph({"build", data("valid.json")});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.err.starts_with("kgraph: error: no output given")) << r.err;

  r = run_kgraph({"validate"});
  EXPECT_EQ(r.status, 2);
  r = run_kgraph({});
  EXPECT_EQ(r.status, 2);
}

TEST(Kgraph, SchemaPrintsJson) {
  RunResult r = run_kgraph({"schema"});
  ASSERT_EQ(r.status, 0) << r.err;
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << r.out;
  ASSERT_TRUE(doc.IsObject());
  EXPECT_FALSE(r.out.find("\"militia\"") != std::string::npos);

  r = run_kgraph({"schema", "--schema", data("extra_schema.json")});
  ASSERT_EQ(r.status, 0) << r.err;
  doc.Parse(r.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << r.out;
  EXPECT_NE(r.out.find("\"militia\""), std::string::npos);
  EXPECT_NE(r.out.find("\"smuggled\""), std::string::npos);
}

TEST(Kgraph, BadSchemaFile) {
  const fs::path dir = make_temp_dir();
  fs::copy_file(data("bad_schema.json"), dir / "bad_schema.json");
  RunResult r = run_in(dir, "schema --schema bad_schema.json");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(r.err.starts_with("bad_schema.json")) << r.err;
  EXPECT_NE(r.err.find(": error: "), std::string::npos) << r.err;

  r = run_in(dir,
             "build " + shell_quote(data("valid.json")) + " --schema bad_schema.json -o g.json");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"bad_schema.json"});
}

TEST(Kgraph, ExtraSchemaIsUsedForValidation) {
  RunResult r = run_kgraph({"validate", data("uses_extra_schema.json")});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("militia"), std::string::npos) << r.err;
  r = run_kgraph(
      {"validate", data("uses_extra_schema.json"), "--schema", data("extra_schema.json")});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "ok: 2 entities, 1 relation, 0 sources\n");
}

TEST(Kgraph, SchemaFileInsideInputDirectoryIsNotAnInput) {
  const fs::path dir = make_temp_dir();
  fs::copy_file(data("extra_schema.json"), dir / "schema.json");
  fs::copy_file(data("uses_extra_schema.json"), dir / "data.json");
  const RunResult r = run_in(dir, "validate . --schema schema.json");
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST(Kgraph, MaxErrors) {
  const RunResult r = run_kgraph({"validate", data("invalid.json"), "--max-errors", "1"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(count_lines(r.err), 2) << r.err;
  EXPECT_NE(r.err.find("more problem(s) not shown"), std::string::npos) << r.err;
}

TEST(Kgraph, ProgressOptionsDoNotChangeTheResult) {
  const fs::path out = make_temp_dir();
  for (const char* opt : {"--progress", "--no-progress", "--quiet"}) {
    const RunResult r =
        run_kgraph({"build", data("valid.json"), opt, "-o", (out / "g.json").string()});
    EXPECT_EQ(r.status, 0) << opt << r.err;
    EXPECT_EQ(r.err, "") << opt;  // a short run reports no progress
  }
}

// Crash safety. kgraph reads its input from a FIFO the shell holds open, so it waits with its
// temporaries made; the shell waits until they exist (no sleeping on a guess) and then kills.

/// A shell function `wait_for PATTERN`: waits until a name in the working directory matches
/// (grep -E), for at most 20 seconds.
const std::string kWaitFor =
    "wait_for() { i=0; until ls -A | grep -Eq \"$1\"; do i=$((i+1)); [ $i -gt 2000 ] && return 1; "
    "sleep 0.01; done; }; ";

/// Runs `script` in `dir` with kWaitFor defined, $KG the binary and `in` a FIFO.
RunResult run_with_fifo_input(const fs::path& dir, const std::string& script) {
  return run_shell("cd " + shell_quote(dir.string()) + " && KG=" + shell_quote(KGRAPH_BINARY) +
                   " && mkfifo in && " + kWaitFor + script);
}

TEST(Kgraph, InterruptedRunLeavesNoTemporary) {
  // SIGTERM while the file output's temporary exists: the handler removes it.
  const fs::path dir = make_temp_dir();
  const RunResult r =
      run_with_fifo_input(dir,
                          "{ $KG build - --input-format jsonl -o g.json <in & pid=$!; exec 3>in; "
                          "wait_for '^\\.g\\.json\\.kgraph-tmp-' && echo temporary; kill -TERM "
                          "$pid; wait $pid; echo status=$?; exec 3>&-; }");
  EXPECT_EQ(r.out, "temporary\nstatus=143\n") << r.err;
  EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"in"});
}

TEST(Kgraph, InterruptedRunLeavesNoTemporaryFolder) {
  // (Not SIGINT: a shell starts background jobs with SIGINT ignored, and kgraph keeps an
  // ignored signal ignored. temporary_cleanup_test covers SIGINT.)
  for (const char* sig : {"TERM", "HUP"}) {
    const fs::path dir = make_temp_dir();
    const RunResult r = run_with_fifo_input(
        dir,
        std::string(
            "{ $KG build - --input-format jsonl -o neo4j:db -o g.json <in & pid=$!; exec 3>in; "
            "wait_for '^\\.db\\.kgraph-tmp-' && echo temporary; kill -") +
            sig + " $pid; wait $pid; echo status=$?; exec 3>&-; }");
    EXPECT_EQ(r.out, std::string("temporary\nstatus=") +
                         (std::string(sig) == "TERM" ? "143" : "129") + "\n")
        << r.err;
    EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"in"}) << sig;
  }
}

TEST(Kgraph, KilledRunLeavesThePreviousOutputAndTheNextRunCleansUp) {
  const fs::path dir = make_temp_dir();
  write_file(dir / "g.json", "previous\n");
  const RunResult r =
      run_with_fifo_input(dir,
                          "{ $KG build - --input-format jsonl -o g.json <in & pid=$!; exec 3>in; "
                          "wait_for '^\\.g\\.json\\.kgraph-tmp-' && echo temporary; kill -KILL "
                          "$pid; wait $pid; echo status=$?; exec 3>&-; }");
  EXPECT_EQ(r.out, "temporary\nstatus=137\n") << r.err;
  // SIGKILL cannot be handled: the temporary stays, the previous output is intact.
  EXPECT_EQ(read_file(dir / "g.json"), "previous\n");
  std::vector<std::string> left = test::file_names(dir);
  ASSERT_EQ(left.size(), 3u);
  EXPECT_TRUE(std::regex_match(left[0], std::regex("\\.g\\.json\\.kgraph-tmp-[A-Za-z0-9]{6}")))
      << left[0];
  // The next run writing g.json removes it (it is older than the run and nobody holds it).
  const RunResult next = run_in(dir, "build " + shell_quote(data("valid.json")) + " -o g.json");
  ASSERT_EQ(next.status, 0) << next.err;
  EXPECT_EQ(test::file_names(dir), (std::vector<std::string>{"g.json", "in"}));
  EXPECT_NE(read_file(dir / "g.json"), "previous\n");
}

TEST(Kgraph, ALiveRunsTemporaryIsNotRemoved) {
  // Run A waits on its input with its temporary made; run B writes the same target meanwhile.
  const fs::path dir = make_temp_dir();
  const RunResult r = run_with_fifo_input(
      dir,
      "{ $KG build - --input-format jsonl -o g.json <in & pid=$!; exec 3>in; "
      "wait_for '^\\.g\\.json\\.kgraph-tmp-' || exit 1; "
      "$KG build " +
          shell_quote(data("valid.json")) +
          " -o g.json; echo b=$?; "
          "echo temporaries=$(ls -A | grep -c kgraph-tmp); exec 3>&-; wait $pid; echo a=$?; }");
  EXPECT_EQ(r.out, "b=0\ntemporaries=1\na=0\n") << r.err;
  EXPECT_EQ(test::file_names(dir), (std::vector<std::string>{"g.json", "in"}));
}

// Outputs that are the inputs.

TEST(Kgraph, OutputThatIsAnInputIsAUsageError) {
  const fs::path dir = make_temp_dir();
  fs::copy_file(data("valid.json"), dir / "in.json");
  const std::string facts = read_file(dir / "in.json");
  for (const std::string output : {"graphml:in.json", "json:in.json", "json:./sub/../in.json"}) {
    fs::create_directories(dir / "sub");
    const RunResult r = run_in(dir, "build in.json -o " + output);
    EXPECT_EQ(r.status, 2) << output;
    EXPECT_EQ(r.err, "kgraph: error: output '" + output.substr(output.find(':') + 1) +
                         "' is the same file as the input 'in.json'\nTry 'kgraph build --help'.\n");
  }
  // The output of an earlier run, inside the input directory, with a name the importers read.
  fs::create_directories(dir / "data");
  fs::copy_file(data("valid.json"), dir / "data" / "a.json");
  const RunResult r = run_in(dir, "build data -o data/all.json");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err,
            "kgraph: error: output 'data/all.json' is inside the input directory 'data', where it "
            "would be read "
            "as an input; write it elsewhere or under a name no importer reads\nTry 'kgraph build "
            "--help'.\n");
  // GraphML is read too (the graphml importer); GEXF is not.
  EXPECT_EQ(run_in(dir, "build data -o data/all.graphml").status, 2);
  EXPECT_EQ(run_in(dir, "build data -o data/all.gexf").status, 0);
  EXPECT_EQ(read_file(dir / "in.json"), facts);
}

// Outputs that are not regular files are written in place, never replaced. Only FIFOs the
// test makes and /dev/full are written to; /dev/null must still be a device afterwards.

bool is_character_device(const fs::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
}

TEST(Kgraph, StandardOutputByPath) {
  // Through links the test makes, never /dev/stdout itself: should this break again, only the
  // links could be renamed over, not the system's /dev/stdout (kgraph used to, as root).
  const fs::path dir = make_temp_dir();
  fs::create_symlink("/dev/stdout", dir / "out.json");
  fs::create_symlink("/proc/self/fd/1", dir / "fd1.json");
  for (const std::string target : {"out.json", "fd1.json", "/dev/fd/1"}) {
    // Through a pipe, as in `kgraph build ... -o json:/dev/stdout | less`.
    const RunResult r = run_shell(
        "cd " + shell_quote(dir.string()) + " && " + shell_quote(KGRAPH_BINARY) + " build " +
        shell_quote(data("valid.json")) + " -o json:" + target + " -o g.json | cat");
    ASSERT_EQ(r.status, 0) << target << r.err;  // cat's
    EXPECT_EQ(r.err, "") << target;
    ASSERT_TRUE(fs::exists(dir / "g.json")) << target;
    EXPECT_EQ(r.out, read_file(dir / "g.json")) << target;
    EXPECT_EQ(test::file_names(dir), (std::vector<std::string>{"fd1.json", "g.json", "out.json"}))
        << target;
  }
  EXPECT_TRUE(fs::is_symlink(dir / "out.json"));
  EXPECT_TRUE(fs::is_symlink(dir / "fd1.json"));
}

TEST(Kgraph, DescriptorByPath) {
  const fs::path dir = make_temp_dir();
  const RunResult r = run_shell(
      "cd " + shell_quote(dir.string()) + " && " + shell_quote(KGRAPH_BINARY) + " build " +
      shell_quote(data("valid.json")) + " -o json:/dev/fd/3 -o g.json 3>&1 >/dev/null | cat");
  ASSERT_EQ(r.status, 0) << r.err;  // cat's
  EXPECT_EQ(r.err, "");
  ASSERT_TRUE(fs::exists(dir / "g.json"));
  EXPECT_EQ(r.out, read_file(dir / "g.json"));
}

TEST(Kgraph, FifoOutput) {
  const fs::path dir = make_temp_dir();
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  fs::create_symlink("fifo", dir / "link.json");
  const RunResult r = run_shell(
      "cd " + shell_quote(dir.string()) + " && { " + shell_quote(KGRAPH_BINARY) + " build " +
      shell_quote(data("valid.json")) +
      " -o json:link.json -o g.json </dev/null & cat fifo >got; wait $!; echo status=$?; }");
  EXPECT_EQ(r.out, "status=0\n") << r.err;
  EXPECT_EQ(read_file(dir / "got"), read_file(dir / "g.json"));
  EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
  EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
  EXPECT_EQ(test::file_names(dir),
            (std::vector<std::string>{"fifo", "g.json", "got", "link.json"}));
}

TEST(Kgraph, FullDeviceIsAnIoError) {
  if (!is_character_device("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const fs::path dir = make_temp_dir();
  const RunResult r = run_in(
      dir, "build " + shell_quote(data("valid.json")) + " -o graphml:/dev/full -o g.graphml");
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, "kgraph: error: cannot write /dev/full: No space left on device\n");
  EXPECT_EQ(test::file_names(dir),
            std::vector<std::string>{"g.graphml"});  // written and renamed first
  EXPECT_TRUE(is_character_device("/dev/full"));
  EXPECT_TRUE(is_character_device("/dev/null"));
}

TEST(Kgraph, DirectoryFormatOnANodeIsAUsageError) {
  const fs::path dir = make_temp_dir();
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  const RunResult r = run_in(dir, "build " + shell_quote(data("valid.json")) + " -o neo4j:fifo");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err,
            "kgraph: error: format 'neo4j' writes a directory, but 'fifo' is a FIFO\nTry 'kgraph "
            "build --help'.\n");
  EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
  EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"fifo"});
}

// Issue #9: "N more problem(s) not shown" counted diagnostics before they were de-duplicated,
// so one bad constant on a three-row table announced two problems that do not exist.
TEST(Kgraph, OneProblemRepeatedOnEveryRowIsShownOnce) {
  const fs::path dir = make_temp_dir();
  write_file(dir / "people.csv", "name\nAda\nBob\nCy\n");
  write_file(dir / "mapping.json",
             "{\"entities\": {\"p\": {\"type\": \"actor\", \"kind\": \"person\", \"id\": "
             "\"p-{name}\", \"name\": \"{name}\",\n"
             "                      \"properties\": {\"n\": {\"template\": \"abc\", \"type\": "
             "\"int\"}}}}}\n");
  for (const char* verb : {"validate", "build"}) {
    const RunResult r = run_in(dir, std::string(verb) + " --mapping mapping.json people.csv" +
                                        (std::string(verb) == "build" ? " -o g.json" : ""));
    EXPECT_EQ(r.status, 1) << verb;
    EXPECT_EQ(
        r.err,
        "mapping.json:2:43: error: invalid int \"abc\" for \"n\" (typed int at mapping.json:2:43); "
        "expected a whole number such as 42 or -7\n")
        << verb;
    EXPECT_EQ(r.err.find("more problem"), std::string::npos) << verb;
  }
  EXPECT_EQ(test::file_names(dir), (std::vector<std::string>{"mapping.json", "people.csv"}));
}

TEST(Kgraph, FullStandardOutput) {
  if (!fs::exists("/dev/full")) GTEST_SKIP();
  const RunResult r = run_shell(shell_quote(KGRAPH_BINARY) + " schema >/dev/full");
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, "kgraph: error: cannot write standard output: No space left on device\n");
}

}  // namespace
}  // namespace kgraph::test
