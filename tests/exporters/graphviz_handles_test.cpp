#include "exporters/graphviz_handles.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "exporters/diagram_test_graphs.hpp"
#include "exporters/graphviz_document.hpp"

namespace kgraph {
namespace {

using namespace diagram;

TEST(ProcessContext, IsOneContextForTheProcess) {
  std::lock_guard lock(graphviz_mutex());
  GVC_t* first = process_context();
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(process_context(), first);
}

TEST(ProcessContext, RendersSeveralFormatsFromSeveralDocumentsInOneProcess) {
  // One run writing -o a.svg -o b.png -o c.pdf: each output is its own document. The pango
  // plugin keeps pointers into the context it first measured text with, so a context freed
  // between documents was used after free (found under AddressSanitizer, which this test needs
  // to show it: build with -DKGRAPH_SANITIZE=ON).
  const KnowledgeGraph g = test::chain(4);
  for (int round = 0; round < 2; ++round) {
    SCOPED_TRACE(round);
    for (const RenderFormat format : {RenderFormat::svg, RenderFormat::png, RenderFormat::pdf}) {
      GraphvizDocument doc(GraphView(g), {}, "dot");
      std::ostringstream out;
      doc.render(format, out);
      const std::string data = out.str();
      switch (format) {
        case RenderFormat::svg:
          EXPECT_NE(data.find("Person 3"), std::string::npos);
          break;
        case RenderFormat::png:
          EXPECT_EQ(data.substr(0, 4), "\x89PNG");
          break;
        case RenderFormat::pdf:
          EXPECT_EQ(data.substr(0, 5), "%PDF-");
          break;
      }
    }
  }
}

TEST(ErrorCapture, CollectsWhatGraphvizReportsInsteadOfPrintingIt) {
  std::lock_guard lock(graphviz_mutex());
  {
    ErrorCapture errors;
    agerr(AGWARN, "a warning\n");
    EXPECT_FALSE(errors.had_error());
    agerr(AGERR, "an error %d\n", 42);
    EXPECT_TRUE(errors.had_error());
    EXPECT_EQ(errors.text(), "Warning: a warning\nError: an error 42");
  }
  ErrorCapture next;
  EXPECT_FALSE(next.had_error());
  EXPECT_EQ(next.text(), "");
}

TEST(OpenGraph, WritesToTheStreamWithObjectsInCreationOrder) {
  std::lock_guard lock(graphviz_mutex());
  AgraphPtr g = open_graph("g");
  ASSERT_NE(g, nullptr);
  // Names interned in any order of addresses; agwrite lists subgraphs in id order.
  for (const char* name : {"cluster_z", "cluster_a", "cluster_m"}) {
    Agraph_t* sub = agsubg(g.get(), cstr(name), 1);
    agnode(sub, cstr(std::string("in_") + name), 1);
  }
  std::ostringstream out;
  ASSERT_EQ(agwrite(g.get(), &out), 0);
  const std::string dot = out.str();
  EXPECT_EQ(dot.rfind("digraph g {", 0), 0u) << dot;
  const std::size_t z = dot.find("cluster_z"), a = dot.find("cluster_a"), m = dot.find("cluster_m");
  ASSERT_NE(m, std::string::npos) << dot;
  EXPECT_LT(z, a);
  EXPECT_LT(a, m);
}

}  // namespace
}  // namespace kgraph
