// GraphML written by the kgraph binary, read back by real clients: xmllint against the GraphML
// 1.1 XML Schema, networkx and igraph (Debian's /usr/bin/python3), and Boost.Graph's
// read_graphml in process. Each is compared with what kgraph holds. A missing client is a
// failure, never a skip.

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/property_map.hpp>

#include <filesystem>
#include <fstream>
#include <list>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "exporters/graphml_exporter.hpp"
#include "graph/graph_view.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

namespace fs = std::filesystem;
using test::shell_quote;

// ---- datasets --------------------------------------------------------------------------------

struct Dataset {
  const char* name;
  fs::path input;
};

Dataset example() {
  return {"example", test::source_path("examples/north-korean-refugees-2006/graph.json")};
}
Dataset hostile() { return {"hostile", test::test_data("hostile/hostile.json")}; }
// A selection of the hostile graph (written through the exporter API, not the binary): every
// other entity and the relations between them, so keys and sources follow the view.
Dataset hostile_selection() {
  return {"hostile-selection", test::test_data("hostile/hostile.json")};
}
bool is_selection(const Dataset& d) { return std::string_view(d.name).ends_with("-selection"); }

// The view a dataset is about.
GraphView view_of(const Dataset& d, const KnowledgeGraph& g) {
  if (!is_selection(d)) return GraphView(g);
  std::vector<std::uint32_t> entities, relations;
  for (std::uint32_t i = 0; i < g.entities().size(); i += 2) entities.push_back(i);
  for (std::uint32_t r = 0; r < g.relations().size(); ++r)
    if (g.relations()[r].from % 2 == 0 && g.relations()[r].to % 2 == 0) relations.push_back(r);
  return GraphView(g, std::move(entities), std::move(relations));
}

// A dataset built by the kgraph binary and in process, with the expectations for the Python
// clients written beside it.
struct GraphmlPrepared {
  std::string problem;  // non-empty if preparing failed
  std::optional<KnowledgeGraph> graph;
  fs::path graphml;
  fs::path expected;
  std::string api_output;  // the same view written through the exporter API
};

void write_value(rapidjson::Writer<rapidjson::StringBuffer>& w, const KnowledgeGraph& g,
                 const Value& v) {
  switch (v.kind) {
    case ValueKind::boolean:
      w.Bool(v.boolean);
      break;
    case ValueKind::integer:
      w.Int64(v.integer);
      break;
    case ValueKind::real:
      w.Double(v.real);
      break;
    case ValueKind::string: {
      const std::string_view s = g.str(v.string);
      w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
      break;
    }
  }
}

void write_string(rapidjson::Writer<rapidjson::StringBuffer>& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_list(rapidjson::Writer<rapidjson::StringBuffer>& w, const KnowledgeGraph& g,
                ListId list) {
  w.StartArray();
  for (StrId s : g.list(list)) write_string(w, g.str(s));
  w.EndArray();
}

void write_properties(rapidjson::Writer<rapidjson::StringBuffer>& w, const KnowledgeGraph& g,
                      const PropertyList& props) {
  w.Key("properties");
  w.StartObject();
  for (const Property& p : props) {
    write_string(w, g.str(p.key));
    w.StartArray();
    for (const Value& v : p.values) write_value(w, g, v);
    w.EndArray();
  }
  w.EndObject();
}

void write_date(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* field,
                const PartialDate& d) {
  if (!d.present()) return;
  w.Key(field);
  write_string(w, d.to_string());
}

// What kgraph holds, in the order it writes it (see graphml_python_check.py).
std::string expectations(const GraphView& view) {
  const KnowledgeGraph& g = view.graph();
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("nodes");
  w.StartArray();
  for (std::uint32_t i : view.entities()) {
    const Entity& e = g.entities()[i];
    w.StartObject();
    w.Key("id");
    write_string(w, g.str(e.id));
    w.Key("type");
    write_string(w, type_name(e.type));
    if (e.kind != kEmpty) {
      w.Key("kind");
      write_string(w, g.str(e.kind));
    }
    w.Key("name");
    write_string(w, g.str(e.name));
    w.Key("aliases");
    write_list(w, g, e.aliases);
    w.Key("sources");
    write_list(w, g, e.sources);
    write_date(w, "start", e.start);
    write_date(w, "end", e.end);
    write_properties(w, g, e.properties);
    w.EndObject();
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (std::uint32_t i : view.relations()) {
    const Relation& r = g.relations()[i];
    w.StartObject();
    w.Key("from");
    write_string(w, g.str(g.entities()[r.from].id));
    w.Key("to");
    write_string(w, g.str(g.entities()[r.to].id));
    w.Key("type");
    write_string(w, g.str(r.type));
    if (r.role != kEmpty) {
      w.Key("role");
      write_string(w, g.str(r.role));
    }
    w.Key("sources");
    write_list(w, g, r.sources);
    write_date(w, "start", r.start);
    write_date(w, "end", r.end);
    write_properties(w, g, g.properties_of(r));
    w.EndObject();
  }
  w.EndArray();
  w.Key("sources");
  w.StartArray();
  for (std::uint32_t i : view.sources()) {
    const Source& s = g.sources()[i];
    w.StartObject();
    w.Key("id");
    write_string(w, g.str(s.id));
    write_date(w, "date", s.date);
    for (const Property& p : s.properties) {
      write_string(w, g.str(p.key));
      if (p.values.size() == 1) {
        write_value(w, g, p.values.front());
      } else {
        w.StartArray();
        for (const Value& v : p.values) write_value(w, g, v);
        w.EndArray();
      }
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return buf.GetString();
}

GraphmlPrepared prepare_uncached(const Dataset& d) {
  GraphmlPrepared p;
  if (!fs::exists(d.input)) {
    p.problem = "input missing: " + d.input.string();
    return p;
  }
  const fs::path dir = test::make_temp_dir();
  p.graphml = dir / (std::string(d.name) + ".graphml");
  p.expected = dir / (std::string(d.name) + ".expected.json");
  test::BuildResult built =
      test::build_from({{d.input.filename().string(), test::read_file(d.input)}});
  if (!built.graph) {
    p.problem = "building in process failed";
    for (const auto& m : built.messages()) p.problem += "\n" + m;
    return p;
  }
  p.graph = std::move(built.graph);
  const GraphView view = view_of(d, *p.graph);
  p.api_output = test::export_to_string(view, "graphml");
  test::write_file(p.expected, expectations(view));
  if (is_selection(d)) {
    test::write_file(p.graphml, p.api_output);
    return p;
  }
  const test::RunResult run =
      test::run_shell(shell_quote(KGRAPH_BINARY) + " build " + shell_quote(d.input.string()) +
                      " -o " + shell_quote(p.graphml.string()));
  if (run.status != 0 || !fs::exists(p.graphml))
    p.problem = "kgraph build exited with " + std::to_string(run.status) + ":\n" + run.err;
  return p;
}

const GraphmlPrepared& prepare(const Dataset& d) {
  static std::map<std::string, GraphmlPrepared> cache;
  auto it = cache.find(d.name);
  if (it == cache.end()) it = cache.emplace(d.name, prepare_uncached(d)).first;
  return it->second;
}

#define PREPARED_OR_FAIL(var, dataset)             \
  const GraphmlPrepared& var = prepare(dataset);   \
  ASSERT_TRUE(var.problem.empty()) << var.problem; \
  ASSERT_TRUE(var.graph.has_value())

// A client program on PATH, or a failure naming the Debian package that provides it.
::testing::AssertionResult have_program(const std::string& program, const std::string& package) {
  if (test::run_shell("command -v " + shell_quote(program)).status == 0)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << program << " is missing: install Debian's " << package << " (client tests never skip)";
}

// ---- the binary and the API agree -------------------------------------------------------------

void expect_cli_matches_api(const Dataset& d) {
  PREPARED_OR_FAIL(p, d);
  EXPECT_TRUE(test::read_file(p.graphml) == p.api_output)
      << "kgraph build and the exporter API differ for " << d.name;
}
TEST(GraphmlClients, CliMatchesApiExample) { expect_cli_matches_api(example()); }
TEST(GraphmlClients, CliMatchesApiHostile) { expect_cli_matches_api(hostile()); }

// ---- xmllint ---------------------------------------------------------------------------------

// xmllint against the GraphML 1.1 schema kept in the repository, offline: the catalog maps
// the schema's web addresses to the local copies (tests/data/schemas/graphml-schema/SOURCES.txt).
void expect_schema_valid(const fs::path& graphml) {
  ASSERT_TRUE(have_program("xmllint", "libxml2-utils"));
  const fs::path schema_dir = test::test_data("schemas/graphml-schema");
  ASSERT_TRUE(fs::exists(schema_dir / "1.1/graphml.xsd")) << schema_dir;
  const test::RunResult r = test::run_shell(
      "XML_CATALOG_FILES=" + shell_quote((schema_dir / "catalog.xml").string()) +
      " xmllint --noout --nonet --schema " +
      shell_quote((schema_dir / "1.1/graphml.xsd").string()) + " " + shell_quote(graphml.string()));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find(" validates"), std::string::npos) << r.err;
}

void expect_schema_valid(const Dataset& d) {
  PREPARED_OR_FAIL(p, d);
  expect_schema_valid(p.graphml);
}
TEST(GraphmlClients, XmllintValidatesExample) { expect_schema_valid(example()); }
TEST(GraphmlClients, XmllintValidatesHostile) { expect_schema_valid(hostile()); }
TEST(GraphmlClients, XmllintValidatesHostileSelection) { expect_schema_valid(hostile_selection()); }
TEST(GraphmlClients, XmllintValidatesGoldenFiles) {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(test::test_data("golden/graphml")))
    if (entry.path().extension() == ".graphml") {
      SCOPED_TRACE(entry.path().filename().string());
      expect_schema_valid(entry.path());
      ++n;
    }
  EXPECT_GE(n, 5u);
}

// ---- networkx and igraph ---------------------------------------------------------------------

void expect_python_client(const Dataset& d, const std::string& client, bool compare_input) {
  ASSERT_TRUE(fs::exists("/usr/bin/python3"))
      << "/usr/bin/python3 is missing: install Debian's python3";
  const test::RunResult import = test::run_shell("/usr/bin/python3 -c 'import " + client + "'");
  ASSERT_EQ(import.status, 0) << client
                              << " is missing from /usr/bin/python3: install Debian's python3-"
                              << client << " (client tests never skip)\n"
                              << import.err;
  PREPARED_OR_FAIL(p, d);
  std::string command =
      "/usr/bin/python3 " +
      shell_quote(test::source_path("tests/clients/graphml_python_check.py").string()) + " " +
      client + " " + shell_quote(p.graphml.string()) + " " + shell_quote(p.expected.string());
  if (compare_input) command += " " + shell_quote(d.input.string());
  const test::RunResult r = test::run_shell(command);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
}
TEST(GraphmlClients, NetworkxReadsExample) { expect_python_client(example(), "networkx", true); }
TEST(GraphmlClients, NetworkxReadsHostile) { expect_python_client(hostile(), "networkx", true); }
TEST(GraphmlClients, IgraphReadsExample) { expect_python_client(example(), "igraph", true); }
TEST(GraphmlClients, IgraphReadsHostile) { expect_python_client(hostile(), "igraph", true); }
TEST(GraphmlClients, NetworkxReadsHostileSelection) {
  expect_python_client(hostile_selection(), "networkx", false);
}
TEST(GraphmlClients, IgraphReadsHostileSelection) {
  expect_python_client(hostile_selection(), "igraph", false);
}

// ---- Boost.Graph read_graphml ----------------------------------------------------------------

struct BVertex {
  std::string id, type, kind, name, aliases, start, end, sources, labels;
};
struct BEdge {
  std::string label, id, type, start, end, role, quote, sources;
};
using BGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, BVertex, BEdge>;
using BV = boost::graph_traits<BGraph>::vertex_descriptor;
using BE = boost::graph_traits<BGraph>::edge_descriptor;

// Property maps for the declared property keys, by attr.name, typed as declared.
template <class Desc>
struct TypedMaps {
  std::map<std::string, std::string> type_of;  // attr.name -> attr.type
  std::list<std::map<Desc, bool>> bools;
  std::list<std::map<Desc, long>> longs;
  std::list<std::map<Desc, double>> doubles;
  std::list<std::map<Desc, std::string>> strings;
  std::map<std::string, const void*> by_name;

  void declare(boost::dynamic_properties& dp, const std::string& name, const std::string& type) {
    type_of[name] = type;
    if (type == "boolean")
      add(dp, name, bools);
    else if (type == "long")
      add(dp, name, longs);
    else if (type == "double")
      add(dp, name, doubles);
    else
      add(dp, name, strings);
  }
  template <class T>
  void add(boost::dynamic_properties& dp, const std::string& name,
           std::list<std::map<Desc, T>>& store) {
    store.emplace_back();
    by_name[name] = &store.back();
    dp.property(name, boost::associative_property_map<std::map<Desc, T>>(store.back()));
  }
  template <class T>
  const std::map<Desc, T>& get(const std::string& name) const {
    return *static_cast<const std::map<Desc, T>*>(by_name.at(name));
  }
};

// Compares the JSON array text `json` with a list of values.
::testing::AssertionResult json_list_equals(const KnowledgeGraph& g, const std::string& json,
                                            const std::vector<Value>& values) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsArray() || doc.Size() != values.size())
    return ::testing::AssertionFailure()
           << "not the JSON array of " << values.size() << " values: " << json;
  for (rapidjson::SizeType i = 0; i < doc.Size(); ++i) {
    const auto& j = doc[i];
    const Value& v = values[i];
    bool same = false;
    switch (v.kind) {
      case ValueKind::boolean:
        same = j.IsBool() && j.GetBool() == v.boolean;
        break;
      case ValueKind::integer:
        same = j.IsInt64() && j.GetInt64() == v.integer;
        break;
      case ValueKind::real:
        same = j.IsNumber() && j.GetDouble() == v.real;
        break;
      case ValueKind::string:
        same =
            j.IsString() && std::string_view(j.GetString(), j.GetStringLength()) == g.str(v.string);
        break;
    }
    if (!same) return ::testing::AssertionFailure() << "value " << i << " differs in " << json;
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult json_strings_equal(const KnowledgeGraph& g, const std::string& json,
                                              ListId list) {
  std::vector<Value> values;
  for (StrId s : g.list(list)) values.push_back(Value::of_string(s));
  if (values.empty() && json.empty()) return ::testing::AssertionSuccess();
  return json_list_equals(g, json, values);
}

// Keys with more than one value on some element of the view: written as JSON array text.
std::set<StrId> list_keys(const KnowledgeGraph& g, const GraphView& view, bool nodes) {
  std::set<StrId> keys;
  auto scan = [&](const PropertyList& props) {
    for (const Property& p : props)
      if (p.values.size() > 1) keys.insert(p.key);
  };
  if (nodes)
    for (std::uint32_t i : view.entities()) scan(g.entities()[i].properties);
  else
    for (std::uint32_t i : view.relations()) scan(g.properties_of(g.relations()[i]));
  return keys;
}

// One property as Boost read it, against kgraph's values.
template <class Desc>
void expect_property(const KnowledgeGraph& g, const TypedMaps<Desc>& maps, const Desc& d,
                     const std::string& name, const Property& p, bool is_list,
                     const std::string& where) {
  SCOPED_TRACE(where + " property " + std::string(g.str(p.key)) + " (attr.name " + name + ")");
  auto t = maps.type_of.find(name);
  ASSERT_NE(t, maps.type_of.end()) << "no key declared";
  const Value& v = p.values.front();
  if (t->second == "boolean") {
    ASSERT_EQ(p.values.size(), 1u);
    EXPECT_EQ(maps.template get<bool>(name).at(d), v.boolean);
  } else if (t->second == "long") {
    ASSERT_EQ(p.values.size(), 1u);
    EXPECT_EQ(maps.template get<long>(name).at(d), v.integer);
  } else if (t->second == "double") {
    ASSERT_EQ(p.values.size(), 1u);
    const double want = v.kind == ValueKind::integer ? static_cast<double>(v.integer) : v.real;
    EXPECT_EQ(maps.template get<double>(name).at(d), want);
  } else if (is_list) {
    EXPECT_TRUE(json_list_equals(g, maps.template get<std::string>(name).at(d), p.values));
  } else {
    ASSERT_EQ(p.values.size(), 1u);
    EXPECT_EQ(maps.template get<std::string>(name).at(d), value_text(v, g.strings()));
  }
}

void expect_boost_reads(const Dataset& d) {
  PREPARED_OR_FAIL(p, d);
  const KnowledgeGraph& g = *p.graph;
  const GraphView view = view_of(d, g);
  const std::string doc = test::read_file(p.graphml);

  BGraph bg;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("id", boost::get(&BVertex::id, bg));
  dp.property("type", boost::get(&BVertex::type, bg));
  dp.property("kind", boost::get(&BVertex::kind, bg));
  dp.property("name", boost::get(&BVertex::name, bg));
  dp.property("aliases", boost::get(&BVertex::aliases, bg));
  dp.property("start", boost::get(&BVertex::start, bg));
  dp.property("end", boost::get(&BVertex::end, bg));
  dp.property("sources", boost::get(&BVertex::sources, bg));
  dp.property("labels", boost::get(&BVertex::labels, bg));
  dp.property("label", boost::get(&BEdge::label, bg));
  dp.property("id", boost::get(&BEdge::id, bg));
  dp.property("type", boost::get(&BEdge::type, bg));
  dp.property("start", boost::get(&BEdge::start, bg));
  dp.property("end", boost::get(&BEdge::end, bg));
  dp.property("role", boost::get(&BEdge::role, bg));
  dp.property("quote", boost::get(&BEdge::quote, bg));
  dp.property("sources", boost::get(&BEdge::sources, bg));

  // Property keys as declared in the file (their names and types are checked elsewhere).
  TypedMaps<BV> vmaps;
  TypedMaps<BE> emaps;
  const std::regex key_re(
      "<key id=\"(np_|ep_)[^\"]*\" for=\"(node|edge)\" attr.name=\"([^\"]*)\" "
      "attr.type=\"([a-z]+)\"");
  for (std::sregex_iterator it(doc.begin(), doc.end(), key_re), end; it != end; ++it) {
    if ((*it)[2] == "node")
      vmaps.declare(dp, (*it)[3], (*it)[4]);
    else
      emaps.declare(dp, (*it)[3], (*it)[4]);
  }

  std::ifstream in(p.graphml, std::ios::binary);
  try {
    boost::read_graphml(in, bg, dp);
  } catch (const std::exception& e) {
    FAIL() << "boost::read_graphml threw: " << e.what();
  }

  ASSERT_EQ(boost::num_vertices(bg), view.entities().size());
  ASSERT_EQ(boost::num_edges(bg), view.relations().size());
  const std::set<StrId> node_lists = list_keys(g, view, true),
                        edge_lists = list_keys(g, view, false);

  for (std::uint32_t i = 0; i < view.entities().size(); ++i) {
    const Entity& e = g.entities()[view.entities()[i]];
    const BVertex& b = bg[i];
    const std::string where = "entity " + quoted(g.str(e.id));
    SCOPED_TRACE(where);
    EXPECT_EQ(b.id, g.str(e.id));
    EXPECT_EQ(b.type, type_name(e.type));
    EXPECT_EQ(b.kind, g.str(e.kind));
    EXPECT_EQ(b.name, g.str(e.name));
    EXPECT_EQ(b.labels, graphml::neo4j_labels(e.type, g.str(e.kind)));
    EXPECT_EQ(b.start, e.start.to_string());
    EXPECT_EQ(b.end, e.end.to_string());
    EXPECT_TRUE(json_strings_equal(g, b.aliases, e.aliases));
    EXPECT_TRUE(json_strings_equal(g, b.sources, e.sources));
    for (const Property& prop : e.properties)
      expect_property(g, vmaps, BV(i), graphml::property_attr_name(g.str(prop.key), true), prop,
                      node_lists.count(prop.key) > 0, where);
  }

  // Boost lists edges by source vertex, so match them to relations by what identifies a
  // relation: (from, type, to, start, end, role).
  using Identity =
      std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;
  std::map<Identity, BE> edges;
  for (auto [it, end] = boost::edges(bg); it != end; ++it) {
    const BEdge& b = bg[*it];
    Identity id{bg[boost::source(*it, bg)].id,
                b.type,
                bg[boost::target(*it, bg)].id,
                b.start,
                b.end,
                b.role};
    EXPECT_TRUE(edges.emplace(id, *it).second) << "two edges read as the same relation";
  }
  const StrId id_key = g.strings().find("id"), quote_key = g.strings().find("quote");
  for (std::uint32_t r : view.relations()) {
    const Relation& rel = g.relations()[r];
    Identity id{std::string(g.str(g.entities()[rel.from].id)),
                std::string(g.str(rel.type)),
                std::string(g.str(g.entities()[rel.to].id)),
                rel.start.to_string(),
                rel.end.to_string(),
                std::string(g.str(rel.role))};
    const std::string where =
        "relation " + std::get<0>(id) + " " + std::get<1>(id) + " " + std::get<2>(id);
    SCOPED_TRACE(where);
    auto found = edges.find(id);
    ASSERT_NE(found, edges.end()) << "not read by Boost";
    const BEdge& b = bg[found->second];
    EXPECT_EQ(b.label, graphml::neo4j_relationship_type(g.str(rel.type)));
    EXPECT_TRUE(json_strings_equal(g, b.sources, rel.sources));
    bool had_id = false, had_quote = false;
    for (const Property& prop : g.properties_of(rel)) {
      if (prop.key == id_key || prop.key == quote_key) {
        const std::string& got = prop.key == id_key ? b.id : b.quote;
        (prop.key == id_key ? had_id : had_quote) = true;
        if (edge_lists.count(prop.key)) {
          EXPECT_TRUE(json_list_equals(g, got, prop.values)) << g.str(prop.key);
        } else {
          EXPECT_EQ(got, value_text(prop.values.front(), g.strings())) << g.str(prop.key);
        }
        continue;
      }
      expect_property(g, emaps, found->second, graphml::property_attr_name(g.str(prop.key), false),
                      prop, edge_lists.count(prop.key) > 0, where);
    }
    if (!had_id) {
      EXPECT_EQ(b.id, "");
    }
    if (!had_quote) {
      EXPECT_EQ(b.quote, "");
    }
  }
}
TEST(GraphmlClients, BoostReadsExample) { expect_boost_reads(example()); }
TEST(GraphmlClients, BoostReadsHostile) { expect_boost_reads(hostile()); }
TEST(GraphmlClients, BoostReadsHostileSelection) { expect_boost_reads(hostile_selection()); }

// ---- the hostile dataset is what its generator writes ----------------------------------------

TEST(GraphmlClients, HostileDataMatchesItsGenerator) {
  ASSERT_TRUE(fs::exists("/usr/bin/python3")) << "/usr/bin/python3 is missing";
  const fs::path out = test::make_temp_dir() / "hostile.json";
  const test::RunResult r = test::run_shell(
      "/usr/bin/python3 " + shell_quote(test::test_data("hostile/make_hostile.py").string()) + " " +
      shell_quote(out.string()));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(test::read_file(out) == test::read_file(test::test_data("hostile/hostile.json")))
      << "tests/data/hostile/hostile.json is stale: run tests/data/hostile/make_hostile.py";
}

// The hostile strings themselves, byte for byte, as Boost read them (independent of kgraph's
// reading of the input: these literals are what make_hostile.py writes).
TEST(GraphmlClients, BoostReadsHostileStringsByteExact) {
  PREPARED_OR_FAIL(p, hostile());
  BGraph bg;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("id", boost::get(&BVertex::id, bg));
  dp.property("name", boost::get(&BVertex::name, bg));
  dp.property("role", boost::get(&BEdge::role, bg));
  std::ifstream in(p.graphml, std::ios::binary);
  boost::read_graphml(in, bg, dp);
  std::map<std::string, std::string> names;
  for (std::size_t i = 0; i < boost::num_vertices(bg); ++i) names[bg[i].id] = bg[i].name;
  EXPECT_EQ(names["newlines"], "line1\nline2\r\nline3\ttabbed\rcr-only");
  EXPECT_EQ(names["a/b\\c"], "C:\\new\\table and \\\" escaped-looking \\u0041");
  EXPECT_EQ(names["emoji\xf0\x9f\x98\x80"],
            "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 family "
            "\xf0\x9f\x87\xb0\xf0\x9f\x87\xb5 flag \xf0\x9d\x95\x8f math "
            "\xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x8c\x88");
  EXPECT_EQ(names["ws"], "   ");
  EXPECT_EQ(names["amp&lt;"], "&lt; is not an entity here");
  const std::string& long_name = names["long"];
  EXPECT_GE(long_name.size(), 100000u);
  EXPECT_EQ(long_name.rfind("BEGIN \xe9\x95\xb7", 0), 0u);
  EXPECT_EQ(long_name.substr(long_name.size() - 4), " END");
  bool found_role = false;
  for (auto [it, end] = boost::edges(bg); it != end; ++it)
    if (bg[*it].role == "speaker <main> & \"host\"") found_role = true;
  EXPECT_TRUE(found_role);
}

}  // namespace
}  // namespace kgraph
