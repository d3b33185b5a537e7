// Third-party GraphML (tests/data/graphml/samples, SOURCES.txt there): what the importer reads,
// counted against networkx reading the same file, and what it rejects, with its message.

#include <gtest/gtest.h>

#include <map>

#include "importers/graphml_test_support.hpp"

namespace kgraph {
namespace {

using test::read_graphml;

std::filesystem::path sample(const std::string& name) {
  return test::test_data("graphml/samples/" + name);
}

/// networkx's counts (tests/importers/graphml_counts.py).
std::string networkx_counts(const std::filesystem::path& file, const std::string& node_attr,
                            const std::string& edge_attr) {
  const test::RunResult r = test::run_shell(
      "/usr/bin/python3 " + test::source_path("tests/importers/graphml_counts.py").string() + " '" +
      file.string() + "' '" + node_attr + "' '" + edge_attr + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  return r.out;
}

std::string string_property(const KnowledgeGraph& g, const PropertyList& props,
                            std::string_view key) {
  for (const Property& p : props)
    if (g.str(p.key) == key && p.values.front().kind == ValueKind::string)
      return std::string(g.str(p.values.front().string));
  return "";
}

/// The same counts from the graph kgraph built: a node's label is its kind, or else the
/// property `node_attr` that kept it; an edge counts once per GraphML edge id it holds
/// (parallel edges that the merge rule joined keep all their ids).
std::string kgraph_counts(const KnowledgeGraph& g, const std::string& node_attr) {
  std::map<std::string, std::size_t> counts;
  for (const Entity& e : g.entities()) {
    const std::string label =
        e.kind != kEmpty ? std::string(g.str(e.kind)) : string_property(g, e.properties, node_attr);
    ++counts["node " + label];
  }
  for (const Relation& r : g.relations()) {
    std::size_t ids = 0;
    for (const Property& p : g.properties_of(r))
      if (g.str(p.key) == "graphml_id") ids = p.values.size();
    counts["edge " + std::string(g.str(r.type))] += ids;
  }
  std::string out;
  for (const auto& [line, count] : counts) out += line + " " + std::to_string(count) + "\n";
  return out;
}

TEST(GraphmlSamples, TinkerPopCountsAgreeWithNetworkx) {
  struct Case {
    std::string file;
    test::Settings settings;
  };
  const std::vector<Case> cases = {
      {"tinkerpop-modern.xml", {{"graphml.type", "labelV"}, {"graphml.relation", "labelE"}}},
      // Every vertex is labelled `vertex`: the type comes from the option, the label stays.
      {"tinkerpop-classic.xml",
       {{"graphml.type", "labelV"},
        {"graphml.default-type", "actor"},
        {"graphml.relation", "labelE"}}},
  };
  for (const Case& c : cases) {
    test::BuildResult r =
        read_graphml(test::read_file(sample(c.file)), c.settings,
                     test::schema_with(test::test_data("graphml/tinkerpop.schema.json")), c.file);
    ASSERT_TRUE(r.graph) << c.file << ": " << ::testing::PrintToString(r.messages());
    EXPECT_EQ(r.messages(), std::vector<std::string>{}) << c.file;
    EXPECT_EQ(kgraph_counts(*r.graph, "labelV"),
              networkx_counts(sample(c.file), "labelV", "labelE"))
        << c.file;
  }
}

// Two parallel edges with nothing to tell them apart are one relation by kgraph's merge rule;
// both GraphML ids are kept on it.
TEST(GraphmlSamples, ParallelEdgesKeepTheirIds) {
  test::BuildResult r =
      read_graphml(test::read_file(sample("multigraph_keys__s.graphml")),
                   {{"graphml.default-type", "actor"}, {"graphml.default-relation", "related_to"}});
  ASSERT_TRUE(r.graph) << ::testing::PrintToString(r.messages());
  EXPECT_EQ(networkx_counts(sample("multigraph_keys__s.graphml"), "x", "x"), "edge  2\nnode  2\n");
  ASSERT_EQ(r.graph->relations().size(), 1u);
  EXPECT_EQ(test::export_to_string(GraphView(*r.graph), "json"), R"({
  "actors": [
    {"id":"n0","name":"n0"},
    {"id":"n1","name":"n1"}
  ],
  "relations": [
    {"from":"n0","type":"related_to","to":"n1","graphml_id":["e0","e1"]}
  ]
}
)");
}

TEST(GraphmlSamples, InvalidFilesAreRejectedWithTheirPlace) {
  const test::Settings settings = {{"graphml.default-type", "actor"},
                                   {"graphml.default-relation", "related_to"}};
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"hyperedge_raise__s.graphml",
       "hyperedge_raise__s.graphml:18:5: error: hyperedges are not supported: a kgraph relation "
       "joins exactly two entities\n  hint: write the hyperedge as a node with one edge to each "
       "of its endpoints"},
      {"read_attributes_with_groups__data.graphml",
       "read_attributes_with_groups__data.graphml:69:7: error: nested graphs are not supported: "
       "kgraph's graph has no subgraphs (this <graph> is inside <node>)\n  hint: flatten the file "
       "first (in yEd: ungroup the group nodes)"},
      {"graphml_test.xml",
       "graphml_test.xml:60:5: error: nested graphs are not supported: kgraph's graph has no "
       "subgraphs (this <graph> is inside <graph>)\n  hint: flatten the file first (in yEd: "
       "ungroup the group nodes)"},
      {"key_raise__s.graphml",
       "key_raise__s.graphml:19:7: error: data of key \"d2\", which no <key> declares\n  hint: "
       "declare it before the graph: <key id=\"d2\" for=\"node\" attr.name=\"...\" "
       "attr.type=\"string\"/>"},
      {"invalid6.graphml",
       "invalid6.graphml:2:1: error: not well-formed XML: Couldn't find end of Start Tag key"},
      {"DCT8_invalid_tag.graphml",
       "DCT8_invalid_tag.graphml:4:9: error: unexpected <vertex> in <graph>\n  hint: GraphML has "
       "<graphml>, <key>, <default>, <graph>, <node>, <edge>, <data>, <desc> and <port>"},
  };
  for (const auto& [file, message] : cases) {
    test::BuildResult r = read_graphml(test::read_file(sample(file)), settings, {}, file);
    EXPECT_FALSE(r.graph) << file;
    const std::vector<std::string> messages = r.messages();
    EXPECT_NE(std::find(messages.begin(), messages.end(), message), messages.end())
        << file << ": " << ::testing::PrintToString(messages);
  }
}

}  // namespace
}  // namespace kgraph
