#include "cli/output_conflicts.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/command_line.hpp"
#include "cli/fake_formats.hpp"
#include "support/test_support.hpp"

namespace kgraph::cli {
namespace {
namespace fs = std::filesystem;
using test::make_temp_dir;
using test::write_file;

/// Inputs and outputs as a verb would see them; check() gives the message of the
/// UsageError, or "" when the run may go on.
class OutputConflictsTest : public ::testing::Test {
 protected:
  OutputConflictsTest() {
    test::register_fake_importers(importers_);
    test::register_fake_exporters(exporters_);
    dir_ = make_temp_dir();
    write_file(dir_ / "in.fake", "actor id=a name=A\n");
    write_file(dir_ / "data" / "a.fake", "actor id=a name=A\n");
    write_file(dir_ / "schema.json", "{}");
  }

  std::string check(std::vector<std::string> inputs, std::vector<std::string> outputs,
                    std::vector<std::string> documents = {}) {
    std::vector<OutputSpec> specs;
    for (const std::string& o : outputs) {
      specs.push_back(parse_output_spec(o, exporters_));
      specs.back().target = classify_output(specs.back().path);
    }
    std::vector<std::string> warnings;
    const std::vector<InputFile> files =
        collect_inputs(inputs, {&importers_, nullptr, {}}, warnings);
    try {
      check_outputs_against_inputs(specs, {inputs, files, documents, &importers_});
    } catch (const UsageError& e) {
      EXPECT_EQ(e.status(), exit_status::usage);
      return e.what();
    }
    return "";
  }

  std::string p(const std::string& relative) const { return (dir_ / relative).string(); }

  ImporterRegistry importers_;
  ExporterRegistry exporters_;
  fs::path dir_;
};

TEST_F(OutputConflictsTest, OutputThatIsAnInput) {
  fs::create_symlink("in.fake", dir_ / "link.txt");
  fs::create_hard_link(dir_ / "in.fake", dir_ / "hard.txt");
  fs::create_directory(dir_ / "sub");
  const struct {
    std::string output;  // as given to -o
  } cases[] = {
      {"text:" + p("in.fake")},   {"text:" + p("sub/../in.fake")},  // `..`
      {"text:" + p("link.txt")},                                    // a symbolic link to the input
      {"text:" + p("hard.txt")},                                    // a hard link
      {"text:" + p("./in.fake")},
  };
  for (const auto& c : cases) {
    const std::string path = c.output.substr(5);
    EXPECT_EQ(check({p("in.fake")}, {c.output}),
              "output '" + path + "' is the same file as the input '" + p("in.fake") + "'")
        << c.output;
  }
}

TEST_F(OutputConflictsTest, OutputThatIsASchemaOrMappingFile) {
  EXPECT_EQ(
      check({p("in.fake")}, {"text:" + p("schema.json")}, {p("schema.json")}),
      "output '" + p("schema.json") + "' is the same file as the input '" + p("schema.json") + "'");
}

TEST_F(OutputConflictsTest, OutputRelativeToTheWorkingDirectory) {
  const fs::path before = fs::current_path();
  fs::current_path(dir_);
  const std::string message = check({"in.fake"}, {"text:" + p("in.fake")});
  fs::current_path(before);
  EXPECT_EQ(message, "output '" + p("in.fake") + "' is the same file as the input 'in.fake'");
}

TEST_F(OutputConflictsTest, OutputThatIsAFileFoundInAnInputDirectory) {
  // Outside the directory, under a name no importer reads, but the very file the walk reads.
  fs::create_hard_link(dir_ / "data" / "a.fake", dir_ / "out.txt");
  EXPECT_EQ(
      check({p("data")}, {"text:" + p("out.txt")}),
      "output '" + p("out.txt") + "' is the same file as the input '" + p("data") + "/a.fake'");
}

TEST_F(OutputConflictsTest, OutputInsideAnInputDirectory) {
  fs::create_directory(dir_ / "elsewhere");
  fs::create_symlink(dir_ / "data", dir_ / "data-link");
  fs::create_symlink(dir_ / "data" / "new.fake", dir_ / "elsewhere" / "out.txt");  // leads inside
  const std::string inside_message =
      "', where it would be read as an input; write it elsewhere or under a name no importer reads";
  const struct {
    std::string output;
    std::string message;  // after "output 'PATH' is inside the input directory 'DATA"
  } cases[] = {
      {"text:" + p("data/new.fake"), inside_message},       // read by the next run
      {"text:" + p("data/sub/new.other"), inside_message},  // at any depth
      {"text:" + p("data-link/new.fake"), inside_message},  // through a linked directory
      {"text:" + p("elsewhere/out.txt"), inside_message},   // a link leading inside
      {"dir:" + p("data/db"), "', where its files would be read as inputs; write it elsewhere"},
      {"text:" + p("data/graph.txt"), ""},  // no importer reads .txt: allowed
      {"text:" + p("data.fake"), ""},       // beside, not inside
      {"text:" + p("elsewhere/new.fake"), ""},
  };
  fs::create_directory(dir_ / "data" / "sub");
  for (const auto& c : cases) {
    const std::string path = c.output.substr(c.output.find(':') + 1);
    const std::string expected =
        c.message.empty()
            ? ""
            : "output '" + path + "' is inside the input directory '" + p("data") + c.message;
    EXPECT_EQ(check({p("data")}, {c.output}), expected) << c.output;
  }
}

TEST_F(OutputConflictsTest, DirectoryOutputThatIsOrHoldsAnInput) {
  write_file(dir_ / "db" / ".kgraph-output", "");
  write_file(dir_ / "db" / "x.fake", "actor id=x name=X\n");
  EXPECT_EQ(check({p("db")}, {"dir:" + p("db")}),
            "output '" + p("db") + "' is the same directory as the input '" + p("db") + "'");
  EXPECT_EQ(check({p("db/x.fake")}, {"dir:" + p("db")}),
            "input '" + p("db/x.fake") + "' is inside the directory output '" + p("db") +
                "', which the run replaces as a whole");
  EXPECT_EQ(check({p("in.fake")}, {"dir:" + p("db")}, {p("db/.kgraph-output")}),
            "input '" + p("db/.kgraph-output") + "' is inside the directory output '" + p("db") +
                "', which the run replaces as a whole");
  EXPECT_EQ(check({p("in.fake")}, {"dir:" + p("db")}), "");
}

TEST_F(OutputConflictsTest, StreamsAreComparedByWhatTheyAreOpenOn) {
  // `kgraph build in.fake -o text:/dev/stdout >>in.fake` would append the graph to its input.
  const int saved = ::dup(STDOUT_FILENO);
  const int fd = ::open(p("in.fake").c_str(), O_WRONLY | O_APPEND);
  ASSERT_GE(fd, 0);
  ::dup2(fd, STDOUT_FILENO);
  ::close(fd);
  const std::string message = check({p("in.fake")}, {"text:/dev/stdout"});
  ::dup2(saved, STDOUT_FILENO);
  ::close(saved);
  EXPECT_EQ(message, "output '/dev/stdout' is the same file as the input '" + p("in.fake") + "'");
  // A FIFO output inside an input directory is never read by a walk, nor replaced.
  ASSERT_EQ(::mkfifo(p("data/pipe.fake").c_str(), 0600), 0);
  EXPECT_EQ(check({p("data")}, {"text:" + p("data/pipe.fake")}), "");
}

TEST_F(OutputConflictsTest, UnrelatedOutputs) {
  EXPECT_EQ(check({p("in.fake"), p("data")}, {"text:" + p("out.txt"), "text:-", "dir:" + p("db")}),
            "");
}

}  // namespace
}  // namespace kgraph::cli
