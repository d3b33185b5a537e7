#include "exporters/diagram_legend.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

using diagram::legend_html;

TEST(DiagramLegend, ListsExactlyWhatIsInTheView) {
  const KnowledgeGraph g = test::golden_dot_graph("styles");
  const std::uint32_t qin = *g.find_entity("qin-gang"), mfa = *g.find_entity("mfa");
  std::vector<std::uint32_t> relations;
  for (std::uint32_t r = 0; r < g.relations().size(); ++r)
    if (g.relations()[r].from == qin && g.relations()[r].to == mfa) relations.push_back(r);
  const std::string legend =
      legend_html(GraphView(g, {std::min(qin, mfa), std::max(qin, mfa)}, relations));
  EXPECT_NE(legend.find(">Actors<"), std::string::npos) << legend;
  EXPECT_NE(legend.find(">Person<"), std::string::npos);
  EXPECT_NE(legend.find(">Government body<"), std::string::npos);
  EXPECT_NE(legend.find("spokesperson of"), std::string::npos);
  EXPECT_EQ(legend.find("participated in"), std::string::npos);
  EXPECT_EQ(legend.find("Events"), std::string::npos);
  EXPECT_EQ(legend.find("Treaty article"), std::string::npos);
  // The whole graph lists more.
  const std::string whole = legend_html(GraphView(g));
  EXPECT_NE(whole.find("participated in"), std::string::npos);
  EXPECT_NE(whole.find(">Events<"), std::string::npos);
}

TEST(DiagramLegend, LongListsAreSplitIntoEvenBlocksOfAtMostSixteenRows) {
  // 20 relation types: two blocks of 10 beside one block of entities (heading and one kind).
  const KnowledgeGraph g = test::graph_with_relation_types(20);
  const std::string legend = legend_html(GraphView(g));
  EXPECT_EQ(test::occurrences(legend, "\u25b6"), 20u);
  EXPECT_EQ(test::occurrences(legend, "<TR>"), 11u) << legend;  // titles, then 10 rows
  EXPECT_EQ(test::occurrences(legend, "<B>Relations</B>"), 1u);
  EXPECT_EQ(test::occurrences(legend, "<B>Entities</B>"), 1u);
}

TEST(DiagramLegend, EscapesTheSchemasLabels) {
  Schema schema = Schema::builtin();
  Diagnostics diags;
  ASSERT_TRUE(schema.extend(R"({"types": {"actor": {"kinds": {"odd": "<b>Odd</b> & \\N"}}}})",
                            diags.add_file("schema.json"), diags));
  const std::string json = R"({"actors": [{"id": "a", "name": "A", "kind": "odd"}]})";
  test::BuildResult r = test::build_from({{"test.json", json}}, schema);
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages());
  const std::string legend = legend_html(GraphView(*r.graph));
  EXPECT_NE(legend.find(">&lt;b&gt;Odd&lt;/b&gt; &amp; \\\\N<"), std::string::npos) << legend;
}

}  // namespace
}  // namespace kgraph
