#include "cli/command_line.hpp"

#include <gtest/gtest.h>

namespace kgraph::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    {"output", 'o', "PATH", "write to PATH", true},
    {"schema", 0, "FILE", "extend the schema", true},
    {"input-format", 0, "FMT", "input format"},
    {"quiet", 'q', "", "no warnings"},
    {"progress", 0, "", "progress"},
    {"no-progress", 0, "", "no progress"},
};
constexpr OptionGroup kGroups[] = {{"Options", kOptions}};

ParsedArgs parse(std::vector<std::string> args) { return parse_arguments(kGroups, args); }

std::string usage_message(std::vector<std::string> args) {
  try {
    parse(std::move(args));
  } catch (const UsageError& e) {
    EXPECT_EQ(e.status(), exit_status::usage);
    return e.what();
  }
  ADD_FAILURE() << "no UsageError";
  return {};
}

TEST(CommandLine, PositionalsAndValuesInOrder) {
  const ParsedArgs a = parse({"a.json", "-o", "x.graphml", "b.json", "--output", "y.json", "-"});
  EXPECT_EQ(a.positionals(), (std::vector<std::string>{"a.json", "b.json", "-"}));
  EXPECT_EQ(a.values("output"), (std::vector<std::string>{"x.graphml", "y.json"}));
  EXPECT_FALSE(a.has("schema"));
  EXPECT_FALSE(a.help());
}

TEST(CommandLine, ValueSpellings) {
  const ParsedArgs a =
      parse({"--schema=s.json", "-oout.json", "--input-format", "jsonl", "-o", "neo4j:db"});
  EXPECT_EQ(a.values("schema"), std::vector<std::string>{"s.json"});
  EXPECT_EQ(a.values("output"), (std::vector<std::string>{"out.json", "neo4j:db"}));
  EXPECT_EQ(a.value("input-format"), "jsonl");
  EXPECT_EQ(a.value("quiet"), std::nullopt);
}

TEST(CommandLine, ValueMayStartWithDash) {
  // A value is taken as it is, even "-" or "--quiet": the option asked for one.
  const ParsedArgs a = parse({"-o", "-", "--schema", "--quiet"});
  EXPECT_EQ(a.values("output"), std::vector<std::string>{"-"});
  EXPECT_EQ(a.values("schema"), std::vector<std::string>{"--quiet"});
  EXPECT_FALSE(a.has("quiet"));
}

TEST(CommandLine, DoubleDashEndsOptions) {
  const ParsedArgs a = parse({"-q", "--", "--odd-name.json", "-o"});
  EXPECT_TRUE(a.has("quiet"));
  EXPECT_EQ(a.positionals(), (std::vector<std::string>{"--odd-name.json", "-o"}));
}

TEST(CommandLine, BundledShortFlags) {
  const ParsedArgs a = parse({"-qo", "x.json"});
  EXPECT_TRUE(a.has("quiet"));
  EXPECT_EQ(a.values("output"), std::vector<std::string>{"x.json"});
}

TEST(CommandLine, Help) {
  EXPECT_TRUE(parse({"a.json", "--help"}).help());
  EXPECT_TRUE(parse({"-h"}).help());
}

TEST(CommandLine, LastOf) {
  EXPECT_EQ(parse({"--progress", "--no-progress"}).last_of({"progress", "no-progress"}),
            "no-progress");
  EXPECT_EQ(parse({"--no-progress", "--progress"}).last_of({"progress", "no-progress"}),
            "progress");
  EXPECT_EQ(parse({}).last_of({"progress", "no-progress"}), "");
}

TEST(CommandLine, Errors) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const Case cases[] = {
      {{"--shema", "s.json"}, "unknown option '--shema'; did you mean \"--schema\"?"},
      {{"--schema=s.json", "--ouptut=x"}, "unknown option '--ouptut'; did you mean \"--output\"?"},
      {{"-x"}, "unknown option '-x'"},
      {{"-schema", "s.json"}, "unknown option '-schema'; did you mean \"--schema\"?"},
      {{"-o"}, "option '-o' needs a value (PATH)"},
      {{"a.json", "--schema"}, "option '--schema' needs a value (FILE)"},
      {{"--quiet=yes"}, "option '--quiet' takes no value"},
      {{"--input-format", "json", "--input-format=jsonl"},
       "option '--input-format' given more than once"},
  };
  for (const Case& c : cases) EXPECT_EQ(usage_message(c.args), c.message) << c.args[0];
}

TEST(CommandLine, FlagsMayRepeat) {
  const ParsedArgs a = parse({"-q", "--quiet"});
  EXPECT_TRUE(a.has("quiet"));
}

TEST(CommandLine, HelpTextListsEveryOption) {
  const std::string help = format_options(kGroups);
  EXPECT_NE(help.find("\nOptions:\n"), std::string::npos) << help;
  EXPECT_NE(help.find("  -o, --output PATH"), std::string::npos) << help;
  EXPECT_NE(help.find("      --schema FILE"), std::string::npos) << help;
  EXPECT_NE(help.find("  -q, --quiet"), std::string::npos) << help;
  EXPECT_NE(help.find("no warnings\n"), std::string::npos) << help;
  // Help texts start in one column.
  const auto col = [&](std::string_view text) {
    const auto at = help.find(text);
    return at - help.rfind('\n', at);
  };
  EXPECT_EQ(col("write to PATH"), col("extend the schema"));
}

TEST(CommandLine, ParseCount) {
  EXPECT_EQ(parse_count("--max-errors", "0"), 0u);
  EXPECT_EQ(parse_count("--max-errors", "25"), 25u);
  for (const char* bad : {"", "-1", "ten", "3x", " 3"}) {
    try {
      parse_count("--max-errors", bad);
      ADD_FAILURE() << bad;
    } catch (const UsageError& e) {
      EXPECT_EQ(std::string(e.what()),
                "option '--max-errors' needs a whole number, not '" + std::string(bad) + "'");
    }
  }
}

TEST(CommandLine, Wrap) {
  EXPECT_EQ(wrap("aa bb cc dd", 5), "aa bb\ncc dd\n");
  EXPECT_EQ(wrap("aa  bb", 80), "aa bb\n");
  EXPECT_EQ(wrap("toolongword x", 4), "toolongword\nx\n");
  EXPECT_EQ(wrap("", 4), "");
}

TEST(CommandLine, ErrorsForFiles) {
  EXPECT_EQ(std::string(read_error("a.json", "No such file or directory").what()),
            "cannot read a.json: No such file or directory");
  EXPECT_EQ(write_error("out/x.graphml", "Permission denied").status(), exit_status::io);
}

}  // namespace
}  // namespace kgraph::cli
