// The FollowTheMoney importer end to end (docs/formats/ftm.md): what each schema becomes, the
// messages with their places, the counted warnings, the mapping setting, and golden outputs.

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "importers/ftm_entity_reader.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using Strings = std::vector<std::string>;
using test::build_from;

/// The graph of one FtM file, written as canonical JSON, and the messages.
struct FtmImported {
  std::string json;
  Strings messages;
};

FtmImported import(const std::string& text, const ImportOptions& options = {},
                   const std::string& name = "t.ftm.json") {
  FtmImported out;
  Diagnostics diags;
  GraphBuilder builder(Schema::builtin(), diags);
  std::istringstream in(text);
  test::importers().named("ftm")->read(in, diags.add_file(name), name, builder, options);
  auto g = builder.finish();
  for (const Diagnostic& d : diags.sorted()) out.messages.push_back(diags.format(d));
  if (g) out.json = test::export_to_string(GraphView(*g), "json");
  return out;
}

/// `{"id": ID, "schema": SCHEMA, "properties": PROPERTIES}` as one line.
std::string entity(const std::string& id, const std::string& schema,
                   const std::string& properties) {
  return R"({"id": ")" + id + R"(", "schema": ")" + schema + R"(", "properties": )" + properties +
         "}\n";
}

TEST(FtmImporter, IsChosenByTheLongestEnding) {
  EXPECT_EQ(test::importers().for_path("a.ftm.json")->name(), "ftm");
  EXPECT_EQ(test::importers().for_path("a.FTM.JSONL")->name(), "ftm");
  EXPECT_EQ(test::importers().for_path("a.json")->name(), "json");
}

TEST(FtmImporter, ThingsBecomeEntitiesOfTheirKind) {
  const FtmImported r = import(
      entity(
          "p", "Person",
          R"({"name": ["Ann Lee", "Ann B. Lee"], "alias": ["A. L."], "birthDate": ["1970-02-03T10:00:00"], "title": ["Dr", "Prof"], "favouriteColour": ["blue"]})") +
      entity("o", "Organization", R"({"name": ["Acme"]})") +
      entity("c", "Company", R"({"name": ["Acme Ltd"], "incorporationDate": ["2001-05"]})") +
      entity("b", "PublicBody", R"({"name": ["Ministry"]})") +
      entity("l", "LegalEntity", R"({"name": ["Someone"]})") +
      entity("a", "Address", R"({"full": ["1 Main St, Springfield"], "city": ["Springfield"]})") +
      entity("e", "Event", R"({"name": ["Summit"], "date": ["2020-01-02"]})"));
  EXPECT_EQ(r.messages, Strings{});
  EXPECT_EQ(r.json,
            R"({
  "actors": [
    {"id":"b","name":"Ministry","kind":"government_body","ftm_schema":"PublicBody"},
    {"id":"c","name":"Acme Ltd","kind":"company","start":"2001-05","ftm_schema":"Company"},
    {"id":"l","name":"Someone","ftm_schema":"LegalEntity"},
    {"id":"o","name":"Acme","kind":"organization","ftm_schema":"Organization"},
    {"id":"p","name":"Ann B. Lee","kind":"person","aliases":["A. L.","Ann Lee"],"start":"1970-02-03","favouriteColour":"blue","ftm_schema":"Person","title":["Dr","Prof"]}
  ],
  "events": [
    {"id":"e","name":"Summit","date":"2020-01-02","ftm_schema":"Event"}
  ],
  "places": [
    {"id":"a","name":"1 Main St, Springfield","kind":"site","city":"Springfield","ftm_schema":"Address"}
  ]
}
)");
}

TEST(FtmImporter, IntervalsBecomeRelationsWithDatesRoleAndProperties) {
  const FtmImported r = import(
      entity(
          "own", "Ownership",
          R"({"owner": ["p"], "asset": ["c"], "role": ["shareholder"], "startDate": ["2001"], "endDate": ["2005-06"], "percentage": ["51%"]})") +
      entity("dir", "Directorship", R"({"director": ["p"], "organization": ["c"]})") +
      entity("mem", "Membership",
             R"({"member": ["c"], "organization": ["o"], "role": ["b", "a"]})") +
      entity("emp", "Employment", R"({"employee": ["p"], "employer": ["o"]})") +
      entity("fam", "Family",
             R"({"person": ["p"], "relative": ["q"], "relationship": ["sister"]})") +
      entity(
          "pay", "Payment",
          R"({"payer": ["p"], "beneficiary": ["o", "c"], "date": ["2011-12-29"], "amountEur": ["100"]})") +
      entity("p", "Person", R"({"name": ["Ann"]})") +
      entity("q", "Person", R"({"name": ["Bea"]})") +
      entity("c", "Company", R"({"name": ["Acme Ltd"]})") +
      entity("o", "Organization", R"({"name": ["Club"]})"));
  EXPECT_EQ(r.messages, Strings{});
  EXPECT_NE(
      r.json.find(
          R"(    {"from":"p","type":"related_to","to":"c","start":"2001","end":"2005-06","role":"shareholder","ftm_id":"own","ftm_schema":"Ownership","percentage":"51%"},)"),
      std::string::npos)
      << r.json;
  EXPECT_NE(
      r.json.find(
          R"({"from":"p","type":"related_to","to":"c","role":"director","ftm_id":"dir","ftm_schema":"Directorship"})"),
      std::string::npos)
      << r.json;
  // Several roles: the smallest is the role, and all of them stay a property.
  EXPECT_NE(
      r.json.find(
          R"({"from":"c","type":"member_of","to":"o","role":"a","ftm_id":"mem","ftm_role":["a","b"],"ftm_schema":"Membership"})"),
      std::string::npos)
      << r.json;
  EXPECT_NE(
      r.json.find(
          R"({"from":"p","type":"employed_by","to":"o","ftm_id":"emp","ftm_schema":"Employment"})"),
      std::string::npos);
  EXPECT_NE(
      r.json.find(
          R"({"from":"p","type":"related_to","to":"q","role":"sister","ftm_id":"fam","ftm_schema":"Family"})"),
      std::string::npos);
  // Multi-valued ends make one relation per pair; a single `date` is both start and end.
  EXPECT_NE(
      r.json.find(
          R"({"from":"p","type":"related_to","to":"o","date":"2011-12-29","role":"payer","amountEur":"100","ftm_id":"pay","ftm_schema":"Payment"})"),
      std::string::npos)
      << r.json;
  EXPECT_NE(
      r.json.find(R"({"from":"p","type":"related_to","to":"c","date":"2011-12-29","role":"payer")"),
      std::string::npos);
}

TEST(FtmImporter, CountriesBecomePlacesWithTheirNames) {
  const FtmImported r =
      import(entity("p", "Person",
                    R"({"name": ["Ann"], "nationality": ["DE"], "country": ["fr", "xx"]})") +
             entity("c", "Company", R"({"name": ["Acme"], "jurisdiction": ["gb-sct"]})"));
  EXPECT_EQ(r.messages, Strings{});
  EXPECT_EQ(r.json, R"({
  "actors": [
    {"id":"c","name":"Acme","kind":"company","ftm_schema":"Company"},
    {"id":"p","name":"Ann","kind":"person","country":["fr","xx"],"ftm_schema":"Person"}
  ],
  "places": [
    {"id":"country:de","name":"Germany","kind":"country","ftm_country":"de"},
    {"id":"country:fr","name":"France","kind":"country","ftm_country":"fr"},
    {"id":"country:gb-sct","name":"Scotland","kind":"country","ftm_country":"gb-sct"}
  ],
  "relations": [
    {"from":"c","type":"located_in","to":"country:gb-sct","role":"jurisdiction"},
    {"from":"p","type":"located_in","to":"country:fr","role":"country"},
    {"from":"p","type":"related_to","to":"country:de","role":"nationality"}
  ]
}
)");
}

TEST(FtmImporter, SourcesFromUrlsPublishersAndDatasets) {
  const FtmImported r = import(
      R"({"id": "p", "schema": "Person", "datasets": ["eu_fsf"], "properties": {"name": ["Ann"], "sourceUrl": ["https://example.org/a"], "publisher": ["Gazette"]}})"
      "\n"
      R"({"id": "q", "schema": "Person", "properties": {"name": ["Bea"], "publisher": ["Gazette"]}})"
      "\n");
  EXPECT_EQ(r.messages, Strings{});
  EXPECT_EQ(r.json, R"({
  "sources": [
    {"id":"dataset:eu_fsf","title":"eu_fsf"},
    {"id":"https://example.org/a","publisher":"Gazette","url":"https://example.org/a"},
    {"id":"publisher:Gazette","publisher":"Gazette"}
  ],
  "actors": [
    {"id":"p","name":"Ann","kind":"person","sources":["dataset:eu_fsf","https://example.org/a"],"ftm_schema":"Person"},
    {"id":"q","name":"Bea","kind":"person","sources":["publisher:Gazette"],"ftm_schema":"Person"}
  ]
}
)");
}

TEST(FtmImporter, SanctionProgrammesBecomeLaws) {
  const FtmImported r = import(
      entity(
          "s1", "Sanction",
          R"({"entity": ["p"], "program": ["EU Belarus"], "programId": ["EU-BY"], "startDate": ["2022-06-03"], "reason": ["x"]})") +
      entity("s2", "Sanction", R"({"entity": ["p"], "authority": ["OFAC"]})") +
      entity("p", "Person", R"({"name": ["Ann"]})"));
  EXPECT_EQ(r.messages, Strings{});
  EXPECT_EQ(r.json, R"({
  "actors": [
    {"id":"p","name":"Ann","kind":"person","ftm_schema":"Person"}
  ],
  "laws": [
    {"id":"ftm-program:EU-BY","name":"EU Belarus","kind":"regulation"},
    {"id":"ftm-program:s2","name":"ftm-program:s2","kind":"regulation"}
  ],
  "relations": [
    {"from":"ftm-program:EU-BY","type":"applies_to","to":"p","start":"2022-06-03","ftm_id":"s1","ftm_schema":"Sanction","reason":"x"},
    {"from":"ftm-program:s2","type":"applies_to","to":"p","authority":"OFAC","ftm_id":"s2","ftm_schema":"Sanction"}
  ]
}
)");
}

TEST(FtmImporter, DeltaLinesAddTheirEntities) {
  const FtmImported r = import(
      R"({"op": "ADD", "entity": {"id": "p", "schema": "Person", "properties": {"name": ["Ann"]}}})"
      "\n"
      R"({"op": "MOD", "entity": {"id": "q", "schema": "Person", "properties": {"name": ["Bea"]}}})"
      "\n"
      R"({"op": "DEL", "entity": {"id": "z", "schema": "Person", "properties": {}}})"
      "\n"
      R"({"op": "DEL", "entity": {"id": "y", "schema": "Person", "properties": {}}})");
  EXPECT_EQ(r.messages,
            Strings{"t.ftm.json:3:8: warning: 2 DEL lines skipped: a delta file is read "
                    "as the entities it adds"});
  EXPECT_NE(r.json.find(R"({"id":"p","name":"Ann")"), std::string::npos);
  EXPECT_NE(r.json.find(R"({"id":"q","name":"Bea")"), std::string::npos);
}

TEST(FtmImporter, UnmappedSchemataAreOneWarningEachWithACount) {
  const FtmImported r = import(
      entity("x1", "Passport", "{}") + entity("p", "Person", R"({"name": ["Ann"]})") +
      entity("x2", "Passport", "{}") + entity("t", "Table", "{}") + entity("x3", "Passport", "{}"));
  EXPECT_EQ(
      r.messages,
      (Strings{"t.ftm.json:1:8: warning: schema \"Passport\" is not in the FtM mapping: 3 "
               "entities skipped (the first here)\n"
               "  hint: map it in a mapping file given with --input-option ftm.mapping=FILE "
               "(docs/formats/ftm.md)",
               "t.ftm.json:4:8: warning: schema \"Table\" is not in the FtM mapping: 1 entity "
               "skipped (the first here)\n"
               "  hint: map it in a mapping file given with --input-option ftm.mapping=FILE "
               "(docs/formats/ftm.md)"}));
  EXPECT_NE(r.json.find(R"("id":"p")"), std::string::npos);
}

TEST(FtmImporter, RelationsToEntitiesNotInTheFileAreDroppedWithOneWarning) {
  const FtmImported r =
      import(entity("p", "Person", R"({"name": ["Ann"], "addressEntity": ["nowhere"]})") +
             entity("o1", "Ownership", R"({"owner": ["p"], "asset": ["gone"]})") +
             entity("o2", "Ownership", R"({"owner": ["gone2"], "asset": ["p"]})") +
             entity("o3", "Ownership", R"({"owner": ["p"]})"));
  EXPECT_EQ(r.messages,
            (Strings{"t.ftm.json:1:83: warning: 3 relations dropped: an end names an entity that "
                     "is not in this file (the first here)\n"
                     "  hint: FtM exports are often partial; put the entities they name in the "
                     "same file to keep these relations",
                     "t.ftm.json:4:8: warning: 1 interval entity skipped: no entity at one of the "
                     "ends (the first here)"}));
  EXPECT_NE(r.json.find(R"("id":"p")"), std::string::npos);
  EXPECT_EQ(r.json.find("relations"), std::string::npos);
}

TEST(FtmImporter, RelationsTheSchemaDoesNotAdmitAreDroppedWithOneWarning) {
  // FtM's ranges are wider than kgraph's rules (`involved` may name an Address; a Sanction may
  // name an Event): such relations are left out, so that the rest of the file still imports.
  const FtmImported r =
      import(entity("a", "Address", R"({"full": ["Main St 1"]})") +
             entity("e", "Event", R"({"name": ["Fire"], "involved": ["a", "p"]})") +
             entity("s", "Sanction", R"({"entity": ["e"], "program": ["X"]})") +
             entity("p", "Person", R"({"name": ["Ann"]})"));
  EXPECT_EQ(r.messages,
            (Strings{"t.ftm.json:2:78: warning: 2 relations dropped: the schema does not admit "
                     "their ends (the first here: participated_in from place/site to event)\n"
                     "  hint: map the schema to another relation type with --input-option "
                     "ftm.mapping=FILE, or extend the schema with --schema"}));
  EXPECT_NE(r.json.find(R"({"from":"p","type":"participated_in","to":"e","role":"involved"})"),
            std::string::npos)
      << r.json;
}

TEST(FtmImporter, AddressEntityBecomesLocatedIn) {
  const FtmImported r =
      import(entity("p", "Person", R"({"name": ["Ann"], "addressEntity": ["a"]})") +
             entity("a", "Address", R"({"full": ["Main St 1"]})"));
  EXPECT_EQ(r.messages, Strings{});
  EXPECT_NE(r.json.find(R"({"from":"p","type":"located_in","to":"a","role":"address"})"),
            std::string::npos)
      << r.json;
}

TEST(FtmImporter, NamesFallBackToCaptionThenId) {
  const FtmImported r =
      import(R"({"id": "p", "schema": "Person", "caption": "Ann", "properties": {}})"
             "\n"
             R"({"id": "q", "schema": "Person"})"
             "\n");
  EXPECT_EQ(r.messages, Strings{});
  EXPECT_NE(r.json.find(R"({"id":"p","name":"Ann")"), std::string::npos);
  EXPECT_NE(r.json.find(R"({"id":"q","name":"q")"), std::string::npos);
}

TEST(FtmImporter, EveryLineIsReadOnItsOwn) {
  // Regression: the JSON tree of a line was added to that of the line before, so every entity
  // took the first line's properties.
  const FtmImported r = import(entity("c", "Company", R"({"name": ["AIMROC"]})") +
                               entity("p", "Person", R"({"name": ["Leyla"]})"));
  EXPECT_NE(r.json.find(R"({"id":"p","name":"Leyla","kind":"person","ftm_schema":"Person"})"),
            std::string::npos)
      << r.json;
}

TEST(FtmImporter, LastLineWithoutLineBreakBomAndBlankLines) {
  const FtmImported r =
      import("\xEF\xBB\xBF" + entity("p", "Person", R"({"name": ["Ann"]})") + "\r\n  \n" +
             R"({"id": "q", "schema": "Person", "properties": {"name": 5}})");
  EXPECT_EQ(r.messages, Strings{"t.ftm.json:4:56: error: property \"name\" must be a list of "
                                "strings; found a number"});
}

struct FtmErrorCase {
  std::string what;
  std::string input;
  Strings messages;
};

class FtmErrors : public testing::TestWithParam<FtmErrorCase> {};

TEST_P(FtmErrors, ReportedAtTheirPlace) {
  EXPECT_EQ(import(GetParam().input).messages, GetParam().messages);
}

const FtmErrorCase kFtmErrorCases[] = {
    {"not an object",
     "[1, 2]\n",
     {"t.ftm.json:1:1: error: expected an FtM entity {\"id\", \"schema\", \"properties\"} or a "
      "delta {\"op\", \"entity\"}; found an array\n  hint: FtM files hold one JSON object per "
      "line"}},
    {"syntax error on line 2, line 3 still read",
     entity("p", "Person", R"({"name": ["Ann"]})") + "{\"id\": \"q\",, }\n" +
         entity("r", "Person", R"({"name": [1]})"),
     {"t.ftm.json:2:12: error: invalid JSON: missing a name for object member",
      "t.ftm.json:3:57: error: property \"name\" must hold strings; found a number"}},
    {"no id",
     R"({"schema": "Person", "properties": {}})",
     {"t.ftm.json:1:1: error: FtM entity without \"id\""}},
    {"no schema", R"({"id": "p"})", {"t.ftm.json:1:1: error: FtM entity without \"schema\""}},
    {"id not a string",
     R"({"id": 7, "schema": "Person"})",
     {"t.ftm.json:1:8: error: \"id\" must be a string; found a number"}},
    {"properties not an object",
     R"({"id": "p", "schema": "Person", "properties": []})",
     {"t.ftm.json:1:47: error: \"properties\" must be an object; found an array"}},
    {"datasets not strings",
     R"({"id": "p", "schema": "Person", "datasets": [{}]})",
     {"t.ftm.json:1:46: error: \"datasets\" must hold strings; found an object"}},
    {"unknown delta operation",
     R"({"op": "PUT", "entity": {}})",
     {"t.ftm.json:1:8: error: unknown delta operation \"PUT\"; expected ADD, MOD or DEL"}},
    {"delta without entity",
     R"({"op": "ADD"})",
     {"t.ftm.json:1:1: error: delta line without \"entity\""}},
    {"delta entity not an object",
     R"({"op": "ADD", "entity": "p"})",
     {"t.ftm.json:1:25: error: \"entity\" must be an object; found a string"}},
    {"the builder's checks point into the line",
     R"({"id": "p", "schema": "Person", "properties": {"name": ["Ann"], "birthDate": ["1970"], "deathDate": ["1960"]}})",
     {"t.ftm.json:1:79: error: start \"1970\" is after end \"1960\""}},
    // The line is read from RapidJSON's events, not a tree (importers/ftm_line_parser.cpp):
    // what is found, and in which order, is as a whole document would show it.
    {"a syntax error comes before the members' errors",
     R"({"id": 7, "schema": "Person",, })",
     {"t.ftm.json:1:30: error: invalid JSON: missing a name for object member"}},
    {"a delta's own members are not the entity",
     R"({"op": "ADD", "id": 7, "entity": {"id": "p", "schema": "Person"}})",
     {}},
    {"the last entity member counts",
     R"({"op": "MOD", "entity": {"id": 1}, "entity": {"id": "p", "schema": "Person"}})",
     {}},
    {"neither id nor schema: both said",
     R"({"properties": {"name": null}})",
     {"t.ftm.json:1:1: error: FtM entity without \"id\"",
      "t.ftm.json:1:1: error: FtM entity without \"schema\""}},
    {"columns after an escape decoded in place",
     R"({"id": "p\"q", "schema": "Person", "properties": {"name": [7]}})",
     {"t.ftm.json:1:60: error: property \"name\" must hold strings; found a number"}},
    {"columns in code points",
     R"({"id": "é", "schema": 5})",
     {"t.ftm.json:1:23: error: \"schema\" must be a string; found a number"}},
    {"an empty id",
     entity("", "Person", R"({"name": ["Ann"]})"),
     {"t.ftm.json:1:8: error: field \"id\" must not be empty"}},
};

INSTANTIATE_TEST_SUITE_P(Table, FtmErrors, testing::ValuesIn(kFtmErrorCases),
                         [](const testing::TestParamInfo<FtmErrorCase>& info) {
                           std::string name;
                           for (char c : info.param.what)
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(FtmImporter, UnknownSettingIsAnError) {
  ImportOptions options;
  options.settings = {{"ftm.mapping", "/nonexistent/m.json"}, {"ftm.colour", "red"}};
  EXPECT_EQ(import(entity("p", "Person", "{}"), options).messages,
            Strings{"t.ftm.json: error: unknown setting \"ftm.colour\" for FtM input; expected "
                    "ftm.mapping"});
  options.settings = {{"ftm.mapping", "/nonexistent/m.json"}};
  EXPECT_EQ(import(entity("p", "Person", "{}"), options).messages,
            Strings{"t.ftm.json: error: cannot read the FtM mapping \"/nonexistent/m.json\" "
                    "(--input-option ftm.mapping)"});
}

TEST(FtmImporter, MappingReplacedBySetting) {
  const auto dir = test::make_temp_dir();
  const auto path = (dir / "m.json").string();
  test::write_file(path, R"({
  "entities": {"Vessel": {"type": "actor", "kind": "group", "names": ["name"]}},
  "relations": {"Ownership": {"type": "part_of", "from": "asset", "to": "owner"}}
})");
  ImportOptions options;
  options.settings = {{"ftm.mapping", path}};
  const FtmImported r = import(entity("v", "Vessel", R"({"name": ["Aurora"]})") +
                                   entity("w", "Vessel", R"({"name": ["Borealis"]})") +
                                   entity("o", "Ownership", R"({"owner": ["v"], "asset": ["w"]})") +
                                   entity("p", "Person", R"({"name": ["Ann"], "country": ["de"]})"),
                               options);
  EXPECT_EQ(
      r.messages,
      Strings{"t.ftm.json:4:8: warning: schema \"Person\" is not in the FtM mapping: 1 entity "
              "skipped (the first here)\n  hint: map it in a mapping file given with "
              "--input-option ftm.mapping=FILE (docs/formats/ftm.md)"});
  EXPECT_EQ(r.json, R"({
  "actors": [
    {"id":"v","name":"Aurora","kind":"group","ftm_schema":"Vessel"},
    {"id":"w","name":"Borealis","kind":"group","ftm_schema":"Vessel"}
  ],
  "relations": [
    {"from":"w","type":"part_of","to":"v","ftm_id":"o","ftm_schema":"Ownership"}
  ]
}
)");
}

struct MappingErrorCase {
  std::string what;
  std::string mapping;
  Strings messages;
};

class FtmMappingErrors : public testing::TestWithParam<MappingErrorCase> {};

TEST_P(FtmMappingErrors, ReportedInTheMappingFile) {
  const auto dir = test::make_temp_dir();
  const auto path = (dir / "m.json").string();
  test::write_file(path, GetParam().mapping);
  ImportOptions options;
  options.settings = {{"ftm.mapping", path}};
  Strings expected;
  for (const std::string& m : GetParam().messages) expected.push_back(path + m);
  EXPECT_EQ(import(entity("p", "Person", "{}"), options).messages, expected);
}

const MappingErrorCase kMappingErrorCases[] = {
    {"syntax", "{\"entities\": }", {":1:14: error: invalid JSON: invalid value"}},
    {"unknown key", R"({"entitys": {}})", {R"(:1:2: error: unknown key "entitys" in the mapping)"}},
    {"unknown type",
     R"({"entities": {"Person": {"type": "human"}}})",
     {R"(:1:34: error: unknown entity type "human"; expected actor, law, event or place)"}},
    {"kind not in the schema",
     R"({"entities": {"Person": {"type": "actor", "kind": "alien"}}})",
     {R"(:1:51: error: kind "alien" is not declared for actors in the schema)"}},
    {"relation type not in the schema",
     R"({"relations": {"Ownership": {"type": "owns", "from": "owner", "to": "asset"}}})",
     {R"(:1:38: error: relation type "owns" is not declared in the schema)"}},
    {"relation without its ends",
     R"({"relations": {"Ownership": {"type": "related_to"}}})",
     {":1:29: error: a relation rule needs \"to\"",
      ":1:29: error: a relation rule needs exactly one of \"from\" and \"from_law\""}},
    {"names not a list",
     R"({"names": "name"})",
     {":1:11: error: \"names\" must be an array; found a string"}},
    {"unknown link target",
     R"({"links": {"country": {"target": "planet", "relation": {"actor": "located_in"}}}})",
     {R"(:1:34: error: unknown link target "planet"; expected entity or country)"}},
    {"schema both ways",
     R"({"entities": {"Payment": {"type": "event"}}, "relations": {"Payment": {"type": "related_to", "from": "payer", "to": "beneficiary"}}})",
     {R"(:1:1: error: schema "Payment" is mapped both to entities and to relations)"}},
};

INSTANTIATE_TEST_SUITE_P(Table, FtmMappingErrors, testing::ValuesIn(kMappingErrorCases),
                         [](const testing::TestParamInfo<MappingErrorCase>& info) {
                           std::string name;
                           for (char c : info.param.what)
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(FtmImporter, TooManyPairsFromOneIntervalIsAnError) {
  std::string owners, assets;
  for (int i = 0; i < 40; ++i) {
    owners += std::string(i ? "," : "") + "\"o" + std::to_string(i) + "\"";
    assets += std::string(i ? "," : "") + "\"a" + std::to_string(i) + "\"";
  }
  const FtmImported r = import(
      entity("x", "Ownership", "{\"owner\": [" + owners + "], \"asset\": [" + assets + "]}"));
  EXPECT_EQ(r.messages, Strings{"t.ftm.json:1:8: error: \"Ownership\" entity \"x\" joins 40 × 40 "
                                "entities; at most 1024 relations are made from one entity"});
}

TEST(FtmImporter, GoldenOutputsOfSmallInputs) {
  // tests/data/ftm/golden/NAME.ftm.json(l) and the canonical JSON it makes, NAME.expected.json.
  std::size_t inputs = 0;
  for (const std::string& name : test::file_names(test::test_data("ftm/golden"))) {
    if (name.find(".ftm.") == std::string::npos) continue;
    ++inputs;
    const auto input = test::test_data("ftm/golden/" + name);
    const FtmImported r = import(test::read_file(input), {}, name);
    std::string actual = r.json;
    for (std::string m : r.messages) {
      for (std::size_t at = 0; (at = m.find('\n', at)) != std::string::npos; at += 4)
        m.replace(at, 1, "\n// ");
      actual += "// " + m + "\n";
    }
    test::check_golden(
        test::test_data("ftm/golden/" + name.substr(0, name.find(".ftm.")) + ".expected.json"),
        actual, "JSON of " + name);
  }
  EXPECT_GE(inputs, 2u);
}

TEST(FtmImporter, TheExampleBuilds) {
  // examples/ftm/README.md states these figures.
  const std::string dir = "examples/ftm/";
  const auto r =
      build_from({{"aliyev-holdings.ftm.json",
                   test::read_file(test::source_path(dir + "aliyev-holdings.ftm.json"))},
                  {"notes.json", test::read_file(test::source_path(dir + "notes.json"))}});
  EXPECT_EQ(r.messages(), Strings{});
  ASSERT_TRUE(r.graph);
  std::map<std::string, int> counts;
  for (const Entity& e : r.graph->entities())
    ++counts[std::string(type_name(e.type)) + "/" + std::string(r.graph->str(e.kind))];
  for (const Relation& rel : r.graph->relations()) ++counts[std::string(r.graph->str(rel.type))];
  EXPECT_EQ(counts, (std::map<std::string, int>{{"actor/company", 13},
                                                {"actor/person", 6},
                                                {"place/country", 1},
                                                {"located_in", 2},
                                                {"member_of", 1},
                                                {"related_to", 24}}));
}

}  // namespace
}  // namespace kgraph
