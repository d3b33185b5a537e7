// The Wikidata importer end to end (docs/inputs.md, "Wikidata"): both layouts, the messages
// with their places, golden outputs of two real items, counts of all eight real items checked
// against an independent count, the mapping setting, and the command line (`.json.gz`,
// `--input-format wikidata`, `--lang`).

#include "importers/wikidata_importer.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "wikidata_test_support.hpp"

namespace kgraph {
namespace {

using namespace wikidata_test;
using Counts = std::map<std::string, std::size_t>;

std::string family_dump() {
  return test::read_file(test::test_data("wikidata/family.wikidata.json"));
}

/// The dump's entity lines.
Strings entity_lines(const std::string& dump_text) {
  Strings out;
  std::istringstream in(dump_text);
  std::string line;
  while (std::getline(in, line)) {
    if (line == "[" || line == "]") continue;
    if (line.back() == ',') line.pop_back();
    out.push_back(line);
  }
  return out;
}

TEST(WikidataImporter, IsChosenByItsEndingsOrByName) {
  EXPECT_EQ(test::importers().for_path("a.wikidata.json")->name(), "wikidata");
  EXPECT_EQ(test::importers().for_path("a.WD.JSON")->name(), "wikidata");
  EXPECT_EQ(test::importers().for_path("latest-all.wikidata.json.gz")->name(), "wikidata");
  EXPECT_EQ(test::importers().for_path("latest-all.json.bz2")->name(), "json");
  EXPECT_TRUE(test::importers().named("wikidata"));
}

TEST(WikidataImporter, BothLayoutsMakeTheSameGraph) {
  const Strings lines = entity_lines(family_dump());
  ASSERT_EQ(lines.size(), 8u);
  std::string response = "{\"success\": 1, \"entities\": {\n";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string id = lines[i].substr(lines[i].find("\"id\":\"") + 6, 20);
    response += (i ? ",\n\"" : "\"") + id.substr(0, id.find('"')) + "\": " + lines[i];
  }
  response += "}}\n";
  const Imported from_dump = import(family_dump());
  const Imported from_response = import(response);
  ASSERT_NE(from_dump.json, "");
  EXPECT_EQ(from_response.json, from_dump.json);
  EXPECT_EQ(from_response.messages.size(), from_dump.messages.size());
  // The dump may also open and close on entity lines, with CRLF line ends.
  std::string compact = "[" + lines[0];
  for (std::size_t i = 1; i < lines.size(); ++i) compact += ",\r\n" + lines[i];
  compact += "]\r\n";
  EXPECT_EQ(import(compact).json, from_dump.json);
}

TEST(WikidataImporter, ProblemsAreReportedAtTheirPlaces) {
  struct Case {
    std::string input;
    Strings expected;
  };
  const std::string one = entity("Q1", "One", human());
  const Case cases[] = {
      {"",
       {"t.wikidata.json:1:1: error: expected a Wikidata dump (\"[\", then one entity per "
        "line) or a wbgetentities response ({\"entities\": ...}); the input is empty"}},
      {"\n  x\n",
       {"t.wikidata.json:2:3: error: expected a Wikidata dump (\"[\", then one entity "
        "per line) or a wbgetentities response ({\"entities\": ...})"}},
      {"[\n" + one + ",\n{\"id\": \"Q2\",}\n]\n",
       {"t.wikidata.json:3:13: error: invalid JSON: missing a name for object member\n  hint: a "
        "Wikidata dump holds one entity per line"}},
      {"[\n" + one + ",\n",
       {"t.wikidata.json:2:1: error: the Wikidata dump ends without its "
        "closing \"]\"\n  hint: the file may be truncated"}},
      {"[\n" + one + "\n]\n" + one + "\n",
       {"t.wikidata.json:4:1: error: text after the closing \"]\" of the Wikidata dump"}},
      {"[\n[1]\n]\n",
       {"t.wikidata.json:2:1: error: expected a Wikidata entity {\"id\", "
        "\"labels\", \"claims\", ...}; found an array"}},
      {"[\n{\"id\": 5}\n]\n",
       {"t.wikidata.json:2:8: error: a Wikidata entity needs an \"id\" string"}},
      {"[\n{\"id\": \"Q05\"}\n]\n",
       {"t.wikidata.json:2:8: error: entity id \"Q05\" is not an item id such as Q42"}},
      {"[\n{\"id\": \"Q5\", \"claims\": []}\n]\n",
       {"t.wikidata.json:2:24: error: \"claims\" must be an object; found an array"}},
      {"[\n{\"id\": \"Q5\", \"claims\": {\"P31\": {}}}\n]\n",
       {"t.wikidata.json:2:32: error: the statements of a property must be a list; found an "
        "object"}},
      {"[\n{\"id\": \"Q5\", \"claims\": {\"P31\": [{\"rank\": \"normal\"}]}}\n]\n",
       {"t.wikidata.json:2:33: error: a statement needs a \"mainsnak\" object"}},
      {"[\n" + entity("Q1", "One", human() + ",\"P26\":[" + statement("P26", "\"Q2\"") + "]") +
           "\n]\n",
       {"t.wikidata.json:2:310: error: a statement of P26 must name an item, because the "
        "Wikidata mapping makes it a relation; found a string"}},
      {"{\"entities\": []}",
       {"t.wikidata.json:1:14: error: \"entities\" must be an object of "
        "entities by id; found an array"}},
      {"\n{\"error\": {\"code\": \"no-such-entity\"}}",
       {"t.wikidata.json:2:1: error: expected a wbgetentities response {\"entities\": {...}}; "
        "there is no \"entities\""}},
      {"{\"entities\": {\n\"Q1\": {\"id\": \"Q1\", \"missing\": \"\"},\n\"Q2\": {\"id\": "
       "\"Q2\", \"claims\": {\"P31\": 3}}}}",
       {"t.wikidata.json:2:7: warning: 1 entity skipped: marked \"missing\" by the Wikidata API "
        "(the first here)",
        "t.wikidata.json:3:38: error: the statements of a property must be a list; found a "
        "number"}},
  };
  for (const Case& c : cases) EXPECT_EQ(import(c.input).messages, c.expected) << c.input;
}

TEST(WikidataImporter, GoldenOutputsOfTwoRealItems) {
  // Vladimir Spiridonovich Putin and Maria Putina (tests/data/wikidata/SOURCES.txt), each file
  // alone: the items, their stubbed countries and party, and the counted warnings.
  for (const std::string qid : {"Q19300851", "Q19300864"}) {
    const std::string name = qid + ".wikidata.json";
    const Imported r =
        import(test::read_file(test::test_data("wikidata/entities/" + name)), {}, name);
    std::string actual = r.json;
    for (std::string m : r.messages) {
      for (std::size_t at = 0; (at = m.find('\n', at)) != std::string::npos; at += 4)
        m.replace(at, 1, "\n// ");
      actual += "// " + m + "\n";
    }
    test::check_golden(test::test_data("wikidata/golden/" + qid + ".expected.json"), actual,
                       "JSON of " + name);
  }
}

TEST(WikidataImporter, CountsOfTheEightRealItemsAgreeWithAnIndependentCount) {
  // tests/importers/wikidata_counts.py reads the same dump and the same mapping with Python's
  // json module.
  const auto file = test::test_data("wikidata/family.wikidata.json");
  const auto python = test::run_shell(
      "/usr/bin/python3 " +
      test::shell_quote(test::source_path("tests/importers/wikidata_counts.py")) + " " +
      test::shell_quote(test::source_path("importers/assets/wikidata_mapping.json")) + " " +
      test::shell_quote(file));
  ASSERT_EQ(python.status, 0) << python.err;
  const Counts expected = test::parse_counts(python.out);

  const Imported r = import(family_dump());
  auto g = test::build_from({{"family.wikidata.json", family_dump()}});
  ASSERT_TRUE(g.graph);
  Counts actual;
  for (const Entity& e : g.graph->entities()) {
    ++actual["entity " + std::string(type_name(e.type)) + "/" + std::string(g.graph->str(e.kind))];
    if (e.name == e.id && g.graph->str(e.name).starts_with("Q")) ++actual["stubs"];
  }
  for (const Relation& rel : g.graph->relations())
    ++actual["relation " + std::string(g.graph->str(rel.type))];
  actual["sources"] = g.graph->sources().size();
  const std::regex counted(
      R"(warning: (\d+) (relations? dropped|statements? left out: the|statements? left out: .no value|deprecated statements? left out|items? skipped|items? ha(s|ve) no label))");
  for (const std::string& m : r.messages) {
    std::smatch match;
    ASSERT_TRUE(std::regex_search(m, match, counted)) << m;
    const std::string what = match[2];
    const std::string key = what.find("deprecated") != std::string::npos ? "deprecated"
                            : what.find("dropped") != std::string::npos  ? "dropped"
                            : what.find("no value") != std::string::npos ? "no value"
                            : what.find("left out") != std::string::npos ? "statements left out"
                            : what.find("skipped") != std::string::npos  ? "skipped items"
                                                                         : "unlabelled";
    actual[key] = std::stoul(match[1]);
  }
  EXPECT_EQ(actual, expected);
  EXPECT_EQ(actual["entity actor/person"], 8u);
  EXPECT_GE(actual["relation spouse_of"], 1u);
}

TEST(WikidataImporter, TheExampleBuilds) {
  // examples/wikidata/README.md states these figures.
  const auto r = test::build_from(
      {{"putin-parents.wikidata.json",
        test::read_file(test::source_path("examples/wikidata/putin-parents.wikidata.json"))}});
  ASSERT_TRUE(r.graph);
  std::map<std::string, int> counts;
  for (const Entity& e : r.graph->entities()) {
    const bool stub = r.graph->str(e.name) == r.graph->str(e.id);
    ++counts[std::string(stub ? "stub " : "") + std::string(type_name(e.type)) + "/" +
             std::string(r.graph->str(e.kind))];
  }
  for (const Relation& rel : r.graph->relations()) ++counts[std::string(r.graph->str(rel.type))];
  EXPECT_EQ(counts, (std::map<std::string, int>{{"actor/person", 2},
                                                {"stub actor/political_party", 1},
                                                {"stub place/country", 3},
                                                {"stub event/", 3},
                                                {"citizen_of", 6},
                                                {"member_of", 1},
                                                {"participated_in", 3},
                                                {"spouse_of", 1}}));
  EXPECT_EQ(r.graph->sources().size(), 1u);
  const Strings messages = r.messages();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[0].find("42 statements left out"), std::string::npos) << messages[0];
  EXPECT_NE(messages[1].find("10 relations dropped"), std::string::npos) << messages[1];
}

TEST(WikidataImporter, AMappingFileReplacesTheBuiltinOne) {
  const auto dir = test::make_temp_dir();
  test::write_file(dir / "m.json", R"({
  "source": {"id": "wd", "title": "Wikidata"},
  "classes": {"Q5": {"type": "actor", "kind": "person"}},
  "properties": {
    "P26": {"relation": "related_to", "role": "spouse", "stub": {"type": "actor", "kind": "person"}}
  },
  "qualifiers": {"role": ["P2868"]}
})");
  ImportOptions options;
  options.settings = {{"wikidata.mapping", (dir / "m.json").string()}};
  const Imported r =
      import(dump({entity("Q1", "One",
                          human() + R"(,"P26":[)" + statement("P26", item_value("Q2")) + "]")}),
             options);
  EXPECT_EQ(r.messages, Strings{});
  EXPECT_NE(
      r.json.find(
          R"({"from":"Q1","type":"related_to","to":"Q2","role":"spouse","sources":["wd"],"wikidata_property":"P26"})"),
      std::string::npos)
      << r.json;
  EXPECT_NE(r.json.find(
                R"({"id":"Q2","name":"Q2","kind":"person","sources":["wd"],"wikidata_stub":true})"),
            std::string::npos)
      << r.json;

  test::write_file(dir / "bad.json", R"({"properties": {"P26": {"relation": "wed"}}})");
  options.settings = {{"wikidata.mapping", (dir / "bad.json").string()}};
  EXPECT_EQ(import(dump({}), options).messages,
            Strings{(dir / "bad.json").string() +
                    ":1:37: error: relation type \"wed\" is not declared in the schema"});
  options.settings = {{"wikidata.mapping", (dir / "none.json").string()}};
  EXPECT_EQ(import(dump({}), options).messages,
            Strings{"t.wikidata.json: error: cannot read the Wikidata mapping \"" +
                    (dir / "none.json").string() + "\" (--input-option wikidata.mapping)"});
  options.settings = {{"wikidata.lang", "en"}};
  EXPECT_EQ(import(dump({}), options).messages,
            Strings{"t.wikidata.json: error: unknown setting \"wikidata.lang\" for Wikidata "
                    "input; expected wikidata.mapping"});
}

TEST(WikidataImporter, TheCommandLineReadsCompressedDumpsAndTakesLanguages) {
  const auto dir = test::make_temp_dir();
  const std::string plain = test::test_data("wikidata/family.wikidata.json").string();
  const std::string gz = test::test_data("wikidata/family.wikidata.json.gz").string();
  auto build = [&](std::vector<std::string> args, const std::string& out) {
    args.insert(args.begin(), "build");
    args.push_back("-o");
    args.push_back((dir / out).string());
    args.push_back("--quiet");
    const auto r = test::run_kgraph(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return test::read_file(dir / out);
  };
  const std::string from_plain = build({plain}, "plain.json");
  EXPECT_NE(from_plain.find("\"Maria Putina\""), std::string::npos);
  EXPECT_EQ(build({gz}, "gz.json"), from_plain);
  // A dump named only `.json` is read as Wikidata with --input-format (and from stdin).
  test::write_file(dir / "latest.json", family_dump());
  EXPECT_EQ(build({"--input-format", "wikidata", (dir / "latest.json").string()}, "forced.json"),
            from_plain);
  const auto piped = test::run_kgraph(
      {"build", "-", "--input-format", "wikidata", "-o", (dir / "stdin.json").string(), "-q"},
      family_dump());
  EXPECT_EQ(piped.status, 0) << piped.err;
  EXPECT_EQ(test::read_file(dir / "stdin.json"), from_plain);

  test::write_file(
      dir / "qin.wd.json",
      dump(
          {R"({"type":"item","id":"Q1","labels":{"en":{"language":"en","value":"Qin Gang"},"zh":{"language":"zh","value":"秦刚"}},"claims":{)" +
           human() + "}}"}));
  const std::string zh = build({"--lang", "ZH,en", (dir / "qin.wd.json").string()}, "zh.json");
  EXPECT_NE(zh.find(R"("name":"秦刚","kind":"person","aliases":["Qin Gang"])"), std::string::npos)
      << zh;
  const auto bad = test::run_kgraph({"build", (dir / "qin.wd.json").string(), "--lang", "en,,zh",
                                     "-o", (dir / "x.json").string()});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--lang takes language codes separated by commas, such as en,zh,ko; "
                         "not 'en,,zh'"),
            std::string::npos)
      << bad.err;
}

}  // namespace
}  // namespace kgraph
