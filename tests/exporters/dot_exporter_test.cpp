#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

/// Runs Graphviz's own `dot` on a DOT text: it must parse it (`-Tcanon`) and lay it out and
/// render it (`-Tsvg`, which also parses the HTML-like labels) without a word on stderr.
void expect_accepted_by_dot(const std::string& dot_text) {
  const auto dir = test::make_temp_dir();
  const auto path = dir / "graph.dot";
  test::write_file(path, dot_text);
  const test::RunResult canon = test::run_shell("dot -Tcanon " + test::shell_quote(path.string()));
  EXPECT_EQ(canon.status, 0) << canon.err;
  EXPECT_EQ(canon.err, "");
  const test::RunResult svg =
      test::run_shell("dot -Tsvg -o /dev/null " + test::shell_quote(path.string()));
  EXPECT_EQ(svg.status, 0) << svg.err;
  EXPECT_EQ(svg.err, "");
}

// ---- golden files ----------------------------------------------------------------------------

struct GoldenCase {
  std::string input;   // tests/data/golden/dot/INPUT.json
  std::string golden;  // tests/data/golden/dot/GOLDEN.dot
  ExportOptions options;
};

std::vector<GoldenCase> golden_cases() {
  ExportOptions legend;
  legend.legend = true;
  ExportOptions by_place;
  by_place.cluster = "place";
  ExportOptions by_type;
  by_type.cluster = "type";
  by_type.legend = true;
  ExportOptions neato;
  neato.engine = "neato";
  return {
      {"styles", "styles", {}},
      {"styles", "styles.legend", legend},
      {"styles", "styles.cluster-place", by_place},
      {"styles", "styles.cluster-type", by_type},
      {"styles", "styles.neato", neato},
      {"parallel", "parallel", {}},
      {"escaping", "escaping", {}},
      {"escaping", "escaping.legend", legend},
  };
}

// Each case's DOT is compared byte for byte with tests/data/golden/dot/GOLDEN.dot.
// KGRAPH_UPDATE_GOLDEN=1 rewrites the .dot files instead.
TEST(DotExporter, MatchesGoldenFiles) {
  for (const GoldenCase& c : golden_cases()) {
    SCOPED_TRACE(c.golden);
    const KnowledgeGraph g = test::golden_dot_graph(c.input);
    test::check_golden(test::test_data("golden/dot/" + c.golden + ".dot"),
                       test::export_to_string(GraphView(g), "dot", c.options),
                       "DOT of " + c.golden);
  }
}

TEST(DotExporter, EveryGoldenOutputIsAcceptedByDot) {
  for (const GoldenCase& c : golden_cases()) {
    SCOPED_TRACE(c.golden);
    const KnowledgeGraph g = test::golden_dot_graph(c.input);
    expect_accepted_by_dot(test::export_to_string(GraphView(g), "dot", c.options));
  }
}

TEST(DotExporter, HostileDocumentIsAcceptedByDot) {
  const KnowledgeGraph g =
      test::graph_from_json(test::read_file(test::test_data("hostile/hostile.json")));
  ExportOptions options;
  options.legend = true;
  options.cluster = "place";
  expect_accepted_by_dot(test::export_to_string(GraphView(g), "dot", options));
}

// ---- structure -------------------------------------------------------------------------------

TEST(DotExporter, ExtensionsAndName) {
  ExporterRegistry registry;
  register_builtin_exporters(registry);
  const Exporter* e = registry.for_path("out/graph.gv");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name(), "dot");
  EXPECT_EQ(registry.for_path("graph.DOT"), e);
}

TEST(DotExporter, KeepsParallelRelationsAsKeyedEdges) {
  const KnowledgeGraph g = test::golden_dot_graph("parallel");
  const std::string dot = test::export_to_string(GraphView(g), "dot");
  std::size_t edges = 0;
  for (std::size_t at = dot.find("china -> repatriations"); at != std::string::npos;
       at = dot.find("china -> repatriations", at + 1))
    ++edges;
  EXPECT_EQ(edges, 4u) << dot;
  // `dot -Tcanon` reads them back as four edges too.
  const auto path = test::make_temp_dir() / "p.dot";
  test::write_file(path, dot);
  const test::RunResult r = test::run_shell("dot -Tcanon " + test::shell_quote(path.string()) +
                                            " | grep -c 'china -> repatriations'");
  EXPECT_EQ(r.out, "4\n") << r.err;
}

TEST(DotExporter, NamesTheEngineAndDoesNotLayOut) {
  const KnowledgeGraph g = test::golden_dot_graph("styles");
  const std::string dot = test::export_to_string(GraphView(g), "dot");
  EXPECT_NE(dot.find("layout=dot"), std::string::npos);
  EXPECT_EQ(dot.find(" pos="), std::string::npos);
  ExportOptions sfdp;
  sfdp.engine = "sfdp";
  EXPECT_NE(test::export_to_string(GraphView(g), "dot", sfdp).find("layout=sfdp"),
            std::string::npos);
}

TEST(DotExporter, EscapesLabelsSoThatTheyReadBack) {
  const KnowledgeGraph g = test::golden_dot_graph("escaping");
  const std::string dot = test::export_to_string(GraphView(g), "dot");
  // A backslash in a label is doubled, so `\N`, `\l`, `\n` cannot appear by accident; in a
  // tooltip, which Graphviz reads twice, it is quadrupled.
  EXPECT_NE(dot.find(R"(label=<C:\\new\\table \\N \\l \\G<BR/>)"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"(tooltip="C:\\\\new\\\\table \\\\N \\\\l \\\\G\n)"), std::string::npos)
      << dot;
  // HTML-like labels carry XML entities; `&amp;` in a name is escaped once more.
  EXPECT_NE(dot.find("Say &quot;hi&quot; &amp; &lt;wave&gt;"), std::string::npos);
  EXPECT_NE(dot.find("&amp;amp; &amp;lt; stay literal"), std::string::npos);
  // Line breaks in a name become line breaks of the label.
  EXPECT_NE(dot.find("line one<BR/>line two<BR/>line three"), std::string::npos);
  // An id ending in a backslash gets a node name DOT can quote.
  EXPECT_NE(dot.find(R"("trail\\")"), std::string::npos);
  // Edge labels are escStrings: `\` doubled, `&` as an entity, line breaks as \n.
  EXPECT_NE(dot.find(R"x(label="related to\n(role with \\ and\n\"quotes\" &amp; <tags>)")x"),
            std::string::npos)
      << dot;
}

TEST(DotExporter, EmptyViewIsAnEmptyGraph) {
  const KnowledgeGraph g = test::graph_from_json("{}");
  ExportOptions legend;
  legend.legend = true;
  const std::string dot = test::export_to_string(GraphView(g), "dot", legend);
  EXPECT_EQ(dot.rfind("digraph kgraph {", 0), 0u);
  expect_accepted_by_dot(dot);
}

TEST(DotExporter, WritesASelection) {
  const KnowledgeGraph g = test::golden_dot_graph("styles");
  const std::uint32_t qin = *g.find_entity("qin-gang"), mfa = *g.find_entity("mfa");
  std::vector<std::uint32_t> relations;
  for (std::uint32_t r = 0; r < g.relations().size(); ++r)
    if (g.relations()[r].from == qin && g.relations()[r].to == mfa) relations.push_back(r);
  ExportOptions legend;
  legend.legend = true;
  const GraphView view(g, {std::min(qin, mfa), std::max(qin, mfa)}, relations);
  const std::string dot = test::export_to_string(view, "dot", legend);
  EXPECT_NE(dot.find("\"qin-gang\" -> mfa"), std::string::npos) << dot;
  EXPECT_EQ(dot.find("presser"), std::string::npos);
  // (What the legend lists: diagram_legend_test.cpp.)
  expect_accepted_by_dot(dot);
}

}  // namespace
}  // namespace kgraph
