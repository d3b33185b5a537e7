// GEXF written by the kgraph binary, checked by real clients: xmllint against the GEXF 1.3
// RELAX NG schema (the file as written) and XML Schema (the same file without its viz:*
// elements, which the official XSD wrongly rejects), and graphology-gexf from Node, compared
// with what kgraph holds. networkx 2.8.8 reads only GEXF 1.2draft, so it is not used. A missing
// client is a failure, never a skip.

#include <gtest/gtest.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/gexf_exporter.hpp"
#include "graph/graph_view.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

namespace fs = std::filesystem;
using test::shell_quote;
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

struct Prepared {
  std::string problem;
  std::optional<KnowledgeGraph> graph;
  fs::path gexf;
};

const std::map<std::string, fs::path>& datasets() {
  static const std::map<std::string, fs::path> all = {
      {"example", test::source_path("examples/north-korean-refugees-2006/graph.json")},
      {"hostile", test::test_data("hostile/hostile.json")},
      {"escaping", test::test_data("golden/gexf/escaping.json")}};
  return all;
}

const Prepared& prepared(const std::string& name) {
  static std::map<std::string, Prepared> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  Prepared& p = cache[name];
  const fs::path input = datasets().at(name);
  p.gexf = test::make_temp_dir() / (name + ".gexf");
  const test::RunResult run = test::run_kgraph({"build", input.string(), "-o", p.gexf.string()});
  if (run.status != 0) {
    p.problem = "kgraph build " + input.string() + " failed (" + std::to_string(run.status) +
                "): " + run.err;
    return p;
  }
  test::BuildResult built = test::build_from({{input.filename().string(), test::read_file(input)}});
  if (!built.graph) p.problem = "in-process build failed";
  p.graph = std::move(built.graph);
  return p;
}

void string(JsonWriter& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void attribute(JsonWriter& w, std::string_view title, const std::vector<std::string>& values) {
  w.StartObject();
  w.Key("title");
  string(w, title);
  w.Key("values");
  w.StartArray();
  for (const std::string& v : values) string(w, v);
  w.EndArray();
  w.EndObject();
}

std::vector<std::string> texts(const KnowledgeGraph& g, std::span<const StrId> items) {
  std::vector<std::string> out;
  for (StrId s : items) out.emplace_back(g.str(s));
  return out;
}

void interval(JsonWriter& w, const PartialDate& start, const PartialDate& end) {
  w.Key("start");
  if (start.present())
    string(w, gexf::interval_start(start));
  else
    w.Null();
  w.Key("end");
  if (end.present())
    string(w, gexf::interval_end(end));
  else
    w.Null();
}

void common_attributes(JsonWriter& w, const KnowledgeGraph& g, ListId sources,
                       const PartialDate& start, const PartialDate& end, const PropertyList& props,
                       bool node) {
  if (sources) attribute(w, "sources", texts(g, g.list(sources)));
  if (start.present()) attribute(w, "start", {start.to_string()});
  if (end.present()) attribute(w, "end", {end.to_string()});
  for (const Property& p : props) {
    std::vector<std::string> values;
    for (const Value& v : p.values) values.push_back(value_text(v, g.strings()));
    attribute(w, gexf::attribute_title(g.str(p.key), node), values);
  }
}

// What graphology must read: every node and edge with its label, colour, interval and values.
std::string expected_json(const KnowledgeGraph& g) {
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  w.StartObject();
  w.Key("nodes");
  w.StartArray();
  for (const Entity& e : g.entities()) {
    w.StartObject();
    w.Key("id");
    string(w, g.str(e.id));
    w.Key("label");
    string(w, g.str(e.name));
    const std::uint32_t c = gexf::type_color(e.type);
    w.Key("color");
    string(w, "rgb(" + std::to_string(c >> 16) + "," + std::to_string((c >> 8) & 0xFF) + "," +
                  std::to_string(c & 0xFF) + ")");
    interval(w, e.start, e.end);
    w.Key("attributes");
    w.StartArray();
    attribute(w, "type", {std::string(type_name(e.type))});
    if (e.kind != kEmpty) attribute(w, "kind", {std::string(g.str(e.kind))});
    if (e.aliases) attribute(w, "aliases", texts(g, g.list(e.aliases)));
    common_attributes(w, g, e.sources, e.start, e.end, e.properties, true);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (std::size_t i = 0; i < g.relations().size(); ++i) {
    const Relation& r = g.relations()[i];
    w.StartObject();
    w.Key("id");
    string(w, "e" + std::to_string(i));
    w.Key("source");
    string(w, g.str(g.entities()[r.from].id));
    w.Key("target");
    string(w, g.str(g.entities()[r.to].id));
    w.Key("kind");
    string(w, g.str(r.type));
    w.Key("label");
    const RelationType* rt = g.schema().relation(g.str(r.type));
    string(w, rt ? rt->label : std::string(g.str(r.type)));
    interval(w, r.start, r.end);
    w.Key("attributes");
    w.StartArray();
    attribute(w, "type", {std::string(g.str(r.type))});
    if (r.role != kEmpty) attribute(w, "role", {std::string(g.str(r.role))});
    common_attributes(w, g, r.sources, r.start, r.end, g.properties_of(r), false);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return sb.GetString();
}

class GexfClients : public ::testing::TestWithParam<std::string> {
 protected:
  const Prepared& data() {
    const Prepared& p = prepared(GetParam());
    EXPECT_EQ(p.problem, "");
    return p;
  }
};

TEST_P(GexfClients, BinaryWritesWhatTheExporterWrites) {
  const Prepared& p = data();
  ASSERT_TRUE(p.graph);
  EXPECT_EQ(test::read_file(p.gexf), test::export_to_string(GraphView(*p.graph), "gexf"));
}

// The file as written is valid against the GEXF 1.3 RELAX NG schema.
TEST_P(GexfClients, ValidAgainstRelaxNg) {
  const Prepared& p = data();
  ASSERT_TRUE(p.graph);
  const test::RunResult r = test::run_shell(
      "xmllint --noout --nonet --relaxng " +
      shell_quote(test::test_data("schemas/gexf-schema/1.3-rng/gexf.rng").string()) + " " +
      shell_quote(p.gexf.string()) + " 2>&1");
  EXPECT_EQ(r.status, 0) << "xmllint (Debian libxml2-utils):\n" << r.out.substr(0, 3000);
}

// The official XSD declares the viz elements in the GEXF namespace (a known upstream bug), so
// it rejects every <viz:color>. Without them the same file is valid against it; with them, the
// XSD's only complaints are about viz:color.
TEST_P(GexfClients, ValidAgainstXmlSchemaWithoutViz) {
  const Prepared& p = data();
  ASSERT_TRUE(p.graph);
  const std::string xsd = shell_quote(test::test_data("schemas/gexf-schema/1.3/gexf.xsd").string());
  std::string without;
  std::istringstream in(test::read_file(p.gexf));
  std::size_t removed = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.find("<viz:") != std::string::npos) {
      ++removed;
      continue;
    }
    without += line + "\n";
  }
  EXPECT_EQ(removed, p.graph->entities().size()) << "one viz:color per node";
  const fs::path variant = test::make_temp_dir() / "without-viz.gexf";
  test::write_file(variant, without);
  const test::RunResult ok = test::run_shell("xmllint --noout --nonet --schema " + xsd + " " +
                                             shell_quote(variant.string()) + " 2>&1");
  EXPECT_EQ(ok.status, 0) << ok.out.substr(0, 3000);

  const test::RunResult as_written = test::run_shell("xmllint --noout --nonet --schema " + xsd +
                                                     " " + shell_quote(p.gexf.string()) + " 2>&1");
  std::istringstream errors(as_written.out);
  for (std::string line; std::getline(errors, line);) {
    if (line.find("fails to validate") != std::string::npos || line.empty()) continue;
    EXPECT_NE(line.find("Element '{http://gexf.net/1.3/viz}color': This element is not expected."),
              std::string::npos)
        << line;
  }
}

// graphology-gexf reads every node and edge with the values, types, labels and colours kgraph
// holds; the intervals are checked in the same script.
TEST_P(GexfClients, GraphologyReadsItBack) {
  const Prepared& p = data();
  ASSERT_TRUE(p.graph);
  const fs::path clients = test::installed_node_clients();
  ASSERT_FALSE(HasFailure()) << "the npm clients are not installed";
  const std::string modules = (clients / "node_modules").string();
  const fs::path expected = test::make_temp_dir() / "expected.json";
  test::write_file(expected, expected_json(*p.graph));
  const test::RunResult r = test::run_shell(
      "NODE_PATH=" + shell_quote(modules) + " timeout 300 node " +
      shell_quote(test::source_path("tests/clients/gexf_graphology_check.js").string()) + " " +
      shell_quote(p.gexf.string()) + " " + shell_quote(expected.string()) + " 2>&1");
  EXPECT_EQ(r.status, 0) << r.out.substr(0, 5000);
  EXPECT_NE(r.out.find("ok: " + std::to_string(p.graph->entities().size()) + " nodes, " +
                       std::to_string(p.graph->relations().size()) + " edges"),
            std::string::npos)
      << r.out.substr(0, 2000);
}

INSTANTIATE_TEST_SUITE_P(Datasets, GexfClients, ::testing::Values("example", "hostile", "escaping"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace kgraph
