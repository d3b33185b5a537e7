// N-Triples and Turtle written by the kgraph binary, read back by real clients: rapper (syntax
// and triple count), Oxigraph from Node (SPARQL over an in-memory store) and a throwaway
// Virtuoso 7 server (bulk load with ld_dir + rdf_loader_run, then SPARQL through isql). Each
// answer is compared with what kgraph holds. A missing client is a failure, never a skip.

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "exporters/rdf_exporter.hpp"
#include "exporters/rdf_schema_org.hpp"
#include "exporters/rdf_text.hpp"
#include "graph/diagnostics.hpp"
#include "graph/graph_view.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

namespace fs = std::filesystem;
using test::shell_quote;
using Row = std::vector<std::string>;
using Rows = std::multiset<Row>;

// ---- MD5 (RFC 1321), to compare Virtuoso's bif:md5 of a text with the text we wrote ---------

std::string md5_hex(std::string_view data) {
  static constexpr std::array<std::uint32_t, 64> k = [] {
    std::array<std::uint32_t, 64> t{};
    const std::uint32_t v[64] = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613,
        0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193,
        0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d,
        0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
        0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
        0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
        0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244,
        0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
        0xeb86d391};
    for (int i = 0; i < 64; ++i) t[i] = v[i];
    return t;
  }();
  static constexpr int r[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                                4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
  std::string msg(data);
  const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
  msg += static_cast<char>(0x80);
  while (msg.size() % 64 != 56) msg += '\0';
  for (int i = 0; i < 8; ++i) msg += static_cast<char>((bits >> (8 * i)) & 0xFF);
  std::uint32_t h[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  for (std::size_t off = 0; off < msg.size(); off += 64) {
    std::uint32_t w[16];
    for (int i = 0; i < 16; ++i) {
      w[i] = 0;
      for (int b = 0; b < 4; ++b)
        w[i] |= std::uint32_t{static_cast<unsigned char>(msg[off + 4 * i + b])} << (8 * b);
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; ++i) {
      std::uint32_t f;
      int g;
      if (i < 16)
        f = (b & c) | (~b & d), g = i;
      else if (i < 32)
        f = (d & b) | (~d & c), g = (5 * i + 1) % 16;
      else if (i < 48)
        f = b ^ c ^ d, g = (3 * i + 5) % 16;
      else
        f = c ^ (b | ~d), g = (7 * i) % 16;
      const std::uint32_t t = d;
      d = c;
      c = b;
      const std::uint32_t x = a + f + k[i] + w[g];
      b = b + ((x << r[i]) | (x >> (32 - r[i])));
      a = t;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d;
  }
  std::string out;
  char buf[3];
  for (std::uint32_t v : h)
    for (int i = 0; i < 4; ++i) {
      std::snprintf(buf, sizeof buf, "%02x", (v >> (8 * i)) & 0xFF);
      out += buf;
    }
  return out;
}

TEST(RdfClientsSupport, Md5) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("The quick brown fox jumps over the lazy dog"),
            "9e107d9d372bb6826bd81d3542a419d6");
  EXPECT_EQ(md5_hex("naïve:ns"), "8a1247f38157da79b08afccf059fb410");
}

// ---- datasets and their expected answers -----------------------------------------------------

const std::string kBase = "https://kgraph.example/id/";
const std::string kKg = std::string(rdf::kVocab);
const std::string kSchema = std::string(rdf::kSchemaOrg);

struct RdfDataset {
  std::string name;
  fs::path input;
};

std::vector<RdfDataset> rdf_datasets() {
  return {{"example", test::source_path("examples/north-korean-refugees-2006/graph.json")},
          {"hostile", test::test_data("hostile/hostile.json")},
          {"escaping", test::test_data("golden/rdf/escaping.json")}};
}

// One column of a query: a SPARQL expression, hashed for Virtuoso unless it is a number.
struct Column {
  std::string expr;
  bool hashed = true;
};

// A SELECT over one graph, with the rows kgraph expects.
struct Query {
  std::string name;
  std::vector<Column> columns;
  std::string pattern;
  std::string group_by;  // optional GROUP BY clause
  Rows expected;
};

std::string prefixes() {
  return "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX schema: <" + kSchema +
         "> PREFIX kg: <" + kKg + "> ";
}

std::string oxigraph_sparql(const Query& q) {
  std::string s = prefixes() + "SELECT";
  for (std::size_t i = 0; i < q.columns.size(); ++i)
    s += " (" + q.columns[i].expr + " AS ?c" + std::to_string(i) + ")";
  return s + " WHERE { " + q.pattern + " } " + q.group_by;
}

std::string virtuoso_sparql(const Query& q, const std::string& graph) {
  std::string s = "SPARQL " + prefixes() + "SELECT";
  for (std::size_t i = 0; i < q.columns.size(); ++i) {
    const std::string& e = q.columns[i].expr;
    s += " (" + (q.columns[i].hashed ? "bif:md5(str(" + e + "))" : e) + " AS ?c" +
         std::to_string(i) + ")";
  }
  return s + " FROM <" + graph + "> WHERE { " + q.pattern + " } " + q.group_by;
}

const char* date_type(const PartialDate& d) {
  switch (d.precision()) {
    case DatePrecision::day:
      return "http://www.w3.org/2001/XMLSchema#date";
    case DatePrecision::month:
      return "http://www.w3.org/2001/XMLSchema#gYearMonth";
    case DatePrecision::year:
      return "http://www.w3.org/2001/XMLSchema#gYear";
    case DatePrecision::none:
      break;
  }
  return "";
}

std::string relation_property(std::string_view type) {
  return std::string(rdf::kRelationVocab) + rdf::iri_component(type);
}

// The questions asked of every store, with kgraph's own answers.
std::vector<Query> queries_for(const KnowledgeGraph& g) {
  std::vector<Query> qs;
  const auto id = [&](std::uint32_t e) { return std::string(g.str(g.entities()[e].id)); };

  // Counts per class.
  {
    Query q{"classes",
            {{"?c"}, {"COUNT(DISTINCT ?s)", false}},
            "?s a ?c . FILTER(?c IN (",
            "GROUP BY ?c"};
    std::map<std::string, std::size_t> counts;
    const char* type_classes[] = {"Actor", "Law", "Event", "Place"};
    for (const Entity& e : g.entities()) {
      ++counts[kKg + type_classes[static_cast<int>(e.type)]];
      for (std::string_view c : rdf::schema_classes(e.type, g.str(e.kind)))
        ++counts[kSchema + std::string(c)];
    }
    if (!g.relations().empty()) counts[kKg + "Relation"] = g.relations().size();
    if (!g.sources().empty())
      counts[kKg + "Source"] = counts[kSchema + "CreativeWork"] = g.sources().size();
    const char* asked[] = {"Actor", "Law", "Event", "Place", "Relation", "Source"};
    const char* asked_schema[] = {"Person",
                                  "Organization",
                                  "GovernmentOrganization",
                                  "NewsMediaOrganization",
                                  "Legislation",
                                  "Event",
                                  "Place",
                                  "Country",
                                  "City",
                                  "CreativeWork"};
    std::vector<std::string> iris;
    bool first = true;
    for (const char* c : asked) {
      q.pattern += (first ? "" : ", ") + ("kg:" + std::string(c));
      iris.push_back(kKg + c);
      first = false;
    }
    for (const char* c : asked_schema) {
      q.pattern += ", schema:" + std::string(c);
      iris.push_back(kSchema + c);
    }
    q.pattern += "))";
    for (const std::string& c : iris)
      if (counts[c] != 0) q.expected.insert({c, std::to_string(counts[c])});
    qs.push_back(std::move(q));
  }
  // Names of entities, and titles of sources.
  {
    Query q{"names", {{"?id"}, {"?n"}}, "?e schema:identifier ?id ; schema:name ?n ."};
    for (const Entity& e : g.entities())
      q.expected.insert({std::string(g.str(e.id)), std::string(g.str(e.name))});
    const StrId title = g.strings().find("title");
    for (const Source& s : g.sources())
      for (const Property& p : s.properties)
        if (p.key == title)
          for (const Value& v : p.values)
            q.expected.insert({std::string(g.str(s.id)), value_text(v, g.strings())});
    qs.push_back(std::move(q));
  }
  // Aliases.
  {
    Query q{"aliases", {{"?id"}, {"?a"}}, "?e schema:identifier ?id ; schema:alternateName ?a ."};
    for (const Entity& e : g.entities())
      for (StrId a : g.list(e.aliases))
        q.expected.insert({std::string(g.str(e.id)), std::string(g.str(a))});
    qs.push_back(std::move(q));
  }
  // Dates with their datatypes.
  {
    Query q{"dates",
            {{"?id"}, {"STR(?p)"}, {"STR(?d)"}, {"STR(DATATYPE(?d))"}},
            "?e schema:identifier ?id ; ?p ?d ; a ?t . FILTER(?p IN (kg:start, kg:end) && "
            "?t IN (kg:Actor, kg:Law, kg:Event, kg:Place))"};
    for (const Entity& e : g.entities()) {
      if (e.start.present())
        q.expected.insert(
            {std::string(g.str(e.id)), kKg + "start", e.start.to_string(), date_type(e.start)});
      if (e.end.present())
        q.expected.insert(
            {std::string(g.str(e.id)), kKg + "end", e.end.to_string(), date_type(e.end)});
    }
    qs.push_back(std::move(q));
  }
  // Relation provenance: quotes and roles on the reified relation, byte for byte.
  const std::string reified =
      "?r a kg:Relation ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . "
      "?s schema:identifier ?si . ?o schema:identifier ?oi . ";
  {
    Query q{"quotes", {{"?si"}, {"STR(?p)"}, {"?oi"}, {"?q"}}, reified + "?r kg:quote ?q ."};
    const StrId quote = g.strings().find("quote");
    for (const Relation& r : g.relations())
      for (const Property& p : g.properties_of(r))
        if (p.key == quote)
          for (const Value& v : p.values)
            q.expected.insert({id(r.from), relation_property(g.str(r.type)), id(r.to),
                               value_text(v, g.strings())});
    qs.push_back(std::move(q));
  }
  {
    Query q{"roles", {{"?si"}, {"STR(?p)"}, {"?oi"}, {"?role"}}, reified + "?r kg:role ?role ."};
    for (const Relation& r : g.relations())
      if (r.role != kEmpty)
        q.expected.insert(
            {id(r.from), relation_property(g.str(r.type)), id(r.to), std::string(g.str(r.role))});
    qs.push_back(std::move(q));
  }
  {
    Query q{"relations", {{"COUNT(*)", false}}, "?r a kg:Relation ; kg:source ?src ."};
    std::size_t n = 0;
    for (const Relation& r : g.relations()) n += g.list(r.sources).size();
    q.expected.insert({std::to_string(n)});
    qs.push_back(std::move(q));
  }
  // Two hops over the direct triples: ?a -p-> ?b -q-> ?c.
  {
    const std::string kgr(rdf::kRelationVocab);
    Query q{"two_hops",
            {{"?ai"}, {"STR(?p)"}, {"?bi"}, {"STR(?q)"}, {"?ci"}},
            "?a ?p ?b . ?b ?q ?c . ?a schema:identifier ?ai . ?b schema:identifier ?bi . ?c "
            "schema:identifier ?ci . "
            "FILTER(STRSTARTS(STR(?p), '" +
                kgr + "') && STRSTARTS(STR(?q), '" + kgr + "'))"};
    std::set<std::tuple<std::uint32_t, std::string, std::uint32_t>> direct;
    for (const Relation& r : g.relations())
      direct.emplace(r.from, std::string(g.str(r.type)), r.to);
    for (const auto& [a, p, b] : direct)
      for (const auto& [b2, p2, c] : direct)
        if (b2 == b)
          q.expected.insert({id(a), relation_property(p), id(b), relation_property(p2), id(c)});
    qs.push_back(std::move(q));
  }
  return qs;
}

std::multiset<Row> hashed(const Query& q) {
  Rows out;
  for (const Row& row : q.expected) {
    Row h;
    for (std::size_t i = 0; i < row.size(); ++i)
      h.push_back(q.columns[i].hashed ? md5_hex(row[i]) : row[i]);
    out.insert(h);
  }
  return out;
}

std::string show(const Rows& rows, std::size_t limit = 12) {
  std::string s;
  std::size_t n = 0;
  for (const Row& row : rows) {
    if (n++ == limit) {
      s += "  ... (" + std::to_string(rows.size()) + " rows)\n";
      break;
    }
    s += " ";
    for (const std::string& v : row) {
      s += ' ';
      s += kgraph::quoted(v);
    }
    s += "\n";
  }
  return s;
}

// Rows in `a` but not in `b`.
Rows minus(const Rows& a, const Rows& b) {
  Rows out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

void expect_rows(const Rows& actual, const Rows& expected, const std::string& what) {
  if (actual == expected) return;
  ADD_FAILURE() << what << ": " << actual.size() << " rows, expected " << expected.size()
                << "\nmissing:\n"
                << show(minus(expected, actual)) << "unexpected:\n"
                << show(minus(actual, expected));
}

// ---- one build of every dataset, shared by the tests -----------------------------------------

struct RdfPrepared {
  std::string problem;
  std::optional<KnowledgeGraph> graph;
  fs::path nt, ttl;
  std::size_t nt_lines = 0;  // triples written
  std::size_t distinct = 0;  // distinct triples, what a store holds
};

const std::map<std::string, RdfPrepared>& prepared() {
  static const std::map<std::string, RdfPrepared> all = [] {
    std::map<std::string, RdfPrepared> out;
    const fs::path dir = test::make_temp_dir();
    for (const RdfDataset& d : rdf_datasets()) {
      RdfPrepared& p = out[d.name];
      p.nt = dir / (d.name + ".nt");
      p.ttl = dir / (d.name + ".ttl");
      const test::RunResult run =
          test::run_kgraph({"build", d.input.string(), "-o", p.nt.string(), "-o", p.ttl.string()});
      if (run.status != 0) {
        p.problem = "kgraph build " + d.input.string() + " failed (" + std::to_string(run.status) +
                    "): " + run.err;
        continue;
      }
      test::BuildResult built =
          test::build_from({{d.input.filename().string(), test::read_file(d.input)}});
      if (!built.graph) {
        p.problem = "in-process build failed";
        continue;
      }
      p.graph = std::move(built.graph);
      std::set<std::string> lines;
      std::istringstream in(test::read_file(p.nt));
      for (std::string line; std::getline(in, line); ++p.nt_lines) lines.insert(line);
      p.distinct = lines.size();
    }
    return out;
  }();
  return all;
}

class RdfClients : public ::testing::TestWithParam<std::string> {
 protected:
  const RdfPrepared& data() {
    const RdfPrepared& p = prepared().at(GetParam());
    EXPECT_EQ(p.problem, "");
    return p;
  }
};

TEST_P(RdfClients, BinaryWritesWhatTheExporterWrites) {
  const RdfPrepared& p = data();
  ASSERT_TRUE(p.graph);
  EXPECT_EQ(test::read_file(p.nt), test::export_to_string(GraphView(*p.graph), "ntriples"));
  EXPECT_EQ(test::read_file(p.ttl), test::export_to_string(GraphView(*p.graph), "turtle"));
}

// rapper parses both files and counts the same triples in each.
TEST_P(RdfClients, RapperParsesBoth) {
  const RdfPrepared& p = data();
  ASSERT_TRUE(p.graph);
  for (const auto& [syntax, file] : {std::pair{"ntriples", p.nt}, std::pair{"turtle", p.ttl}}) {
    const test::RunResult r = test::run_shell("rapper -i " + std::string(syntax) + " -c " +
                                              shell_quote(file.string()) + " 2>&1");
    ASSERT_EQ(r.status, 0) << "rapper (Debian raptor2-utils; scripts/install-deps.sh --tests) on "
                           << file << ":\n"
                           << r.out;
    EXPECT_NE(r.out.find("Parsing returned " + std::to_string(p.nt_lines) + " triples"),
              std::string::npos)
        << syntax << ": " << r.out;
    EXPECT_EQ(r.out.find("rapper: Error"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("rapper: Warning"), std::string::npos) << r.out;
  }
}

std::string node_setup() {
  static const std::string modules = [] {
    const fs::path clients = test::node_clients_dir();
    const test::RunResult r = test::run_shell(
        "bash " + shell_quote(test::source_path("tests/clients/setup-node-clients.sh").string()) +
        " " + shell_quote(clients.string()) + " 2>&1");
    if (r.status != 0) return "ERROR: setup-node-clients.sh failed:\n" + r.out;
    return (clients / "node_modules").string();
  }();
  return modules;
}

// Oxigraph loads both files and answers every query as kgraph expects, byte for byte.
TEST_P(RdfClients, OxigraphAnswersQueries) {
  const RdfPrepared& p = data();
  ASSERT_TRUE(p.graph);
  const std::string modules = node_setup();
  ASSERT_EQ(modules.rfind("ERROR", 0), std::string::npos) << modules;
  const std::vector<Query> qs = queries_for(*p.graph);

  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  w.StartArray();
  for (const Query& q : qs) {
    w.StartObject();
    w.Key("name");
    w.String(q.name.c_str());
    w.Key("vars");
    w.StartArray();
    for (std::size_t i = 0; i < q.columns.size(); ++i) w.String(("c" + std::to_string(i)).c_str());
    w.EndArray();
    w.Key("sparql");
    const std::string s = oxigraph_sparql(q);
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
    w.EndObject();
  }
  // Entity IRIs, to check that they decode to the ids.
  w.StartObject();
  w.Key("name");
  w.String("iris");
  w.Key("vars");
  w.StartArray();
  w.String("e");
  w.String("id");
  w.EndArray();
  w.Key("sparql");
  w.String(
      (prefixes() +
       "SELECT ?e ?id WHERE { ?e schema:identifier ?id ; a ?t . FILTER(?t IN (kg:Actor, kg:Law, "
       "kg:Event, kg:Place)) }")
          .c_str());
  w.EndObject();
  w.EndArray();
  const fs::path queries = test::make_temp_dir() / "queries.json";
  test::write_file(queries, sb.GetString());

  for (const auto& [syntax, file] : {std::pair{"ntriples", p.nt}, std::pair{"turtle", p.ttl}}) {
    SCOPED_TRACE(std::string(syntax));
    const test::RunResult r = test::run_shell(
        "NODE_PATH=" + shell_quote(modules) + " timeout 300 node " +
        shell_quote(test::source_path("tests/clients/rdf_oxigraph_query.js").string()) + " " +
        shell_quote(file.string()) + " " + syntax + " " + shell_quote(queries.string()));
    ASSERT_EQ(r.status, 0) << r.err;
    rapidjson::Document doc;
    doc.Parse(r.out.c_str(), r.out.size());
    ASSERT_FALSE(doc.HasParseError()) << r.out.substr(0, 500);
    EXPECT_EQ(doc["triples"].GetUint64(), p.distinct);
    const auto rows_of = [&](const char* name) {
      Rows rows;
      for (const auto& row : doc["results"][name].GetArray()) {
        Row out;
        for (const auto& v : row.GetArray())
          out.emplace_back(v.IsNull() ? "<unbound>"
                                      : std::string(v.GetString(), v.GetStringLength()));
        rows.insert(out);
      }
      return rows;
    };
    for (const Query& q : qs) expect_rows(rows_of(q.name.c_str()), q.expected, q.name);

    // Every entity IRI is the base followed by its id, percent-encoded: decoding gives the id
    // back, and no two entities share an IRI.
    std::set<std::string> iris;
    const Rows rows = rows_of("iris");
    EXPECT_EQ(rows.size(), p.graph->entities().size());
    for (const Row& row : rows) {
      EXPECT_TRUE(iris.insert(row[0]).second) << row[0];
      ASSERT_EQ(row[0].rfind(kBase, 0), 0u) << row[0];
      std::string decoded;
      const std::string local = row[0].substr(kBase.size());
      for (std::size_t i = 0; i < local.size(); ++i) {
        if (local[i] == '%' && i + 2 < local.size()) {
          decoded += static_cast<char>(std::stoi(local.substr(i + 1, 2), nullptr, 16));
          i += 2;
        } else {
          decoded += local[i];
        }
      }
      EXPECT_EQ(decoded, row[1]) << row[0];
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Datasets, RdfClients, ::testing::Values("example", "hostile", "escaping"),
                         [](const auto& info) { return info.param; });

// One Virtuoso 7 server bulk-loads every dataset in both syntaxes (ld_dir + rdf_loader_run),
// reports no load error, and answers the same queries; texts are compared through bif:md5,
// which hashes their UTF-8 bytes.
TEST(RdfVirtuoso, BulkLoadsAndAnswersQueries) {
  for (const auto& [name, p] : prepared()) ASSERT_EQ(p.problem, "") << name;
  const fs::path dir = test::make_temp_dir();
  std::string statements;
  std::string files;
  std::map<std::string, std::vector<Query>> expected;  // by graph
  for (const auto& [name, p] : prepared()) {
    for (const fs::path& file : {p.nt, p.ttl}) {
      const std::string graph = "urn:kgraph:test:" + file.filename().string();
      files += " " + shell_quote(file.string());
      statements +=
          graph + "|triples\tSPARQL SELECT COUNT(*) FROM <" + graph + "> WHERE { ?s ?p ?o }\n";
      std::vector<Query> qs = queries_for(*p.graph);
      for (const Query& q : qs)
        statements += graph + "|" + q.name + "\t" + virtuoso_sparql(q, graph) + "\n";
      expected[graph] = std::move(qs);
    }
  }
  test::write_file(dir / "statements.tsv", statements);
  const test::RunResult r =
      test::run_shell("timeout 900 bash " +
                      shell_quote(test::source_path("tests/clients/virtuoso_query.sh").string()) +
                      " " + shell_quote((dir / "statements.tsv").string()) + files);
  ASSERT_EQ(r.status, 0)
      << "virtuoso_query.sh (Debian virtuoso-opensource; scripts/install-deps.sh --tests):\n"
      << r.err << r.out.substr(0, 2000);

  // Split the output into sections.
  std::map<std::string, std::vector<std::string>> sections;
  std::string current;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("== ", 0) == 0) {
      current = line.substr(3);
      sections[current];
    } else if (!line.empty()) {
      sections[current].push_back(line);
    }
  }
  const auto words = [](const std::string& line) {
    Row out;
    std::istringstream s(line);
    for (std::string w; s >> w;) out.push_back(w);
    return out;
  };

  ASSERT_EQ(sections["load_list"].size(), 2 * prepared().size()) << r.out.substr(0, 2000);
  for (const std::string& line : sections["load_list"]) {
    const Row row = words(line);
    ASSERT_GE(row.size(), 3u) << line;
    EXPECT_EQ(row[1], "2") << "load not finished: " << line;
    EXPECT_EQ(row[2], "NULL") << "load error: " << line;
  }
  for (const auto& [name, p] : prepared()) {
    for (const fs::path& file : {p.nt, p.ttl}) {
      const std::string graph = "urn:kgraph:test:" + file.filename().string();
      SCOPED_TRACE(graph);
      EXPECT_EQ(sections[graph + "|triples"], std::vector<std::string>{std::to_string(p.distinct)});
      for (const Query& q : expected[graph]) {
        Rows rows;
        for (const std::string& line : sections[graph + "|" + q.name]) rows.insert(words(line));
        expect_rows(rows, hashed(q), q.name);
      }
    }
  }
}

}  // namespace
}  // namespace kgraph
