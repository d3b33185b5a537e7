// `--input-option FORMAT.NAME=VALUE`: handed to the importers as ImportOptions::settings; a
// malformed one or one of an unknown format is a usage error before anything is read.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "importers/importer.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using test::run_kgraph;

TEST(InputOptions, MalformedOrUnknownFormatIsAUsageError) {
  const std::string input = test::source_path("examples/north-korean-refugees-2006/graph.json");
  struct Case {
    const char* option;
    const char* message;
  };
  const Case cases[] = {
      {"foo",
       "kgraph: error: --input-option takes FORMAT.NAME=VALUE (e.g. graphml.type=labels), "
       "not 'foo'\n"},
      {"=x",
       "kgraph: error: --input-option takes FORMAT.NAME=VALUE (e.g. graphml.type=labels), "
       "not '=x'\n"},
      {"json=x",
       "kgraph: error: --input-option takes FORMAT.NAME=VALUE (e.g. "
       "graphml.type=labels), not 'json=x'\n"},
      {"jsn.a=b", "kgraph: error: --input-option jsn.a=b: unknown input format 'jsn' (formats: "},
  };
  for (const Case& c : cases) {
    const auto r = run_kgraph({"validate", input, "--input-option", c.option});
    EXPECT_EQ(r.status, 2) << c.option;
    EXPECT_EQ(r.err.rfind(c.message, 0), 0u) << r.err;
  }
}

TEST(InputOptions, TheLastOfANameWins) {
  ImportOptions options;
  options.settings = {{"graphml.type", "labels"}, {"graphml.kind", "k"}, {"graphml.type", "t"}};
  EXPECT_EQ(options.setting("graphml.type"), "t");
  EXPECT_EQ(options.setting("graphml.kind"), "k");
  EXPECT_FALSE(options.setting("graphml.name").has_value());
}

}  // namespace
}  // namespace kgraph
