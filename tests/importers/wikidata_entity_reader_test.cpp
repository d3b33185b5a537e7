// What Wikidata items and statements become (importers/wikidata_entity_reader.hpp), as tables:
// qualifiers (dates, role), date precision, labels and languages, stubs and dropped relations,
// references as sources.

#include "importers/wikidata_entity_reader.hpp"

#include <gtest/gtest.h>

#include "wikidata_test_support.hpp"

namespace kgraph {
namespace {

using namespace wikidata_test;

/// The lines of the canonical JSON that hold `needle`.
Strings lines_with(const std::string& json, const std::string& needle) {
  Strings out;
  std::istringstream in(json);
  std::string line;
  while (std::getline(in, line))
    if (line.find(needle) != std::string::npos) {
      if (line.back() == ',') line.pop_back();
      out.push_back(line.substr(line.find('{')));
    }
  return out;
}

TEST(WikidataEntityReader, QualifiersGiveTheDatesAndTheRoleOfARelation) {
  struct Case {
    std::string qualifiers;  // of Q1's P463 statement naming Q2
    std::string relation;    // the relation line of the JSON
    Strings messages;
  };
  const std::string p580 = R"("P580":[)" + snak("P580", time_value("+1990-05-00T00:00:00Z", 10));
  const std::string p582 = R"("P582":[)" + snak("P582", time_value("+1995-00-00T00:00:00Z", 9));
  const std::string p585 = R"("P585":[)" + snak("P585", time_value("+1993-07-14T00:00:00Z", 11));
  const std::string role = R"("P2868":[)" + snak("P2868", item_value("Q83307"));
  const std::string base = R"({"from":"Q1","type":"member_of","to":"Q2",)";
  const std::string tail = R"("sources":["wikidata"],"wikidata_property":"P463"})";
  const Case cases[] = {
      {"", base + tail, {}},
      {"{" + p580 + "]}", base + R"("start":"1990-05",)" + tail, {}},
      {"{" + p582 + "]}", base + R"("end":"1995",)" + tail, {}},
      {"{" + p580 + "]," + p582 + "]}", base + R"("start":"1990-05","end":"1995",)" + tail, {}},
      {"{" + p585 + "]}", base + R"("date":"1993-07-14",)" + tail, {}},
      // start and end win over a point in time, which would contradict them
      {"{" + p585 + "]," + p580 + "]}", base + R"("start":"1990-05",)" + tail, {}},
      {"{" + role + "]}", base + R"("role":"Q83307",)" + tail, {}},
      {"{" + role + "]," + p585 + "]}",
       base + R"("date":"1993-07-14","role":"Q83307",)" + tail,
       {}},
      // the first value of a qualifier stated twice
      {"{" + p580 + "," + snak("P580", time_value("+1980-00-00T00:00:00Z", 9)) + "]}",
       base + R"("start":"1990-05",)" + tail,
       {}},
      // an end before the start: neither is kept
      {R"({"P580":[)" + snak("P580", time_value("+2000-00-00T00:00:00Z", 9)) + "]," + p582 + "]}",
       base + tail,
       {"t.wikidata.json:4:640: warning: end 1995 is before start 2000; both left out"}},
      // a date kgraph cannot keep is left out, at its place; the other one stays
      {R"({"P580":[)" + snak("P580", time_value("+1990-00-00T00:00:00Z", 8)) + "]," + p582 + "]}",
       base + R"("end":"1995",)" + tail,
       {"t.wikidata.json:4:465: warning: time +1990-00-00T00:00:00Z has precision 8 (decade); "
        "kgraph keeps precision 9 (year), 10 (month) and 11 (day); left out"}},
      {R"({"P585":[)" + snak("P585", time_value("-0490-09-12T00:00:00Z", 11, "Q1985786")) + "]}",
       base + tail,
       {"t.wikidata.json:4:465: warning: time -0490-09-12T00:00:00Z is before the common era; "
        "kgraph dates start at the year 1; left out"}},
      // "unknown value" qualifiers say nothing
      {R"({"P580":[)" + snak("P580", "") + "]}", base + tail, {}},
  };
  for (const Case& c : cases) {
    const Imported r = import(
        dump({entity("Q1", "One", human()),
              entity("Q2", "Two", R"("P31":[)" + statement("P31", item_value("Q43229")) + "]"),
              entity("Q3", "Three",
                     human() + R"(,"P463":[)" + statement("P463", item_value("Q2"), c.qualifiers) +
                         "]")}));
    // Q3 is the member: the relation goes from Q3 (the item) to Q2 (the value).
    std::string expected = c.relation;
    expected.replace(expected.find("Q1"), 2, "Q3");
    EXPECT_EQ(lines_with(r.json, "\"member_of\""), Strings{expected}) << c.qualifiers;
    EXPECT_EQ(r.messages, c.messages) << c.qualifiers;
  }
}

TEST(WikidataEntityReader, ItemDatesKeepTheirPrecisionAndPreferredStatementsWin) {
  struct Case {
    std::string claims;
    std::string dates;  // what the item line holds
  };
  const auto born = [](const std::string& t, int p, const std::string& rank = "normal") {
    return statement("P569", time_value(t, p), "", rank);
  };
  const Case cases[] = {
      {R"("P569":[)" + born("+1952-10-07T00:00:00Z", 11) + "]", R"("start":"1952-10-07")"},
      {R"("P569":[)" + born("+1952-10-00T00:00:00Z", 10) + "]", R"("start":"1952-10")"},
      {R"("P569":[)" + born("+1952-00-00T00:00:00Z", 9) + "]", R"("start":"1952")"},
      {R"("P569":[)" + born("+1952-00-00T00:00:00Z", 9) + "," +
           born("+1952-10-07T00:00:00Z", 11, "preferred") + "]",
       R"("start":"1952-10-07")"},
      {R"("P569":[)" + born("+1952-10-07T00:00:00Z", 11, "deprecated") + "," +
           born("+1953-00-00T00:00:00Z", 9) + "]",
       R"("start":"1953")"},
      {R"("P569":[)" + born("+1911-02-23T00:00:00Z", 11) + R"(],"P570":[)" +
           statement("P570", time_value("+1999-08-02T00:00:00Z", 11)) + "]",
       R"("start":"1911-02-23","end":"1999-08-02")"},
      // a date of a precision kgraph refuses leaves the next property its turn
      {R"("P569":[)" + born("+1950-00-00T00:00:00Z", 8) + R"(],"P571":[)" +
           statement("P571", time_value("+1951-00-00T00:00:00Z", 9)) + "]",
       R"("start":"1951")"},
  };
  for (const Case& c : cases) {
    const Imported r = import(dump({entity("Q1", "One", human() + "," + c.claims)}));
    const Strings item = lines_with(r.json, "\"Q1\"");
    ASSERT_EQ(item.size(), 1u) << c.claims << r.json;
    EXPECT_NE(item[0].find(c.dates), std::string::npos) << item[0];
  }
}

TEST(WikidataEntityReader, NamesComeFromTheChosenLanguagesWithFallbacks) {
  struct Case {
    std::string terms;  // the labels, aliases and descriptions members
    Strings languages;
    std::string names;  // "name", "kind" and "aliases" of the item line
    Strings messages;
    std::string tail = {};  // after its sources
  };
  const std::string en = R"("en":{"language":"en","value":"Qin Gang"})";
  const std::string zh = R"("zh":{"language":"zh","value":"秦刚"})";
  const std::string ko = R"("ko":{"language":"ko","value":"친강"})";
  const std::string de = R"("de":{"language":"de","value":"Qin Gang, Politiker"})";
  const std::string mul = R"("mul":{"language":"mul","value":"Qin Gang"})";
  const std::string aliases =
      R"(,"aliases":{"en":[{"language":"en","value":"Gang Qin"}],"fr":[{"language":"fr","value":"Qin G."}]})";
  const std::string descriptions =
      R"(,"descriptions":{"de":{"language":"de","value":"chinesischer Politiker"}})";
  const Case cases[] = {
      {R"("labels":{)" + zh + "," + en + "}" + aliases,
       {},
       R"("name":"Qin Gang","kind":"person","aliases":["Gang Qin"])",
       {}},
      {R"("labels":{)" + en + "," + zh + "," + ko + "}" + aliases,
       {"zh", "ko", "en"},
       R"("name":"秦刚","kind":"person","aliases":["Gang Qin","Qin Gang","친강"])",
       {}},
      {R"("labels":{)" + en + "," + zh + "," + ko + "}",
       {"ko"},
       R"("name":"친강","kind":"person")",
       {}},
      // no label in a chosen language: "mul", then the smallest language code
      {R"("labels":{)" + zh + "," + mul + "}", {"ko"}, R"("name":"Qin Gang","kind":"person")", {}},
      {R"("labels":{)" + zh + "," + de + "}" + descriptions,
       {"ko"},
       R"("name":"Qin Gang, Politiker","kind":"person")",
       {},
       R"(,"description":"chinesischer Politiker")"},
      // no label at all: the id is the name
      {R"("labels":{})" + aliases,
       {},
       R"("name":"Q1","kind":"person","aliases":["Gang Qin"])",
       {"t.wikidata.json:2:21: warning: 1 item has no label in any language: the id is the name "
        "(the first here)"}},
      {R"("labels":{"en":{"language":"en","value":""}})",
       {},
       R"("name":"Q1","kind":"person")",
       {"t.wikidata.json:2:21: warning: 1 item has no label in any language: the id is the name "
        "(the first here)"}},
  };
  for (const Case& c : cases) {
    const std::string line =
        R"({"type":"item","id":"Q1",)" + c.terms + R"(,"claims":{)" + human() + "}}";
    ImportOptions options;
    options.languages = c.languages;
    const Imported r = import(dump({line}), options);
    const Strings item = lines_with(r.json, "\"Q1\"");
    ASSERT_EQ(item.size(), 1u) << c.terms;
    EXPECT_EQ(item[0], R"({"id":"Q1",)" + c.names + R"(,"sources":["wikidata"])" + c.tail + "}")
        << c.terms;
    EXPECT_EQ(r.messages, c.messages) << c.terms;
  }
}

TEST(WikidataEntityReader, MissingItemsBecomeStubsOnlyWhereTheMappingSaysSo) {
  // P27 (citizenship) makes a stub country; P26 (spouse) and P40 (child) do not.
  const std::string claims = human() + R"(,"P27":[)" + statement("P27", item_value("Q148")) +
                             R"(],"P26":[)" + statement("P26", item_value("Q404")) + "," +
                             statement("P26", item_value("Q2")) + R"(],"P40":[)" +
                             statement("P40", item_value("Q405")) + "]";
  const Imported r = import(dump({entity("Q1", "One", claims), entity("Q2", "Two", human())}));
  EXPECT_EQ(
      lines_with(r.json, "wikidata_stub"),
      Strings{
          R"({"id":"Q148","name":"Q148","kind":"country","sources":["wikidata"],"wikidata_stub":true})"});
  EXPECT_EQ(
      lines_with(r.json, "\"type\":"),
      (Strings{
          R"({"from":"Q1","type":"citizen_of","to":"Q148","sources":["wikidata"],"wikidata_property":"P27"})",
          R"({"from":"Q1","type":"spouse_of","to":"Q2","sources":["wikidata"],"wikidata_property":"P26"})"}));
  EXPECT_EQ(r.messages,
            Strings{"t.wikidata.json:2:461: warning: 2 relations dropped: an end names an item "
                    "that is not in this file, and the mapping makes no stub for its property "
                    "(the first here)\n  hint: put the items in the same file, or give the "
                    "property a \"stub\" in a mapping file (--input-option "
                    "wikidata.mapping=FILE)"});
}

TEST(WikidataEntityReader, FamilyRelationsStatedFromBothSidesAreOne) {
  // Q1 names Q2 as spouse and child; Q2 names Q1 as spouse and father: two relations.
  const Imported r =
      import(dump({entity("Q1", "One",
                          human() + R"(,"P26":[)" + statement("P26", item_value("Q2")) +
                              R"(],"P40":[)" + statement("P40", item_value("Q2")) + "]"),
                   entity("Q2", "Two",
                          human() + R"(,"P26":[)" + statement("P26", item_value("Q1")) +
                              R"(],"P22":[)" + statement("P22", item_value("Q1")) + "]")}));
  EXPECT_EQ(
      lines_with(r.json, "\"type\":"),
      (Strings{
          R"({"from":"Q1","type":"parent_of","to":"Q2","sources":["wikidata"],"wikidata_property":["P22","P40"]})",
          R"({"from":"Q1","type":"spouse_of","to":"Q2","sources":["wikidata"],"wikidata_property":"P26"})"}));
  EXPECT_EQ(r.messages, Strings{});
}

TEST(WikidataEntityReader, ReferencesBecomeSources) {
  const std::string references = R"([{"snaks":{"P854":[)" +
                                 snak("P854", R"("https://example.org/news/1")") + R"(],"P248":[)" +
                                 snak("P248", item_value("Q36578")) + R"(]}}])";
  const Imported r = import(
      dump({entity("Q1", "One",
                   human() + R"(,"P27":[)" +
                       statement("P27", item_value("Q148"), "", "normal", references) + "]")}));
  EXPECT_EQ(
      lines_with(r.json, "\"url\""),
      (Strings{
          R"({"id":"https://example.org/news/1","url":"https://example.org/news/1"})",
          R"({"id":"https://www.wikidata.org/wiki/Q36578","url":"https://www.wikidata.org/wiki/Q36578"})",
          R"({"id":"wikidata","title":"Wikidata","url":"https://www.wikidata.org/"})"}));
  EXPECT_EQ(
      lines_with(r.json, "citizen_of"),
      Strings{
          R"({"from":"Q1","type":"citizen_of","to":"Q148","sources":["https://example.org/news/1","https://www.wikidata.org/wiki/Q36578","wikidata"],"wikidata_property":"P27"})"});
}

TEST(WikidataEntityReader, WhatIsLeftOutIsCounted) {
  const Imported r = import(dump({
      entity("Q1", "One",
             human() + R"(,"P106":[)" + statement("P106", item_value("Q82955")) + "," +
                 statement("P106", item_value("Q1930187")) + R"(],"P26":[)" + statement("P26", "") +
                 "," + statement("P26", item_value("Q2"), "", "deprecated") + "]"),
      entity("Q2", "A city", R"("P31":[)" + statement("P31", item_value("Q1637706")) + "]"),
      entity("Q3", "A thing", ""),
      R"({"type":"property","id":"P31","datatype":"wikibase-item"})",
  }));
  EXPECT_EQ(r.messages,
            (Strings{"t.wikidata.json:2:240: warning: 2 statements left out: the Wikidata "
                     "mapping makes no relation of their properties for the item's type (the "
                     "first here; P106 ×2)\n  hint: map it in a mapping file given with "
                     "--input-option wikidata.mapping=FILE (docs/inputs.md, \"Wikidata\")",
                     "t.wikidata.json:2:543: warning: 1 statement left out: \"no value\" or "
                     "\"unknown value\" (the first here)",
                     "t.wikidata.json:2:633: warning: 1 deprecated statement left out: Wikidata "
                     "ranks them as known to be wrong (the first here)",
                     "t.wikidata.json:3:164: warning: 2 items skipped: no class of theirs (P31) "
                     "is in the Wikidata mapping (the first here; by first class: (no P31) ×1, "
                     "Q1637706 ×1)\n  hint: map it in a mapping file given with --input-option "
                     "wikidata.mapping=FILE (docs/inputs.md, \"Wikidata\")",
                     "t.wikidata.json:5:25: warning: 1 entity skipped: only items (Q...) become "
                     "kgraph entities, not properties or lexemes (the first here)"}));
}

}  // namespace
}  // namespace kgraph
