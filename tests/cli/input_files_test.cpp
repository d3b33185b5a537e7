#include "cli/input_files.hpp"

#include <gtest/gtest.h>

#include "cli/command_line.hpp"
#include "cli/fake_formats.hpp"
#include "cli/progress.hpp"
#include "support/test_support.hpp"

namespace kgraph::cli {
namespace {
namespace fs = std::filesystem;
using test::make_temp_dir;
using test::write_file;

class InputFilesTest : public ::testing::Test {
 protected:
  InputFilesTest() { test::register_fake_importers(registry_); }

  std::vector<std::string> names(std::vector<std::string> args, const Importer* forced = nullptr,
                                 std::vector<fs::path> exclude = {}) {
    InputRules rules{&registry_, forced, std::move(exclude)};
    std::vector<std::string> out;
    for (const InputFile& f : collect_inputs(args, rules, warnings_)) out.push_back(f.name);
    return out;
  }

  std::pair<int, std::string> error(std::vector<std::string> args,
                                    const Importer* forced = nullptr) {
    try {
      names(std::move(args), forced);
    } catch (const CliError& e) {
      return {e.status(), e.what()};
    }
    return {0, ""};
  }

  ImporterRegistry registry_;
  std::vector<std::string> warnings_;
};

TEST_F(InputFilesTest, FilesInArgumentOrder) {
  const fs::path d = make_temp_dir();
  write_file(d / "b.fake", "");
  write_file(d / "a.other", "");
  EXPECT_EQ(names({(d / "b.fake").string(), (d / "a.other").string()}),
            (std::vector<std::string>{(d / "b.fake").string(), (d / "a.other").string()}));
}

TEST_F(InputFilesTest, ExtensionsIgnoreCase) {
  const fs::path d = make_temp_dir();
  write_file(d / "A.FAKE", "");
  ASSERT_EQ(names({(d / "A.FAKE").string()}).size(), 1u);
}

TEST_F(InputFilesTest, DirectoryInSortedPathOrder) {
  const fs::path d = make_temp_dir();
  for (const char* f :
       {"z.fake", "b/y.other", "a.fake", "b/a/x.fake", "notes.txt", "c.fake.bak", "B.fake"})
    write_file(d / "in" / f, "");
  const std::string in = (d / "in").string();
  EXPECT_EQ(names({in}),
            (std::vector<std::string>{in + "/B.fake", in + "/a.fake", in + "/b/a/x.fake",
                                      in + "/b/y.other", in + "/z.fake"}));
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(InputFilesTest, DirectoryNameWithTrailingSlash) {
  const fs::path d = make_temp_dir();
  write_file(d / "in" / "a.fake", "");
  EXPECT_EQ(names({(d / "in").string() + "/"}),
            std::vector<std::string>{(d / "in" / "a.fake").string()});
}

TEST_F(InputFilesTest, DirectoryWalkSkipsOutputsAndTemporaries) {
  const fs::path d = make_temp_dir();
  write_file(d / "a.fake", "");
  write_file(d / "out.fake", "");
  write_file(d / ".x.fake.kgraph-tmp-abc123", "");
  write_file(d / ".db.kgraph-tmp-abc123" / "n.fake", "");
  EXPECT_EQ(names({d.string()}, nullptr, {d / "out.fake"}),
            std::vector<std::string>{(d / "a.fake").string()});
}

TEST_F(InputFilesTest, EmptyDirectoryWarns) {
  const fs::path d = make_temp_dir();
  write_file(d / "notes.txt", "");
  EXPECT_TRUE(names({d.string()}).empty());
  ASSERT_EQ(warnings_.size(), 1u);
  EXPECT_EQ(warnings_[0], "no input files (.fake, .other) in directory " + d.string());
}

TEST_F(InputFilesTest, SameFileReadOnce) {
  const fs::path d = make_temp_dir();
  write_file(d / "a.fake", "");
  const std::string a = (d / "a.fake").string();
  EXPECT_EQ(names({a, d.string(), (d / "." / "a.fake").string()}), std::vector<std::string>{a});
}

TEST_F(InputFilesTest, StandardInputNeedsAFormat) {
  EXPECT_EQ(error({"-"}),
            std::make_pair(
                exit_status::usage,
                std::string("reading standard input needs --input-format (one of: fake, other)")));
  const std::vector<std::string> n = names({"-"}, registry_.named("other"));
  EXPECT_EQ(n, std::vector<std::string>{"<stdin>"});
  EXPECT_EQ(error({"-", "-"}, registry_.named("fake")).first, exit_status::usage);
}

TEST_F(InputFilesTest, ForcedFormatOverridesTheExtensionOfNamedFiles) {
  const fs::path d = make_temp_dir();
  write_file(d / "data.txt", "");
  InputRules rules{&registry_, registry_.named("other"), {}};
  const auto inputs =
      collect_inputs(std::vector<std::string>{(d / "data.txt").string()}, rules, warnings_);
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].importer->name(), "other");
}

TEST_F(InputFilesTest, UnknownExtensionIsAUsageError) {
  const fs::path d = make_temp_dir();
  write_file(d / "notes.txt", "");
  const std::string path = (d / "notes.txt").string();
  EXPECT_EQ(error({path}), std::make_pair(exit_status::usage,
                                          "cannot tell the format of input '" + path +
                                              "' from its extension (supported: .fake, .other; "
                                              "or give --input-format fake|other)"));
}

TEST_F(InputFilesTest, MissingInputCannotBeRead) {
  const fs::path d = make_temp_dir();
  const std::string path = (d / "missing.fake").string();
  EXPECT_EQ(error({path}),
            std::make_pair(exit_status::io, "cannot read " + path + ": No such file or directory"));
  // Even with an extension nobody reads: a missing file is reported as missing.
  EXPECT_EQ(error({(d / "missing").string()}).first, exit_status::io);
}

TEST_F(InputFilesTest, ReadInputReportsRecordsAndLocations) {
  const fs::path d = make_temp_dir();
  write_file(d / "a.fake", "actor id=a name=A kind=person\nbogus\n");
  Diagnostics diags;
  GraphBuilder builder(Schema::builtin(), diags);
  const auto inputs = collect_inputs(std::vector<std::string>{(d / "a.fake").string()},
                                     InputRules{&registry_, nullptr, {}}, warnings_);
  read_input(inputs.at(0), diags.add_file(inputs.at(0).name), builder, {}, [](std::uint64_t) {});
  EXPECT_EQ(builder.records(), 1u);
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.format(diags.sorted()[0]),
            (d / "a.fake").string() + ":2:1: error: unknown section \"bogus\"");
}

TEST_F(InputFilesTest, ReadErrorIsAnIoError) {
  // A directory opened as a file: open() succeeds, read() fails with EISDIR.
  const fs::path d = make_temp_dir();
  fs::create_directory(d / "x.fake");
  Diagnostics diags;
  GraphBuilder builder(Schema::builtin(), diags);
  InputFile input{"x.fake", d / "x.fake", registry_.named("fake")};
  try {
    read_input(input, diags.add_file(input.name), builder, {}, [](std::uint64_t) {});
    ADD_FAILURE() << "no error";
  } catch (const CliError& e) {
    EXPECT_EQ(e.status(), exit_status::io);
    EXPECT_EQ(std::string(e.what()), "cannot read x.fake: Is a directory");
  }
}

TEST(Progress, SilentUntilTheDelay) {
  std::ostringstream err;
  {
    Progress p(err, false, std::chrono::hours(1));
    p.start_input("a.json", 100);
    p.update(50, 10);
    p.step("writing x");
  }
  EXPECT_EQ(err.str(), "");
}

TEST(Progress, ReportsRecordsAndShare) {
  std::ostringstream err;
  Progress p(err, false, std::chrono::seconds(0), std::chrono::seconds(0));
  p.start_input("a.json", 200);
  p.update(50, 10);
  p.start_input("<stdin>", std::nullopt);
  p.update(0, 12);
  p.step("writing out.graphml");
  EXPECT_EQ(err.str(),
            "kgraph: reading a.json: 10 records (25%)\n"
            "kgraph: reading <stdin>: 12 records\n"
            "kgraph: writing out.graphml\n");
}

TEST(Progress, TerminalLineIsRewrittenAndCleared) {
  std::ostringstream err;
  {
    Progress p(err, true, std::chrono::seconds(0), std::chrono::hours(1));
    p.start_input("a.json", std::nullopt);
    p.update(1, 1);
    p.update(2, 2);  // throttled
  }
  EXPECT_EQ(err.str(), "\rkgraph: reading a.json: 1 records\x1b[K\r\x1b[K");
}

}  // namespace
}  // namespace kgraph::cli
