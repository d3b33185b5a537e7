// The JSON Lines importer end to end, and its agreement with the JSON document importer: the
// same facts in either format give the same graph.

#include <gtest/gtest.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "importers/json_record_reader.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using test::build_from;

std::string text_of(const KnowledgeGraph& g, const Value& v) {
  switch (v.kind) {
    // Appended, not "\"" + std::string(...): GCC 12 warns (-Wrestrict) on that falsely.
    case ValueKind::string:
      return std::string("\"").append(g.str(v.string)).append("\"");
    case ValueKind::integer:
      return std::to_string(v.integer);
    case ValueKind::real:
      return format_real(v.real) + "r";
    case ValueKind::boolean:
      return v.boolean ? "true" : "false";
  }
  return "?";
}

std::string text_of(const KnowledgeGraph& g, const PropertyList& properties) {
  std::string out;
  for (const Property& p : properties) {
    out.append(" ").append(g.str(p.key)).append("=");
    for (const Value& v : p.values) out += text_of(g, v) + ";";
  }
  return out;
}

std::string text_of(const KnowledgeGraph& g, ListId list) {
  std::string out = "[";
  for (StrId s : g.list(list)) out += std::string(g.str(s)) + ";";
  return out + "]";
}

/// Everything a graph holds, one line per element, independent of any exporter.
std::string dump(const KnowledgeGraph& g) {
  std::ostringstream out;
  for (const Source& s : g.sources())
    out << "source " << g.str(s.id) << " " << s.date.to_string() << text_of(g, s.properties)
        << "\n";
  for (const Entity& e : g.entities()) {
    out << type_name(e.type) << " " << g.str(e.id) << " name=" << g.str(e.name)
        << " kind=" << g.str(e.kind) << " " << e.start.to_string() << ".." << e.end.to_string()
        << " aliases=" << text_of(g, e.aliases) << " sources=" << text_of(g, e.sources)
        << text_of(g, e.properties) << "\n";
  }
  for (const Relation& r : g.relations()) {
    out << g.str(g.entities()[r.from].id) << " -" << g.str(r.type) << "-> "
        << g.str(g.entities()[r.to].id) << " role=" << g.str(r.role) << " " << r.start.to_string()
        << ".." << r.end.to_string() << " sources=" << text_of(g, r.sources)
        << text_of(g, g.properties_of(r)) << "\n";
  }
  return out.str();
}

/// The records of a JSON document written out as JSON Lines, one line per record.
std::vector<std::string> document_as_lines(const std::string& document) {
  std::vector<std::string> lines;
  Diagnostics diags;
  std::istringstream in(document);
  read_json_document(in, diags.add_file("document"), diags, [&](const RawRecord& r) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("record");
    const std::string_view section = section_name(r.section);
    w.String(section.data(), static_cast<rapidjson::SizeType>(section.size()));
    for (std::size_t i = 0; i < r.field_count; ++i) {
      const RawField& f = r.fields[i];
      w.Key(f.key.data(), static_cast<rapidjson::SizeType>(f.key.size()));
      if (f.is_null()) {
        w.Null();
        continue;
      }
      if (f.is_list) w.StartArray();
      for (const RawScalar& v : f.values) {
        switch (v.kind) {
          case ValueKind::string:
            w.String(v.text.data(), static_cast<rapidjson::SizeType>(v.text.size()));
            break;
          case ValueKind::integer:
            w.Int64(v.integer);
            break;
          case ValueKind::real:
            w.Double(v.real);
            break;
          case ValueKind::boolean:
            w.Bool(v.boolean);
            break;
        }
      }
      if (f.is_list) w.EndArray();
    }
    w.EndObject();
    lines.emplace_back(buf.GetString(), buf.GetSize());
  });
  EXPECT_FALSE(diags.has_errors());
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines, std::string_view end = "\n") {
  std::string out;
  for (const std::string& l : lines) out.append(l).append(end);
  return out;
}

TEST(JsonLinesImporter, IsFoundByExtension) {
  const Importer* jsonl = test::importers().named("jsonl");
  ASSERT_NE(jsonl, nullptr);
  EXPECT_EQ(test::importers().for_path("facts.jsonl"), jsonl);
  EXPECT_EQ(test::importers().for_path("facts.ndjson"), jsonl);
  EXPECT_EQ(test::importers().for_path("FACTS.NDJSON"), jsonl);
}

TEST(JsonLinesImporter, SameFactsAsTheDocumentGiveTheSameGraph) {
  const test::BuildResult doc =
      build_from({{"a.json", test::read_file(test::test_data("importers/press-conference.json"))}});
  const test::BuildResult lines = build_from(
      {{"a.jsonl", test::read_file(test::test_data("importers/press-conference.jsonl"))}});
  ASSERT_TRUE(doc.graph) << testing::PrintToString(doc.messages());
  ASSERT_TRUE(lines.graph) << testing::PrintToString(lines.messages());
  EXPECT_EQ(lines.graph->entities().size(), 5u);
  EXPECT_EQ(dump(*lines.graph), dump(*doc.graph));
}

TEST(JsonLinesImporter, TheExampleAsShuffledLinesGivesTheSameGraph) {
  const std::string document =
      test::read_file(test::source_path("examples/north-korean-refugees-2006/graph.json"));
  const test::BuildResult doc = build_from({{"graph.json", document}});
  ASSERT_TRUE(doc.graph) << testing::PrintToString(doc.messages());

  std::vector<std::string> lines = document_as_lines(document);
  ASSERT_GT(lines.size(), 20u);
  std::shuffle(lines.begin(), lines.end(), std::mt19937(7));
  // Split over two files, one with CRLF line ends and blank lines.
  const std::size_t half = lines.size() / 2;
  const std::string first = join_lines({lines.begin(), lines.begin() + half}, "\r\n\r\n");
  const std::string second = "\xEF\xBB\xBF" + join_lines({lines.begin() + half, lines.end()});
  const test::BuildResult jsonl = build_from({{"one.ndjson", first}, {"two.jsonl", second}});
  ASSERT_TRUE(jsonl.graph) << testing::PrintToString(jsonl.messages());
  EXPECT_EQ(dump(*jsonl.graph), dump(*doc.graph));
}

TEST(JsonLinesImporter, ReportsEveryBadLineWithTheFileName) {
  const std::string good = test::read_file(test::test_data("importers/press-conference.jsonl"));
  const test::BuildResult r = build_from(
      {{"good.jsonl", good},
       {"bad.jsonl",
        "{\"record\": \"actor\", \"id\": \"x1\", \"name\": \"X\"}\n"
        "{\"record\": \"actr\", \"id\": \"x2\", \"name\": \"X\"}\n"
        "{\"id\": \"x3\", \"name\": \"X\"}\n"
        "{\"record\": \"actor\", \"id\": \"x4\" \"name\": \"X\"}\n"
        "\n"
        "{\"record\": \"actor\", \"id\": \"x5\", \"name\": \"X\", \"tags\": [[\"a\"]]}\n"}});
  EXPECT_FALSE(r.graph);
  EXPECT_EQ(
      r.messages(),
      (std::vector<std::string>{
          "bad.jsonl:2:12: error: unknown record type \"actr\" (expected source, actor, law, "
          "event, "
          "place or relation); did you mean \"actor\"?",
          "bad.jsonl:3:1: error: missing \"record\" (one of source, actor, law, event, place or "
          "relation)",
          "bad.jsonl:4:32: error: invalid JSON: missing a comma or '}' after an object member",
          "bad.jsonl:6:55: error: field \"tags\": a value must be a string, number, boolean, or a "
          "list "
          "of those",
      }));
}

}  // namespace
}  // namespace kgraph
