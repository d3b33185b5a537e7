#include <gtest/gtest.h>

#include <algorithm>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

/// Every line of text drawn in an SVG, and every tooltip, as read by Python's XML parser.
struct SvgText {
  std::vector<std::string> texts;
  std::vector<std::string> tooltips;
  bool has_text(const std::string& s) const {
    return std::find(texts.begin(), texts.end(), s) != texts.end();
  }
  /// Whether `s` is drawn, possibly wrapped over consecutive lines.
  bool shows(const std::string& s) const {
    std::string all;
    for (const std::string& t : texts) all += t + " ";
    return all.find(s) != std::string::npos;
  }
  bool tooltip_contains(const std::string& s) const {
    return std::any_of(tooltips.begin(), tooltips.end(),
                       [&](const std::string& t) { return t.find(s) != std::string::npos; });
  }
};

SvgText read_svg(const std::string& svg) {
  const auto path = test::make_temp_dir() / "diagram.svg";
  test::write_file(path, svg);
  const test::RunResult lint =
      test::run_shell("xmllint --noout " + test::shell_quote(path.string()));
  EXPECT_EQ(lint.status, 0) << lint.err;
  // One record per line, NUL-separated kind and text; newlines inside text are kept as \x1f.
  const std::string script =
      "import sys, xml.etree.ElementTree as ET\n"
      "x = '{http://www.w3.org/1999/xlink}title'\n"
      "for e in ET.parse(sys.argv[1]).iter():\n"
      "    if e.tag.endswith('}text'): print('T\\0' + ''.join(e.itertext()).replace('\\n', "
      "'\\x1f'))\n"
      "    if x in e.attrib: print('X\\0' + e.attrib[x].replace('\\n', '\\x1f'))\n";
  const auto script_path = path.parent_path() / "read.py";
  test::write_file(script_path, script);
  const test::RunResult r =
      test::run_shell("/usr/bin/python3 " + test::shell_quote(script_path.string()) + " " +
                      test::shell_quote(path.string()));
  EXPECT_EQ(r.status, 0) << r.err;
  SvgText out;
  std::size_t start = 0;
  while (start < r.out.size()) {
    std::size_t end = r.out.find('\n', start);
    if (end == std::string::npos) end = r.out.size();
    const std::string line = r.out.substr(start, end - start);
    start = end + 1;
    if (line.size() < 2 || line[1] != '\0') continue;
    std::string text = line.substr(2);
    std::replace(text.begin(), text.end(), '\x1f', '\n');
    (line[0] == 'T' ? out.texts : out.tooltips).push_back(text);
  }
  return out;
}

TEST(RenderedExporter, ExtensionsAndNames) {
  ExporterRegistry registry;
  register_builtin_exporters(registry);
  for (const char* format : {"svg", "png", "pdf"}) {
    const Exporter* e = registry.for_path(std::string("out/x.") + format);
    ASSERT_NE(e, nullptr) << format;
    EXPECT_EQ(e->name(), format);
  }
}

TEST(RenderedExporter, SvgIsXmlWithEveryLabelAndItsProvenance) {
  const KnowledgeGraph g = test::golden_dot_graph("styles");
  ExportOptions legend;
  legend.legend = true;
  const SvgText svg = read_svg(test::export_to_string(GraphView(g), "svg", legend));
  for (const Entity& e : g.entities())
    EXPECT_TRUE(svg.shows(std::string(g.str(e.name)))) << g.str(e.name);
  EXPECT_TRUE(svg.has_text("Regular press conference"));
  // Captions give kind and date; edges their schema label and role.
  EXPECT_TRUE(svg.has_text("Press conference \u00b7 2006-09-19"));
  EXPECT_TRUE(svg.has_text("Repatriation \u00b7 2002 \u2013 2006"));
  EXPECT_TRUE(svg.has_text("spokesperson of"));
  EXPECT_TRUE(svg.has_text("(spokesman)"));
  // Tooltips carry sources (by title) and quotes.
  EXPECT_TRUE(svg.tooltip_contains(
      "Sources:\n\u2022 MFA Spokesman Calls North Koreans \"Illegal Migrants\" (CECC, 2006-10-03) "
      "https://www.cecc.gov/example"));
  EXPECT_TRUE(
      svg.tooltip_contains("Qin Gang \u2192 spokesperson of \u2192 Ministry of Foreign Affairs\n"
                           "\u201cMFA spokesman Qin Gang\u201d"));
  EXPECT_TRUE(svg.tooltip_contains("Also known as: MFA\nChina's foreign ministry."));
  // The legend names the kinds and relations present.
  EXPECT_TRUE(svg.has_text("Government body"));
  EXPECT_TRUE(svg.has_text("Treaty article"));
  EXPECT_TRUE(svg.has_text("Relations"));
}

TEST(RenderedExporter, SvgShowsHostileTextAsWritten) {
  const KnowledgeGraph g = test::golden_dot_graph("escaping");
  const SvgText svg = read_svg(test::export_to_string(GraphView(g), "svg"));
  for (const char* name :
       {"Say \"hi\" & <wave>", "Ends in a backslash \\", "C:\\new\\table \\N \\l \\G", "line one",
        "line two", "line three", "&amp; &lt; stay literal", "中华人民共和国外交部",
        "조선민주주의인민공화국", "정부", "وزارة الخارجية", "Министерство иностранных", "дел",
        "A keyword as id"})
    EXPECT_TRUE(svg.has_text(name)) << name;
  EXPECT_TRUE(svg.has_text("(role with \\ and"));
  EXPECT_TRUE(svg.has_text("\"quotes\" & <tags>)"));
  EXPECT_TRUE(svg.has_text("(\\N\\l\\r)"));
  EXPECT_TRUE(
      svg.tooltip_contains("\u201cHe said: \"no\" \\ <b>bold</b> & more\nsecond line\u201d"));
  EXPECT_TRUE(
      svg.tooltip_contains("Title with \"quotes\" & <tags> and \\backslashes\\ (وزارة الخارجية)"));
  EXPECT_TRUE(svg.tooltip_contains("&amp; &lt; stay literal\n"));
}

// ---- Graphviz escapes in the data -------------------------------------------------------------

/// Text with every backslash sequence Graphviz gives a meaning somewhere (object names, the
/// label, line breaks and their justification) and a trailing backslash.
const std::vector<std::string> kEscapes = {"\\N", "\\G", "\\L", "\\E", "\\T",
                                           "\\H", "\\n", "\\l", "\\r", "\\"};
const std::string kKindLabel = "Kind \\N \\L \\G \\";
const std::string kRelationLabel = "rel \\E \\T \\H \\l \\";
const std::string kRole = "role \\N \\r \\";
const std::string kQuote = "said \\L \\n \\G \\";
const std::string kPlaceName = "place \\N \\L \\";
const std::string kOddId = "id \\N \\";

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '\\' || c == '"' ? std::string{'\\', c} : std::string{c};
  return out + "\"";
}

std::string name_with(std::size_t i) { return "x " + kEscapes[i] + " y"; }

/// One actor per escape (named "x ESC y"), one with an id full of escapes, all in a place
/// cluster, joined by relations of a schema type whose label, role and quote hold escapes.
KnowledgeGraph escapes_graph() {
  Schema schema = Schema::builtin();
  Diagnostics diags;
  const std::string schema_json =
      R"({"types": {"actor": {"kinds": {"esc_kind": )" + json_string(kKindLabel) +
      R"(}}}, "relations": {"esc_rel": {"label": )" + json_string(kRelationLabel) +
      R"(, "allowed": [{"from": "actor", "to": "actor"}]}}})";
  if (!schema.extend(schema_json, diags.add_file("schema.json"), diags)) ADD_FAILURE() << "schema";
  std::string actors, relations;
  for (std::size_t i = 0; i < kEscapes.size(); ++i) {
    actors += R"({"id": "e)" + std::to_string(i) + R"(", "kind": "esc_kind", "name": )" +
              json_string(name_with(i)) + "},";
    relations += R"({"from": "e)" + std::to_string(i) + R"(", "type": "located_in", "to": "pl"},)";
  }
  actors += R"({"id": )" + json_string(kOddId) + R"(, "kind": "esc_kind", "name": "odd"})";
  relations += R"({"from": "e0", "type": "esc_rel", "to": "e1", "role": )" + json_string(kRole) +
               R"(, "quote": )" + json_string(kQuote) + "}";
  const std::string json = R"({"actors": [)" + actors +
                           R"(], "places": [{"id": "pl", "kind": "city", "name": )" +
                           json_string(kPlaceName) + R"(}], "relations": [)" + relations + "]}";
  test::BuildResult r = test::build_from({{"test.json", json}}, schema);
  for (const std::string& m : r.messages()) ADD_FAILURE() << m;
  if (!r.graph) return {};
  return std::move(*r.graph);
}

ExportOptions escapes_options() {
  ExportOptions options;
  options.legend = true;
  options.cluster = "place";
  return options;
}

/// Every text the diagram takes from the data is drawn, and every tooltip says, exactly what
/// the data says.
void expect_escapes_shown_as_written(const SvgText& svg) {
  auto has_tooltip = [&](const std::string& t) {
    return std::find(svg.tooltips.begin(), svg.tooltips.end(), t) != svg.tooltips.end();
  };
  for (std::size_t i = 0; i < kEscapes.size(); ++i) {
    const std::string name = name_with(i);
    EXPECT_TRUE(svg.has_text(name)) << name;
    const std::string tip = name + "\n" + kKindLabel + "\nid: e" + std::to_string(i);
    EXPECT_TRUE(has_tooltip(tip)) << tip;
  }
  EXPECT_TRUE(has_tooltip("odd\n" + kKindLabel + "\nid: " + kOddId));
  EXPECT_TRUE(svg.has_text(kKindLabel));
  EXPECT_TRUE(svg.has_text(kRelationLabel));
  EXPECT_TRUE(svg.has_text("(" + kRole + ")"));
  const std::string edge_tip = name_with(0) + " \u2192 " + kRelationLabel + " \u2192 " +
                               name_with(1) + "\nrole: " + kRole + "\n\u201c" + kQuote + "\u201d";
  EXPECT_TRUE(has_tooltip(edge_tip)) << edge_tip;
  EXPECT_TRUE(has_tooltip(name_with(2) + " \u2192 located in \u2192 " + kPlaceName));
  // The place: its node, its cluster's label, and the legend's row for the relation type.
  EXPECT_EQ(std::count(svg.texts.begin(), svg.texts.end(), kPlaceName), 2);
  EXPECT_TRUE(svg.has_text(" " + kRelationLabel));  // after the legend's coloured arrow
  for (const std::string& t : svg.tooltips) EXPECT_EQ(t.find("kgraph"), std::string::npos) << t;
}

TEST(RenderedExporter, SvgShowsGraphvizEscapesInTheDataAsWritten) {
  const KnowledgeGraph g = escapes_graph();
  expect_escapes_shown_as_written(
      read_svg(test::export_to_string(GraphView(g), "svg", escapes_options())));
}

TEST(RenderedExporter, DotDrawnByDotShowsGraphvizEscapesInTheDataAsWritten) {
  const KnowledgeGraph g = escapes_graph();
  const auto path = test::make_temp_dir() / "escapes.dot";
  test::write_file(path, test::export_to_string(GraphView(g), "dot", escapes_options()));
  const test::RunResult r = test::run_shell("dot -Tsvg " + test::shell_quote(path.string()));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  expect_escapes_shown_as_written(read_svg(r.out));
}

TEST(RenderedExporter, HostileDocumentRendersToValidSvg) {
  const KnowledgeGraph g =
      test::graph_from_json(test::read_file(test::test_data("hostile/hostile.json")));
  ExportOptions options;
  options.legend = true;
  options.cluster = "place";
  const SvgText svg = read_svg(test::export_to_string(GraphView(g), "svg", options));
  EXPECT_TRUE(svg.has_text("中华人民共和国"));
  EXPECT_TRUE(svg.has_text("ws")) << "a blank name is shown as the id";
}

TEST(RenderedExporter, PngAndPdfHaveTheirMagicAndContent) {
  const KnowledgeGraph g = test::golden_dot_graph("styles");
  const std::string png = test::export_to_string(GraphView(g), "png");
  ASSERT_GT(png.size(), 10000u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  const std::string pdf = test::export_to_string(GraphView(g), "pdf");
  ASSERT_GT(pdf.size(), 5000u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
}

TEST(RenderedExporter, EveryEngineAndClusterModeRenders) {
  const KnowledgeGraph g = test::golden_dot_graph("styles");
  for (std::string_view engine : {"dot", "neato", "fdp", "sfdp", "circo"}) {
    for (const char* cluster : {"none", "place", "type"}) {
      SCOPED_TRACE(std::string(engine) + " " + cluster);
      ExportOptions options;
      options.engine = std::string(engine);
      options.cluster = cluster;
      options.legend = true;
      const SvgText svg = read_svg(test::export_to_string(GraphView(g), "svg", options));
      EXPECT_TRUE(svg.has_text("Qin Gang"));
    }
  }
}

TEST(RenderedExporter, LabelFontCoversChineseAndKorean) {
  // The diagrams name "Noto Sans CJK SC" (fonts-noto-cjk, scripts/install-deps.sh); without it
  // Chinese and Korean names would be drawn as boxes.
  const test::RunResult r = test::run_shell("fc-match -f '%{family}' 'Noto Sans CJK SC:lang=ko'");
  EXPECT_NE(r.out.find("Noto Sans CJK"), std::string::npos) << "fonts-noto-cjk missing: " << r.out;
}

TEST(RenderedExporter, RendersTheExample) {
  const auto example = test::source_path("examples/north-korean-refugees-2006/graph.json");
  if (!std::filesystem::exists(example)) GTEST_SKIP() << example << " not written yet";
  const KnowledgeGraph g = test::graph_from_json(test::read_file(example));
  ExportOptions options;
  options.legend = true;
  const SvgText svg = read_svg(test::export_to_string(GraphView(g), "svg", options));
  EXPECT_TRUE(svg.has_text("Qin Gang"));
  EXPECT_TRUE(svg.tooltip_contains("Congressional-Executive Commission on China"));
}

}  // namespace
}  // namespace kgraph
