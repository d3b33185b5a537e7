// The Kuzu / LadybugDB folder (docs/formats/kuzu.md): its files, statements and CSV dialect.
// Loading it into a real Kuzu is tests/clients/kuzu_client_test.cpp.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "exporters/exporter.hpp"
#include "exporters/property_columns.hpp"
#include "graph/graph_view.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

namespace fs = std::filesystem;

fs::path export_kuzu(const KnowledgeGraph& g) { return test::export_to_folder(g, "kuzu"); }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

TEST(PropertyColumns, TypesFollowTheValues) {
  const KnowledgeGraph g = test::graph_from_json(R"({"actors": [
      {"id": "a", "name": "A", "b": true, "i": 1, "r": 0.5, "ir": 1, "s": "x", "bi": true, "huge": 1152921504606846977,
       "l": ["p", "q"], "li": [1, 2]},
      {"id": "b", "name": "B", "b": false, "i": -2, "r": 2.0, "ir": 0.25, "s": 3, "bi": 4, "huge": 0.5, "l": "r",
       "li": 3}]})");
  dbcols::ColumnCollector c;
  for (const Entity& e : g.entities()) c.add(e.properties, g.strings());
  const auto columns = c.columns(g.strings());
  std::vector<std::string> got;
  for (const auto& col : columns)
    got.push_back(col.name + ":" + std::string(dbcols::kuzu_type_name(col.type)) +
                  (col.list ? "[]" : ""));
  EXPECT_EQ(got, (std::vector<std::string>{"b:BOOLEAN", "bi:STRING", "huge:STRING", "i:INT64",
                                           "ir:DOUBLE", "l:STRING[]", "li:INT64[]", "r:DOUBLE",
                                           "s:STRING"}));
}

TEST(PropertyColumns, NamesAvoidBuiltinsReservedAndEachOther) {
  const KnowledgeGraph g = test::graph_from_json(R"({"actors": [{"id": "a", "name": "A",
      "Name": 1, "_name": 2, "note": 3, "Note": 4, "a`b": 5, "a_b": 6, "_id": 7, "_label": 8, "x{y}": 9}]})");
  dbcols::ColumnCollector c;
  c.add(g.entities()[0].properties, g.strings());
  static constexpr std::string_view builtins[] = {"id", "name"};
  const auto names_with = [&](bool case_insensitive) {
    auto columns = c.columns(g.strings());
    dbcols::NamingRules rules;
    rules.builtins = builtins;
    rules.case_insensitive = case_insensitive;
    rules.sanitize = [](std::string& s) { std::replace(s.begin(), s.end(), '`', '_'); };
    rules.reserved = [](std::string_view s) { return s == "_label" || s == "_LABEL"; };
    dbcols::assign_names(columns, g.strings(), rules);
    std::vector<std::string> out;
    for (const auto& col : columns) out.push_back(col.name);
    return out;
  };
  // Sorted by key: Name Note _id _label _name a_b a`b note x{y}
  EXPECT_EQ(names_with(true),
            (std::vector<std::string>{"_Name", "Note", "__id", "__label", "__name", "a_b", "a_b_2",
                                      "note_2", "x{y}"}));
  EXPECT_EQ(names_with(false),
            (std::vector<std::string>{"Name", "Note", "__id", "__label", "__name", "a_b", "a_b_2",
                                      "note", "x{y}"}));
}

TEST(PropertyColumns, LabelsAndTypes) {
  EXPECT_EQ(dbcols::pascal_case("government_body"), "GovernmentBody");
  EXPECT_EQ(dbcols::pascal_case("actor"), "Actor");
  EXPECT_EQ(dbcols::upper_snake("located_in"), "LOCATED_IN");
}

TEST(KuzuExporter, WritesSchemaLoadAndLoader) {
  const KnowledgeGraph g = test::graph_from_json(R"({
      "sources": [{"id": "s1", "title": "T"}],
      "actors": [{"id": "a", "name": "A", "kind": "person", "sources": ["s1"], "age": 40},
                 {"id": "b", "name": "B", "kind": "government"}],
      "places": [{"id": "p", "name": "P"}],
      "relations": [{"from": "a", "type": "spokesperson_of", "to": "b", "quote": "q"},
                    {"from": "b", "type": "located_in", "to": "p"}]})");
  const fs::path dir = export_kuzu(g);
  EXPECT_EQ(test::file_names(dir),
            (std::vector<std::string>{"README.md", "actors.csv", "load.cypher", "load.mjs",
                                      "places.csv", "rel_located_in_actor_place.csv",
                                      "rel_spokesperson_of_actor_actor.csv", "schema.cypher",
                                      "sources.csv"}));
  const std::string schema = test::read_file(dir / "schema.cypher");
  EXPECT_NE(
      schema.find(
          "CREATE NODE TABLE `Actor`(`id` STRING, `name` STRING, `kind` STRING, `aliases` "
          "STRING[], "
          "`start` STRING, `end` STRING, `sources` STRING[], `age` INT64, PRIMARY KEY(`id`));\n"),
      std::string::npos)
      << schema;
  EXPECT_NE(schema.find("CREATE NODE TABLE `Source`(`id` STRING, `date` STRING, `title` STRING, "
                        "PRIMARY KEY(`id`));\n"),
            std::string::npos);
  // Every relation type of the schema, with every allowed pair, whether used or not.
  EXPECT_NE(
      schema.find(
          "CREATE REL TABLE `LOCATED_IN`(FROM `Actor` TO `Place`, FROM `Place` TO `Place`, `start` "
          "STRING, `end` STRING, `role` STRING, `sources` STRING[]);\n"),
      std::string::npos);
  for (const auto& [name, rel] : g.schema().relations())
    EXPECT_NE(schema.find("CREATE REL TABLE `" + dbcols::upper_snake(name) + "`("),
              std::string::npos)
        << name;
  EXPECT_NE(schema.find("`sources` STRING[], `quote` STRING);\n"), std::string::npos);

  EXPECT_EQ(
      lines_of(test::read_file(dir / "load.cypher")),
      (std::vector<std::string>{
          "// Loads the files of this folder into the tables of schema.cypher. Written by kgraph.",
          "// File names are relative: run from this folder (load.mjs does). Rows whose values "
          "Kuzu's CSV",
          "// reader would not give back exactly are in a .json file (JSON Lines) beside the .csv "
          "file.",
          "COPY `Source` FROM 'sources.csv' (HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"');",
          "COPY `Actor` FROM 'actors.csv' (HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"');",
          "COPY `Place` FROM 'places.csv' (HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"');",
          "COPY `LOCATED_IN` FROM 'rel_located_in_actor_place.csv' (HEADER=true, DELIM=',', "
          "QUOTE='\"', "
          "ESCAPE='\"', from='Actor', to='Place');",
          "COPY `SPOKESPERSON_OF` FROM 'rel_spokesperson_of_actor_actor.csv' (HEADER=true, "
          "DELIM=',', "
          "QUOTE='\"', ESCAPE='\"', from='Actor', to='Actor');",
      }));
  EXPECT_EQ(test::read_file(dir / "actors.csv"),
            "id,name,kind,aliases,start,end,sources,age\n"
            "a,A,person,,,,[s1],40\n"
            "b,B,government,,,,,\n");
  EXPECT_TRUE((fs::status(dir / "load.mjs").permissions() & fs::perms::owner_exec) !=
              fs::perms::none);
  EXPECT_EQ(
      test::run_shell("node --check " + test::shell_quote((dir / "load.mjs").string())).status, 0);
}

TEST(KuzuExporter, SerialReaderOnlyForLineBreaks) {
  const KnowledgeGraph g = test::graph_from_json(R"({"actors": [{"id": "a", "name": "two\nlines"}],
      "places": [{"id": "p", "name": "one, line"}]})");
  const std::string load = test::read_file(export_kuzu(g) / "load.cypher");
  EXPECT_NE(load.find("COPY `Actor` FROM 'actors.csv' (HEADER=true, DELIM=',', QUOTE='\"', "
                      "ESCAPE='\"', PARALLEL=false);"),
            std::string::npos);
  EXPECT_NE(
      load.find(
          "COPY `Place` FROM 'places.csv' (HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"');"),
      std::string::npos);
}

TEST(KuzuExporter, RowsCsvCannotCarryGoToJsonLines) {
  const KnowledgeGraph g = test::graph_from_json(R"({"actors": [
      {"id": "a", "name": "A", "aliases": ["plain", "with, comma"], "empty": "", "tags": ["x", "y"]},
      {"id": "b", "name": "B", "aliases": ["it's \\ ok"], "tags": ["a b", "c"]},
      {"id": "c", "name": "C", "aliases": ["fine"], "tags": [" edge", "[x]"]},
      {"id": "d", "name": "D", "aliases": ["back\\slash"]}],
      "relations": [{"from": "a", "type": "related_to", "to": "b", "role": "r1", "quote": ""},
                    {"from": "a", "type": "related_to", "to": "c", "date": "2006", "quote": "x"}]})");
  const fs::path dir = export_kuzu(g);
  EXPECT_EQ(test::read_file(dir / "actors.csv"),
            "id,name,kind,aliases,start,end,sources,empty,tags\n"
            "d,D,,[back\\slash],,,,,\n");
  EXPECT_EQ(
      test::read_file(dir / "actors.json"),
      "{\"id\":\"a\",\"name\":\"A\",\"aliases\":[\"plain\",\"with, "
      "comma\"],\"empty\":\"\",\"tags\":[\"x\",\"y\"]}\n"
      "{\"id\":\"b\",\"name\":\"B\",\"aliases\":[\"it's \\\\ ok\"],\"tags\":[\"a b\",\"c\"]}\n"
      "{\"id\":\"c\",\"name\":\"C\",\"aliases\":[\"fine\"],\"tags\":[\" edge\",\"[x]\"]}\n");
  EXPECT_EQ(test::read_file(dir / "rel_related_to_actor_actor.csv"),
            "from,to,start,end,role,sources,quote\n"
            "a,c,2006,2006,,,x\n");
  EXPECT_EQ(test::read_file(dir / "rel_related_to_actor_actor.json"),
            "{\"from\":\"a\",\"to\":\"b\",\"role\":\"r1\",\"quote\":\"\"}\n");
  const std::string load = test::read_file(dir / "load.cypher");
  EXPECT_NE(
      load.find(
          "COPY `Actor` FROM 'actors.csv' (HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"');\n"
          "COPY `Actor` FROM 'actors.json';\n"),
      std::string::npos)
      << load;
  EXPECT_NE(
      load.find(
          "COPY `RELATED_TO` FROM 'rel_related_to_actor_actor.csv' (HEADER=true, DELIM=',', "
          "QUOTE='\"', "
          "ESCAPE='\"', from='Actor', to='Actor');\n"
          "COPY `RELATED_TO` FROM 'rel_related_to_actor_actor.json' (from='Actor', to='Actor');\n"),
      std::string::npos)
      << load;
}

TEST(KuzuExporter, ListItemsKuzuCannotReadBackGoToJsonLines) {
  // Kuzu's list reader trims ASCII spaces around items and splits and nests on , [ ] { }, and
  // keeps quotes as characters: such items go to the JSON file, every other item stays in CSV.
  const std::vector<std::pair<std::string, bool>> cases = {
      // (alias as JSON text, stays in CSV)
      {"plain", true},          {"in side", true},   {"tab\\tinside", true}, {"line\\nbreak", true},
      {"back\\\\slash", true},  {"中文 😀", true},    {" lead", false},       {"trail ", false},
      {"\\tlead", false},       {"trail\\t", false}, {"\\nlead", false},     {"trail\\r", false},
      {"{x}", false},           {"x]", false},       {"a,b", false},         {"it's", false},
      {"say \\\"hi\\\"", false}};
  for (const auto& [alias, csv] : cases) {
    const KnowledgeGraph g = test::graph_from_json(
        R"({"actors": [{"id": "a", "name": "A", "aliases": [")" + alias + R"("]}]})");
    const fs::path dir = export_kuzu(g);
    EXPECT_EQ(fs::exists(dir / "actors.csv"), csv) << alias;
    EXPECT_EQ(fs::exists(dir / "actors.json"), !csv) << alias;
  }
}

TEST(KuzuExporter, NoCsvFileWhenEveryRowIsJson) {
  const KnowledgeGraph g =
      test::graph_from_json(R"({"places": [{"id": "p", "name": "P", "aliases": ["a, b"]}]})");
  const fs::path dir = export_kuzu(g);
  EXPECT_FALSE(fs::exists(dir / "places.csv"));
  EXPECT_TRUE(fs::exists(dir / "places.json"));
  const std::string load = test::read_file(dir / "load.cypher");
  EXPECT_EQ(load.find("places.csv"), std::string::npos);
  EXPECT_NE(load.find("COPY `Place` FROM 'places.json';\n"), std::string::npos);
}

TEST(KuzuExporter, ManyRelationFilesSpanSeveralPasses) {
  // More relation files than are kept open at once: each still gets its rows.
  constexpr int kTypes = 300;
  const KnowledgeGraph g = test::graph_with_relation_types(kTypes);
  const fs::path dir = export_kuzu(g);
  const std::string load = test::read_file(dir / "load.cypher");
  for (int i = 0; i < kTypes; ++i) {
    const std::string file = "rel_rel_" + std::to_string(1000 + i) + "_actor_actor.csv";
    const std::vector<std::string> lines = lines_of(test::read_file(dir / file));
    ASSERT_EQ(lines.size(), 2u) << file;
    EXPECT_EQ(lines[1], "a,b" + std::to_string(i % 3) + ",,,,") << file;
    EXPECT_NE(load.find("FROM '" + file + "'"), std::string::npos) << file;
  }
}

TEST(KuzuExporter, IsDeterministic) {
  const KnowledgeGraph g = test::graph_from_file(test::test_data("hostile/hostile.json"));
  const fs::path a = export_kuzu(g), b = export_kuzu(g);
  for (const std::string& n : test::file_names(a))
    EXPECT_EQ(test::read_file(a / n), test::read_file(b / n)) << n;
}

// Golden folder: tests/data/golden/kuzu/edge_cases/ holds the files written for
// tests/data/databases/edge_cases.json. KGRAPH_UPDATE_GOLDEN=1 rewrites it.
TEST(KuzuExporter, MatchesGoldenFiles) {
  test::check_golden_folder(
      test::test_data("golden/kuzu/edge_cases"),
      export_kuzu(test::graph_from_file(test::test_data("databases/edge_cases.json"))));
}

}  // namespace
}  // namespace kgraph
