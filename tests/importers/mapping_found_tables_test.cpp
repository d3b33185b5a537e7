// Tables as they are found (issue #13): conditions, lookups, one mapping for many files, foreign
// cell formats, tab-separated and headerless tables, JSON Lines records
// (importers/mapping_loader.cpp, importers/mapping_table_reader.cpp, importers/cell_formats.cpp).

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "importers/csv_importer.hpp"
#include "mapping_test_support.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {
using namespace testing_mapping;

/// The 1-based column of `marker` in the one-line text `s` (ASCII), for expected messages.
std::string col(const std::string& s, const std::string& marker) {
  const std::size_t at = s.find(marker);
  EXPECT_NE(at, std::string::npos) << marker;
  return std::to_string(at + 1);
}

Strings sorted_ids(const Mapped& r) {
  if (!r.graph) return {"(no graph)"};
  Strings ids = entity_ids(*r.graph);
  std::sort(ids.begin(), ids.end());
  return ids;
}

const Entity* find_entity(const KnowledgeGraph& g, std::string_view id) {
  for (const Entity& e : g.entities())
    if (g.str(e.id) == id) return &e;
  return nullptr;
}

// --- Conditions ------------------------------------------------------------------------------

const char* const kFlags =
    "id,signatory,note,status\n"
    "a,1,,party\n"
    "b,0,x,signatory\n"
    "c,1,y,\n"
    "d,,,party\n";

struct ConditionCase {
  const char* name;
  std::string when;
  Strings made;
};

class Conditions : public testing::TestWithParam<ConditionCase> {};

TEST_P(Conditions, MakeTheEntityOnlyForRowsThatMatch) {
  const std::string mapping = R"({"entities": {"s": {"type": "actor", "id": "{id}", "name": "{id}",
      "when": )" + GetParam().when +
                              "}}}";
  const Mapped r = map(mapping, {{"t.csv", kFlags}});
  EXPECT_EQ(r.messages, Strings{});
  EXPECT_EQ(sorted_ids(r), GetParam().made);
}

const ConditionCase kConditionCases[] = {
    {"equality", R"({"signatory": "1"})", {"a", "c"}},
    {"a number is its text", R"({"signatory": 1})", {"a", "c"}},
    {"membership", R"({"signatory": ["0", "1"]})", {"a", "b", "c"}},
    {"empty cell", R"({"signatory": ""})", {"d"}},
    {"negation", R"({"not": {"note": ""}})", {"b", "c"}},
    {"all", R"({"all": [{"signatory": "1"}, {"not": {"note": ""}}]})", {"c"}},
    {"any", R"({"any": [{"signatory": "0"}, {"status": "party"}]})", {"a", "b", "d"}},
    {"match is of the whole cell", R"({"match": {"status": "part.*"}})", {"a", "d"}},
    {"a match of part of the cell is none", R"({"match": {"status": "part"}})", {}},
    {"several members must all hold", R"({"signatory": "1", "status": "party"})", {"a"}},
    {"nested", R"({"not": {"any": [{"id": "a"}, {"match": {"id": "[b-c]"}}]}})", {"d"}},
};

INSTANTIATE_TEST_SUITE_P(Table, Conditions, testing::ValuesIn(kConditionCases),
                         [](const testing::TestParamInfo<ConditionCase>& info) {
                           std::string name;
                           for (char c : std::string(info.param.name))
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(MappingConditions, SignedOnlyForSignatories) {
  const std::string mapping = R"({"entities": {
      "g": {"type": "actor", "kind": "government", "id": "{iso2}", "name": "{member}"},
      "t": {"type": "law", "kind": "treaty", "id": "cat", "name": "Convention against Torture"}},
    "relations": [{"type": "signed", "from": "g", "to": "t", "when": {"signatory": "1"}},
                  {"type": "party_to", "from": "g", "to": "t", "date": "{year}",
                   "when": {"not": {"year": ""}}}]})";
  const Mapped r = map(mapping, {{"t.csv",
                                  "iso2,member,year,signatory\n"
                                  "AF,Afghanistan,1987,1\n"
                                  "AL,Albania,1994,0\n"
                                  "AO,Angola,,1\n"}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  Strings rel = relations(*r.graph);
  std::sort(rel.begin(), rel.end());
  EXPECT_EQ(rel, (Strings{"af party_to cat 1987", "af signed cat", "al party_to cat 1994",
                          "ao signed cat"}));
}

TEST(MappingConditions, ErrorsPointIntoTheMapping) {
  auto messages = [](const std::string& when) {
    const std::string mapping =
        R"({"entities": {"s": {"type": "actor", "id": "{id}", "name": "{id}", "when": )" + when +
        "}}}";
    return std::make_pair(mapping, map(mapping, {{"t.csv", kFlags}}).messages);
  };
  auto [m1, got1] = messages(R"("x")");
  EXPECT_EQ(got1, Strings{"map.json:1:" + col(m1, R"("x")") +
                          ": error: expected a condition such as {\"signatory\": \"1\"}, "
                          "{\"not\": ...}, {\"all\": [...]}, {\"any\": [...]} or {\"match\": "
                          "{\"column\": \"regex\"}}, found a string"});
  auto [m2, got2] = messages(R"({"match": {"status": "("}})");
  EXPECT_EQ(got2, Strings{"map.json:1:" + col(m2, R"("(")") +
                          ": error: invalid regular expression \"(\": missing closing "
                          "parenthesis at offset 1"});
  auto [m3, got3] = messages(R"({"all": []})");
  EXPECT_EQ(got3, Strings{"map.json:1:" + col(m3, "[]") +
                          ": error: expected a non-empty array of conditions, found an array"});
  auto [m4, got4] = messages(R"({"signatory": null})");
  EXPECT_EQ(got4, Strings{"map.json:1:" + col(m4, "null") +
                          ": error: expected a cell's text (\"\" for an empty cell) or a list of "
                          "them, found null"});
}

// --- Lookups ---------------------------------------------------------------------------------

const char* const kCameo =
    "CAMEOEVENTCODE\tEVENTDESCRIPTION\r\n"
    "010\tMake statement, not specified below\r\n"
    "0211\tAppeal for economic cooperation\r\n";

const std::string kLookupMapping = R"({
  "lookups": {
    "flag": {"values": {"1": "yes", "0": "no"}, "default": "unknown"},
    "cameo": {"file": "CAMEO.eventcodes.txt", "key": "CAMEOEVENTCODE", "value": "EVENTDESCRIPTION"}
  },
  "entities": {"e": {"type": "event", "id": "ev-{code}", "name": "{lookup:cameo:code}",
                     "properties": {"flag": "{lookup:flag:f}"}}}})";

TEST(MappingLookups, InlineAndFromATabSeparatedFile) {
  const Mapped r = map(kLookupMapping, {{"t.csv", "code,f\n010,1\n0211,7\n999,0\n"}},
                       {{"CAMEO.eventcodes.txt", kCameo}});
  EXPECT_EQ(r.messages, Strings{"t.csv:4:1: error: no \"999\" in lookup \"cameo\" (column "
                                "\"code\"); add the key, or give the lookup a \"default\""});
  // The row whose key is missing makes no event (it has no name); the others do.
  Diagnostics diags;
  const Mapped ok = map(kLookupMapping, {{"t.csv", "code,f\n010,1\n0211,7\n"}},
                        {{"CAMEO.eventcodes.txt", kCameo}});
  ASSERT_TRUE(ok.graph) << testing::PrintToString(ok.messages);
  const KnowledgeGraph& g = *ok.graph;
  const Entity* a = find_entity(g, "ev-010");
  const Entity* b = find_entity(g, "ev-0211");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(g.str(a->name), "Make statement, not specified below");
  EXPECT_EQ(properties(g, *a), Strings{"flag=yes"});
  EXPECT_EQ(g.str(b->name), "Appeal for economic cooperation");
  EXPECT_EQ(properties(g, *b), Strings{"flag=unknown"});  // 7: the default
}

TEST(MappingLookups, ALookupOfAnIdIsSlugged) {
  const std::string mapping = R"({"lookups": {"country": {"values": {"AF": "Afghanistan"}}},
    "entities": {"c": {"type": "place", "kind": "country", "id": "{lookup:country:iso}",
                       "name": "{lookup:country:iso}"}}})";
  const Mapped r = map(mapping, {{"t.csv", "iso\nAF\n"}});
  EXPECT_EQ(sorted_ids(r), Strings{"afghanistan"});
}

TEST(MappingLookups, Errors) {
  auto load = [](const std::string& mapping) {
    return map(mapping, {}, {{"CAMEO.eventcodes.txt", kCameo}}).messages;
  };
  const std::string unknown =
      R"({"lookups": {"cameo": {"values": {}}}, "entities": {"e": {"type": "event", "id": "x", "name": "{lookup:cameos:code}"}}})";
  EXPECT_EQ(load(unknown),
            Strings{"map.json:1:" + col(unknown, R"("{lookup:cameos)") +
                    ": error: unknown lookup \"cameos\" in template \"{lookup:cameos:code}\"; did "
                    "you mean \"cameo\"?; the lookups are declared under \"lookups\""});
  const std::string no_file =
      R"({"lookups": {"c": {"file": "nope.txt", "key": "k", "value": "v"}}, "entities": {}})";
  EXPECT_EQ(load(no_file), Strings{"map.json:1:" + col(no_file, R"("nope.txt")") +
                                   ": error: cannot read lookup file \"nope.txt\""});
  const std::string no_column =
      R"({"lookups": {"c": {"file": "CAMEO.eventcodes.txt", "key": "CAMEOCODE", "value": "EVENTDESCRIPTION"}}, "entities": {}})";
  EXPECT_EQ(load(no_column), Strings{"map.json:1:" + col(no_column, R"("CAMEOCODE")") +
                                     ": error: column \"CAMEOCODE\" is not in the header of "
                                     "\"CAMEO.eventcodes.txt\" (its columns: "
                                     "CAMEOEVENTCODE, EVENTDESCRIPTION)"});
  const std::string no_column_part =
      R"({"lookups": {"c": {"values": {}}}, "entities": {"e": {"type": "event", "id": "x", "name": "{lookup:c}"}}})";
  EXPECT_EQ(load(no_column_part),
            Strings{"map.json:1:" + col(no_column_part, R"("{lookup:c}")") +
                    ": error: placeholder {lookup:c} in template \"{lookup:c}\" needs a column: "
                    "write {lookup:NAME:column}"});
}

TEST(MappingLookups, AFilePlaceholderCanBeLookedUp) {
  const std::string mapping = R"({"files": "hr_status_(?<treaty>[a-z]+)\\.csv",
    "lookups": {"treaty": {"values": {"cat": "Convention against Torture"}}},
    "entities": {"t": {"type": "law", "kind": "treaty", "id": "{$treaty}",
                       "name": "{lookup:treaty:$treaty}"}}})";
  const Mapped r =
      map(mapping, {{"hr_status_cat.csv", "x\n1\n"}, {"hr_status_crc.csv", "x\n1\n2\n"}});
  EXPECT_EQ(r.messages, Strings{"hr_status_crc.csv: error: no \"crc\" in lookup \"treaty\" "
                                "(placeholder {$treaty}); add the key, or give the lookup a "
                                "\"default\""});
}

// --- Sources made by each row ------------------------------------------------------------------

TEST(MappingSources, ARowCanMakeTheSourceItsFactsCite) {
  const std::string mapping = R"({"sources": [{"id": "gdelt", "title": "GDELT 1.0"}],
    "entities": {
      "article": {"type": "source", "id": "article-{id}", "url": "{url}", "title": "{title}",
                  "date": {"column": "day", "format": "%Y%m%d"}},
      "e": {"type": "event", "id": "ev-{id}", "name": "{title}", "sources": "article-{id}"}}})";
  const Mapped r =
      map(mapping, {{"t.csv", "id,url,title,day\n7,https://example.org/a,A,20061003\n"}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  const KnowledgeGraph& g = *r.graph;
  ASSERT_EQ(g.sources().size(), 2u);  // the mapping's and the row's
  const Entity* e = find_entity(g, "ev-7");
  ASSERT_TRUE(e);
  Strings cited;
  for (StrId s : g.list(e->sources)) cited.emplace_back(g.str(s));
  EXPECT_EQ(cited, (Strings{"article-7", "gdelt"}));
}

TEST(MappingSources, ASourceHasASourcesFieldsAndIsNoRelationEnd) {
  const std::string kind =
      R"({"entities": {"s": {"type": "source", "id": "s", "kind": "report"}}})";
  EXPECT_EQ(map(kind, {}).messages,
            Strings{"map.json:1:" + col(kind, R"("kind")") +
                    ": error: a source has no \"kind\"; its fields are \"id\", \"title\", "
                    "\"publisher\", \"url\", \"date\" and \"properties\""});
  const std::string end =
      R"({"entities": {"s": {"type": "source", "id": "s"}, "a": {"type": "actor", "id": "a", "name": "a"}}, "relations": [{"type": "member_of", "from": "a", "to": "s"}]})";
  EXPECT_EQ(map(end, {}).messages,
            Strings{"map.json:1:" + col(end, R"("s"}]})") +
                    ": error: \"to\" of relations[0] is the source \"s\"; relations join "
                    "actors, laws, events and places (cite a source with \"sources\")"});
}

// --- One mapping for many tables -------------------------------------------------------------

const std::string kTablesMapping = R"({
  "sources": [{"id": "untc", "title": "UN Treaty Collection"}],
  "tables": [
    {"files": "hr_status_(?<treaty>[a-z]+)\\.csv",
     "entities": {
       "g": {"type": "actor", "kind": "government", "id": "{iso2}", "name": "{member}"},
       "t": {"type": "law", "kind": "treaty", "id": "{$treaty}", "name": "{$stem}",
             "properties": {"file": "{$file}"}}},
     "relations": [{"type": "signed", "from": "g", "to": "t", "when": {"signatory": "1"}}]},
    {"files": "countries\\.tsv",
     "entities": {"c": {"type": "place", "kind": "country", "id": "{code}", "name": "{name}"}}}
  ]})";

TEST(MappingTables, EachFileIsReadByTheTableItsNameMatches) {
  const Mapped r = map(kTablesMapping,
                       {{"data/hr_status_cat.csv", "iso2,member,signatory\nAF,Afghanistan,1\n"},
                        {"data/hr_status_ccpr.csv.gz", "iso2,member,signatory\nAF,Afghanistan,0\n"},
                        {"data/countries.tsv", "code\tname\nbe\t\"Belgium\"\n"}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  const KnowledgeGraph& g = *r.graph;
  EXPECT_EQ(sorted_ids(r), (Strings{"af", "be", "cat", "ccpr"}));
  const Entity* cat = find_entity(g, "cat");
  ASSERT_TRUE(cat);
  EXPECT_EQ(g.str(cat->name), "hr_status_cat");
  EXPECT_EQ(properties(g, *cat), Strings{"file=hr_status_cat.csv"});
  const Entity* be = find_entity(g, "be");
  ASSERT_TRUE(be);
  EXPECT_EQ(g.str(be->name), "\"Belgium\"");  // a tab-separated file does not quote
  EXPECT_EQ(relations(g), Strings{"af signed cat"});
  EXPECT_EQ(g.list(cat->sources).size(), 1u);  // the shared sources are cited by every table
}

TEST(MappingTables, AFileNoTableReadsIsAnError) {
  const Mapped r = map(kTablesMapping, {{"other.csv", "a\n1\n"}});
  EXPECT_EQ(r.messages, Strings{"other.csv: error: no table of the mapping \"map.json\" reads "
                                "\"other.csv\"; their \"files\" patterns: "
                                "\"hr_status_(?<treaty>[a-z]+)\\\\.csv\", \"countries\\\\.tsv\""});
}

TEST(MappingTables, LoaderErrors) {
  auto load = [](const std::string& mapping) { return map(mapping, {}).messages; };
  const std::string unknown_variable =
      R"({"files": "(?<treaty>.+)\\.csv", "entities": {"t": {"type": "law", "id": "{$treatty}", "name": "x"}}})";
  EXPECT_EQ(load(unknown_variable),
            Strings{"map.json:1:" + col(unknown_variable, R"("{$treatty}")") +
                    ": error: unknown placeholder {$treatty} in template \"{$treatty}\"; did you "
                    "mean \"treaty\"?; the file's placeholders are {$file}, {$stem}, {$treaty} "
                    "(named groups of \"files\" add more)"});
  const std::string bad_files = R"({"files": "[", "entities": {}})";
  EXPECT_EQ(load(bad_files),
            Strings{"map.json:1:" + col(bad_files, R"("[")") +
                    ": error: invalid regular expression \"[\": missing terminating ] for "
                    "character class at offset 1"});
  const std::string table_without_files = R"({"tables": [{"entities": {}}]})";
  EXPECT_EQ(load(table_without_files),
            Strings{"map.json:1:" + col(table_without_files, R"({"entities")") +
                    ": error: a table of \"tables\" needs \"files\": the pattern of the file "
                    "names it reads"});
  const std::string entities_beside_tables =
      R"({"entities": {}, "tables": [{"files": "x", "entities": {}}]})";
  EXPECT_EQ(load(entities_beside_tables),
            Strings{"map.json:1:2: error: \"entities\" belongs to each table of \"tables\" in a "
                    "mapping that has them"});
}

// --- Foreign cell formats ----------------------------------------------------------------------

struct FormatCase {
  const char* name;
  std::string value;  // the mapping's value for "date" or the property "v"
  std::string cell;
  std::string expected;  // the event's start date or property, or the message
};

class Formats : public testing::TestWithParam<FormatCase> {};

TEST_P(Formats, AreReadIntoKgraphsValues) {
  const FormatCase& c = GetParam();
  const bool date = c.value.find("\"format\"") != std::string::npos;
  const std::string mapping =
      R"({"entities": {"e": {"type": "event", "id": "e", "name": "e", )" +
      std::string(date ? "\"date\": " + c.value : "\"properties\": {\"v\": " + c.value + "}") +
      "}}}";
  const Mapped r = map(mapping, {{"t.csv", "x\n\"" + c.cell + "\"\n"}});
  if (!r.messages.empty()) {
    EXPECT_EQ(r.messages.front(), c.expected);
    return;
  }
  ASSERT_TRUE(r.graph);
  const Entity* e = find_entity(*r.graph, "e");
  ASSERT_TRUE(e);
  if (date)
    EXPECT_EQ(e->start.to_string(), c.expected);
  else
    EXPECT_EQ(properties(*r.graph, *e), Strings{c.expected});
}

const std::string kDayFirst = R"({"column": "x", "format": "%d/%m/%Y"})";

const FormatCase kFormatCases[] = {
    {"day first", kDayFirst, "19/09/2006", "2006-09-19"},
    {"digits only", R"({"column": "x", "format": "%Y%m%d"})", "20060919", "2006-09-19"},
    {"abbreviated month", R"({"column": "x", "format": "%d %b %Y"})", "19 Sep 2006", "2006-09-19"},
    {"longer abbreviation", R"({"column": "x", "format": "%d %b %Y"})", "19 Sept. 2006",
     "t.csv:2:1: error: invalid date \"19 Sept. 2006\" for \"date\" (format \"%d %b %Y\" at "
     "map.json:1:70); expected a date written as \"%d %b %Y\""},
    {"month name", R"({"column": "x", "format": "%B %d, %Y"})", "September 19, 2006", "2006-09-19"},
    {"any case, runs of spaces", R"({"column": "x", "format": "%d %B %Y"})", "19  SEPTEMBER 2006",
     "2006-09-19"},
    {"no day: a month", R"({"column": "x", "format": "%m/%Y"})", "9/2006", "2006-09"},
    {"two-digit year, 2000s", R"({"column": "x", "format": "%y"})", "06", "2006"},
    {"two-digit year, 1900s", R"({"column": "x", "format": "%y"})", "99", "1999"},
    {"excel", R"({"column": "x", "format": "excel"})", "38979", "2006-09-19"},
    {"excel with a time", R"({"column": "x", "format": "excel"})", "38979.75", "2006-09-19"},
    {"excel before its leap day", R"({"column": "x", "format": "excel"})", "59", "1900-02-28"},
    {"excel after it", R"({"column": "x", "format": "excel"})", "61", "1900-03-01"},
    {"excel's leap day", R"({"column": "x", "format": "excel"})", "60",
     "t.csv:2:1: error: invalid date \"60\" for \"date\" (format \"excel\" at map.json:1:70); "
     "expected a real date (Excel's serial 60 is 29 February 1900, which never was)"},
    {"no such day", kDayFirst, "31/02/2006",
     "t.csv:2:1: error: invalid date \"31/02/2006\" for \"date\" (format \"%d/%m/%Y\" at "
     "map.json:1:70); expected a real date (\"31/02/2006\" read as \"2006-02-31\" is none)"},
    {"another layout", kDayFirst, "2006-09-19",
     "t.csv:2:1: error: invalid date \"2006-09-19\" for \"date\" (format \"%d/%m/%Y\" at "
     "map.json:1:70); expected a date written as \"%d/%m/%Y\""},
    {"thousands", R"({"column": "x", "type": "int", "thousands": ","})", "1,234,567",
     "v=int:1234567"},
    {"thousands in a float", R"({"column": "x", "type": "float", "thousands": ","})", "-12,000.5",
     "v=real:-12000.5"},
    {"no separator is fine", R"({"column": "x", "type": "int", "thousands": ","})", "1234",
     "v=int:1234"},
    {"a misplaced separator", R"({"column": "x", "type": "int", "thousands": ","})", "12,34",
     "t.csv:2:1: error: invalid int \"12,34\" for \"v\" (typed int at map.json:1:82); expected a "
     "number with \",\" between groups of three digits"},
    {"yes", R"({"column": "x", "type": "boolean"})", "Yes", "v=true"},
    {"x", R"({"column": "x", "type": "boolean"})", "x", "v=true"},
    {"0", R"({"column": "x", "type": "boolean"})", "0", "v=false"},
    {"FALSE", R"({"column": "x", "type": "boolean"})", "FALSE", "v=false"},
    {"not a boolean", R"({"column": "x", "type": "boolean"})", "maybe",
     "t.csv:2:1: error: invalid boolean \"maybe\" for \"v\" (typed boolean at map.json:1:82); "
     "expected yes or no, true or false, 1 or 0, or x (yes)"},
};

INSTANTIATE_TEST_SUITE_P(Table, Formats, testing::ValuesIn(kFormatCases),
                         [](const testing::TestParamInfo<FormatCase>& info) {
                           std::string name;
                           for (char c : std::string(info.param.name))
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(MappingFormats, LoaderErrors) {
  auto load = [](const std::string& value) {
    const std::string mapping =
        R"({"entities": {"e": {"type": "event", "id": "e", "name": "e", "date": )" + value + "}}}";
    return std::make_pair(mapping, map(mapping, {}).messages);
  };
  auto [m1, got1] = load(R"({"column": "x", "format": "%d.%Q.%Y"})");
  EXPECT_EQ(got1, Strings{"map.json:1:" + col(m1, R"("%d.%Q)") +
                          ": error: invalid date format \"%d.%Q.%Y\": unknown directive \"%Q\"; a "
                          "date format uses %Y %y %m %d %b %B and %%, or is \"excel\""});
  auto [m2, got2] = load(R"({"column": "x", "format": "%d/%m"})");
  EXPECT_EQ(got2, Strings{"map.json:1:" + col(m2, R"("%d/%m")") +
                          ": error: invalid date format \"%d/%m\": the format has no year (%Y or "
                          "%y)"});
  auto [m3, got3] = load(R"({"column": "x", "thousands": ","})");
  EXPECT_EQ(got3, Strings{"map.json:1:" + col(m3, R"("thousands")") +
                          ": error: \"thousands\" applies to numbers: give \"type\": \"int\" or "
                          "\"float\""});
}

// --- Tab-separated, headerless, JSON Lines -----------------------------------------------------

TEST(MappingLayouts, AHeaderlessTabSeparatedTable) {
  // GDELT 1.0 event files: tab-separated, no header row, named .CSV.
  const std::string mapping =
      R"({"delimiter": "\t", "columns": ["GLOBALEVENTID", "SQLDATE", "Actor1Name"],
    "entities": {"e": {"type": "event", "id": "gdelt-{GLOBALEVENTID}", "name": "{Actor1Name}",
                       "date": {"column": "SQLDATE", "format": "%Y%m%d"}}}})";
  const Mapped r = map(mapping, {{"20061003.export.CSV",
                                  "1\t20061003\tCHINA\n"
                                  "2\t20061003\tSOUTH \"KOREA\"\n"}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  EXPECT_EQ(sorted_ids(r), (Strings{"gdelt-1", "gdelt-2"}));
  const Entity* e = find_entity(*r.graph, "gdelt-2");
  ASSERT_TRUE(e);
  EXPECT_EQ(r.graph->str(e->name), "SOUTH \"KOREA\"");
  EXPECT_EQ(e->start.to_string(), "2006-10-03");
  // A row of another width is an error at its line.
  const Mapped short_row = map(mapping, {{"x.CSV", "1\t20061003\n"}});
  EXPECT_EQ(short_row.messages.size(), 1u);
  EXPECT_EQ(short_row.messages.front().substr(0, 11), "x.CSV:1:3: ");
}

TEST(MappingLayouts, TheCsvImporterReadsTabSeparatedFilesToo) {
  Diagnostics diags;
  GraphBuilder builder(Schema::builtin(), diags);
  std::istringstream in("id\tname\tkind\nqin-gang\tQin \"Gang\"\tperson\n");
  make_csv_importer()->read(in, diags.add_file("actors.tsv"), "actors.tsv", builder, {});
  const auto g = builder.finish();
  ASSERT_TRUE(g) << testing::PrintToString(diags.sorted().size());
  ASSERT_EQ(g->entities().size(), 1u);
  EXPECT_EQ(g->str(g->entities()[0].name), "Qin \"Gang\"");
}

const std::string kJsonlMapping = R"({"format": "jsonl", "files": ".*\\.jsonl",
  "entities": {"a": {"type": "actor", "id": "{/actor/id}", "name": "{/actor/name}",
                     "when": {"not": {"/skip": "true"}},
                     "properties": {"n": {"column": "/n", "type": "int"}, "first": "{/tags/0}",
                                    "slash": "{/a~1b}"}}}})";

TEST(MappingLayouts, JsonLinesRecordsThroughJsonPointers) {
  const std::string dump =
      R"({"actor": {"id": "x1", "name": "Ann"}, "n": 3, "tags": ["t1", "t2"], "a/b": "s"})"
      "\n"
      R"({"actor": {"id": "x2"}})"
      "\n"
      R"({"actor": {"id": "x4", "name": "Dee"}, "skip": true})"
      "\n";
  const Mapped r = map(kJsonlMapping, {{"dump.jsonl", dump}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  EXPECT_EQ(sorted_ids(r), Strings{"x1"});  // x2 has no name; x4 is skipped by "when"
  const Entity* e = find_entity(*r.graph, "x1");
  ASSERT_TRUE(e);
  EXPECT_EQ(properties(*r.graph, *e), (Strings{"first=t1", "n=int:3", "slash=s"}));
}

TEST(MappingLayouts, JsonLinesErrors) {
  const std::string object_name = R"({"actor": {"id": "x3", "name": {"first": "B"}}})";
  const Mapped r = map(kJsonlMapping, {{"dump.jsonl", object_name + "\n[1]\n{\"n\": }\n"}});
  EXPECT_EQ(r.messages,
            (Strings{"dump.jsonl:1:" + col(object_name, R"({"first")") +
                         ": error: the value at /actor/name is an object; a placeholder takes a "
                         "string, number or boolean",
                     "dump.jsonl:2:1: error: expected a JSON object on each line; found an array",
                     "dump.jsonl:3:7: error: invalid JSON: invalid value"}));
  const std::string not_a_pointer =
      R"({"format": "jsonl", "entities": {"a": {"type": "actor", "id": "{id}", "name": "x"}}})";
  EXPECT_EQ(map(not_a_pointer, {}).messages,
            Strings{"map.json:1:" + col(not_a_pointer, R"("{id}")") +
                    ": error: in a JSON Lines table (\"format\": \"jsonl\") a column is a JSON "
                    "Pointer such as \"/actor/name\"; \"id\" is not one"});
}

TEST(MappingLayouts, WhichInputsTheMappingReads) {
  Diagnostics diags;
  const auto m = TableMapping::load(kJsonlMapping, diags.add_file("map.json"), diags);
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->reads("in/dump.jsonl", "jsonl"));
  EXPECT_FALSE(m->reads("in/dump.ndjson", "jsonl"));
  EXPECT_FALSE(m->reads("graph.json", "json"));
  EXPECT_TRUE(m->reads("any.csv", "csv"));  // every table, so that one no table reads is said
}

}  // namespace
}  // namespace kgraph
