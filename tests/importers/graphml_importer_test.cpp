// The GraphML importer: kgraph's own GraphML reads back to the same graph, foreign GraphML with
// typed keys, defaults and labels, the input options, and every message with its place.

#include <gtest/gtest.h>

#include <chrono>

#include "graph/graph_view.hpp"
#include "importers/graphml_test_support.hpp"

namespace kgraph {
namespace {

using test::read_graphml;

std::string json_of(const KnowledgeGraph& g) {
  return test::export_to_string(GraphView(g), "json");
}

constexpr std::string_view kHead = R"(<graphml xmlns="http://graphml.graphdrawing.org/xmlns">)";

// Line 1 is the <graphml> start tag; `body` starts on line 2.
std::string doc(std::string_view body) {
  std::string text(kHead);
  text.append("\n").append(body).append("\n</graphml>\n");
  return text;
}

// ---- kgraph's own GraphML ------------------------------------------------------------------

// example -> JSON must equal example -> GraphML -> kgraph -> JSON, byte for byte.
void expect_round_trip(const std::filesystem::path& input) {
  const KnowledgeGraph original = test::graph_from_file(input);
  const std::string graphml = test::export_to_string(GraphView(original), "graphml");
  test::BuildResult back = read_graphml(graphml);
  ASSERT_TRUE(back.graph) << input << ": " << ::testing::PrintToString(back.messages());
  EXPECT_EQ(back.messages(), std::vector<std::string>{}) << input;
  EXPECT_EQ(json_of(*back.graph), json_of(original)) << input;
}

TEST(GraphmlImporter, OwnGraphmlReadsBackToTheSameGraph) {
  expect_round_trip(test::source_path("examples/north-korean-refugees-2006/graph.json"));
  // Lists, typed properties, escaped ids and names, sources, dates, parallel relations.
  expect_round_trip(test::test_data("graphml/typed_lists.json"));
  for (const char* name : {"basic", "collisions", "escaping", "empty"})
    expect_round_trip(test::test_data("golden/graphml/" + std::string(name) + ".json"));
}

// The same through the command, as a user runs it.
TEST(GraphmlImporter, OwnGraphmlReadsBackThroughTheCommand) {
  const auto dir = test::make_temp_dir();
  const std::string example = test::source_path("examples/north-korean-refugees-2006").string();
  const auto a = dir / "a.json", x = dir / "x.graphml", b = dir / "b.json";
  ASSERT_EQ(test::run_kgraph({"build", example, "-o", "json:" + a.string()}).status, 0);
  ASSERT_EQ(test::run_kgraph({"build", example, "-o", "graphml:" + x.string()}).status, 0);
  const test::RunResult back = test::run_kgraph({"build", x.string(), "-o", "json:" + b.string()});
  ASSERT_EQ(back.status, 0) << back.err;
  EXPECT_EQ(test::read_file(b), test::read_file(a));
}

// The exporter gives a key one attr.type for all elements (docs/formats/graphml.md, "Types"), so
// a property whose values mix kinds across elements comes back as that type: pinned here.
TEST(GraphmlImporter, MixedKindKeysComeBackAsTheirKeyType) {
  const KnowledgeGraph original =
      test::graph_from_file(test::test_data("golden/graphml/key_types.json"));
  test::BuildResult back = read_graphml(test::export_to_string(GraphView(original), "graphml"));
  ASSERT_TRUE(back.graph) << ::testing::PrintToString(back.messages());
  test::check_golden(test::test_data("graphml/golden/key_types_read_back.json"),
                     json_of(*back.graph), "key_types.json through GraphML");
}

// ---- foreign GraphML: goldens --------------------------------------------------------------

TEST(GraphmlImporter, ForeignGoldens) {
  for (const char* name : {"defaults", "apoc"}) {
    const auto input = test::test_data("graphml/golden/" + std::string(name) + ".graphml");
    test::BuildResult r = read_graphml(test::read_file(input), {}, {}, input.filename().string());
    ASSERT_TRUE(r.graph) << name << ": " << ::testing::PrintToString(r.messages());
    test::check_golden(test::test_data("graphml/golden/" + std::string(name) + ".json"),
                       json_of(*r.graph), std::string(name) + ".graphml as JSON");
  }
}

TEST(GraphmlImporter, WorkedExample) {
  const auto input = test::source_path("examples/graphml/shenyang-consulate.graphml");
  test::BuildResult r = read_graphml(test::read_file(input), {}, {}, "shenyang-consulate.graphml");
  ASSERT_TRUE(r.graph) << ::testing::PrintToString(r.messages());
  test::check_golden(test::source_path("examples/graphml/shenyang-consulate.json"),
                     json_of(*r.graph), "the JSON of examples/graphml");
}

// ---- options -------------------------------------------------------------------------------

TEST(GraphmlImporter, OptionsNameTheAttributes) {
  const std::string text = doc(R"(<key id="t" for="node" attr.name="what" attr.type="string"/>
<key id="n" for="node" attr.name="title" attr.type="string"/>
<key id="s" for="node" attr.name="sort" attr.type="string"/>
<key id="r" for="edge" attr.name="verb" attr.type="string"/>
<graph edgedefault="directed">
<node id="a"><data key="t">Person</data><data key="n">Ann</data></node>
<node id="b"><data key="t">thing</data><data key="n">Box</data><data key="s">organization</data></node>
<node id="c"/>
<edge source="a" target="b"><data key="r">MEMBER_OF</data></edge>
<edge source="a" target="c"/>
</graph>)");
  test::BuildResult r = read_graphml(text, {{"graphml.type", "what"},
                                            {"graphml.name", "title"},
                                            {"graphml.kind", "sort"},
                                            {"graphml.relation", "verb"},
                                            {"graphml.default-type", "place"},
                                            {"graphml.default-relation", "related_to"}});
  ASSERT_TRUE(r.graph) << ::testing::PrintToString(r.messages());
  EXPECT_EQ(json_of(*r.graph), R"({
  "actors": [
    {"id":"a","name":"Ann","kind":"person"},
    {"id":"b","name":"Box","kind":"organization","what":"thing"}
  ],
  "places": [
    {"id":"c","name":"c"}
  ],
  "relations": [
    {"from":"a","type":"member_of","to":"b"},
    {"from":"a","type":"related_to","to":"c"}
  ]
}
)");
}

// Attributes whose names kgraph reserves stay properties under `graphml_` + the name: igraph's
// bipartite `type`, a `place` that is no relation, an edge attribute `from`.
TEST(GraphmlImporter, ReservedNamesStayProperties) {
  const std::string text = doc(R"(<key id="t" for="node" attr.name="type" attr.type="boolean"/>
<key id="p" for="node" attr.name="place"/>
<key id="f" for="edge" attr.name="from"/>
<key id="l" for="edge" attr.name="label"/>
<graph edgedefault="directed">
<node id="a"><data key="t">true</data><data key="p">Berlin</data></node>
<node id="b"><data key="t">0</data></node>
<edge id="e" source="a" target="b"><data key="f">x</data><data key="l">RELATED_TO</data></edge>
</graph>)");
  test::BuildResult r =
      read_graphml(text, {{"graphml.type", "kind"}, {"graphml.default-type", "actor"}});
  ASSERT_TRUE(r.graph) << ::testing::PrintToString(r.messages());
  EXPECT_EQ(json_of(*r.graph), R"({
  "actors": [
    {"id":"a","name":"a","graphml_place":"Berlin","graphml_type":true},
    {"id":"b","name":"b","graphml_type":false}
  ],
  "relations": [
    {"from":"a","type":"related_to","to":"b","graphml_from":"x","graphml_id":"e"}
  ]
}
)");
}

// ---- messages ------------------------------------------------------------------------------

struct MessageCase {
  std::string name;
  std::string text;
  std::vector<std::string> messages;
  test::Settings settings = {};
};

const std::string kUntypedHint =
    "\n  hint: name the attribute that holds it with --input-option graphml.type=ATTR, declare "
    "the kind in a --schema, or give every such node a type with --input-option "
    "graphml.default-type=actor";

std::vector<MessageCase> message_cases() {
  return {
      {"not XML", "hello\n", {"t.graphml:1:1: error: not well-formed XML: Document is empty"}},
      {"empty file", "", {"t.graphml: error: no GraphML document: the file is empty or not XML"}},
      {"mismatched tag",
       doc("<graph>\n</grph>"),
       {"t.graphml:3:8: error: not well-formed XML: Opening and ending tag mismatch: graph line 2 "
        "and grph"}},
      {"other root",
       "<?xml version=\"1.0\"?>\n  <gexf/>\n",
       {"t.graphml:2:3: error: the document is <gexf>, not GraphML\n  hint: a GraphML file starts "
        "with <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"}},
      {"other namespace",
       "<graphml xmlns=\"urn:x\"/>",
       {"t.graphml:1:1: error: the document is <graphml> in the namespace \"urn:x\", not GraphML\n"
        "  hint: a GraphML file starts with <graphml "
        "xmlns=\"http://graphml.graphdrawing.org/xmlns\">"}},
      {"undeclared key",
       doc("<graph>\n<node id=\"a\"><data key=\"k\">x</data></node>\n</graph>"),
       {"t.graphml:3:14: error: data of key \"k\", which no <key> declares\n  hint: declare it "
        "before "
        "the graph: <key id=\"k\" for=\"node\" attr.name=\"...\" attr.type=\"string\"/>"}},
      {"hyperedge refused",
       doc("<graph>\n<node id=\"a\"/>\n  <hyperedge><endpoint node=\"a\"/></hyperedge>\n</graph>"),
       {"t.graphml:4:3: error: hyperedges are not supported: a kgraph relation joins exactly two "
        "entities\n  hint: write the hyperedge as a node with one edge to each of its endpoints"},
       {{"graphml.default-type", "actor"}}},
      {"nested graph",
       doc("<graph>\n<node id=\"a\">\n <graph id=\"inner\"/>\n</node>\n</graph>"),
       {"t.graphml:4:2: error: nested graphs are not supported: kgraph's graph has no subgraphs "
        "(this <graph> is inside <node>)\n  hint: flatten the file first (in yEd: ungroup the "
        "group nodes)"}},
      {"attr.type",
       doc("<key id=\"k\" for=\"node\" attr.name=\"x\" attr.type=\"integer\"/>"),
       {"t.graphml:2:1: error: key \"k\": attr.type=\"integer\" is not a GraphML type\n  hint: "
        "one of boolean, int, long, float, double, string"}},
      {"for",
       doc("<key id=\"k\" for=\"nodes\"/>"),
       {"t.graphml:2:1: error: key \"k\": for=\"nodes\" is not a GraphML domain\n  hint: one of "
        "node, edge, graph, all, graphml, hyperedge, port, endpoint"}},
      {"key twice",
       doc("<key id=\"k\"/>\n<key id=\"k\"/>"),
       {"t.graphml:3:1: error: key id \"k\" is declared twice\n  hint: the first is at line 2"}},
      {"undeclared key in a node",
       doc("<key id=\"k\" for=\"node\" attr.name=\"flag\" attr.type=\"boolean\"/>\n<graph>\n"
           "<node id=\"a\"><data key=\"kind\">x</data></node>\n</graph>"),
       {"t.graphml:4:14: error: data of key \"kind\", which no <key> declares\n  hint: declare it "
        "before the graph: <key id=\"kind\" for=\"node\" attr.name=\"...\" "
        "attr.type=\"string\"/>"}},
      {"typed values",
       doc("<key id=\"b\" for=\"node\" attr.name=\"flag\" attr.type=\"boolean\"/>\n"
           "<key id=\"i\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/>\n"
           "<key id=\"d\" for=\"node\" attr.name=\"x\" "
           "attr.type=\"double\"><default>1,5</default></key>\n"
           "<graph>\n<node id=\"a\"><data key=\"b\">yes</data><data "
           "key=\"i\">4.5</data></node>\n</graph>"),
       {"t.graphml:4:57: error: key \"x\" is a real key (float/double), and \"1,5\" is not a "
        "finite "
        "number such as 3.5, -2 or 1e6",
        "t.graphml:6:14: error: key \"flag\" is boolean, and \"yes\" is not true, false, 1 or 0",
        "t.graphml:6:38: error: key \"n\" is an integer key (int/long), and \"4.5\" is not a whole "
        "number such as 42 or -7"},
       {{"graphml.default-type", "actor"}}},
      {"bad default, key still declared",
       doc("<key id=\"d\" for=\"node\" attr.name=\"x\" "
           "attr.type=\"int\"><default>x</default></key>\n"
           "<graph>\n<node id=\"a\"><data key=\"d\">4</data></node>\n</graph>"),
       {"t.graphml:2:54: error: key \"x\" is an integer key (int/long), and \"x\" is not a whole "
        "number such as 42 or -7"},
       {{"graphml.default-type", "actor"}}},
      {"edge without source",
       doc("<graph>\n<edge target=\"a\"/>\n</graph>"),
       {"t.graphml:3:1: error: <edge> without a source attribute"}},
      {"node without id",
       doc("<graph>\n<node/>\n</graph>"),
       {"t.graphml:3:1: error: <node> without an id attribute"}},
      {"unknown element",
       doc("<graph>\n  <vertex id=\"a\"/>\n</graph>"),
       {"t.graphml:3:3: error: unexpected <vertex> in <graph>\n  hint: GraphML has <graphml>, "
        "<key>, <default>, <graph>, <node>, <edge>, <data>, <desc> and <port>"}},
      {"untyped nodes, reported once",
       doc("<graph>\n<node id=\"a\"/>\n<node id=\"b\"/>\n<node id=\"c\"/>\n</graph>"),
       {"t.graphml: error: 2 more nodes whose type cannot be told (only the first is reported "
        "with its place)",
        "t.graphml:3:1: error: node \"a\": cannot tell its type (actor, law, event or place) from "
        "its labels, label or type data" +
            kUntypedHint}},
      {"label not a type",
       doc("<key id=\"l\" for=\"node\" attr.name=\"labels\"/>\n<graph>\n"
           "<node id=\"a\"><data key=\"l\">:Telescope</data></node>\n</graph>"),
       {"t.graphml:4:14: error: node \"a\": cannot tell its type (actor, law, event or place) from "
        "its labels, label or type data \":Telescope\"" +
        kUntypedHint}},
      {"two types",
       doc("<key id=\"l\" for=\"node\" attr.name=\"labels\"/>\n<graph>\n"
           "<node id=\"a\"><data key=\"l\">:Actor:Place</data></node>\n</graph>"),
       {"t.graphml:4:14: error: node \"a\": the labels \":Actor:Place\" name two types, actor and "
        "place"}},
      {"untyped edge",
       doc("<graph>\n<node id=\"a\"/>\n<edge id=\"e1\" source=\"a\" target=\"a\"/>\n</graph>"),
       {"t.graphml:4:1: error: edge \"e1\": cannot tell its relation type from its labels, label "
        "or type data\n  hint: name the attribute that holds it with --input-option "
        "graphml.relation=ATTR, or give every such edge a type with --input-option "
        "graphml.default-relation=TYPE"},
       {{"graphml.default-type", "actor"}}},
      {"edge to a missing node",
       doc("<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"zz\"/>\n</graph>"),
       {"t.graphml:4:1: error: unknown entity id \"zz\": no actor, law, event or place has it; did "
        "you mean \"a\"?"},
       {{"graphml.default-type", "actor"}, {"graphml.default-relation", "related_to"}}},
      {"key for another domain",
       doc("<key id=\"w\" for=\"edge\"/>\n<graph>\n<node id=\"a\"><data "
           "key=\"w\">1</data></node>\n</graph>"),
       {"t.graphml:4:14: warning: key \"w\" is not declared for <node> elements; its data is left "
        "out"},
       {{"graphml.default-type", "actor"}}},
      {"undirected",
       doc("<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n</graph>"),
       {"t.graphml:2:1: warning: the graph is undirected; its edges are read as relations from "
        "source to target"},
       {{"graphml.default-type", "actor"}}},
      {"unknown option",
       doc("<graph/>"),
       {"t.graphml: error: unknown input option \"graphml.typ\"\n  hint: GraphML takes "
        "graphml.type, graphml.kind, graphml.name, graphml.relation, graphml.default-type and "
        "graphml.default-relation"},
       {{"graphml.typ", "x"}}},
      {"bad default type",
       doc("<graph/>"),
       {"t.graphml: error: input option graphml.default-type: \"person\" is not an entity type\n"
        "  hint: one of actor, law, event, place"},
       {{"graphml.default-type", "person"}}},
  };
}

TEST(GraphmlImporter, Messages) {
  for (const MessageCase& c : message_cases()) {
    test::BuildResult r = read_graphml(c.text, c.settings);
    EXPECT_EQ(r.messages(), c.messages) << c.name;
  }
}

// ---- hostile XML ---------------------------------------------------------------------------

// Both files declare entities; the reader stops at the first declaration, before it is
// recorded, so neither the expansion nor the file read can happen.
TEST(GraphmlImporter, EntityDeclarationsAreRefused) {
  const std::string hint =
      "\n  hint: GraphML needs no entities; remove the DOCTYPE's declarations (they are never "
      "expanded, so that a file cannot make the reader expand text without end or read other "
      "files)";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"billion-laughs.graphml",
       "billion-laughs.graphml:3:3: error: the document declares the "
       "entity \"lol\"; kgraph reads GraphML without entity declarations"},
      {"external-entity.graphml",
       "external-entity.graphml:3:3: error: the document declares the "
       "entity \"secret\"; kgraph reads GraphML without entity "
       "declarations"},
      {"parameter-entity.graphml",
       "parameter-entity.graphml:3:3: error: the document declares "
       "the entity \"remote\"; kgraph reads GraphML without entity "
       "declarations"},
  };
  for (const auto& [name, message] : cases) {
    const auto start = std::chrono::steady_clock::now();
    test::BuildResult r = read_graphml(test::read_file(test::test_data("graphml/hostile/" + name)),
                                       {{"graphml.default-type", "actor"}}, {}, name);
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(r.messages(), std::vector<std::string>{message + hint});
    EXPECT_FALSE(r.graph);
    EXPECT_LT(took, std::chrono::seconds(1)) << name;
  }
}

// A DOCTYPE without declarations (old GraphML 1.0 files name the DTD) is read; the DTD is not.
TEST(GraphmlImporter, DoctypeWithoutDeclarationsIsRead) {
  test::BuildResult r = read_graphml(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM \"http://127.0.0.1:9/graphml.dtd\">\n" +
          doc("<graph>\n<node id=\"a\"/>\n</graph>"),
      {{"graphml.default-type", "actor"}});
  EXPECT_EQ(r.messages(), std::vector<std::string>{});
  ASSERT_TRUE(r.graph);
  EXPECT_EQ(r.graph->entities().size(), 1u);
}

// Without a DOCTYPE an entity reference has nothing to name: not well-formed.
TEST(GraphmlImporter, UndeclaredEntityIsAnError) {
  test::BuildResult r =
      read_graphml(doc("<key id=\"k\" for=\"node\" attr.name=\"name\"/>\n<graph>\n<node "
                       "id=\"a\"><data key=\"k\">&xxe;</data></node>\n</graph>"),
                   {{"graphml.default-type", "actor"}});
  EXPECT_EQ(r.messages(),
            std::vector<std::string>{
                "t.graphml:4:33: error: not well-formed XML: Entity 'xxe' not defined"});
}

}  // namespace
}  // namespace kgraph
