// The verbs run in-process against small fake formats (tests/cli/fake_formats.hpp), so that
// the command's behaviour is tested apart from the real importers and exporters;
// kgraph_test.cpp runs the real binary with the real formats.

#include "cli/commands.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <sstream>

#include "cli/atomic_output.hpp"
#include "cli/fake_formats.hpp"
#include "cli/output_plan.hpp"
#include "cli/special_files.hpp"
#include "support/test_support.hpp"

namespace kgraph::cli {
namespace {
namespace fs = std::filesystem;
using test::make_temp_dir;
using test::read_file;
using test::write_file;

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

class CommandsTest : public ::testing::Test {
 protected:
  CommandsTest() {
    test::register_fake_importers(importers_);
    test::register_fake_exporters(exporters_);
    dir_ = make_temp_dir();
    write_file(dir_ / "in" / "a.fake",
               "actor id=a name=Alpha kind=person\n"
               "actor id=b name=Beta kind=government_body\n"
               "relation from=a type=spokesperson_of to=b\n");
    write_file(dir_ / "bad.fake",
               "actor id=a name=Alpha kind=robot\n"
               "relation from=a type=befriended to=zz\n");
  }

  Result run_args(std::vector<std::string> args) {
    std::ostringstream out, err;
    Context ctx{out, err, importers_, exporters_, false};
    Result r;
    r.status = run(args, ctx);
    r.out = out.str();
    r.err = err.str();
    return r;
  }

  std::string p(const std::string& relative) const { return (dir_ / relative).string(); }

  /// Names in a directory, sorted; temporaries would show up here.
  std::vector<std::string> names_in(const std::string& relative) const {
    return test::file_names(dir_ / relative);
  }

  ImporterRegistry importers_;
  ExporterRegistry exporters_;
  fs::path dir_;
};

TEST_F(CommandsTest, BuildWritesEveryOutput) {
  fs::create_directory(dir_ / "out");
  const Result r = run_args({"build", p("in"), "-o", p("out/g.txt"), "-o",
                             "text:" + p("out/g.list"), "--output=dir:" + p("out/db")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(read_file(dir_ / "out/g.txt"), "a\nb\n");
  EXPECT_EQ(read_file(dir_ / "out/g.list"), "a\nb\n");
  EXPECT_EQ(names_in("out"), (std::vector<std::string>{"db", "g.list", "g.txt"}));
  EXPECT_EQ(names_in("out/db"), (std::vector<std::string>{kDirectoryMarker, "a.txt", "b.txt"}));
}

TEST_F(CommandsTest, InvalidInputWritesNothing) {
  fs::create_directory(dir_ / "out");
  write_file(dir_ / "out" / "g.txt", "previous\n");
  struct stat before {};
  ASSERT_EQ(::stat(p("out/g.txt").c_str(), &before), 0);

  const Result r =
      run_args({"build", p("in"), p("bad.fake"), "-o", p("out/g.txt"), "-o", "dir:" + p("out/db")});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(p("bad.fake") + ":1:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": error: unknown kind \"robot\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(p("bad.fake") + ":2:"), std::string::npos) << r.err;
  EXPECT_EQ(names_in("out"), std::vector<std::string>{"g.txt"});
  EXPECT_EQ(read_file(dir_ / "out" / "g.txt"), "previous\n");
  struct stat after {};
  ASSERT_EQ(::stat(p("out/g.txt").c_str(), &after), 0);
  EXPECT_EQ(before.st_ino, after.st_ino);
  EXPECT_EQ(before.st_mtim.tv_sec, after.st_mtim.tv_sec);
  EXPECT_EQ(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
}

TEST_F(CommandsTest, StandardOutputIsWrittenLast) {
  const Result r = run_args({"build", p("in"), "-o", "text:-", "-o", p("g.txt")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "a\nb\n");
  EXPECT_EQ(read_file(dir_ / "g.txt"), "a\nb\n");
}

TEST_F(CommandsTest, StandardOutputGetsNothingOnFailure) {
  const Result r = run_args({"build", p("in"), "-o", "text:-", "-o", p("g.fail")});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
}

TEST_F(CommandsTest, ExportErrorIsInvalidInputAndWritesNothing) {
  fs::create_directory(dir_ / "out");
  const Result r = run_args(
      {"build", p("in"), "-o", p("out/g.txt"), "-o", p("out/g.fail"), "-o", "dir:" + p("out/db")});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "kgraph: error: cannot write " + p("out/g.fail") +
                       ": the graph has something this format cannot hold\n");
  EXPECT_TRUE(names_in("out").empty());
}

TEST_F(CommandsTest, UnwritableOutputIsAnIoErrorBeforeReading) {
  // bad.fake would give exit 1, but the output is checked first.
  const Result r = run_args({"build", p("bad.fake"), "-o", p("g.txt"), "-o", p("missing/g.txt")});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err,
            "kgraph: error: cannot write " + p("missing/g.txt") + ": No such file or directory\n");
  EXPECT_EQ(names_in(""), (std::vector<std::string>{"bad.fake", "in"}));
}

TEST_F(CommandsTest, ForeignDirectoryIsNotReplaced) {
  write_file(dir_ / "notes" / "keep.md", "mine");
  const Result r = run_args({"build", p("in"), "-o", "dir:" + p("notes")});
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("was not written by kgraph"), std::string::npos) << r.err;
  EXPECT_EQ(names_in("notes"), std::vector<std::string>{"keep.md"});
}

TEST_F(CommandsTest, DirectoryOutputIsReplacedOnRebuild) {
  ASSERT_EQ(run_args({"build", p("in"), "-o", "dir:" + p("db")}).status, 0);
  write_file(dir_ / "in" / "a.fake", "actor id=c name=Gamma kind=person\n");
  const Result r = run_args({"build", p("in"), "-o", "dir:" + p("db")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(names_in("db"), (std::vector<std::string>{kDirectoryMarker, "c.txt"}));
  EXPECT_EQ(names_in(""), (std::vector<std::string>{"bad.fake", "db", "in"}));
}

TEST_F(CommandsTest, OutputInsideAnInputDirectoryIsAUsageError) {
  // in/out.fake would be read back as an input by the next run.
  const Result r = run_args({"build", p("in"), "-o", "text:" + p("in/out.fake")});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(
      r.err,
      "kgraph: error: output '" + p("in/out.fake") + "' is inside the input directory '" + p("in") +
          "', where it would be read as an input; write it elsewhere or under a name no importer "
          "reads\nTry 'kgraph build --help'.\n");
  EXPECT_EQ(names_in("in"), std::vector<std::string>{"a.fake"});
}

TEST_F(CommandsTest, OutputInsideAnInputDirectoryThatNoImporterReads) {
  for (int run = 0; run < 2; ++run) {
    const Result r = run_args({"build", p("in"), "-o", p("in/out.txt")});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  EXPECT_EQ(read_file(dir_ / "in" / "out.txt"), "a\nb\n");
}

TEST_F(CommandsTest, OutputThatIsAnInputIsAUsageErrorBeforeReading) {
  // bad.fake would give exit 1 if it were read; it is neither read nor touched.
  const std::string before = read_file(dir_ / "bad.fake");
  fs::create_symlink("bad.fake", dir_ / "bad-link.txt");
  for (const std::string& output : {p("bad.fake"), p("bad-link.txt"), p("in/../bad.fake")}) {
    const Result r = run_args({"build", p("bad.fake"), p("in"), "-o", "text:" + output});
    EXPECT_EQ(r.status, 2) << output;
    EXPECT_EQ(r.err, "kgraph: error: output '" + output + "' is the same file as the input '" +
                         p("bad.fake") + "'\nTry 'kgraph build --help'.\n");
    const Result path =
        run_args({"path", p("bad.fake"), "--from", "a", "--to", "b", "-o", "text:" + output});
    EXPECT_EQ(path.status, 2) << output;
    EXPECT_EQ(path.out, "");
  }
  EXPECT_EQ(read_file(dir_ / "bad.fake"), before);
  EXPECT_EQ(names_in(""), (std::vector<std::string>{"bad-link.txt", "bad.fake", "in"}));
}

// Outputs that are not regular files: written in place, after every file output, and never
// replaced. FIFOs and a pseudo-terminal of the test's own, so that no real device is at risk.

TEST_F(CommandsTest, FifoOutputIsWrittenAfterTheFiles) {
  bool file_was_complete = false;
  test::FifoReader fifo(dir_ / "fifo", [&] { file_was_complete = fs::exists(dir_ / "g.txt"); });
  fs::create_symlink("fifo", dir_ / "fifo-link.txt");
  const Result r = run_args({"build", p("in"), "-o", p("fifo-link.txt"), "-o", p("g.txt")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(fifo.content(), "a\nb\n");
  EXPECT_TRUE(file_was_complete);
  EXPECT_EQ(read_file(dir_ / "g.txt"), "a\nb\n");
  EXPECT_TRUE(fs::is_fifo(dir_ / "fifo"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "fifo-link.txt"));
  EXPECT_EQ(names_in(""),
            (std::vector<std::string>{"bad.fake", "fifo", "fifo-link.txt", "g.txt", "in"}));
}

TEST_F(CommandsTest, FifoOutputGetsNothingOnFailure) {
  test::FifoReader fifo(dir_ / "fifo");
  const Result r = run_args({"build", p("in"), "-o", "text:" + p("fifo"), "-o", p("g.fail")});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(fifo.content(), "");
  EXPECT_TRUE(fs::is_fifo(dir_ / "fifo"));
}

TEST_F(CommandsTest, TerminalOutputIsWrittenInPlace) {
  test::PseudoTerminal pty;
  const Result r = run_args({"build", p("in"), "-o", "text:" + pty.path()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(pty.read_all(), "a\nb\n");
  EXPECT_TRUE(test::is_character_device(pty.path()));
  EXPECT_TRUE(test::is_character_device("/dev/null"));
}

TEST_F(CommandsTest, FullDeviceIsAnIoErrorNamingIt) {
  if (!test::is_character_device("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const Result r = run_args({"build", p("in"), "-o", "text:/dev/full", "-o", p("g.txt")});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, "kgraph: error: cannot write /dev/full: No space left on device\n");
  EXPECT_TRUE(test::is_character_device("/dev/full"));
  EXPECT_TRUE(test::is_character_device("/dev/null"));
  // The file outputs were complete before the device was written; they stay.
  EXPECT_EQ(read_file(dir_ / "g.txt"), "a\nb\n");
}

TEST_F(CommandsTest, PathsNamingStandardOutputAreStandardOutput) {
  // Links of the test's own, never /dev/stdout itself, which a regression could replace.
  fs::create_symlink("/dev/stdout", dir_ / "out.txt");
  fs::create_symlink("/proc/self/fd/1", dir_ / "fd1.txt");
  for (const std::string& output : {std::string("/dev/fd/1"), p("out.txt"), p("fd1.txt")}) {
    const Result r = run_args({"build", p("in"), "-o", "text:" + output, "-o", p("g.txt")});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "a\nb\n") << output;
  }
  EXPECT_TRUE(fs::is_symlink(dir_ / "out.txt"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "fd1.txt"));
}

TEST_F(CommandsTest, DirectoryFormatOnANodeIsAUsageError) {
  test::FifoReader fifo(dir_ / "fifo");
  const Result r = run_args({"build", p("in"), "-o", "dir:" + p("fifo")});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "kgraph: error: format 'dir' writes a directory, but '" + p("fifo") +
                       "' is a FIFO\nTry 'kgraph build --help'.\n");
  fs::create_symlink("/dev/stdout", dir_ / "out");
  const Result out = run_args({"build", p("in"), "-o", "dir:" + p("out")});
  EXPECT_EQ(out.status, 2);
  EXPECT_EQ(out.err, "kgraph: error: format 'dir' writes a directory, but '" + p("out") +
                         "' is standard output\nTry 'kgraph build --help'.\n");
  EXPECT_EQ(fifo.content(), "");
  EXPECT_TRUE(fs::is_fifo(dir_ / "fifo"));
}

TEST_F(CommandsTest, WarningsAndQuiet) {
  write_file(dir_ / "w.fake", "warning something odd\nactor id=w name=W\n");
  Result r = run_args({"validate", p("w.fake")});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, p("w.fake") + ":1:1: warning: something odd\n");
  EXPECT_EQ(r.out, "ok: 1 entity, 0 relations, 0 sources, 1 warning\n");
  r = run_args({"validate", "--quiet", p("w.fake")});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "");
}

TEST_F(CommandsTest, ValidateSummary) {
  const Result r = run_args({"validate", p("in")});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "ok: 2 entities, 1 relation, 0 sources\n");
  EXPECT_EQ(run_args({"validate", p("bad.fake")}).status, 1);
}

TEST_F(CommandsTest, MaxErrors) {
  Result r = run_args({"validate", p("bad.fake"), "--max-errors", "1"});
  EXPECT_EQ(r.status, 1);
  const auto lines = std::count(r.err.begin(), r.err.end(), '\n');
  EXPECT_EQ(lines, 2) << r.err;
  EXPECT_NE(r.err.find("more problem(s) not shown"), std::string::npos) << r.err;
  r = run_args({"validate", p("bad.fake"), "--max-errors", "lots"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err,
            "kgraph: error: option '--max-errors' needs a whole number, not 'lots'\n"
            "Try 'kgraph validate --help'.\n");
}

TEST_F(CommandsTest, UsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{},
       "kgraph: error: no verb given; verbs: build, validate, stats, path, schema, shard, "
       "merge\nTry 'kgraph "
       "--help'.\n"},
      {{"biuld"},
       "kgraph: error: unknown verb 'biuld' (verbs: build, validate, stats, path, schema, shard, "
       "merge); did you "
       "mean \"build\"?\n"
       "Try 'kgraph --help'.\n"},
      {{"--verison"},
       "kgraph: error: unknown option '--verison'; did you mean \"--version\"?\nTry 'kgraph "
       "--help'.\n"},
      {{"build", "x.fake"},
       "kgraph: error: no output given; name one with -o PATH (e.g. -o graph.graphml)\n"
       "Try 'kgraph build --help'.\n"},
      {{"build", "-o", "x.txt"}, "kgraph: error: no inputs given\nTry 'kgraph build --help'.\n"},
      {{"validate"}, "kgraph: error: no inputs given\nTry 'kgraph validate --help'.\n"},
      {{"validate", "a.fake", "--shema", "s.json"},
       "kgraph: error: unknown option '--shema'; did you mean \"--schema\"?\nTry 'kgraph validate "
       "--help'.\n"},
      {{"validate", "a.fake", "-o", "x.txt"},
       "kgraph: error: unknown option '-o'\nTry 'kgraph validate --help'.\n"},
      {{"build", "a.fake", "--depth", "2", "-o", "x.txt"},
       "kgraph: error: --depth goes with --focus\nTry 'kgraph build --help'.\n"},
      {{"validate", "-", "--input-format", "jsn"},
       "kgraph: error: unknown input format 'jsn' (formats: fake, other)\nTry 'kgraph validate "
       "--help'.\n"},
      {{"validate", "-", "--input-format", "fak"},
       "kgraph: error: unknown input format 'fak' (formats: fake, other); did you mean \"fake\"?\n"
       "Try 'kgraph validate --help'.\n"},
      {{"validate", "a.fake", "--section", "actrs"},
       "kgraph: error: unknown section 'actrs' (sections: sources, actors, laws, events, places, "
       "relations); "
       "did you mean \"actors\"?\nTry 'kgraph validate --help'.\n"},
      {{"build", "a.fake", "-o", "x.txt", "-o", "./x.txt"},
       "kgraph: error: output './x.txt' named more than once\nTry 'kgraph build --help'.\n"},
      {{"schema", "extra.json"},
       "kgraph: error: unexpected argument 'extra.json' (schema reads no inputs)\nTry 'kgraph "
       "schema --help'.\n"},
      {{"help", "nope"},
       "kgraph: error: unknown verb 'nope' (verbs: build, validate, stats, path, schema, shard, "
       "merge)\nTry "
       "'kgraph --help'.\n"},
  };
  for (const Case& c : cases) {
    const Result r = run_args(c.args);
    EXPECT_EQ(r.status, 2) << (c.args.empty() ? "" : c.args[0]) << "\n" << r.err;
    EXPECT_EQ(r.err, c.err);
    EXPECT_EQ(r.out, "");
  }
}

TEST_F(CommandsTest, SectionIsAccepted) {
  EXPECT_EQ(run_args({"validate", p("in"), "--section", "actors"}).status, 0);
  EXPECT_EQ(run_args({"validate", p("in"), "--section", "relation"}).status, 0);
}

TEST_F(CommandsTest, HelpForEveryVerb) {
  for (const Verb& verb : verbs()) {
    const Result r = run_args({std::string(verb.name), "--help"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, "");
    EXPECT_TRUE(r.out.starts_with("Usage: kgraph " + std::string(verb.name) + " ")) << r.out;
    for (const OptionGroup& g : verb.options)
      for (const OptionSpec& o : g.options)
        EXPECT_NE(r.out.find("--" + std::string(o.long_name)), std::string::npos)
            << verb.name << " " << o.long_name;
    EXPECT_EQ(run_args({"help", std::string(verb.name)}).out, r.out);
    EXPECT_EQ(run_args({std::string(verb.name), "-h"}).out, r.out);
  }
  const Result build = run_args({"build", "--help"});
  EXPECT_NE(build.out.find("extension: .fake, .other)"), std::string::npos) << build.out;
  EXPECT_NE(build.out.find("Formats: text, fail, dir."), std::string::npos) << build.out;
  EXPECT_NE(build.out.find("Exit status: 0 success"), std::string::npos) << build.out;

  for (const char* top : {"--help", "-h", "help"}) {
    const Result r = run_args({top});
    EXPECT_EQ(r.status, 0);
    EXPECT_TRUE(r.out.starts_with("Usage: kgraph VERB")) << r.out;
    for (const Verb& verb : verbs())
      EXPECT_NE(r.out.find("  " + std::string(verb.name) + " "), std::string::npos);
  }
}

TEST_F(CommandsTest, Version) {
  const Result r = run_args({"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.out.starts_with("kgraph ")) << r.out;
  EXPECT_EQ(r.out.back(), '\n');
  EXPECT_EQ(r.out.find("unknown"), std::string::npos);
}

TEST_F(CommandsTest, MissingInputIsAnIoError) {
  const Result r = run_args({"validate", p("in"), p("nothing.fake")});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err,
            "kgraph: error: cannot read " + p("nothing.fake") + ": No such file or directory\n");
}

TEST_F(CommandsTest, MissingSchemaIsAnIoError) {
  const Result r = run_args({"schema", "--schema", p("nothing.json")});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err,
            "kgraph: error: cannot read " + p("nothing.json") + ": No such file or directory\n");
}

TEST_F(CommandsTest, SchemaPrintsJson) {
  const Result r = run_args({"schema"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("{")) << r.out;
  EXPECT_TRUE(r.out.ends_with("}\n")) << r.out;
  EXPECT_NE(r.out.find("\"spokesperson_of\""), std::string::npos);
}

class OutputSpecTest : public ::testing::Test {
 protected:
  OutputSpecTest() { test::register_fake_exporters(exporters_); }
  ExporterRegistry exporters_;

  std::string error(std::string_view text) {
    try {
      parse_output_spec(text, exporters_);
    } catch (const UsageError& e) {
      return e.what();
    }
    return "no error";
  }
};

TEST_F(OutputSpecTest, ExtensionOrPrefix) {
  struct Case {
    std::string text, format, path;
  };
  const Case cases[] = {
      {"g.txt", "text", "g.txt"},
      {"out/G.TXT", "text", "out/G.TXT"},
      {"text:g.list", "text", "g.list"},
      {"dir:out/db", "dir", "out/db"},
      {"text:dir:x", "text", "dir:x"},
      {"a:b.txt", "text", "a:b.txt"},            // no format "a": the colon is part of the name
      {"./fail:x.txt", "text", "./fail:x.txt"},  // a path, not a prefix
      {"text:-", "text", "-"},
      {"text:./-", "text", "./-"},  // a file named "-"
  };
  for (const Case& c : cases) {
    const OutputSpec s = parse_output_spec(c.text, exporters_);
    EXPECT_EQ(s.exporter->name(), c.format) << c.text;
    EXPECT_EQ(s.path, c.path) << c.text;
    EXPECT_EQ(s.text, c.text);
    EXPECT_EQ(s.to_stdout, c.path == "-");
  }
}

TEST_F(OutputSpecTest, Unknown) {
  EXPECT_EQ(error("g.tx"),
            "cannot tell the format of output 'g.tx' from its extension (extensions: .fail, .txt; "
            "or write "
            "FORMAT:PATH with FORMAT one of: text, fail, dir); did you mean \".txt\"?");
  EXPECT_EQ(error("graph"),
            "cannot tell the format of output 'graph' from its extension (extensions: .fail, .txt; "
            "or write "
            "FORMAT:PATH with FORMAT one of: text, fail, dir)");
  EXPECT_EQ(error("txet:g"),
            "unknown output format 'txet' in '-o txet:g' (formats: text, fail, dir); did you mean "
            "\"text\"?");
  EXPECT_EQ(error("neo4j:db"),
            "unknown output format 'neo4j' in '-o neo4j:db' (formats: text, fail, dir)");
  EXPECT_EQ(error("dir:"), "output 'dir:' names no path after 'dir:'");
  EXPECT_EQ(error("-"), "standard output needs a format: -o FORMAT:- (formats: text, fail, dir)");
  EXPECT_EQ(error("dir:-"), "format 'dir' writes a directory, not standard output");
  EXPECT_EQ(error(""), "an output path (-o) is empty");
}

}  // namespace
}  // namespace kgraph::cli
