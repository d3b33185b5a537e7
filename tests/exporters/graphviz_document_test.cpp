#include "exporters/graphviz_document.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "exporters/diagram_test_graphs.hpp"
#include "exporters/place_clusters.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using test::chain;

TEST(GraphvizDocument, UnknownClusterModeIsAnError) {
  const KnowledgeGraph g = chain(3);
  ExportOptions options;
  options.cluster = "country";
  EXPECT_THROW(test::export_to_string(GraphView(g), "dot", options), ExportError);
  options.cluster = "plcae";
  try {
    test::export_to_string(GraphView(g), "svg", options);
    ADD_FAILURE() << "no error";
  } catch (const ExportError& e) {
    EXPECT_STREQ(
        e.what(),
        "unknown cluster mode \"plcae\"; expected place, type or none; did you mean \"place\"?");
  }
}

TEST(GraphvizDocument, MediumDrawingsGetStraightEdgesOrBoundedDotEffort) {
  const KnowledgeGraph medium = chain(diagram::kDotChosenUpTo.entities + 1);
  const std::string sfdp = test::export_to_string(GraphView(medium), "dot");
  EXPECT_NE(sfdp.find("layout=sfdp"), std::string::npos);
  EXPECT_NE(sfdp.find("splines=false"), std::string::npos);
  EXPECT_NE(sfdp.find("label=\"related to\""), std::string::npos);
  ExportOptions dot;
  dot.engine = "dot";
  const std::string bounded = test::export_to_string(GraphView(medium), "dot", dot);
  EXPECT_NE(bounded.find("nslimit=1"), std::string::npos);
  EXPECT_NE(bounded.find("mclimit=0.3"), std::string::npos);
  const KnowledgeGraph small = chain(diagram::kCurvedEdgesUpTo.entities);
  ExportOptions neato;
  neato.engine = "neato";
  EXPECT_NE(test::export_to_string(GraphView(small), "dot", neato).find("splines=true"),
            std::string::npos);
}

TEST(GraphvizDocument, LargeDrawingsLeaveOutEdgeLabels) {
  const KnowledgeGraph small = chain(3);
  EXPECT_NE(test::export_to_string(GraphView(small), "dot").find("label=\"related to\""),
            std::string::npos);
  const KnowledgeGraph large = chain(diagram::kEdgeLabelsUpTo.entities + 1);
  const std::string dot = test::export_to_string(GraphView(large), "dot");
  EXPECT_EQ(dot.find("label=\"related to\""), std::string::npos);
  EXPECT_NE(dot.find("overlap=prism"), std::string::npos);
  EXPECT_NE(dot.find("splines=false"), std::string::npos);
}

/// The deepest nesting of subgraphs in DOT text written by agwrite.
std::size_t subgraph_nesting(const std::string& dot) {
  std::size_t depth = 0, deepest = 0;
  std::istringstream in(dot);
  for (std::string line; std::getline(in, line);) {
    const std::size_t text = line.find_first_not_of('\t');
    if (text == std::string::npos) continue;
    if (line.compare(text, 9, "subgraph ") == 0)
      deepest = std::max(deepest, ++depth);
    else if (line.compare(text, std::string::npos, "}") == 0 && depth > 0)
      --depth;
  }
  return deepest;
}

// The builder nested a subgraph per place of a located_in chain: 100,000 places crashed it
// (and cgraph, which recurses once per level of subgraphs; place_clusters_test.cpp has that
// chain), and DOT deeper than about 2,500 levels is more than Graphviz's own parser reads back.
TEST(GraphvizDocument, PlaceClustersNestAtMostKMaxNestingDeep) {
  ExportOptions options;
  options.cluster = "place";
  const std::string deep =
      test::export_to_string(GraphView(test::place_chain(100000)), "dot", options);
  EXPECT_EQ(subgraph_nesting(deep), static_cast<std::size_t>(diagram::PlaceClusters::kMaxNesting));
  const std::string shallow =
      test::export_to_string(GraphView(test::place_chain(20)), "dot", options);
  EXPECT_EQ(subgraph_nesting(shallow), 19u);
}

}  // namespace
}  // namespace kgraph
