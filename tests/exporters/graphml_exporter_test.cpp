#include "exporters/graphml_exporter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "graph/graph_view.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using test::export_to_string;
using test::graph_from_json;

std::string graphml_of(const std::string& json) {
  const KnowledgeGraph g = graph_from_json(json);
  return export_to_string(GraphView(g), "graphml");
}

// The <data key="..."> lines of the element whose first data is `<data key="n_id">ID</data>`.
std::string node_block(const std::string& doc, const std::string& id_text) {
  const std::string marker = "<data key=\"n_id\">" + id_text + "</data>";
  const auto at = doc.find(marker);
  if (at == std::string::npos) return {};
  const auto begin = doc.rfind("<node ", at);
  const auto end = doc.find("</node>", at);
  return doc.substr(begin, end - begin);
}

std::string edge_name(std::size_t i) {
  std::string s = std::to_string(i);
  s.insert(s.begin(), 'e');
  return s;
}

std::string edge_block(const std::string& doc, const std::string& edge_id) {
  const auto begin = doc.find("<edge id=\"" + edge_id + "\"");
  if (begin == std::string::npos) return {};
  return doc.substr(begin, doc.find("</edge>", begin) - begin);
}

// ---- golden files ----------------------------------------------------------------------------

// Every tests/data/golden/graphml/NAME.json is built and written to GraphML, and compared byte
// for byte with NAME.graphml. KGRAPH_UPDATE_GOLDEN=1 rewrites the .graphml files instead.
TEST(GraphmlExporter, MatchesGoldenFiles) {
  for (const auto& input : test::golden_inputs("graphml", 5)) {
    SCOPED_TRACE(input.filename().string());
    auto golden = input;
    golden.replace_extension(".graphml");
    test::check_golden(golden, graphml_of(test::read_file(input)), "GraphML of " + input.string());
  }
}

// ---- document structure ----------------------------------------------------------------------

TEST(GraphmlExporter, WritesHeaderKeysNodesThenEdges) {
  const std::string doc = graphml_of(test::read_file(test::test_data("golden/graphml/basic.json")));
  EXPECT_EQ(doc.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                      "http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd\">\n",
                      0),
            0u);
  EXPECT_NE(doc.find("<graph id=\"G\" edgedefault=\"directed\">"), std::string::npos);
  EXPECT_LT(doc.rfind("<key "), doc.find("<graph "));
  EXPECT_LT(doc.rfind("<node "), doc.find("<edge "));
  EXPECT_EQ(doc.substr(doc.size() - 22), "  </graph>\n</graphml>\n");
  // One node per entity, one edge per relation (3 given + part_of, occurred_in, located_in).
  const KnowledgeGraph g =
      graph_from_json(test::read_file(test::test_data("golden/graphml/basic.json")));
  std::size_t nodes = 0, edges = 0;
  for (auto p = doc.find("<node "); p != std::string::npos; p = doc.find("<node ", p + 1)) ++nodes;
  for (auto p = doc.find("<edge "); p != std::string::npos; p = doc.find("<edge ", p + 1)) ++edges;
  EXPECT_EQ(nodes, g.entities().size());
  EXPECT_EQ(edges, g.relations().size());
  EXPECT_EQ(edges, 6u);
}

TEST(GraphmlExporter, NodeCarriesBuiltinsAndApocLabels) {
  const std::string doc = graphml_of(test::read_file(test::test_data("golden/graphml/basic.json")));
  const std::string mfa = node_block(doc, "mfa");
  ASSERT_FALSE(mfa.empty());
  EXPECT_EQ(mfa,
            "<node id=\"mfa\">\n"
            "      <data key=\"n_id\">mfa</data>\n"
            "      <data key=\"n_type\">actor</data>\n"
            "      <data key=\"n_kind\">government_body</data>\n"
            "      <data key=\"n_name\">Ministry of Foreign Affairs of the People's Republic of "
            "China</data>\n"
            "      <data key=\"n_aliases\">[&quot;MFA&quot;]</data>\n"
            "      <data key=\"n_sources\">[&quot;cecc-2006-10-03&quot;]</data>\n"
            "      <data key=\"labels\">:Actor:GovernmentBody</data>\n"
            "    ");
  const std::string event = node_block(doc, "press-conference-2006-09-19");
  EXPECT_NE(event.find("<data key=\"n_start\">2006-09-19</data>"), std::string::npos);
  EXPECT_NE(event.find("<data key=\"n_end\">2006-09-19</data>"), std::string::npos);
  EXPECT_NE(event.find("<data key=\"labels\">:Event:PressConference</data>"), std::string::npos);
  // No kind: the type label alone.
  const std::string doc2 = graphml_of(R"({"actors":[{"id":"x","name":"X"}]})");
  EXPECT_NE(node_block(doc2, "x").find("<data key=\"labels\">:Actor</data>"), std::string::npos);
  EXPECT_EQ(node_block(doc2, "x").find("n_kind"), std::string::npos);
}

TEST(GraphmlExporter, EdgeStartsWithApocLabelAndCarriesBuiltins) {
  const std::string doc = graphml_of(test::read_file(test::test_data("golden/graphml/basic.json")));
  std::string participated;
  for (int i = 0; i < 6; ++i) {
    const std::string b = edge_block(doc, edge_name(i));
    if (b.find(">participated_in<") != std::string::npos) participated = b;
  }
  ASSERT_FALSE(participated.empty());
  EXPECT_EQ(
      participated.substr(participated.find('>') + 1),
      "\n      <data key=\"label\">PARTICIPATED_IN</data>\n"
      "      <data key=\"e_type\">participated_in</data>\n"
      "      <data key=\"e_role\">spokesman</data>\n"
      "      <data key=\"e_quote\">North Koreans entering China without documents &quot;are not "
      "refugees&quot;</data>\n"
      "      <data key=\"e_sources\">[&quot;cecc-2006-10-03&quot;]</data>\n"
      "    ");
  EXPECT_NE(participated.find("source=\"qin-gang\" target=\"press-conference-2006-09-19\""),
            std::string::npos);
}

// Edges repeat a few types and source lists, whose elements the writer renders once and then
// copies: every edge must still carry its own, whatever came before it.
TEST(GraphmlExporter, EdgesRepeatingTypesAndSourcesEachCarryTheirOwn) {
  const std::vector<std::string> types{"member_of", "employed_by", "parent_of"};
  std::string json = R"({"sources": [{"id": "s0"}, {"id": "s1"}, {"id": "s\"2"}],
    "actors": [)";
  for (int i = 0; i < 40; ++i)
    json += std::string(i ? "," : "") + R"({"id": "a)" + std::to_string(i) +
            R"(", "name": "A", "kind": "person"})";
  json += R"(], "relations": [)";
  for (int i = 0; i < 39; ++i) {
    json += std::string(i ? "," : "") + R"({"from": "a)" + std::to_string(i) + R"(", "to": "a)" +
            std::to_string(i + 1) + R"(", "type": ")" + types[i % 3] + "\"";
    if (i % 4 == 1) json += R"(, "sources": ["s0"])";
    if (i % 4 == 2) json += R"(, "sources": ["s1", "s\"2"])";
    json += "}";
  }
  json += "]}";
  const std::string doc = graphml_of(json);
  // Edges come in order of their source's id: a0, a1, a10, a11, ..., a2, ...
  std::vector<int> from(39);
  std::iota(from.begin(), from.end(), 0);
  std::sort(from.begin(), from.end(),
            [](int a, int b) { return std::to_string(a) < std::to_string(b); });
  for (std::size_t e = 0; e < from.size(); ++e) {
    const int i = from[e];
    std::string upper = types[i % 3];
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string expected = "\n      <data key=\"label\">" + upper +
                           "</data>\n      <data key=\"e_type\">" + types[i % 3] + "</data>\n";
    if (i % 4 == 1) expected += "      <data key=\"e_sources\">[&quot;s0&quot;]</data>\n";
    if (i % 4 == 2)
      expected +=
          "      <data key=\"e_sources\">[&quot;s\\&quot;2&quot;,&quot;s1&quot;]</data>\n";  // by text
    const std::string block = edge_block(doc, edge_name(e));
    ASSERT_NE(block.find("source=\"a" + std::to_string(i) + "\""), std::string::npos) << block;
    EXPECT_EQ(block.substr(block.find('>') + 1), expected + "    ") << e;
  }
}

TEST(GraphmlExporter, EdgeIdsAreUniqueInViewOrder) {
  const std::string doc = graphml_of(test::read_file(test::test_data("golden/graphml/basic.json")));
  std::regex edge_id("<edge id=\"([^\"]*)\"");
  std::vector<std::string> ids;
  for (std::sregex_iterator it(doc.begin(), doc.end(), edge_id), end; it != end; ++it)
    ids.push_back((*it)[1]);
  ASSERT_EQ(ids.size(), 6u);
  for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], edge_name(i));
}

TEST(GraphmlExporter, GraphDataListsCitedSources) {
  const std::string doc = graphml_of(test::read_file(test::test_data("golden/graphml/basic.json")));
  EXPECT_NE(
      doc.find("<key id=\"g_sources\" for=\"graph\" attr.name=\"sources\" attr.type=\"string\"/>"),
      std::string::npos);
  EXPECT_NE(
      doc.find("    <data "
               "key=\"g_sources\">[{&quot;id&quot;:&quot;cecc-2006-10-03&quot;,&quot;date&quot;:"
               "&quot;2006-10-03&quot;,&quot;publisher&quot;:"),
      std::string::npos);
  EXPECT_NE(doc.find("&quot;url&quot;:&quot;https://www.cecc.gov/?a=1&amp;b=2&quot;}]</data>"),
            std::string::npos);
  // Without sources there is no graph key.
  EXPECT_EQ(graphml_of(R"({"actors":[{"id":"x","name":"X"}]})").find("g_sources"),
            std::string::npos);
}

TEST(GraphmlExporter, EmptyGraphIsStillADocument) {
  const std::string doc = graphml_of("{}");
  EXPECT_NE(doc.find("<graph id=\"G\" edgedefault=\"directed\">\n  </graph>\n</graphml>\n"),
            std::string::npos);
  EXPECT_NE(doc.find("<key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>"),
            std::string::npos);
}

// ---- key types -------------------------------------------------------------------------------

std::string key_line(const std::string& doc, const std::string& domain,
                     const std::string& attr_name) {
  std::regex re("<key id=\"[^\"]*\" for=\"" + domain + "\" attr.name=\"" + attr_name +
                "\" attr.type=\"([a-z]+)\"/>");
  std::smatch m;
  if (!std::regex_search(doc, m, re)) return "(none)";
  return m[1];
}

TEST(GraphmlExporter, InfersKeyTypesOverTheView) {
  const std::string doc =
      graphml_of(test::read_file(test::test_data("golden/graphml/key_types.json")));
  struct Case {
    const char* domain;
    const char* name;
    const char* type;
  };
  const Case cases[] = {
      {"node", "only_bool", "boolean"},   {"node", "only_int", "long"},
      {"node", "only_real", "double"},    {"node", "int_and_real", "double"},
      {"node", "bool_and_int", "string"}, {"node", "int_and_string", "string"},
      {"node", "multi", "string"},        {"node", "huge_and_real", "string"},
      {"node", "same_multi", "string"},   {"edge", "weight", "double"},
      {"edge", "confirmed", "boolean"},   {"edge", "count", "long"},
      {"edge", "id", "string"},           {"edge", "quote", "string"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(key_line(doc, c.domain, c.name), c.type) << c.domain << " " << c.name;

  const std::string a1 = node_block(doc, "a1"), a2 = node_block(doc, "a2"),
                    a3 = node_block(doc, "a3");
  EXPECT_NE(a1.find("<data key=\"np_only_bool\">1</data>"), std::string::npos);
  EXPECT_NE(a2.find("<data key=\"np_only_bool\">0</data>"), std::string::npos);
  EXPECT_NE(a2.find("<data key=\"np_only_int\">-4</data>"), std::string::npos);
  EXPECT_NE(a2.find("<data key=\"np_only_real\">2.0</data>"), std::string::npos);
  EXPECT_NE(a3.find("<data key=\"np_only_real\">1e+100</data>"), std::string::npos);
  // An integer in a double key is written as a real.
  EXPECT_NE(a1.find("<data key=\"np_int_and_real\">2.0</data>"), std::string::npos);
  // Mixed single values in a string key: their text.
  EXPECT_NE(a1.find("<data key=\"np_bool_and_int\">true</data>"), std::string::npos);
  EXPECT_NE(a2.find("<data key=\"np_bool_and_int\">1</data>"), std::string::npos);
  EXPECT_NE(a2.find("<data key=\"np_int_and_string\">seven</data>"), std::string::npos);
  EXPECT_NE(a1.find("<data key=\"np_huge_and_real\">9007199254740993</data>"), std::string::npos);
  // A key that is multi-valued anywhere is JSON array text everywhere.
  EXPECT_NE(a1.find("<data key=\"np_multi\">[&quot;x&quot;,&quot;y&quot;]</data>"),
            std::string::npos);
  EXPECT_NE(a2.find("<data key=\"np_multi\">[&quot;z&quot;]</data>"), std::string::npos);
  EXPECT_NE(a1.find("<data key=\"np_same_multi\">[&quot;single&quot;]</data>"), std::string::npos);
  // Merged relation: two quotes, one id.
  const std::string e1 = edge_block(doc, "e1");
  EXPECT_NE(e1.find("<data key=\"e_quote\">[&quot;first&quot;,&quot;second&quot;]</data>"),
            std::string::npos);
  EXPECT_NE(e1.find("<data key=\"e_id\">r-2</data>"), std::string::npos);
  EXPECT_NE(e1.find("<data key=\"ep_weight\">1.0</data>"), std::string::npos);
  EXPECT_NE(e1.find("<data key=\"ep_confirmed\">0</data>"), std::string::npos);
}

TEST(GraphmlExporter, KeysFollowTheViewNotTheGraph) {
  const KnowledgeGraph g =
      graph_from_json(test::read_file(test::test_data("golden/graphml/key_types.json")));
  ASSERT_EQ(g.entities().size(), 3u);
  // Only a3: only_real is its one property; no edges, so no edge property keys.
  const std::string doc = export_to_string(GraphView(g, {2}, {}), "graphml");
  EXPECT_EQ(key_line(doc, "node", "only_real"), "double");
  EXPECT_EQ(key_line(doc, "node", "only_int"), "(none)");
  EXPECT_EQ(key_line(doc, "edge", "weight"), "(none)");
  EXPECT_EQ(key_line(doc, "edge", "id"), "(none)");
  EXPECT_EQ(doc.find("<edge "), std::string::npos);
  // a1 and a2 with their one relation: multi is still a list key (a1 has two values) ...
  const std::string two = export_to_string(GraphView(g, {0, 1}, {0}), "graphml");
  EXPECT_NE(node_block(two, "a2").find("<data key=\"np_multi\">[&quot;z&quot;]</data>"),
            std::string::npos);
  // ... and the quote key, multi-valued only on the relation left out, is not declared.
  EXPECT_EQ(key_line(two, "edge", "quote"), "(none)");
}

// ---- names -----------------------------------------------------------------------------------

TEST(GraphmlNames, PlainTokensPassThroughOthersAreEscaped) {
  const std::pair<const char*, const char*> cases[] = {
      {"mfa", "mfa"},
      {"qin-gang", "qin-gang"},
      {"x.y:z_w-v", "x.y:z_w-v"},
      {"_under", "_under"},
      {"123", "123"},
      {"x.2E", "x.2E"},
      {"a b", "-a.20b"},
      {"-a.20b", "--a.2E20b"},
      {".x", "-.2Ex"},
      {":x", "-:x"},
      {"a/b", "-a.2Fb"},
      {"a\\b", "-a.5Cb"},
      {"\xc3\xbc"
       "ber",
       "-.C3.BCber"},
      {"a\"<&>", "-a.22.3C.26.3E"},
      {"", "-"},
  };
  for (const auto& [in, out] : cases) {
    EXPECT_EQ(graphml::token(in), out) << in;
    EXPECT_EQ(graphml::is_plain_token(in), std::string(in) == out) << in;
  }
}

TEST(GraphmlNames, EscapeIsInjective) {
  const std::vector<std::string> ids = {"a b",   "-a.20b", "a.20b",    "-a b",   "a  b", ".20",
                                        "-.20",  "-",      "--",       "-.2D",   ".",    "..",
                                        ":",     "a:b",    "a.b",      "a-b",    "a_b",  "a/b",
                                        "a.2Fb", "-a.2Fb", "\xc3\xbc", "-.C3.BC"};
  std::set<std::string> seen;
  for (const auto& id : ids)
    EXPECT_TRUE(seen.insert(graphml::token(id)).second) << id << " collides";
}

TEST(GraphmlNames, PropertyNamesNeverTakeABuiltinName) {
  const std::tuple<const char*, bool, const char*> cases[] = {
      {"description", true, "description"},
      {"labels", true, "_labels"},
      {"_labels", true, "__labels"},
      {"__labels", true, "___labels"},
      {"type", true, "_type"},
      {"name", true, "_name"},
      {"label", true, "label"},
      {"role", true, "role"},
      {"label", false, "_label"},
      {"labels", false, "labels"},
      {"id", false, "id"},  // the relation id property is written under the built-in `id`
      {"_id", false, "_id"},
      {"kind", false, "kind"},
      {"date of birth", true, "-date.20of.20birth"},
      {"_type of x", true, "-_type.20of.20x"},
      {"type of x", true, "-type.20of.20x"},
  };
  for (const auto& [key, node, out] : cases)
    EXPECT_EQ(graphml::property_attr_name(key, node), out) << key;
}

TEST(GraphmlExporter, CollidingPropertiesKeepTheirValues) {
  const std::string doc =
      graphml_of(test::read_file(test::test_data("golden/graphml/collisions.json")));
  const std::string p = node_block(doc, "p");
  EXPECT_NE(p.find("<data key=\"labels\">:Actor:Person</data>"), std::string::npos);
  EXPECT_NE(p.find("<data key=\"np__labels\">:Fake</data>"), std::string::npos);
  EXPECT_NE(p.find("<data key=\"np___labels\">one underscore</data>"), std::string::npos);
  EXPECT_NE(p.find("<data key=\"np____labels\">two underscores</data>"), std::string::npos);
  EXPECT_NE(p.find("<data key=\"n_type\">actor</data>"), std::string::npos);
  EXPECT_NE(p.find("<data key=\"np___type\">one underscore</data>"), std::string::npos);
  EXPECT_EQ(key_line(doc, "node", "_labels"), "string");
  EXPECT_EQ(key_line(doc, "node", "-date.20of.20birth"), "string");
  EXPECT_EQ(key_line(doc, "edge", "_label"), "string");
  EXPECT_EQ(key_line(doc, "edge", "__label"), "string");
  // No two keys share (for, attr.name), and no two keys share an id.
  std::regex key_re("<key id=\"([^\"]*)\" for=\"([a-z]*)\" attr.name=\"([^\"]*)\"");
  std::set<std::string> ids, names;
  for (std::sregex_iterator it(doc.begin(), doc.end(), key_re), end; it != end; ++it) {
    EXPECT_TRUE(ids.insert((*it)[1]).second) << "duplicate key id " << (*it)[1];
    EXPECT_TRUE(names.insert((*it)[2].str() + " " + (*it)[3].str()).second)
        << "duplicate attr.name " << (*it)[3];
  }
  const std::string e0 = edge_block(doc, "e0");
  EXPECT_NE(e0.find("<data key=\"label\">RELATED_TO</data>"), std::string::npos);
  EXPECT_NE(e0.find("<data key=\"ep__label\">edge property label</data>"), std::string::npos);
  EXPECT_NE(e0.find("<data key=\"ep_labels\">not an edge built-in</data>"), std::string::npos);
}

TEST(GraphmlNames, Neo4jLabels) {
  EXPECT_EQ(graphml::neo4j_labels(EntityType::actor, "government_body"), ":Actor:GovernmentBody");
  EXPECT_EQ(graphml::neo4j_labels(EntityType::law, "treaty_article"), ":Law:TreatyArticle");
  EXPECT_EQ(graphml::neo4j_labels(EntityType::place, ""), ":Place");
  EXPECT_EQ(graphml::neo4j_labels(EntityType::event, "press-conference 2"),
            ":Event:PressConference2");
  EXPECT_EQ(graphml::neo4j_relationship_type("located_in"), "LOCATED_IN");
  EXPECT_EQ(graphml::neo4j_relationship_type("denied-access"), "DENIED_ACCESS");
}

// ---- escaping --------------------------------------------------------------------------------

TEST(GraphmlExporter, EscapesIdsAndText) {
  const std::string doc =
      graphml_of(test::read_file(test::test_data("golden/graphml/escaping.json")));
  const std::string ab = node_block(doc, "a b");
  ASSERT_FALSE(ab.empty());
  EXPECT_EQ(ab.rfind("<node id=\"-a.20b\">", 0), 0u);
  EXPECT_NE(ab.find("<data key=\"n_name\">Tab&#9;Newline&#10;CR&#13;End</data>"),
            std::string::npos);
  // JSON array text: JSON escapes first, then XML escapes.
  EXPECT_NE(
      ab.find(
          "<data "
          "key=\"n_aliases\">[&quot;\\&quot;quoted\\&quot;&quot;,&quot;&lt;x&gt;&amp;amp;&quot;,"
          "&quot;back\\\\slash&quot;]</data>"),
      std::string::npos)
      << ab;
  EXPECT_NE(ab.find("<data key=\"n_sources\">[&quot;s &lt;1&gt;&quot;]</data>"), std::string::npos);
  // Leading and repeated spaces as references, trailing ones in CDATA: whitespace-trimming
  // readers (Boost) keep them too.
  EXPECT_NE(ab.find("<data key=\"np_note\">&#32;&#32;keep &#32;spaces<![CDATA[  ]]></data>"),
            std::string::npos);
  EXPECT_EQ(node_block(doc, "-a.20b").rfind("<node id=\"--a.2E20b\">", 0), 0u);
  EXPECT_EQ(node_block(doc, "x.y:z_w-v").rfind("<node id=\"x.y:z_w-v\">", 0), 0u);
  EXPECT_EQ(node_block(doc, ".x").rfind("<node id=\"-.2Ex\">", 0), 0u);
  EXPECT_EQ(node_block(doc,
                       "\xc3\xbc"
                       "ber")
                .rfind("<node id=\"-.C3.BCber\">", 0),
            0u);
  // Non-ASCII text is written as UTF-8, untouched.
  EXPECT_NE(
      doc.find("<data key=\"n_name\">\xc3\xa9\xcc\x81 \xe2\x80\xae\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d "
               "\xf0\x9f\x98\x80 \xe4\xb8\xad\xe6\x96\x87</data>"),
      std::string::npos);
  const std::string e0 = edge_block(doc, "e0");
  EXPECT_NE(e0.find("source=\"-a.20b\" target=\"--a.2E20b\""), std::string::npos);
  EXPECT_NE(e0.find("<data key=\"e_role\">]]&gt; &amp; &lt;![CDATA[</data>"), std::string::npos);
  EXPECT_NE(e0.find("<data key=\"e_quote\">line1&#10;line2</data>"), std::string::npos);
  EXPECT_NE(e0.find("<data key=\"e_id\">rel/1</data>"), std::string::npos);
  // Nothing but the escapes: no raw tab, CR or newline inside any data element.
  std::regex raw("<data [^>]*>[^<]*[\t\r\n][^<]*</data>");
  EXPECT_FALSE(std::regex_search(doc, raw));
}

TEST(GraphmlExporter, IsDeterministic) {
  const std::string json = test::read_file(test::test_data("golden/graphml/escaping.json"));
  EXPECT_EQ(graphml_of(json), graphml_of(json));
}

TEST(GraphmlExporter, TextXmlCannotCarryNeverReachesTheFile) {
  // The builder rejects such text on input (so the exporter's own check, tested in
  // xml_text_test.cpp, is a second line). Should one get through, writing must fail with a
  // message naming the element and field instead of producing bad XML.
  const std::pair<const char*, const char*> cases[] = {
      {R"({"actors":[{"id":"x","name":"X","note":"a\u0001b"}]})",
       "cannot write GraphML: entity \"x\", field \"note\": the text contains the control "
       "character U+0001 at "
       "byte 1, which XML 1.0 cannot carry"},
      {R"({"actors":[{"id":"x","name":"X","note":"a\uFFFEb"}]})",
       "cannot write GraphML: entity \"x\", field \"note\": the text contains the noncharacter "
       "U+FFFE at byte 1, "
       "which XML 1.0 cannot carry"},
  };
  for (const auto& [json, message] : cases) {
    SCOPED_TRACE(json);
    const test::BuildResult r = test::build_from({{"c.json", json}});
    if (!r.graph) {
      ASSERT_EQ(r.messages().size(), 1u);
      EXPECT_NE(r.messages()[0].find("field \"note\""), std::string::npos) << r.messages()[0];
      continue;
    }
    try {
      export_to_string(GraphView(*r.graph), "graphml");
      ADD_FAILURE() << "expected ExportError";
    } catch (const ExportError& e) {
      EXPECT_STREQ(e.what(), message);
    }
  }
}

TEST(GraphmlExporter, IsRegisteredForItsExtension) {
  ExporterRegistry registry;
  register_builtin_exporters(registry);
  const Exporter* e = registry.for_path("out/graph.GraphML");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name(), "graphml");
  EXPECT_EQ(registry.named("graphml"), e);
}

}  // namespace
}  // namespace kgraph
