// The Popolo importer: its messages at their places, the Popolo specification's examples as a
// golden graph, two EveryPolitician files counted against an independent Python count, ids
// chosen by `popolo.id`, and merging with a hand-written JSON document.

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "graph/graph_view.hpp"
#include "graph/schema.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

struct BadInput {
  const char* name;
  const char* popolo;
  std::vector<std::string> messages;  // every diagnostic, sorted
};

class PopoloMessages : public testing::TestWithParam<BadInput> {};

TEST_P(PopoloMessages, AtTheirPlaces) {
  const test::BuildResult r = test::build_from({{"t.popolo.json", GetParam().popolo}});
  EXPECT_EQ(r.messages(), GetParam().messages);
}

// clang-format off
const BadInput kBadInputs[] = {
    {"SyntaxError", "{\"persons\": [\n  {\"id\": \"a\",}\n]}",
     {"t.popolo.json:2:14: error: invalid JSON: missing a name for object member"}},
    {"NotAnObject", "[]",
     {"t.popolo.json:1:1: error: a Popolo document is an object with lists \"persons\", "
      "\"organizations\", \"memberships\", ...; this is an array"}},
    {"NoPopoloLists", "{\"meta\": {}}",
     {"t.popolo.json:1:1: error: no Popolo lists here: a Popolo document has \"persons\", "
      "\"organizations\", \"memberships\", \"areas\", \"events\" or \"posts\""}},
    {"ListNotAList", "{\"persons\": {}}",
     {"t.popolo.json:1:13: error: \"persons\" must be a list, not an object"}},
    {"ByteOrderMarkSkipped", "\xEF\xBB\xBF{\"persons\": {}}",
     {"t.popolo.json:1:13: error: \"persons\" must be a list, not an object"}},
    {"ItemNotAnObject", "{\"areas\": [\n  \"area/x\"]}",
     {"t.popolo.json:2:3: error: each item of \"areas\" must be an object, not a string"}},
    {"IdNotAString", "{\"persons\": [{\"id\": 7, \"name\": \"A\"}]}",
     {"t.popolo.json:1:14: error: actor record has no \"id\" field",
      "t.popolo.json:1:21: error: \"id\" must be a string, not a number"}},
    {"PersonWithoutName", "{\"persons\": [\n  {\"id\": \"p\"}]}",
     {"t.popolo.json:2:3: error: actor record has no \"name\" field"}},
    {"SpecAreaWithoutId",  // the Popolo specification's area example has only an "identifier"
     "{\"areas\": [{\"name\": \"Boston Ward 1\", \"classification\": \"ward\"}]}",
     {"t.popolo.json:1:12: error: place record has no \"id\" field"}},
    {"OtherNameNotAString",
     "{\"persons\": [{\"id\": \"p\", \"name\": \"P\",\n  \"other_names\": [{\"name\": 5}]}]}",
     {"t.popolo.json:2:28: error: \"name\" in \"other_names\" must be a string, not a number"}},
    {"OtherNamesNotAList", "{\"persons\": [{\"id\": \"p\", \"name\": \"P\", \"other_names\": \"Q\"}]}",
     {"t.popolo.json:1:54: error: \"other_names\" must be a list of objects, not a string"}},
    {"BadBirthOfAnOrganization",
     "{\"organizations\": [{\"id\": \"o\", \"name\": \"O\",\n  \"founding_date\": \"2011-13-01\"}]}",
     {"t.popolo.json:2:20: error: invalid date \"2011-13-01\" in field \"start\"; "
      "expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)"}},
    {"SourceWithoutUrl",
     "{\"persons\": [{\"id\": \"p\", \"name\": \"P\", \"sources\": [\n  {\"note\": \"n\"}]}]}",
     {"t.popolo.json:2:3: error: a source in \"sources\" needs a \"url\""}},
    {"MembershipWithoutPerson",
     "{\"organizations\": [{\"id\": \"o\", \"name\": \"O\"}],\n"
     " \"memberships\": [{\"organization_id\": \"o\"}]}",
     {"t.popolo.json:2:18: error: a membership needs a \"person_id\" (or an embedded \"person\")"}},
    {"MembershipWithoutOrganization",
     "{\"persons\": [{\"id\": \"p\", \"name\": \"P\"}],\n"
     " \"memberships\": [{\"person_id\": \"p\", \"post_id\": \"nowhere\"}]}",
     {"t.popolo.json:2:18: error: a membership needs an \"organization_id\" (or an embedded "
      "\"organization\", or the \"post_id\" of a post that names its organization)"}},
    {"PersonIdNotAString",
     "{\"organizations\": [{\"id\": \"o\", \"name\": \"O\"}],\n"
     " \"memberships\": [{\"person_id\": [\"p\"], \"organization_id\": \"o\"}]}",
     {"t.popolo.json:2:18: error: a membership needs a \"person_id\" (or an embedded \"person\")",
      "t.popolo.json:2:32: error: \"person_id\" must be a string, not an array"}},
    {"UnknownParty",
     "{\"persons\": [{\"id\": \"p\", \"name\": \"P\"}],\n"
     " \"organizations\": [{\"id\": \"o\", \"name\": \"O\"}],\n"
     " \"memberships\": [{\"person_id\": \"p\", \"organization_id\": \"o\",\n"
     "                  \"on_behalf_of_id\": \"XYZ\"}]}",
     {"t.popolo.json:4:38: error: unknown entity id \"XYZ\": no actor, law, event or place has it"}},
    {"BadMembershipDate",
     "{\"persons\": [{\"id\": \"p\", \"name\": \"P\"}],\n"
     " \"organizations\": [{\"id\": \"o\", \"name\": \"O\"}],\n"
     " \"memberships\": [{\"person_id\": \"p\", \"organization_id\": \"o\",\n"
     "                  \"start_date\": \"2015\", \"end_date\": \"2014\"}]}",
     {"t.popolo.json:4:33: error: start \"2015\" is after end \"2014\""}},
    {"ObjectsNotReadWarnOnce",
     "{\"areas\": [{\"id\": \"a\", \"name\": \"A\", \"geometry\": {}},\n"
     "           {\"id\": \"b\", \"name\": \"B\", \"geometry\": {}}],\n"
     " \"motions\": []}",
     {"t.popolo.json:1:49: warning: field \"geometry\" of areas holds objects and is not read "
      "(reported once)",
      "t.popolo.json:3:2: warning: the top-level list \"motions\" is not read by kgraph"}},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Table, PopoloMessages, testing::ValuesIn(kBadInputs),
                         [](const auto& info) { return std::string(info.param.name); });

/// Reads one Popolo text with `settings` into a builder, after `before` (other inputs).
test::BuildResult build_with(const std::string& popolo,
                             const std::vector<std::pair<std::string, std::string>>& settings,
                             const std::vector<test::InputText>& also = {}) {
  test::BuildResult result;
  GraphBuilder builder(Schema::builtin(), result.diagnostics);
  ImportOptions options;
  options.settings = settings;
  std::istringstream in(popolo);
  test::importers().named("popolo")->read(in, result.diagnostics.add_file("in.popolo.json"),
                                          "in.popolo.json", builder, options);
  for (const auto& [name, text] : also) {
    std::istringstream other(text);
    test::importers().for_path(name)->read(other, result.diagnostics.add_file(name), name, builder,
                                           {});
  }
  result.graph = builder.finish();
  return result;
}

TEST(PopoloImporter, ChosenByItsEnding) {
  EXPECT_EQ(test::importers().for_path("ee.popolo.json")->name(), "popolo");
  EXPECT_EQ(test::importers().for_path("ee.json")->name(), "json");
}

TEST(PopoloImporter, UnknownOptionIsAnError) {
  const test::BuildResult r =
      build_with("{\"persons\": []}", {{"popolo.idd", "wikidata"}, {"json.x", "y"}});
  EXPECT_EQ(r.messages(), std::vector<std::string>{
                              "in.popolo.json: error: unknown input option popolo.idd (popolo "
                              "options: id)\n  hint: --input-option popolo.id=SCHEME makes the "
                              "identifier of that scheme the id"});
}

// A document the top-level scan reads item by item and the same document the scan leaves to the
// whole-tree parser (a comment) give the same graph and the same messages at the same places.
TEST(PopoloImporter, ScannedAndWholeTreeReadAlike) {
  const std::string spec = test::read_file(test::test_data("popolo/spec-examples.popolo.json"));
  const test::BuildResult scanned = test::build_from({{"a.popolo.json", spec}});
  const test::BuildResult whole = test::build_from({{"a.popolo.json", spec + "// the end\n"}});
  ASSERT_TRUE(scanned.graph && whole.graph);
  EXPECT_EQ(test::export_to_string(GraphView(*scanned.graph), "json"),
            test::export_to_string(GraphView(*whole.graph), "json"));

  const std::string bad =
      "{\"persons\": [{\"id\": \"p\", \"name\": \"P\"},\n  {\"id\": 5,\n \"name\": \"Q\"}],\n"
      " \"memberships\": [{\"person_id\": \"p\", \"organization_id\": \"nowhere\"}]}";
  const std::vector<std::string> expected = {
      "a.popolo.json:2:3: error: actor record has no \"id\" field",
      "a.popolo.json:2:10: error: \"id\" must be a string, not a number",
      "a.popolo.json:4:56: error: unknown entity id \"nowhere\": no actor, law, event or place "
      "has it"};
  EXPECT_EQ(test::build_from({{"a.popolo.json", bad}}).messages(), expected);
  EXPECT_EQ(test::build_from({{"a.popolo.json", bad + " /* c */"}}).messages(), expected);
}

TEST(PopoloImporter, NestingTooDeepInAnItem) {
  const std::string deep = std::string(600, '[') + std::string(600, ']');
  const test::BuildResult r = test::build_from(
      {{"a.popolo.json", "{\"persons\": [{\"id\": \"p\", \"x\": " + deep + "}]}"}});
  ASSERT_EQ(r.messages().size(), 1u);
  EXPECT_EQ(r.messages()[0].rfind("a.popolo.json:1:", 0), 0u) << r.messages()[0];
  EXPECT_NE(r.messages()[0].find("nest"), std::string::npos) << r.messages()[0];
}

TEST(PopoloImporter, SpecificationExamplesGolden) {
  const KnowledgeGraph g =
      test::graph_from_file(test::test_data("popolo/spec-examples.popolo.json"));
  test::check_golden(test::test_data("popolo/spec-examples.golden.json"),
                     test::export_to_string(GraphView(g), "json"), "spec examples as JSON");
}

/// `WHAT COUNT` per entity type/kind, relation type and sources, as popolo_counts.py prints them.
std::map<std::string, std::size_t> counts_of(const KnowledgeGraph& g) {
  std::map<std::string, std::size_t> counts;
  for (const Entity& e : g.entities())
    ++counts[std::string(type_name(e.type)) + "/" + std::string(g.str(e.kind))];
  for (const Relation& r : g.relations()) ++counts["relation/" + std::string(g.str(r.type))];
  counts["source"] = g.sources().size();
  return counts;
}

std::map<std::string, std::size_t> python_counts(const std::string& file) {
  const test::RunResult r = test::run_shell(
      "/usr/bin/python3 " +
      test::shell_quote(test::source_path("tests/importers/popolo_counts.py").string()) + " " +
      test::shell_quote(test::test_data("popolo/" + file).string()));
  EXPECT_EQ(r.status, 0) << r.err;
  std::map<std::string, std::size_t> counts;
  std::istringstream lines(r.out);
  std::string what;
  std::size_t count = 0;
  while (lines >> what >> count) counts[what] = count;
  return counts;
}

class EveryPolitician : public testing::TestWithParam<const char*> {};

TEST_P(EveryPolitician, CountsAgreeWithPython) {
  const std::string file = std::string(GetParam()) + ".popolo.json";
  const KnowledgeGraph g = test::graph_from_file(test::test_data("popolo/" + file));
  const auto expected = python_counts(file);
  ASSERT_GT(expected.size(), 8u);
  EXPECT_EQ(counts_of(g), expected);
}

INSTANTIATE_TEST_SUITE_P(Files, EveryPolitician, testing::Values("estonia", "kenya"));

TEST(PopoloImporter, OtherNamesInEveryScriptBecomeAliases) {
  const KnowledgeGraph g = test::graph_from_file(test::test_data("popolo/estonia.popolo.json"));
  const Entity* centre = nullptr;
  for (const Entity& e : g.entities())
    if (g.str(e.id) == "KESK") centre = &e;
  ASSERT_NE(centre, nullptr);
  std::vector<std::string> aliases;
  for (StrId a : g.list(centre->aliases)) aliases.emplace_back(g.str(a));
  for (const char* name :
       {"爱沙尼亚中间党", "Центристская партия Эстонии", "Estonian Centre Party"})
    EXPECT_NE(std::find(aliases.begin(), aliases.end(), name), aliases.end()) << name;
}

TEST(PopoloImporter, IdSchemeReplacesIdsAndReferences) {
  const std::string kenya = test::read_file(test::test_data("popolo/kenya.popolo.json"));
  // A hand-written fact about Alice Muthoni Wahome (wikidata Q26923586) and her party (TNA,
  // Q7193584), by the ids the user chose: the wikidata ids.
  const std::string json = R"({
    "actors": [{"id": "Q26923586", "name": "Alice Wahome", "kind": "person"}],
    "relations": [{"from": "Q26923586", "type": "leader_of", "to": "Q7193584"}]})";
  const test::BuildResult r = build_with(kenya, {{"popolo.id", "wikidata"}}, {{"mine.json", json}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages());
  const KnowledgeGraph& g = *r.graph;
  std::size_t alice = 0, memberships_to_tna = 0;
  for (const Entity& e : g.entities())
    if (g.str(e.id) == "Q26923586") {
      ++alice;
      EXPECT_EQ(g.str(e.name), "Alice Muthoni Wahome");  // the smallest name; the other an alias
      EXPECT_EQ(g.list(e.aliases).size(), 1u);
    }
  for (const Relation& rel : g.relations())
    if (g.str(g.entities()[rel.from].id) == "Q26923586" && g.str(rel.type) == "member_of" &&
        g.str(g.entities()[rel.to].id) == "Q7193584")
      ++memberships_to_tna;
  EXPECT_EQ(alice, 1u);
  EXPECT_EQ(memberships_to_tna, 1u);
}

TEST(PopoloImporter, MergesWithHandWrittenJsonById) {
  // Without popolo.id the Popolo ids stand; the JSON file uses them as they are.
  const std::string json = R"({
    "sources": [{"id": "diary", "title": "A diary"}],
    "actors": [{"id": "john-q-public", "name": "John Q. Public", "kind": "person",
                "sources": ["diary"]}],
    "relations": [{"from": "john-q-public", "type": "employed_by", "to": "abc-inc",
                   "start": "1970-01", "sources": ["diary"]}]})";
  const test::BuildResult r = test::build_from(
      {{"spec.popolo.json", test::read_file(test::test_data("popolo/spec-examples.popolo.json"))},
       {"mine.json", json}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages());
  const KnowledgeGraph& g = *r.graph;
  std::size_t john = 0;
  for (const Entity& e : g.entities())
    if (g.str(e.id) == "john-q-public") {
      ++john;
      EXPECT_EQ(g.str(e.kind), "person");
      EXPECT_EQ(g.list(e.sources).size(), 1u);
      std::vector<std::string> aliases;
      for (StrId a : g.list(e.aliases)) aliases.emplace_back(g.str(a));
      EXPECT_NE(std::find(aliases.begin(), aliases.end(), "Mr. John Q. Public, Esq."),
                aliases.end());
    }
  EXPECT_EQ(john, 1u);
}

TEST(PopoloExample, ReadmeCommands) {
  const std::string dir = test::source_path("examples/popolo").string();
  const std::string popolo = dir + "/parliament.popolo.json", notes = dir + "/notes.json";
  test::RunResult r = test::run_kgraph({"validate", popolo});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "ok: 12 entities, 18 relations, 2 sources\n");
  r = test::run_kgraph({"validate", "--input-option", "popolo.id=register", popolo, notes});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "ok: 13 entities, 21 relations, 3 sources\n");
  r = test::run_kgraph({"validate", popolo, notes});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("notes.json:15:48: error: unknown entity id \"R-202\""), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace kgraph
