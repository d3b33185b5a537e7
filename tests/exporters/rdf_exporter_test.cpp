#include "exporters/rdf_exporter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "graph/graph_view.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using test::export_to_string;
using test::graph_from_json;

std::vector<std::string> doc_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

bool has_line(const std::string& doc, const std::string& line) {
  const auto lines = doc_lines(doc);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

const std::string kId = "https://kgraph.example/id/";
const std::string kKg = "https://kgraph.example/vocab/";
const std::string kKgr = "https://kgraph.example/vocab/relation/";
const std::string kSchema = "http://schema.org/";
const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

std::string iri(const std::string& s) { return "<" + s + ">"; }

// ---- golden files ----------------------------------------------------------------------------

// Every tests/data/golden/rdf/NAME.json is written as NAME.nt and NAME.ttl and compared byte for
// byte. KGRAPH_UPDATE_GOLDEN=1 rewrites the golden files instead.
TEST(RdfExporter, MatchesGoldenFiles) {
  for (const auto& input : test::golden_inputs("rdf", 2)) {
    const KnowledgeGraph g = graph_from_json(test::read_file(input));
    for (const auto& [format, ext] : {std::pair{"ntriples", ".nt"}, std::pair{"turtle", ".ttl"}}) {
      SCOPED_TRACE(input.filename().string() + " " + format);
      auto golden = input;
      golden.replace_extension(ext);
      test::check_golden(golden, export_to_string(GraphView(g), format),
                         std::string(format) + " of " + input.string());
    }
  }
}

std::string basic_json() { return test::read_file(test::test_data("golden/rdf/basic.json")); }

// ---- N-Triples shape -------------------------------------------------------------------------

TEST(RdfExporter, EveryNTriplesLineIsOneTriple) {
  const KnowledgeGraph g =
      graph_from_json(test::read_file(test::test_data("golden/rdf/escaping.json")));
  const std::string doc = export_to_string(GraphView(g), "ntriples");
  ASSERT_FALSE(doc.empty());
  EXPECT_EQ(doc.back(), '\n');
  // subject predicate object . with IRIs free of spaces and literals with escaped quotes.
  const std::regex triple(
      R"(<[^<>"{}|^`\\ ]+> <[^<>"{}|^`\\ ]+> (<[^<>"{}|^`\\ ]+>|"([^"\\\n\r]|\\["\\nrt]|\\u[0-9A-F]{4})*"(\^\^<[^<> ]+>)?) \.)");
  for (const std::string& line : doc_lines(doc))
    EXPECT_TRUE(std::regex_match(line, triple)) << line;
}

TEST(RdfExporter, EntitiesHaveTypesKindsAndSchemaOrgClasses) {
  const KnowledgeGraph g = graph_from_json(basic_json());
  const std::string nt = export_to_string(GraphView(g), "ntriples");
  const std::string type = iri(kRdf + "type");
  const std::string ministry = iri(kId + "ministry");
  EXPECT_TRUE(has_line(nt, ministry + " " + type + " " + iri(kKg + "Actor") + " ."));
  EXPECT_TRUE(has_line(nt, ministry + " " + type + " " + iri(kKg + "kind/government_body") + " ."));
  EXPECT_TRUE(has_line(nt, ministry + " " + type + " " + iri(kSchema + "Organization") + " ."));
  EXPECT_TRUE(
      has_line(nt, ministry + " " + type + " " + iri(kSchema + "GovernmentOrganization") + " ."));
  EXPECT_TRUE(
      has_line(nt, iri(kId + "spokesman") + " " + type + " " + iri(kSchema + "Person") + " ."));
  EXPECT_TRUE(has_line(nt, iri(kId + "capital") + " " + type + " " + iri(kSchema + "City") + " ."));
  EXPECT_TRUE(
      has_line(nt, iri(kId + "country") + " " + type + " " + iri(kSchema + "Country") + " ."));
  EXPECT_TRUE(has_line(
      nt, iri(kId + "article-33") + " " + type + " " + iri(kSchema + "Legislation") + " ."));
  EXPECT_TRUE(has_line(
      nt, iri(kId + "press-conference") + " " + type + " " + iri(kSchema + "Event") + " ."));
  // A group is an actor, but neither a schema:Person nor a schema:Organization.
  EXPECT_EQ(nt.find(iri(kId + "refugees") + " " + type + " " + iri(kSchema)), std::string::npos);
  EXPECT_TRUE(
      has_line(nt, iri(kId + "spokesman") + " " + iri(kSchema + "name") + " \"Qin Gang\" ."));
  EXPECT_TRUE(has_line(
      nt, iri(kId + "spokesman") + " " + iri(kSchema + "alternateName") + " \"Spokesman Qin\" ."));
  EXPECT_TRUE(has_line(
      nt, iri(kId + "spokesman") + " " + iri(kSchema + "identifier") + " \"spokesman\" ."));
  EXPECT_TRUE(has_line(
      nt, iri(kId + "government") + " " + iri(kSchema + "description") + " \"The state.\" ."));
}

TEST(RdfExporter, DatesAreTypedByPrecision) {
  const KnowledgeGraph g = graph_from_json(basic_json());
  const std::string nt = export_to_string(GraphView(g), "ntriples");
  const std::string act = iri(kId + "act");
  EXPECT_TRUE(has_line(
      nt, act + " " + iri(kKg + "start") + " \"1990-02\"^^" + iri(kXsd + "gYearMonth") + " ."));
  EXPECT_TRUE(
      has_line(nt, act + " " + iri(kKg + "end") + " \"2001\"^^" + iri(kXsd + "gYear") + " ."));
  EXPECT_TRUE(has_line(nt, act + " " + iri(kSchema + "legislationDate") + " \"1990-02\"^^" +
                               iri(kXsd + "gYearMonth") + " ."));
  const std::string pc = iri(kId + "press-conference");
  EXPECT_TRUE(has_line(
      nt, pc + " " + iri(kSchema + "startDate") + " \"2006-09-19\"^^" + iri(kXsd + "date") + " ."));
  EXPECT_TRUE(has_line(nt, iri(kId + "source/report-1") + " " + iri(kSchema + "datePublished") +
                               " \"2006-10\"^^" + iri(kXsd + "gYearMonth") + " ."));
}

TEST(RdfExporter, PropertiesAreTypedLiterals) {
  const KnowledgeGraph g = graph_from_json(basic_json());
  const std::string nt = export_to_string(GraphView(g), "ntriples");
  const std::string s = iri(kId + "spokesman") + " <https://kgraph.example/vocab/property/";
  EXPECT_TRUE(has_line(nt, s + "age> \"40\"^^" + iri(kXsd + "integer") + " ."));
  EXPECT_TRUE(has_line(nt, s + "height> \"1.78\"^^" + iri(kXsd + "double") + " ."));
  EXPECT_TRUE(has_line(nt, s + "active> \"true\"^^" + iri(kXsd + "boolean") + " ."));
  EXPECT_TRUE(has_line(nt, s + "tags> \"a\" ."));
  EXPECT_TRUE(has_line(nt, s + "tags> \"b\" ."));
  const std::string ttl = export_to_string(GraphView(g), "turtle");
  EXPECT_NE(ttl.find("    kgp:age 40 ;\n"), std::string::npos);
  EXPECT_NE(ttl.find("    kgp:active true ;\n"), std::string::npos);
  EXPECT_NE(ttl.find("    kgp:height \"1.78\"^^xsd:double ;\n"), std::string::npos);
  EXPECT_NE(ttl.find("    kgp:tags \"a\", \"b\" ;\n"), std::string::npos);
}

TEST(RdfExporter, SourcesAreCreativeWorks) {
  const KnowledgeGraph g = graph_from_json(basic_json());
  const std::string nt = export_to_string(GraphView(g), "ntriples");
  const std::string src = iri(kId + "source/report-1");
  EXPECT_TRUE(
      has_line(nt, src + " " + iri(kRdf + "type") + " " + iri(kSchema + "CreativeWork") + " ."));
  EXPECT_TRUE(has_line(nt, src + " " + iri(kSchema + "name") + " \"Annual report\" ."));
  EXPECT_TRUE(has_line(nt, src + " " + iri(kSchema + "publisher") + " \"Commission\" ."));
  EXPECT_TRUE(
      has_line(nt, src + " " + iri(kSchema + "url") + " \"https://example.org/report?id=1\" ."));
  EXPECT_TRUE(has_line(
      nt, iri(kId + "source/transcript") + " " + iri(kSchema + "name") + " \"Transcript (zh)\" ."));
  EXPECT_TRUE(has_line(nt, iri(kId + "ministry") + " " + iri(kKg + "source") + " " + src + " ."));
}

// ---- relations -------------------------------------------------------------------------------

TEST(RdfExporter, RelationIsADirectTripleAndAReifiedNode) {
  const KnowledgeGraph g = graph_from_json(basic_json());
  const std::string nt = export_to_string(GraphView(g), "ntriples");
  const std::string from = iri(kId + "spokesman"), to = iri(kId + "ministry");
  const std::string p = iri(kKgr + "spokesperson_of");
  EXPECT_TRUE(has_line(nt, from + " " + p + " " + to + " ."));
  const std::string r = iri(kId + "relation/spokesman/spokesperson_of/ministry");
  EXPECT_TRUE(has_line(nt, r + " " + iri(kRdf + "type") + " " + iri(kKg + "Relation") + " ."));
  EXPECT_TRUE(has_line(nt, r + " " + iri(kRdf + "subject") + " " + from + " ."));
  EXPECT_TRUE(has_line(nt, r + " " + iri(kRdf + "predicate") + " " + p + " ."));
  EXPECT_TRUE(has_line(nt, r + " " + iri(kRdf + "object") + " " + to + " ."));
  EXPECT_TRUE(has_line(nt, r + " " + iri(kKg + "quote") + " \"spokesman Qin Gang\" ."));
  EXPECT_TRUE(has_line(nt, r + " " + iri(kSchema + "identifier") + " \"r1\" ."));
  EXPECT_TRUE(
      has_line(nt, r + " " + iri(kKg + "source") + " " + iri(kId + "source/report-1") + " ."));
  EXPECT_EQ(nt.find("<<"), std::string::npos) << "no RDF-star";
}

TEST(RdfExporter, RelationsDifferingInRoleShareTheDirectTriple) {
  const KnowledgeGraph g = graph_from_json(basic_json());
  const std::string nt = export_to_string(GraphView(g), "ntriples");
  const std::string direct = iri(kId + "spokesman") + " " + iri(kKgr + "participated_in") + " " +
                             iri(kId + "press-conference") + " .";
  const auto lines = doc_lines(nt);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), direct), 1);
  const std::string speaker = iri(
      kId + "relation/spokesman/participated_in/press-conference/2006-09-19/2006-09-19/speaker");
  const std::string host = iri(kId + "relation/spokesman/participated_in/press-conference///host");
  EXPECT_TRUE(has_line(nt, speaker + " " + iri(kKg + "role") + " \"speaker\" ."));
  EXPECT_TRUE(has_line(nt, host + " " + iri(kKg + "role") + " \"host\" ."));
  EXPECT_TRUE(has_line(nt, speaker + " " + iri(kKg + "quote") + " \"He said \\\"no\\\".\" ."));
  EXPECT_TRUE(has_line(nt, speaker + " " + iri(kKg + "quote") + " \"Second quote\" ."));
  EXPECT_TRUE(has_line(
      nt, speaker + " " + iri(kKg + "start") + " \"2006-09-19\"^^" + iri(kXsd + "date") + " ."));
}

TEST(RdfExporter, SchemaOrgRestatesRelationsWhereItFits) {
  const KnowledgeGraph g = graph_from_json(basic_json());
  const std::string nt = export_to_string(GraphView(g), "ntriples");
  const auto restated = [&](const std::string& from, const std::string& prop,
                            const std::string& to) {
    return has_line(nt, iri(kId + from) + " " + iri(kSchema + prop) + " " + iri(kId + to) + " .");
  };
  EXPECT_TRUE(restated("article-33", "isPartOf", "convention"));
  EXPECT_TRUE(restated("capital", "containedInPlace", "province"));
  EXPECT_TRUE(restated("press-conference", "location", "capital"));
  EXPECT_TRUE(restated("ministry", "parentOrganization", "government"));
  EXPECT_TRUE(restated("ministry", "location", "capital"));
  EXPECT_TRUE(restated("spokesman", "memberOf", "ministry"));
  EXPECT_FALSE(restated("someone", "relatedTo", "refugees"));
}

TEST(RdfExporter, VocabularyLabelsWhatTheViewUses) {
  const KnowledgeGraph g = graph_from_json(basic_json());
  const std::string ttl = export_to_string(GraphView(g), "turtle");
  EXPECT_NE(
      ttl.find("kgr:spokesperson_of a rdf:Property ;\n    rdfs:label \"spokesperson of\" .\n"),
      std::string::npos);
  EXPECT_NE(ttl.find("kgk:government_body a rdfs:Class ;\n    rdfs:label \"Government body\" ;\n"
                     "    rdfs:subClassOf kg:Actor .\n"),
            std::string::npos);
  EXPECT_NE(ttl.find("kg:Relation a rdfs:Class ;\n    rdfs:subClassOf rdf:Statement .\n"),
            std::string::npos);
  EXPECT_EQ(ttl.find("kgr:cites"), std::string::npos);
  // A selection of one entity: no relations, no relation vocabulary, only its own sources.
  const std::uint32_t ministry = *g.find_entity("ministry");
  const std::string one = export_to_string(GraphView(g, {ministry}, {}), "turtle");
  EXPECT_EQ(one.find("rdf:Property"), std::string::npos);
  EXPECT_EQ(one.find("kg:Relation"), std::string::npos);
  EXPECT_NE(one.find("src:report-1 a schema:CreativeWork"), std::string::npos);
  EXPECT_EQ(one.find("src:transcript a"), std::string::npos);
  EXPECT_EQ(one.find("id:spokesman"), std::string::npos);
}

// ---- IRIs and text ---------------------------------------------------------------------------

TEST(RdfExporter, IdsBecomeEscapedIrisAndStayLiterals) {
  const KnowledgeGraph g =
      graph_from_json(test::read_file(test::test_data("golden/rdf/escaping.json")));
  const std::string nt = export_to_string(GraphView(g), "ntriples");
  const std::string ident = iri(kSchema + "identifier");
  EXPECT_TRUE(has_line(nt, iri(kId + "a%20b") + " " + ident + " \"a b\" ."));
  EXPECT_TRUE(has_line(nt, iri(kId + "a%2520b") + " " + ident + " \"a%20b\" ."));
  EXPECT_TRUE(has_line(nt, iri(kId + "a%2Fb%5Cc%23d%3Fe") + " " + ident + " \"a/b\\\\c#d?e\" ."));
  EXPECT_TRUE(has_line(nt, iri(kId + "%2E") + " " + ident + " \".\" ."));
  EXPECT_TRUE(has_line(nt, iri(kId + "%2E%2E") + " " + ident + " \"..\" ."));
  EXPECT_TRUE(has_line(nt, iri(kId + "emoji😀") + " " + ident + " \"emoji😀\" ."));
  EXPECT_TRUE(has_line(nt, iri(kId + "rtl%E2%80%AEmark") + " " + ident + " \"rtl\u202Emark\" ."));
  EXPECT_TRUE(has_line(nt, iri(kId + "source/src%20%3C%26%3E%20%221%22") + " " + ident +
                               " \"src <&> \\\"1\\\"\" ."));
  EXPECT_TRUE(has_line(
      nt, iri(kId + "relation/%2E/related_to/%2E%2E") + " " + iri(kKg + "quote") + " \"dots\" ."));
  const std::string ttl = export_to_string(GraphView(g), "turtle");
  EXPECT_NE(ttl.find("\n<https://kgraph.example/id/-lead> a "), std::string::npos);
  EXPECT_NE(ttl.find("\n<https://kgraph.example/id/a%20b> a "), std::string::npos);
}

TEST(RdfExporter, LiteralsAreEscaped) {
  const KnowledgeGraph g =
      graph_from_json(test::read_file(test::test_data("golden/rdf/escaping.json")));
  const std::string nt = export_to_string(GraphView(g), "ntriples");
  const std::string r =
      iri(kId + "relation/a%20b/related_to/a%2520b/2006-09/2007/role%2Fwith%20slash");
  EXPECT_TRUE(has_line(nt, r + " " + iri(kKg + "quote") +
                               R"( "He said: \"<no>\" & left\nNext line\r\nTab\there \\ end" .)"));
  EXPECT_TRUE(has_line(nt, iri(kId + "relation/controls/related_to/emoji😀") + " " +
                               iri(kKg + "quote") + " \"\\u007F\u0085😀\" ."));
}

TEST(RdfExporter, UsesTheBaseIriOfTheOptions) {
  const KnowledgeGraph g = graph_from_json(basic_json());
  ExportOptions options;
  options.base_iri = "http://example.org/kg#";
  const std::string nt = export_to_string(GraphView(g), "ntriples", options);
  EXPECT_TRUE(has_line(nt, "<http://example.org/kg#ministry> " + iri(kSchema + "name") +
                               " \"Ministry of Foreign Affairs\" ."));
  EXPECT_EQ(nt.find(kId), std::string::npos);
  const std::string ttl = export_to_string(GraphView(g), "turtle", options);
  EXPECT_NE(ttl.find("@prefix id: <http://example.org/kg#> .\n@prefix src: "
                     "<http://example.org/kg#source/> .\n"),
            std::string::npos);
}

TEST(RdfExporter, RejectsABadBaseIri) {
  const KnowledgeGraph g = graph_from_json(basic_json());
  ExportOptions options;
  options.base_iri = "not an iri";
  for (const char* format : {"ntriples", "turtle"}) {
    try {
      export_to_string(GraphView(g), format, options);
      ADD_FAILURE() << format << " accepted a bad base IRI";
    } catch (const ExportError& e) {
      EXPECT_NE(std::string(e.what()).find("the base IRI \"not an iri\" is not an absolute IRI"),
                std::string::npos)
          << e.what();
    }
  }
}

// ---- determinism and registration ------------------------------------------------------------

TEST(RdfExporter, IsDeterministicAndOrderIndependent) {
  const std::string a =
      R"({"actors": [{"id": "x", "name": "X", "kind": "person", "aliases": ["b", "a"]}],
                           "relations": [{"from": "x", "type": "member_of", "to": "y", "quote": "q2"}]})";
  const std::string b = R"({"actors": [{"id": "y", "name": "Y", "kind": "organization"},
                                       {"id": "x", "name": "X2"}],
                           "relations": [{"from": "x", "type": "member_of", "to": "y", "quote": "q1"}]})";
  auto r1 = test::build_from({{"a.json", a}, {"b.json", b}});
  auto r2 = test::build_from({{"b.json", b}, {"a.json", a}});
  ASSERT_TRUE(r1.graph && r2.graph);
  for (const char* format : {"ntriples", "turtle"}) {
    const std::string one = export_to_string(GraphView(*r1.graph), format);
    EXPECT_EQ(one, export_to_string(GraphView(*r2.graph), format)) << format;
    EXPECT_EQ(one, export_to_string(GraphView(*r1.graph), format)) << format;
  }
}

TEST(RdfExporter, EmptyGraph) {
  const KnowledgeGraph g = graph_from_json("{}");
  EXPECT_EQ(export_to_string(GraphView(g), "ntriples"), "");
  const std::string ttl = export_to_string(GraphView(g), "turtle");
  EXPECT_EQ(ttl.rfind("@prefix", 0), 0u);
  EXPECT_EQ(std::count(ttl.begin(), ttl.end(), '\n'), 10);
}

TEST(RdfExporter, IsRegisteredForItsExtensions) {
  ExporterRegistry registry;
  register_builtin_exporters(registry);
  ASSERT_NE(registry.for_path("out/graph.nt"), nullptr);
  EXPECT_EQ(registry.for_path("out/graph.nt")->name(), "ntriples");
  ASSERT_NE(registry.for_path("out/graph.TTL"), nullptr);
  EXPECT_EQ(registry.for_path("out/graph.TTL")->name(), "turtle");
  EXPECT_NE(registry.named("ntriples"), nullptr);
  EXPECT_NE(registry.named("turtle"), nullptr);
}

}  // namespace
}  // namespace kgraph
