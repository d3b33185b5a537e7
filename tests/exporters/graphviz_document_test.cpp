#include "exporters/graphviz_document.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "graph/graph_builder.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using diagram::Purpose;

/// A chain of `n` people joined by related_to relations, built directly with the builder.
KnowledgeGraph chain(std::size_t n) {
  Diagnostics diags;
  const std::uint32_t file = diags.add_file("synthetic");
  GraphBuilder builder(Schema::builtin(), diags);
  RawRecord r;
  std::uint32_t line = 0;
  auto field = [&](const char* key, const std::string& value) {
    r.add_field(key, Location{file, line, 1}).values.push_back(RawScalar::of_string(value));
  };
  for (std::size_t i = 0; i < n; ++i) {
    r.clear();
    r.section = Section::actor;
    r.at = Location{file, ++line, 1};
    field("id", "p" + std::to_string(i));
    field("name", "Person " + std::to_string(i));
    field("kind", "person");
    builder.add(r);
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {
    r.clear();
    r.section = Section::relation;
    r.at = Location{file, ++line, 1};
    field("from", "p" + std::to_string(i));
    field("type", "related_to");
    field("to", "p" + std::to_string(i + 1));
    builder.add(r);
  }
  std::optional<KnowledgeGraph> g = builder.finish();
  if (!g) {
    ADD_FAILURE() << "synthetic graph failed";
    return {};
  }
  return std::move(*g);
}

std::string engine_for(const KnowledgeGraph& g, ExportOptions options = {}, Purpose p = Purpose::render) {
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

// ---- engine choice ---------------------------------------------------------------------------

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
            "unknown layout engine \"dto\"; expected one of dot, neato, fdp, sfdp, circo; did you mean \"dot\"?");
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
    EXPECT_STREQ(e.what(), "unknown cluster mode \"plcae\"; expected place, type or none; did you mean \"place\"?");
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
  EXPECT_NE(test::export_to_string(GraphView(small), "dot", neato).find("splines=true"), std::string::npos);
}

TEST(GraphvizDocument, LargeDrawingsLeaveOutEdgeLabels) {
  const KnowledgeGraph small = chain(3);
  EXPECT_NE(test::export_to_string(GraphView(small), "dot").find("label=\"related to\""), std::string::npos);
  const KnowledgeGraph large = chain(diagram::kEdgeLabelsUpTo.entities + 1);
  const std::string dot = test::export_to_string(GraphView(large), "dot");
  EXPECT_EQ(dot.find("label=\"related to\""), std::string::npos);
  EXPECT_NE(dot.find("overlap=prism"), std::string::npos);
  EXPECT_NE(dot.find("splines=false"), std::string::npos);
}

TEST(GraphvizDocument, RendersSeveralFormatsFromSeveralDocumentsInOneProcess) {
  // One run writing -o a.svg -o b.png -o c.pdf: each output is its own document. Graphviz's
  // plugins (pango's font map) keep state from the first context, so a context freed between
  // documents was used after free (seen under AddressSanitizer).
  const KnowledgeGraph g = chain(4);
  for (int round = 0; round < 2; ++round) {
    SCOPED_TRACE(round);
    const std::string svg = test::export_to_string(GraphView(g), "svg");
    EXPECT_NE(svg.find("Person 3"), std::string::npos);
    const std::string png = test::export_to_string(GraphView(g), "png");
    EXPECT_EQ(png.substr(0, 4), "\x89PNG");
    const std::string pdf = test::export_to_string(GraphView(g), "pdf");
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  }
}

// ---- text ------------------------------------------------------------------------------------

using diagram::text::html_text;
using diagram::text::label_text;
using diagram::text::sanitize;
using diagram::text::tooltip_text;
using diagram::text::wrap;
using Lines = std::vector<std::string>;

TEST(DiagramText, SanitizeKeepsTextAndReplacesWhatCannotBeShown) {
  EXPECT_EQ(sanitize("plain 平壤 평양 مرحبا 😀"), "plain 平壤 평양 مرحبا 😀");
  EXPECT_EQ(sanitize("a\r\nb\rc\nd\te"), "a\nb\nc\nd e");
  EXPECT_EQ(sanitize(std::string("nul\0x", 5)), "nul\uFFFDx");
  EXPECT_EQ(sanitize("\x01\x7f\xc2\x85"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(sanitize("bad \xff\xc3 utf8 \xed\xa0\x80"), "bad \uFFFD\uFFFD utf8 \uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(sanitize("\xef\xbf\xbe"), "\uFFFD");
}

TEST(DiagramText, WrapBreaksAtSpaces) {
  EXPECT_EQ(wrap("Ministry of Foreign Affairs of the People's Republic of China", 26, 4),
            (Lines{"Ministry of Foreign", "Affairs of the People's", "Republic of China"}));
  EXPECT_EQ(wrap("short", 26, 4), (Lines{"short"}));
  EXPECT_EQ(wrap("", 26, 4), (Lines{""}));
}

TEST(DiagramText, WrapKeepsLineBreaksAndCutsWithAnEllipsis) {
  EXPECT_EQ(wrap("one\ntwo", 26, 4), (Lines{"one", "two"}));
  EXPECT_EQ(wrap("a b c d e f", 3, 2), (Lines{"a b", "c d\u2026"}));
}

TEST(DiagramText, WrapSplitsLongWordsAndCjkButNotHangulWords) {
  EXPECT_EQ(wrap("abcdefghij", 4, 4), (Lines{"abcd", "efgh", "ij"}));
  // Han characters are two columns wide and may break anywhere.
  EXPECT_EQ(wrap("中华人民共和国外交部", 8, 4), (Lines{"中华人民", "共和国外", "交部"}));
  // Korean breaks at spaces.
  EXPECT_EQ(wrap("조선민주주의인민공화국 정부", 26, 4), (Lines{"조선민주주의인민공화국", "정부"}));
  // Combining marks take no column and stay with their letter.
  EXPECT_EQ(wrap("e\u0301e\u0301e\u0301", 2, 4), (Lines{"e\u0301e\u0301", "e\u0301"}));
}

TEST(DiagramText, LabelTextDoublesBackslashesAndEscapesEntities) {
  EXPECT_EQ(label_text(R"(C:\new \N \l)"), R"(C:\\new \\N \\l)");
  EXPECT_EQ(label_text("a & b\nc \"q\""), "a &amp; b\\nc \"q\"");
  EXPECT_EQ(label_text("ends\\"), "ends\\\\");
}

TEST(DiagramText, TooltipTextQuadruplesBackslashes) {
  EXPECT_EQ(tooltip_text(R"(C:\new \N \l)"), R"(C:\\\\new \\\\N \\\\l)");
  EXPECT_EQ(tooltip_text("a & b\nc \"q\""), "a &amp; b\\nc \"q\"");
  EXPECT_EQ(tooltip_text("ends\\"), "ends\\\\\\\\");
}

TEST(DiagramText, HtmlTextEscapesMarkup) {
  EXPECT_EQ(html_text(R"(<b>"x" & 'y'</b> \N)"), R"(&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt; \\N)");
}

}  // namespace
}  // namespace kgraph
