#include "exporters/layout_engine.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "exporters/diagram_test_graphs.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using diagram::Purpose;
using test::chain;

std::string engine_for(const KnowledgeGraph& g, ExportOptions options = {},
                       Purpose p = Purpose::render) {
  return diagram::choose_engine(GraphView(g), options, p);
}

std::string error_of(const KnowledgeGraph& g, ExportOptions options, Purpose p = Purpose::render) {
  try {
    diagram::choose_engine(GraphView(g), options, p);
  } catch (const ExportError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ChooseEngine, SmallGraphsUseDot) {
  EXPECT_EQ(engine_for(chain(10)), "dot");
  EXPECT_EQ(engine_for(chain(diagram::kDotChosenUpTo.entities)), "dot");
}

TEST(ChooseEngine, LargerGraphsUseSfdp) {
  EXPECT_EQ(engine_for(chain(diagram::kDotChosenUpTo.entities + 1)), "sfdp");
}

TEST(ChooseEngine, HugeGraphsAreRefusedUnlessForced) {
  const KnowledgeGraph g = chain(diagram::layout_limit("sfdp").entities + 1);
  const std::string message = error_of(g, {});
  EXPECT_NE(message.find("--focus"), std::string::npos) << message;
  EXPECT_NE(message.find("--depth"), std::string::npos);
  EXPECT_NE(message.find("--types"), std::string::npos);
  EXPECT_NE(message.find("10001 entities"), std::string::npos);
  ExportOptions force;
  force.force = true;
  EXPECT_EQ(engine_for(g, force), "sfdp");
  // Writing DOT lays nothing out, so any size is fine.
  EXPECT_EQ(engine_for(g, {}, Purpose::write_dot), "sfdp");
}

TEST(ChooseEngine, RenderedExportersRefuseHugeGraphsWithoutLayingOut) {
  const KnowledgeGraph g = chain(diagram::layout_limit("sfdp").entities + 1);
  const auto start = std::chrono::steady_clock::now();
  for (const char* format : {"svg", "png", "pdf"}) {
    SCOPED_TRACE(format);
    EXPECT_THROW(test::export_to_string(GraphView(g), format), ExportError);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  // The DOT of the same graph is written, with the engine that would be used.
  const std::string dot = test::export_to_string(GraphView(g), "dot");
  EXPECT_NE(dot.find("layout=sfdp"), std::string::npos);
  EXPECT_NE(dot.find("splines=false"), std::string::npos);
}

TEST(ChooseEngine, ExplicitEngineIsUsedAndLimited) {
  ExportOptions neato;
  neato.engine = "neato";
  EXPECT_EQ(engine_for(chain(5), neato), "neato");
  ExportOptions dot;
  dot.engine = "dot";
  const KnowledgeGraph big = chain(diagram::layout_limit("dot").entities + 1);
  const std::string message = error_of(big, dot);
  EXPECT_NE(message.find("more than dot can lay out"), std::string::npos) << message;
  EXPECT_NE(message.find("--engine"), std::string::npos) << message;
  dot.force = true;
  EXPECT_EQ(engine_for(big, dot), "dot");
}

TEST(ChooseEngine, UnknownEngineIsAnErrorListingTheEngines) {
  const KnowledgeGraph g = chain(3);
  ExportOptions typo;
  typo.engine = "dto";
  EXPECT_EQ(error_of(g, typo),
            "unknown layout engine \"dto\"; expected one of dot, neato, fdp, sfdp, circo; did you "
            "mean \"dot\"?");
  ExportOptions other;
  other.engine = "twopi";
  EXPECT_EQ(error_of(g, other, Purpose::write_dot),
            "unknown layout engine \"twopi\"; expected one of dot, neato, fdp, sfdp, circo");
  for (std::string_view name : diagram::kEngines) {
    ExportOptions ok;
    ok.engine = std::string(name);
    EXPECT_EQ(engine_for(g, ok), name);
  }
}

}  // namespace
}  // namespace kgraph
