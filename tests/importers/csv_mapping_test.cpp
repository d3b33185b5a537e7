// Reading tables through a mapping: one row -> several entities and relations
// (importers/mapping.cpp, importers/mapping_table_reader.cpp).

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "importers/mapping.hpp"
#include "mapping_test_support.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {
using namespace testing_mapping;

const char* const kTreatyMapping = R"json({
  "description": "Participants of the 1951 Refugee Convention",
  "sources": [{"id": "untc", "title": "UN Treaty Collection: status of the Convention"}],
  "entities": {
    "government": {"type": "actor", "kind": "government", "id": "government-{participant}",
                   "name": "Government of {participant}", "properties": {"iso3": "{iso3}"}},
    "convention": {"type": "law", "kind": "treaty", "id": "refugee-convention-1951",
                   "name": "Convention relating to the Status of Refugees", "date": "1951-07-28"},
    "country": {"type": "place", "kind": "country", "id": "country-{participant}", "name": "{participant}"}
  },
  "relations": [
    {"type": "signed", "from": "government", "to": "convention", "date": "{signature}",
     "require": "signature"},
    {"type": "located_in", "from": "government", "to": "country"}
  ]
})json";

TEST(TableMapping, OneRowMakesThreeEntitiesAndTwoRelations) {
  const Mapped r =
      map(kTreatyMapping, {{"status.csv", "participant,iso3,signature\nBelgium,BEL,1951-07-28\n"}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  const KnowledgeGraph& g = *r.graph;
  EXPECT_EQ(entity_ids(g),
            (Strings{"country-belgium", "government-belgium", "refugee-convention-1951"}));
  EXPECT_EQ(relations(g),
            (Strings{"government-belgium located_in country-belgium",
                     "government-belgium signed refugee-convention-1951 1951-07-28"}));
  const Entity& gov = g.entities()[*g.find_entity("government-belgium")];
  EXPECT_EQ(g.str(gov.name), "Government of Belgium");
  EXPECT_EQ(g.str(gov.kind), "government");
  ASSERT_EQ(gov.properties.size(), 1u);
  EXPECT_EQ(g.str(gov.properties[0].key), "iso3");
  // Everything the table makes cites the mapping's sources.
  ASSERT_EQ(g.list(gov.sources).size(), 1u);
  EXPECT_EQ(g.str(g.list(gov.sources)[0]), "untc");
  EXPECT_EQ(g.list(g.relations()[0].sources).size(), 1u);
  EXPECT_EQ(g.sources().size(), 1u);
}

TEST(TableMapping, EmptyCellsSkipWhatNeedsThem) {
  const Mapped r =
      map(kTreatyMapping, {{"status.csv",
                            "participant,iso3,signature\n"
                            "Afghanistan,AFG,\n"  // no signature: no `signed`, no iso3 problem
                            ",XXX,1951-07-28\n"   // no participant: no government, no country
                            "Belgium,,1951-07-28\n"}});  // no iso3: no property
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  const KnowledgeGraph& g = *r.graph;
  EXPECT_EQ(entity_ids(g),
            (Strings{"country-afghanistan", "country-belgium", "government-afghanistan",
                     "government-belgium", "refugee-convention-1951"}));
  EXPECT_EQ(relations(g),
            (Strings{"government-afghanistan located_in country-afghanistan",
                     "government-belgium located_in country-belgium",
                     "government-belgium signed refugee-convention-1951 1951-07-28"}));
  EXPECT_TRUE(g.entities()[*g.find_entity("government-belgium")].properties.empty());
}

TEST(TableMapping, AnEmptyDateCellWithoutRequireLeavesTheRelationUndated) {
  const std::string mapping = R"json({"entities": {
      "a": {"type": "actor", "id": "{who}", "name": "{who}"},
      "t": {"type": "law", "id": "treaty", "name": "Treaty"}},
    "relations": [{"type": "party_to", "from": "a", "to": "t", "date": "{when}", "role": "{how}"}]})json";
  const Mapped r = map(mapping, {{"t.csv", "who,when,how\nx,,\ny,2001,accession\n"}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  EXPECT_EQ(relations(*r.graph),
            (Strings{"x party_to treaty", "y party_to treaty 2001 as accession"}));
}

TEST(TableMapping, RowsWithTheSameIdMergeAsInEveryInput) {
  const Mapped r = map(kTreatyMapping, {{"status.csv",
                                         "participant,iso3,signature\n"
                                         "Côte d'Ivoire,CIV,\n"
                                         "COTE D'IVOIRE,CIV,1951-07-28\n"}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  const KnowledgeGraph& g = *r.graph;
  // The slug rule folds case and accents and turns punctuation into "-": one id, one entity.
  EXPECT_EQ(entity_ids(g), (Strings{"country-cote-d-ivoire", "government-cote-d-ivoire",
                                    "refugee-convention-1951"}));
  const Entity& country = g.entities()[*g.find_entity("country-cote-d-ivoire")];
  // Names that differ become aliases; the smaller name (byte order) is the name.
  EXPECT_EQ(g.str(country.name), "COTE D'IVOIRE");
  ASSERT_EQ(g.list(country.aliases).size(), 1u);
  EXPECT_EQ(g.str(g.list(country.aliases)[0]), "Côte d'Ivoire");
  EXPECT_EQ(g.relations().size(), 2u);
}

TEST(TableMapping, ValuesCanBeTypedSplitAndConstant) {
  const std::string mapping = R"json({"entities": {"a": {
      "type": "actor", "kind": "{kind}", "id": "{id}", "name": "{name}", "slug": false,
      "aliases": ["{short}", {"column": "others", "split": "|"}],
      "description": "{name} ({short})",
      "properties": {"staff": {"column": "staff", "type": "int"}, "years": {"column": "years", "type": "int", "split": true},
                     "checked": true, "weight": 0.5, "braces": "{{literal}}"}}}})json";
  const Mapped r = map(mapping, {{"a.csv",
                                  "id,name,kind,short,others,staff,years\n"
                                  "Mfa_1,Ministry of Foreign Affairs,government_body,MFA,Foreign "
                                  "Ministry|FM,120,2002; 2003\n"}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  const KnowledgeGraph& g = *r.graph;
  const Entity& e = g.entities()[0];
  EXPECT_EQ(g.str(e.id), "Mfa_1");  // "slug": false keeps the cell as written
  EXPECT_EQ(g.list(e.aliases).size(), 3u);
  const Strings props = properties(g, e);
  EXPECT_EQ(props, (Strings{"braces={literal}", "checked=true",
                            "description=Ministry of Foreign Affairs (MFA)", "staff=int:120",
                            "weight=real:0.5", "years=int:2002", "years=int:2003"}));
}

TEST(TableMapping, FixedIdEndpoints) {
  const std::string mapping =
      R"json({"entities": {"a": {"type": "actor", "id": "{who}", "name": "{who}"}},
    "relations": [{"type": "party_to", "from": "a", "to": {"id": "refugee-convention-1951"}}]})json";
  const Mapped r = map(mapping, {{"t.csv", "who\nx\n"}});
  EXPECT_FALSE(r.graph);  // the treaty is declared nowhere
  EXPECT_EQ(
      r.messages,
      (Strings{
          "map.json:2:66: error: unknown entity id \"refugee-convention-1951\": no actor, law, "
          "event or place has it"}));
}

TEST(TableMapping, DataErrorsPointIntoTheTable) {
  const std::string mapping = R"json({"entities": {"a": {
      "type": "event", "id": "{id}", "name": "{id}", "date": "{when}",
      "properties": {"n": {"column": "n", "type": "int"}}}}})json";
  const Mapped r = map(mapping, {{"t.csv", "id,when,n\nx,19 Sept,1\ny,2006,abc\n"}});
  EXPECT_EQ(
      r.messages,
      (Strings{
          "t.csv:2:2: error: invalid date \"19 Sept\" in field \"date\"; expected YYYY, YYYY-MM or "
          "YYYY-MM-DD (a real calendar date)",
          "t.csv:3:3: error: invalid int \"abc\" for \"n\" (typed int at map.json:3:27); expected "
          "a whole "
          "number such as 42 or -7"}));
}

TEST(TableMapping, ConstantsAreReportedInTheMapping) {
  const std::string mapping = R"json({"entities": {"a": {
      "type": "place", "kind": "contry", "id": "{id}", "name": "{id}"}}})json";
  const Mapped r = map(mapping, {{"t.csv", "id\nx\ny\n"}});
  // Once, however many rows.
  EXPECT_EQ(
      r.messages,
      (Strings{"map.json:2:32: error: unknown kind \"contry\" for place; did you mean \"country\"? "
               "(allowed: border, building, city, country, district, province, region, site)"}));
  const std::string relation =
      R"json({"entities": {"a": {"type": "actor", "id": "{id}", "name": "{id}"}},
    "relations": [{"type": "sgned", "from": "a", "to": "a", "date": "19 Sept"}]})json";
  EXPECT_EQ(map(relation, {{"t.csv", "id\nx\ny\n"}}).messages,
            (Strings{"map.json:2:28: error: unknown relation type \"sgned\"; did you mean "
                     "\"signed\"? (see `kgraph "
                     "schema` for the relation types, or declare it with --schema)",
                     "map.json:2:69: error: invalid date \"19 Sept\" in field \"date\"; expected "
                     "YYYY, YYYY-MM or "
                     "YYYY-MM-DD (a real calendar date)"}));
}

TEST(TableMapping, MissingColumnPointsAtTheMappingAndNamesTheTable) {
  const Mapped r = map(kTreatyMapping,
                       {{"status.csv", "participant,iso3,signatures\nBelgium,BEL,1951-07-28\n"}});
  EXPECT_FALSE(r.graph);
  EXPECT_EQ(
      r.messages,
      (Strings{
          "map.json:12:74: error: column \"signature\" is not in the header of \"status.csv\"; "
          "did you mean \"signatures\"? (its columns: participant, iso3, signatures)"}));
}

TEST(TableMapping, TableSyntaxErrors) {
  const Mapped r = map(kTreatyMapping, {{"status.csv",
                                         "participant,iso3,signature\n"
                                         "Belgium,BEL\n"
                                         "\"Chad,TCD,\n"}});
  EXPECT_EQ(r.messages,
            (Strings{"status.csv:2:3: error: expected 3 fields, as in the header, but found 2; "
                     "write every field, "
                     "empty ones too (a,,c)",
                     "status.csv:3:1: error: unterminated quoted field: the quote that opens field "
                     "1 here is never "
                     "closed; close it with \", and write a quote inside a quoted field as \"\""}));
}

TEST(TableMapping, AQuoteClosedALineLateIsNamedInTheHint) {
  const Mapped r = map(kTreatyMapping, {{"status.csv",
                                         "participant,iso3,signature\n"
                                         "Belgium,\"BEL,1951\n"
                                         "Chad,TCD\",x,1952\n"}});
  EXPECT_EQ(r.messages,
            (Strings{"status.csv:3:4: error: expected 3 fields, as in the header, but found 4; a "
                     "value containing a "
                     "comma must be quoted (\"a, b\"), or the header lacks a column\n"
                     "  hint: the quote that opens field 2 at line 2 closes only at line 3, which "
                     "joins those lines "
                     "into one row; if the field should end on line 2, close its quote there"}));
}

TEST(TableMapping, TheTreatyStatusExample) {
  Diagnostics diags;
  const std::string dir = test::source_path("examples/treaty-status").string();
  auto m = TableMapping::load(test::read_file(dir + "/mapping.json"),
                              diags.add_file("mapping.json"), diags);
  ASSERT_TRUE(m) << testing::PrintToString(diags.sorted().size());
  GraphBuilder builder(Schema::builtin(), diags);
  std::istringstream in(test::read_file(dir + "/refugee-convention-status.csv"));
  m->read(in, diags.add_file("refugee-convention-status.csv"), "refugee-convention-status.csv",
          builder);
  auto g = builder.finish();
  for (const Diagnostic& d : diags.sorted()) ADD_FAILURE() << diags.format(d);
  ASSERT_TRUE(g);
  EXPECT_GE(g->entities().size(), 30u);
}

}  // namespace
}  // namespace kgraph
