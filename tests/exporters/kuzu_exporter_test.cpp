// The Kuzu / LadybugDB folder (docs/formats/kuzu.md): its files, statements and CSV dialect.
// Loading it into a real Kuzu is tests/clients/kuzu_client_test.cpp.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "exporters/exporter.hpp"
#include "exporters/property_columns.hpp"
#include "graph/graph_view.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

namespace fs = std::filesystem;

fs::path export_kuzu(const KnowledgeGraph& g, std::uint32_t parts = 1) {
  ExportOptions options;
  options.parts = parts;
  return test::export_to_folder(g, "kuzu", options);
}

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

TEST(PropertyColumns, MergedFromSeveralGraphsAsFromOne) {
  // A merge gathers a file's columns from one graph per partition, each with its own strings.
  const char* a = R"({"actors": [{"id": "a", "name": "A", "n": 1, "l": "p", "s": "x;y|z"}]})";
  const char* b = R"({"actors": [{"id": "b", "name": "B", "n": 0.5, "l": ["q", "r"], "t": true}]})";
  const char* both = R"({"actors": [{"id": "a", "name": "A", "n": 1, "l": "p", "s": "x;y|z"},
      {"id": "b", "name": "B", "n": 0.5, "l": ["q", "r"], "t": true}]})";
  const auto collect = [](const KnowledgeGraph& g) {
    dbcols::ColumnCollector c;
    for (const Entity& e : g.entities()) c.add(e.properties, g.strings());
    return c;
  };
  const KnowledgeGraph ga = test::graph_from_json(a), gb = test::graph_from_json(b),
                       gboth = test::graph_from_json(both);
  StringPool keys;
  dbcols::ColumnCollector merged;
  merged.merge(collect(ga), ga.strings(), keys);
  merged.merge(collect(gb), gb.strings(), keys);
  const auto describe = [](const std::vector<dbcols::PropertyColumn>& columns) {
    std::vector<std::string> out;
    for (const auto& c : columns)
      out.push_back(c.name + ":" + std::string(dbcols::kuzu_type_name(c.type)) +
                    (c.list ? "[]" : "") + ":" + std::to_string(c.classes) + ":" +
                    std::to_string(c.separators));
    return out;
  };
  const auto columns = merged.columns(keys);
  EXPECT_EQ(describe(columns), describe(collect(gboth).columns(gboth.strings())));
  EXPECT_EQ(columns[2].name, "s");
  EXPECT_EQ(columns[2].classes & (chars::kSemicolon | chars::kPipe),
            chars::kSemicolon | chars::kPipe);
  // Keyed in a graph's strings, the columns walk its properties; a key it lacks finds nothing.
  const auto in_b = dbcols::keyed_in(columns, keys, gb.strings());
  std::vector<std::string> cells;
  dbcols::for_each_cell(
      in_b, gb.entities()[0].properties, [&](const dbcols::PropertyColumn& c, const Property* p) {
        cells.push_back(c.name + (p ? "=" + std::to_string(p->values.size()) : "-"));
      });
  EXPECT_EQ(cells, (std::vector<std::string>{"l=2", "n=1", "s-", "t=1"}));
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
          "// reader would not give back exactly are in an -escaped.csv file beside the plain one, "
          "read",
          "// through LOAD FROM and decoded (see README.md).",
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

// The LOAD FROM subquery of an escaped file with `columns` STRING columns.
std::string escaped_load_prefix(const std::string& table, int columns, const std::string& file) {
  std::string s = "COPY `" + table + "` FROM (LOAD WITH HEADERS (";
  for (int i = 0; i < columns; ++i) s += (i ? ", c" : "c") + std::to_string(i) + " STRING";
  return s + ") FROM '" + file + "' (HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"') RETURN ";
}

TEST(KuzuExporter, RowsCsvCannotCarryGoToTheEscapedFile) {
  const KnowledgeGraph g = test::graph_from_json(R"({"actors": [
      {"id": "a", "name": "A", "aliases": ["plain", "with, comma"], "empty": "", "tags": ["x", "y"]},
      {"id": "b", "name": "B", "aliases": ["it's \\ ok"], "tags": ["a b", "c"]},
      {"id": "c", "name": "C", "aliases": ["fine"], "tags": [" edge", "[x]"]},
      {"id": "d", "name": "D", "aliases": ["back\\slash"]},
      {"id": "e|~", "name": "two\nlines", "aliases": ["x\r\n", ""]}],
      "relations": [{"from": "a", "type": "related_to", "to": "b", "role": "r1", "quote": ""},
                    {"from": "a", "type": "related_to", "to": "c", "date": "2006", "quote": "x"}]})");
  const fs::path dir = export_kuzu(g);
  EXPECT_EQ(test::read_file(dir / "actors.csv"),
            "id,name,kind,aliases,start,end,sources,empty,tags\n"
            "d,D,,[back\\slash],,,,,\n");
  // Every string is `=` and its text with ~ | LF CR as ~1 ~2 ~3 ~4; list items joined by |;
  // an empty cell is no value.
  EXPECT_EQ(test::read_file(dir / "actors-escaped.csv"),
            "id,name,kind,aliases,start,end,sources,empty,tags\n"
            "=a,=A,,\"=plain|=with, comma\",,,,=,=x|=y\n"
            "=b,=B,,=it's \\ ok,,,,,=a b|=c\n"
            "=c,=C,,=fine,,,,,= edge|=[x]\n"
            "=e~2~1,=two~3lines,,=|=x~4~3,,,,,\n");
  EXPECT_EQ(test::read_file(dir / "rel_related_to_actor_actor.csv"),
            "from,to,start,end,role,sources,quote\n"
            "a,c,2006,2006,,,x\n");
  EXPECT_EQ(test::read_file(dir / "rel_related_to_actor_actor-escaped.csv"),
            "from,to,start,end,role,sources,quote\n"
            "=a,=b,,,=r1,,=\n");
  const std::string load = test::read_file(dir / "load.cypher");
  // The escaped file never spans lines, so neither COPY needs the serial reader.
  EXPECT_NE(
      load.find(
          "COPY `Actor` FROM 'actors.csv' (HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"');\n" +
          escaped_load_prefix("Actor", 9, "actors-escaped.csv")),
      std::string::npos)
      << load;
  EXPECT_NE(
      load.find("COPY `RELATED_TO` FROM 'rel_related_to_actor_actor.csv' (HEADER=true, "
                "DELIM=',', QUOTE='\"', ESCAPE='\"', from='Actor', to='Actor');\n" +
                escaped_load_prefix("RELATED_TO", 7, "rel_related_to_actor_actor-escaped.csv")),
      std::string::npos)
      << load;
  EXPECT_NE(load.find(") (from='Actor', to='Actor');\n"), std::string::npos) << load;
  EXPECT_EQ(load.find(".json"), std::string::npos) << load;
}

TEST(KuzuExporter, EscapedFilesReadNumbersAsTheyAre) {
  const KnowledgeGraph g = test::graph_from_json(R"({"actors": [
      {"id": "a", "name": "A", "e": "", "n": 1, "r": [0.5, 2], "b": true, "s": 3},
      {"id": "b", "name": "B", "n": 2, "r": 1.5, "b": false, "s": "x"}]})");
  const fs::path dir = export_kuzu(g);
  EXPECT_EQ(test::read_file(dir / "actors-escaped.csv"),
            "id,name,kind,aliases,start,end,sources,b,e,n,r,s\n"
            "=a,=A,,,,,,true,=,1,\"[2.0,0.5]\",=3\n");
  const std::string load = test::read_file(dir / "load.cypher");
  EXPECT_NE(load.find("c7 BOOLEAN, c8 STRING, c9 INT64, c10 DOUBLE[], c11 STRING) FROM "
                      "'actors-escaped.csv'"),
            std::string::npos)
      << load;
  EXPECT_NE(load.find("'g'), c9, c10, regexp_replace("), std::string::npos) << load;
}

TEST(KuzuExporter, ListItemsKuzuCannotReadBackGoToTheEscapedFile) {
  // Kuzu's list reader trims ASCII spaces around items and splits and nests on , [ ] { }, and
  // keeps quotes as characters: such items go to the escaped file, every other item stays in CSV.
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
    EXPECT_EQ(fs::exists(dir / "actors-escaped.csv"), !csv) << alias;
  }
}

TEST(KuzuExporter, NoCsvFileWhenEveryRowIsEscaped) {
  const KnowledgeGraph g =
      test::graph_from_json(R"({"places": [{"id": "p", "name": "P", "aliases": ["a, b"]}]})");
  const fs::path dir = export_kuzu(g);
  EXPECT_FALSE(fs::exists(dir / "places.csv"));
  EXPECT_TRUE(fs::exists(dir / "places-escaped.csv"));
  const std::string load = test::read_file(dir / "load.cypher");
  EXPECT_EQ(load.find("places.csv"), std::string::npos);
  EXPECT_NE(load.find(escaped_load_prefix("Place", 7, "places-escaped.csv")), std::string::npos);
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

// ---- --parts ------------------------------------------------------------------------------

/// The lines of a CSV file after its header, in any order (the test inputs' rows are one line
/// each once escaped; the plain files are compared as whole records by the client tests).
std::multiset<std::string> rows_of(const fs::path& file) {
  std::vector<std::string> lines = lines_of(test::read_file(file));
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return {lines.begin() + 1, lines.end()};
}

TEST(KuzuExporter, PartsSplitEachFileByTheHashOfItsKey) {
  const KnowledgeGraph g =
      test::graph_from_file(test::source_path("examples/north-korean-refugees-2006/graph.json"));
  constexpr std::uint32_t kParts = 4;
  const fs::path whole = export_kuzu(g), split = export_kuzu(g, kParts);
  EXPECT_EQ(test::read_file(whole / "schema.cypher"), test::read_file(split / "schema.cypher"));
  const std::vector<std::string> names = test::file_names(whole);
  std::size_t parted = 0;
  for (const std::string& name : names) {
    if (!name.ends_with(".csv") || name.ends_with("-escaped.csv")) continue;
    const std::string stem = name.substr(0, name.size() - 4);
    // The rows of the single file, each in the part of its key: the id, or the `from` id.
    std::multiset<std::string> in_parts;
    for (std::uint32_t p = 0; p < kParts; ++p) {
      const fs::path part = split / (stem + "-part" + std::to_string(p + 1) + ".csv");
      if (!fs::exists(part)) continue;
      ++parted;
      const std::string text = test::read_file(part);
      EXPECT_EQ(text.substr(0, text.find('\n')),
                test::read_file(whole / name).substr(0, text.find('\n')))
          << part << ": the header of the single file";
      for (const std::string& row : rows_of(part)) {
        const std::string key = row.substr(0, row.find(','));
        EXPECT_EQ(test::part_of_key(key, kParts), p) << row << " in " << part;
        in_parts.insert(row);
      }
    }
    EXPECT_EQ(in_parts, rows_of(whole / name)) << stem;
  }
  EXPECT_GT(parted, names.size() / 2);
  for (const std::string& name : test::file_names(split))
    EXPECT_TRUE(name.find("-part") != std::string::npos || !name.ends_with(".csv")) << name;
  // load.cypher loads each table's parts by a glob, with the same options.
  std::string load = test::read_file(whole / "load.cypher");
  for (const std::string& name : names) {
    if (!name.ends_with(".csv")) continue;
    const std::string stem = name.substr(0, name.size() - 4);
    for (std::size_t at = load.find("'" + name + "'"); at != std::string::npos;
         at = load.find("'" + name + "'"))
      load.replace(at, name.size() + 2, "'" + stem + "-part*.csv'");
  }
  EXPECT_EQ(load, test::read_file(split / "load.cypher"));
}

/// The first cell of a row of an escaped file (the id, or the `from` id), CSV quotes and escapes
/// undone.
std::string first_cell_decoded(const std::string& row) {
  std::string cell;
  std::size_t i = 0;
  if (row[0] == '"') {
    for (i = 1; i < row.size(); ++i) {
      if (row[i] == '"' && (i + 1 >= row.size() || row[i + 1] != '"')) break;
      if (row[i] == '"') ++i;
      cell += row[i];
    }
  } else {
    cell = row.substr(0, row.find(','));
  }
  EXPECT_EQ(cell.substr(0, 1), "=") << row;
  std::string text;
  for (i = 1; i < cell.size(); ++i) {
    if (cell[i] != '~') {
      text += cell[i];
      continue;
    }
    const char code = cell[++i];
    text += code == '1' ? '~' : code == '2' ? '|' : code == '3' ? '\n' : '\r';
  }
  return text;
}

TEST(KuzuExporter, PartsSplitTheEscapedFilesToo) {
  const KnowledgeGraph g = test::graph_from_file(test::test_data("hostile/hostile.json"));
  constexpr std::uint32_t kParts = 3;
  const fs::path whole = export_kuzu(g), split = export_kuzu(g, kParts);
  for (const std::string& name : test::file_names(whole)) {
    if (!name.ends_with("-escaped.csv")) continue;
    const std::string stem = name.substr(0, name.size() - 4);
    std::multiset<std::string> in_parts;
    for (std::uint32_t p = 0; p < kParts; ++p) {
      const fs::path part = split / (stem + "-part" + std::to_string(p + 1) + ".csv");
      if (!fs::exists(part)) continue;
      for (const std::string& row : rows_of(part)) {
        const std::string key = first_cell_decoded(row);
        EXPECT_EQ(test::part_of_key(key, kParts), p) << row << " in " << part;
        in_parts.insert(row);
      }
    }
    EXPECT_EQ(in_parts, rows_of(whole / name)) << stem;
    EXPECT_NE(test::read_file(split / "load.cypher").find("FROM '" + stem + "-part*.csv'"),
              std::string::npos)
        << stem;
  }
}

TEST(KuzuExporter, PartsAreDeterministic) {
  const KnowledgeGraph g = test::graph_from_file(test::test_data("hostile/hostile.json"));
  const fs::path a = export_kuzu(g, 5), b = export_kuzu(g, 5);
  ASSERT_EQ(test::file_names(a), test::file_names(b));
  for (const std::string& n : test::file_names(a))
    EXPECT_EQ(test::read_file(a / n), test::read_file(b / n)) << n;
}

TEST(KuzuExporter, PartNumbersArePaddedToTheirCount) {
  const KnowledgeGraph g = test::graph_from_json(R"({"actors": [{"id": "a", "name": "A"}]})");
  const std::string part = std::to_string(test::part_of_key("a", 12) + 1);
  EXPECT_EQ(test::file_names(export_kuzu(g, 12)),
            (std::vector<std::string>{
                "README.md", "actors-part" + std::string(2 - part.size(), '0') + part + ".csv",
                "load.cypher", "load.mjs", "schema.cypher"}));
}

TEST(KuzuExporter, OnePartIsTheSingleFileLayout) {
  test::check_golden_folder(
      test::test_data("golden/kuzu/edge_cases"),
      export_kuzu(test::graph_from_file(test::test_data("databases/edge_cases.json")), 1));
}

}  // namespace
}  // namespace kgraph
