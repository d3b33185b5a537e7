#include "exporters/gexf_exporter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "graph/graph_view.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using test::export_to_string;
using test::graph_from_json;

std::string gexf_of(const std::string& json) {
  const KnowledgeGraph g = graph_from_json(json);
  return export_to_string(GraphView(g), "gexf");
}

std::string fixture(const std::string& name) {
  return test::read_file(test::test_data("golden/gexf/" + name));
}

// The text of the element that starts with `start` up to its closing tag `close`.
std::string block(const std::string& doc, const std::string& start, const std::string& close) {
  const auto begin = doc.find(start);
  if (begin == std::string::npos) return {};
  return doc.substr(begin, doc.find(close, begin) - begin);
}

// Every tests/data/golden/gexf/NAME.json is written as NAME.gexf and compared byte for byte.
// KGRAPH_UPDATE_GOLDEN=1 rewrites the golden files instead.
TEST(GexfExporter, MatchesGoldenFiles) {
  for (const auto& input : test::golden_inputs("gexf", 2)) {
    SCOPED_TRACE(input.filename().string());
    auto golden = input;
    golden.replace_extension(".gexf");
    test::check_golden(golden, gexf_of(test::read_file(input)), "GEXF of " + input.string());
  }
}

TEST(GexfExporter, IsADynamicDirectedGexf13Document) {
  const std::string doc = gexf_of(fixture("basic.json"));
  EXPECT_EQ(
      doc.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" "
                "xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n",
                0),
      0u);
  EXPECT_NE(doc.find("<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">"),
            std::string::npos);
  EXPECT_NE(doc.find("<nodes count=\"15\">"), std::string::npos);
  EXPECT_NE(doc.find("<edges count=\"17\">"), std::string::npos);
  EXPECT_EQ(doc.find("schemaLocation"), std::string::npos) << "the RELAX NG schema rejects it";
  EXPECT_LT(doc.find("</nodes>"), doc.find("<edges"));
}

TEST(GexfExporter, DatesBecomeWidenedIntervals) {
  const std::string doc = gexf_of(fixture("basic.json"));
  EXPECT_NE(doc.find("<node id=\"act\" label=\"An act\" start=\"1990-02-01\" end=\"2001-12-31\">"),
            std::string::npos);
  EXPECT_NE(doc.find("<node id=\"repatriations\" label=\"Repatriations\" start=\"2002-01-01\" "
                     "end=\"2006-10-31\">"),
            std::string::npos);
  EXPECT_NE(doc.find("<node id=\"press-conference\" label=\"Press conference\" "
                     "start=\"2006-09-19\" end=\"2006-09-19\">"),
            std::string::npos);
  EXPECT_NE(doc.find("<node id=\"ministry\" label=\"Ministry of Foreign Affairs\">"),
            std::string::npos);
  // The exact dates stay as attributes.
  const std::string act = block(doc, "<node id=\"act\"", "</node>");
  EXPECT_NE(act.find("<attvalue for=\"4\" value=\"1990-02\"/>"), std::string::npos);
  EXPECT_NE(act.find("<attvalue for=\"5\" value=\"2001\"/>"), std::string::npos);
}

TEST(GexfExporter, IntervalsCoverWholePeriods) {
  const auto d = [](const char* s) { return *parse_partial_date(s); };
  EXPECT_EQ(gexf::interval_start(d("2006")), "2006-01-01");
  EXPECT_EQ(gexf::interval_end(d("2006")), "2006-12-31");
  EXPECT_EQ(gexf::interval_start(d("2006-09")), "2006-09-01");
  EXPECT_EQ(gexf::interval_end(d("2006-09")), "2006-09-30");
  EXPECT_EQ(gexf::interval_end(d("2008-02")), "2008-02-29");
  EXPECT_EQ(gexf::interval_end(d("1900-02")), "1900-02-28");
  EXPECT_EQ(gexf::interval_end(d("2000-02")), "2000-02-29");
  EXPECT_EQ(gexf::interval_end(d("2006-12")), "2006-12-31");
  EXPECT_EQ(gexf::interval_start(d("2006-09-19")), "2006-09-19");
  EXPECT_EQ(gexf::interval_end(d("2006-09-19")), "2006-09-19");
}

TEST(GexfExporter, DeclaresTypedAttributes) {
  const std::string doc = gexf_of(fixture("escaping.json"));
  const std::string nodes = block(doc, "<attributes class=\"node\">", "</attributes>");
  for (const char* line : {
           R"(<attribute id="0" title="type" type="string"/>)",
           R"(<attribute id="1" title="kind" type="string"/>)",
           R"(<attribute id="2" title="aliases" type="liststring"/>)",
           R"(<attribute id="3" title="sources" type="liststring"/>)",
           R"(<attribute id="4" title="start" type="string"/>)",
           R"(<attribute id="5" title="end" type="string"/>)",
           R"(<attribute id="6" title="___type" type="string"/>)",
           R"(<attribute id="7" title="__type" type="string"/>)",
           R"(<attribute id="8" title="_color" type="string"/>)",
           R"(<attribute id="9" title="flag" type="boolean"/>)",
           R"(<attribute id="10" title="_label" type="string"/>)",
           R"(<attribute id="11" title="mixed" type="string"/>)",
           R"(<attribute id="12" title="multi" type="liststring"/>)",
           R"(<attribute id="13" title="note" type="string"/>)",
           R"(<attribute id="14" title="_size" type="double"/>)",
       })
    EXPECT_NE(nodes.find(line), std::string::npos) << line;
  const std::string edges = block(doc, "<attributes class=\"edge\">", "</attributes>");
  for (const char* line : {
           R"(<attribute id="5" title="id" type="string"/>)",
           R"(<attribute id="6" title="_kind" type="string"/>)",
           R"(<attribute id="7" title="quote" type="liststring"/>)",
           R"(<attribute id="8" title="_weight" type="long"/>)",
       })
    EXPECT_NE(edges.find(line), std::string::npos) << line;
}

TEST(GexfExporter, AttributeTitlesNeverCollide) {
  EXPECT_EQ(gexf::attribute_title("note", true), "note");
  EXPECT_EQ(gexf::attribute_title("type", true), "_type");
  EXPECT_EQ(gexf::attribute_title("_type", true), "__type");
  EXPECT_EQ(gexf::attribute_title("size", true), "_size");
  EXPECT_EQ(gexf::attribute_title("size", false), "size");
  EXPECT_EQ(gexf::attribute_title("weight", false), "_weight");
  EXPECT_EQ(gexf::attribute_title("quote", false), "quote");
  EXPECT_EQ(gexf::attribute_title("id", false), "id");
  EXPECT_EQ(gexf::attribute_title("", true), "");
}

TEST(GexfExporter, ListItemsAreQuotedAndEscaped) {
  std::string out;
  gexf::append_list_item(out, "a \"b\" \\c\nd\re\tf, g");
  EXPECT_EQ(out, R"("a \"b\" \\c\nd\re\tf, g")");
}

TEST(GexfExporter, NodesCarryValuesAndColours) {
  const std::string doc = gexf_of(fixture("escaping.json"));
  const std::string node = block(doc, "<node id=\"a b\"", "</node>");
  EXPECT_NE(node.find("label=\"Name with &quot;quotes&quot; &amp; &lt;tags&gt;\""),
            std::string::npos)
      << node;
  EXPECT_NE(node.find("<attvalue for=\"0\" value=\"actor\"/>"), std::string::npos);
  EXPECT_NE(
      node.find(
          R"(<attvalue for="2" value="[&quot; &#32;padded &#32;&quot;, &quot;[\&quot;not\&quot;,\&quot;a list\&quot;]&quot;, &quot;comma, inside&quot;, &quot;new\nline\ttab\rcr&quot;, &quot;quote \&quot; and backslash \\&quot;]"/>)"),
      std::string::npos)
      << node;
  EXPECT_NE(node.find("<attvalue for=\"13\" value=\"line1&#10;line2&#13;&#10;&#9;tabbed\"/>"),
            std::string::npos);
  EXPECT_NE(node.find("<attvalue for=\"14\" value=\"3.0\"/>"), std::string::npos)
      << "an integer in a double column";
  EXPECT_NE(node.find("<viz:color r=\"78\" g=\"121\" b=\"167\"/>"), std::string::npos);
  const std::string rtl = block(doc, "<node id=\"rtl\"", "</node>");
  EXPECT_NE(rtl.find("<attvalue for=\"11\" value=\"7\"/>"), std::string::npos)
      << "an integer in a string column";
  EXPECT_NE(rtl.find("<attvalue for=\"9\" value=\"false\"/>"), std::string::npos);
  EXPECT_NE(rtl.find("<attvalue for=\"12\" value=\"[&quot;x&quot;, &quot;y&quot;]\"/>"),
            std::string::npos);
  EXPECT_NE(rtl.find("label=\"RTL \u202Eoverride\u202C and C1 &#133; and DEL &#127;\""),
            std::string::npos)
      << rtl;
}

TEST(GexfExporter, EdgesCarryTypeLabelAndInterval) {
  const std::string doc = gexf_of(fixture("escaping.json"));
  const std::string edge = block(doc, "<edge id=\"e0\"", "</edge>");
  EXPECT_NE(edge.find("<edge id=\"e0\" source=\"a b\" target=\"emoji😀\" kind=\"related_to\" "
                      "label=\"related to\" "
                      "start=\"2008-02-01\" end=\"2008-02-29\">"),
            std::string::npos)
      << edge;
  EXPECT_NE(edge.find("<attvalue for=\"1\" value=\"role &lt;&amp;&gt;\"/>"), std::string::npos);
  EXPECT_NE(
      edge.find(
          R"(<attvalue for="7" value="[&quot;q1 \&quot;a\&quot;&quot;, &quot;q2\nb&quot;]"/>)"),
      std::string::npos)
      << edge;
  const std::string second = block(doc, "<edge id=\"e1\"", "</edge>");
  EXPECT_NE(second.find("<attvalue for=\"5\" value=\"rel/1\"/>"), std::string::npos);
  EXPECT_NE(second.find("<attvalue for=\"7\" value=\"[&quot;one&quot;]\"/>"), std::string::npos);
}

TEST(GexfExporter, FollowsTheView) {
  const KnowledgeGraph g = graph_from_json(fixture("basic.json"));
  const std::uint32_t act = *g.find_entity("act");
  const std::string doc = export_to_string(GraphView(g, {act}, {}), "gexf");
  EXPECT_NE(doc.find("<nodes count=\"1\">"), std::string::npos);
  EXPECT_NE(doc.find("<edges count=\"0\">"), std::string::npos);
  EXPECT_EQ(doc.find("title=\"position\""), std::string::npos)
      << "no attribute the view does not use";
}

TEST(GexfExporter, IsDeterministic) {
  const KnowledgeGraph g = graph_from_json(fixture("escaping.json"));
  EXPECT_EQ(export_to_string(GraphView(g), "gexf"), export_to_string(GraphView(g), "gexf"));
}

TEST(GexfExporter, IsRegisteredForItsExtension) {
  ExporterRegistry registry;
  register_builtin_exporters(registry);
  ASSERT_NE(registry.for_path("x/graph.gexf"), nullptr);
  EXPECT_EQ(registry.for_path("x/graph.gexf")->name(), "gexf");
}

}  // namespace
}  // namespace kgraph
