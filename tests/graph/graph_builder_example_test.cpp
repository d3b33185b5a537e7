// The usage example of graph/graph_builder.hpp's doc comment, compiled and run exactly as it is
// written there, and compared line by line with the comment, so that the two cannot drift apart.

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "graph/diagnostics.hpp"
#include "graph/graph_builder.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/schema.hpp"
#include "importers/importer.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

TEST(GraphBuilderExample, RunsAsWritten) {
  // BEGIN the example of graph/graph_builder.hpp
  ImporterRegistry importers;
  register_builtin_importers(importers);
  Diagnostics diags;
  GraphBuilder builder(Schema::builtin(), diags);
  std::istringstream in(R"({"actors": [{"id": "un", "name": "United Nations"}]})");
  importers.named("json")->read(in, diags.add_file("a.json"), "a.json", builder, ImportOptions{});
  std::optional<KnowledgeGraph> g = builder.finish();  // nullopt if diags has errors
  // END the example of graph/graph_builder.hpp

  EXPECT_FALSE(diags.has_errors());
  ASSERT_TRUE(g.has_value());
  ASSERT_EQ(g->entities().size(), 1u);
  EXPECT_EQ(g->str(g->entities()[0].id), "un");
  EXPECT_EQ(g->str(g->entities()[0].name), "United Nations");
  EXPECT_EQ(g->entities()[0].type, EntityType::actor);
}

/// The lines of `text` from the line after `begin` to the line before `end` (both compared
/// without leading spaces), each without its first `indent` characters.
std::vector<std::string> lines_between(const std::string& text, const std::string& begin,
                                       const std::string& end, std::size_t indent) {
  std::vector<std::string> out;
  bool inside = false;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const std::string trimmed = line.substr(std::min(line.find_first_not_of(' '), line.size()));
    if (trimmed == begin)
      inside = true;
    else if (trimmed == end)
      inside = false;
    else if (inside)
      out.push_back(line.substr(std::min(indent, line.size())));
  }
  return out;
}

/// The example block of a header comment: the lines `///   CODE` at the start of a line.
std::vector<std::string> header_example(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("///   ", 0) == 0) out.push_back(line.substr(6));
  }
  return out;
}

TEST(GraphBuilderExample, IsTheExampleOfTheHeader) {
  const std::vector<std::string> in_header =
      header_example(test::read_file(test::source_path("graph/graph_builder.hpp")));
  const std::vector<std::string> in_test = lines_between(
      test::read_file(test::source_path("tests/graph/graph_builder_example_test.cpp")),
      "// BEGIN the example of graph/graph_builder.hpp",
      "// END the example of graph/graph_builder.hpp", 2);
  ASSERT_GE(in_header.size(), 5u)
      << "graph/graph_builder.hpp has no example block (lines starting '///   ')";
  EXPECT_EQ(in_header, in_test)
      << "the example in graph/graph_builder.hpp and the code of RunsAsWritten differ";
}

}  // namespace
}  // namespace kgraph
