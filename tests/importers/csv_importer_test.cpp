// The CSV importer end to end: files in, graph (or diagnostics) out. The RFC 4180 state machine
// has its own cases in csv_reader_test.cpp.

#include "importers/csv_importer.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "graph/graph_view.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using test::build_from;

struct Imported {
  std::optional<KnowledgeGraph> graph;
  std::vector<std::string> messages;
};

/// Reads CSV files (name, text) with the CSV importer and `--section`, then finishes.
Imported import(const std::vector<std::pair<std::string, std::string>>& files,
                std::string section = {}) {
  Diagnostics diags;
  GraphBuilder builder(Schema::builtin(), diags);
  const auto importer = make_csv_importer();
  ImportOptions options;
  options.section = std::move(section);
  for (const auto& [name, text] : files) {
    std::istringstream in(text);
    importer->read(in, diags.add_file(name), name, builder, options);
  }
  Imported r;
  r.graph = builder.finish();
  for (const Diagnostic& d : diags.sorted()) r.messages.push_back(diags.format(d));
  return r;
}

std::vector<std::string> property(const KnowledgeGraph& g, std::string_view entity,
                                  std::string_view key) {
  std::vector<std::string> out;
  const auto index = g.find_entity(entity);
  if (!index) return out;
  for (const Property& p : g.entities()[*index].properties) {
    if (g.str(p.key) != key) continue;
    for (const Value& v : p.values) {
      switch (v.kind) {
        case ValueKind::string:
          out.push_back(std::string(g.str(v.string)));
          break;
        case ValueKind::integer:
          out.push_back("int:" + std::to_string(v.integer));
          break;
        case ValueKind::real:
          out.push_back("real:" + format_real(v.real));
          break;
        case ValueKind::boolean:
          out.push_back(v.boolean ? "bool:true" : "bool:false");
          break;
      }
    }
  }
  return out;
}

std::vector<std::string> strings(const KnowledgeGraph& g, ListId list) {
  std::vector<std::string> out;
  for (StrId s : g.list(list)) out.emplace_back(g.str(s));
  return out;
}

using Strings = std::vector<std::string>;

TEST(CsvImporter, SectionFromTheFileName) {
  EXPECT_EQ(section_from_csv_name("actors.csv"), Section::actor);
  EXPECT_EQ(section_from_csv_name("data/laws-2006.csv"), Section::law);
  EXPECT_EQ(section_from_csv_name("C:\\data\\EVENTS_extra.CSV"), Section::event);
  EXPECT_EQ(section_from_csv_name("places.csv"), Section::place);
  EXPECT_EQ(section_from_csv_name("relations_all.csv"), Section::relation);
  EXPECT_EQ(section_from_csv_name("sources.csv"), Section::source);
  EXPECT_EQ(section_from_csv_name("actors/people.csv"), std::nullopt);  // base name only
  EXPECT_EQ(section_from_csv_name("people.csv"), std::nullopt);
  EXPECT_EQ(section_from_csv_name("actors.json"), std::nullopt);
}

TEST(CsvImporter, IsRegisteredForCsvFiles) {
  ImporterRegistry registry;
  register_builtin_importers(registry);
  ASSERT_NE(registry.named("csv"), nullptr);
  EXPECT_EQ(registry.for_path("data/ACTORS.CSV"), registry.named("csv"));
}

TEST(CsvImporter, ReadsEveryKindOfColumn) {
  const Imported r = import({
      {"sources.csv",
       "id,title,date,pages:int\ncecc,\"MFA Spokesman Calls North Koreans \"\"Illegal "
       "Migrants\"\"\",2006-10-03,3\n"},
      {"actors.csv",
       "\xEF\xBB\xBFid,name,kind,aliases,sources,part_of,population:int,score:float,active:boolean,"
       "tags:string[],"
       "years:int[],flags:boolean[],ratios:float[],note:string,plain\r\n"
       "mfa,Ministry of Foreign Affairs,government_body,MFA; Foreign Ministry "
       ",cecc,gov,120,1.5,TRUE,a;b,2002;2003,"
       "true;false,0.5;2,\"x;y\",\"multi\r\nline\"\r\n"
       "gov,Chinese government,government,,,,,,,,,,,,\r\n"},
  });
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  const KnowledgeGraph& g = *r.graph;
  const Entity& mfa = g.entities()[*g.find_entity("mfa")];
  EXPECT_EQ(g.str(mfa.name), "Ministry of Foreign Affairs");
  EXPECT_EQ(g.str(mfa.kind), "government_body");
  EXPECT_EQ(strings(g, mfa.aliases), (Strings{"Foreign Ministry", "MFA"}));
  EXPECT_EQ(strings(g, mfa.sources), (Strings{"cecc"}));
  EXPECT_EQ(property(g, "mfa", "population"), (Strings{"int:120"}));
  EXPECT_EQ(property(g, "mfa", "score"), (Strings{"real:1.5"}));
  EXPECT_EQ(property(g, "mfa", "active"), (Strings{"bool:true"}));
  EXPECT_EQ(property(g, "mfa", "tags"), (Strings{"a", "b"}));
  EXPECT_EQ(property(g, "mfa", "years"), (Strings{"int:2002", "int:2003"}));
  EXPECT_EQ(property(g, "mfa", "flags"), (Strings{"bool:false", "bool:true"}));
  EXPECT_EQ(property(g, "mfa", "ratios"), (Strings{"real:0.5", "real:2.0"}));
  EXPECT_EQ(property(g, "mfa", "note"), (Strings{"x;y"}));  // not a list column: no split
  EXPECT_EQ(property(g, "mfa", "plain"), (Strings{"multi\r\nline"}));
  // Empty cells are absent fields.
  const Entity& gov = g.entities()[*g.find_entity("gov")];
  EXPECT_EQ(gov.aliases, 0u);
  EXPECT_TRUE(gov.properties.empty());
  // part_of made a relation.
  ASSERT_EQ(g.relations().size(), 1u);
  EXPECT_EQ(g.str(g.relations()[0].type), "part_of");
  EXPECT_EQ(g.sources().size(), 1u);
}

TEST(CsvImporter, RelationsAndTheirFields) {
  const Imported r = import({
      {"actors.csv", "id,name,kind\nqin,Qin Gang,person\nmfa,MFA,government_body\n"},
      {"events.csv",
       "id,name,kind,date,place\npc,Press conference,press_conference,2006-09-19,beijing\n"},
      {"places.csv", "id,name,kind,within\nbeijing,Beijing,city,china\nchina,China,country,\n"},
      {"relations.csv",
       "from,type,to,role,quote,start,end,weight:float\n"
       "qin,spokesperson_of,mfa,,,2006,2007,\n"
       "qin,participated_in,pc,speaker,\"they are \"\"illegal migrants\"\", not "
       "refugees\",,,0.5\n"},
  });
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  const KnowledgeGraph& g = *r.graph;
  EXPECT_EQ(g.relations().size(), 4u);  // two written, occurred_in, located_in
  bool found = false;
  for (const Relation& rel : g.relations()) {
    if (g.str(rel.type) != "participated_in") continue;
    found = true;
    EXPECT_EQ(g.str(rel.role), "speaker");
    const PropertyList& props = g.properties_of(rel);
    ASSERT_EQ(props.size(), 2u);
    EXPECT_EQ(g.str(props[0].key), "quote");
    EXPECT_EQ(g.str(props[0].values[0].string), "they are \"illegal migrants\", not refugees");
  }
  EXPECT_TRUE(found);
}

TEST(CsvImporter, SectionOption) {
  const Imported r = import({{"people.csv", "id,name\nqin,Qin Gang\n"}}, "actor");
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  EXPECT_EQ(r.graph->entities()[0].type, EntityType::actor);
  // The plural works too, and the file name wins over the option.
  const Imported p =
      import({{"people.csv", "id,name\nqin,Qin Gang\n"}, {"places.csv", "id,name\nbj,Beijing\n"}},
             "actors");
  ASSERT_TRUE(p.graph) << testing::PrintToString(p.messages);
  EXPECT_EQ(p.graph->entities()[*p.graph->find_entity("bj")].type, EntityType::place);
}

TEST(CsvImporter, MergesRepeatedIdsAcrossRows) {
  const Imported r =
      import({{"actors.csv",
               "id,name,aliases\nmfa,Ministry of Foreign Affairs,MFA\nmfa,Foreign Ministry,\n"}});
  ASSERT_TRUE(r.graph) << testing::PrintToString(r.messages);
  const Entity& e = r.graph->entities()[0];
  EXPECT_EQ(r.graph->str(e.name), "Foreign Ministry");
  EXPECT_EQ(strings(*r.graph, e.aliases), (Strings{"MFA", "Ministry of Foreign Affairs"}));
}

TEST(CsvImporter, BlankRowsAreSkipped) {
  // Blank lines, and rows whose every field is empty (spreadsheets leave ",," rows behind),
  // whatever their number of fields.
  const Imported r = import({{"actors.csv", "id,name\n\nqin,Qin Gang\n,\n,,\n\"\",x\n"}});
  EXPECT_EQ(r.messages, (Strings{"actors.csv:6:1: error: empty \"id\" cell; every actor needs an "
                                 "id (the row is skipped)"}));
  const Imported ok = import({{"actors.csv", "id,name\n\nqin,Qin Gang\n,\n,,,\n"}});
  EXPECT_TRUE(ok.graph);
  EXPECT_TRUE(ok.messages.empty());
}

TEST(CsvImporter, EmptyFileIsAWarning) {
  const Imported r = import({{"actors.csv", ""}});
  EXPECT_TRUE(r.graph);
  EXPECT_EQ(r.messages,
            (Strings{"actors.csv: warning: empty CSV file: no header row, so no records"}));
  const Imported header_only = import({{"actors.csv", "id,name\n"}});
  EXPECT_TRUE(header_only.graph);
  EXPECT_TRUE(header_only.messages.empty());
}

struct ErrorCase {
  const char* name;
  std::string file;
  std::string text;
  Strings messages;
  std::string section = {};
};

const ErrorCase kErrors[] = {
    {"ragged row: too many fields",
     "actors.csv",
     "id,name\nqin,Qin, Gang\n",
     {"actors.csv:2:3: error: expected 2 fields, as in the header, but found 3; a value containing "
      "a comma must be "
      "quoted (\"a, b\"), or the header lacks a column"}},
    {"ragged row: a quote closed a line late joins two lines",
     "actors.csv",
     "id,name\nqin,\"Qin Gang\nmfa,MFA\",x\n",
     {"actors.csv:3:3: error: expected 2 fields, as in the header, but found 3; a value containing "
      "a comma must be "
      "quoted (\"a, b\"), or the header lacks a column\n"
      "  hint: the quote that opens field 2 at line 2 closes only at line 3, which joins those "
      "lines into one row; "
      "if the field should end on line 2, close its quote there"}},
    {"ragged row: too few fields",
     "actors.csv",
     "id,name,kind\nqin,Qin Gang\n",
     {"actors.csv:2:3: error: expected 3 fields, as in the header, but found 2; write every field, "
      "empty ones too "
      "(a,,c)"}},
    {"unterminated quote",
     "actors.csv",
     "id,name\nqin,\"Qin Gang\nmfa,MFA\n",
     {"actors.csv:2:2: error: unterminated quoted field: the quote that opens field 2 here is "
      "never closed; close it "
      "with \", and write a quote inside a quoted field as \"\""}},
    {"byte-order mark at the start of a later line (files joined with cat)",
     "actors.csv",
     "id,name\na,A\n\xEF\xBB\xBF"
     "b,B\n",
     {"actors.csv:3:1: error: a byte-order mark (U+FEFF) in the middle of the file; only the very "
      "start of a file "
      "may have one\n  hint: remove it; it is usually left by joining files that each begin with "
      "one (e.g. with "
      "cat)"}},
    {"not an int",
     "actors.csv",
     "id,name,population:int\nqin,Qin Gang,abc\n",
     {"actors.csv:2:3: error: invalid int \"abc\" in column \"population:int\"; expected a whole "
      "number such as 42 or "
      "-7"}},
    {"int out of range",
     "actors.csv",
     "id,name,n:long\nqin,Qin Gang,99999999999999999999\n",
     {"actors.csv:2:3: error: invalid int \"99999999999999999999\" in column \"n:long\"; expected "
      "a whole number "
      "between -9223372036854775808 and 9223372036854775807"}},
    {"not a float",
     "actors.csv",
     "id,name,score:float\nqin,Qin Gang,1.5.2\n",
     {"actors.csv:2:3: error: invalid float \"1.5.2\" in column \"score:float\"; expected a finite "
      "number such as "
      "3.5, -2 or 1e6"}},
    {"not a boolean",
     "actors.csv",
     "id,name,active:boolean\nqin,Qin Gang,yes\n",
     {"actors.csv:2:3: error: invalid boolean \"yes\" in column \"active:boolean\"; expected true "
      "or false"}},
    {"bad item in a typed list",
     "actors.csv",
     "id,name,years:int[]\nqin,Qin Gang,2002;x\n",
     {"actors.csv:2:3: error: invalid int \"x\" in column \"years:int[]\"; expected a whole number "
      "such as 42 or -7"}},
    {"unknown section",
     "people.csv",
     "id,name\nqin,Qin Gang\n",
     {"people.csv: error: cannot tell the section of \"people.csv\" from its name; name the file "
      "actors*.csv, "
      "laws*.csv, events*.csv, places*.csv, relations*.csv or sources*.csv, or give --section "
      "SECTION; a table in "
      "another layout is read with --mapping FILE"}},
    {"near-miss section",
     "actor.csv",
     "id,name\nqin,Qin Gang\n",
     {"actor.csv: error: cannot tell the section of \"actor.csv\" from its name; name the file "
      "actors*.csv, "
      "laws*.csv, events*.csv, places*.csv, relations*.csv or sources*.csv, or give --section "
      "SECTION; did you mean "
      "\"actors.csv\"?; a table in another layout is read with --mapping FILE"}},
    {"entity header without name",
     "actors.csv",
     "id,title\nqin,Qin Gang\n",
     {"actors.csv:1:1: error: the header has no \"name\" column; actors need \"id\" and \"name\" "
      "(the header has: id, "
      "title)"}},
    {"entity header with a near miss",
     "places.csv",
     "id,nmae\nbj,Beijing\n",
     {"places.csv:1:2: error: the header has no \"name\" column; places need \"id\" and \"name\"; "
      "did you mean "
      "\"nmae\"?"}},
    {"relation header without to",
     "relations.csv",
     "from,type,target\na,related_to,b\n",
     {"relations.csv:1:1: error: the header has no \"to\" column; relations need \"from\", "
      "\"type\" and \"to\" (the "
      "header has: from, type, target)"}},
    {"source header without id",
     "sources.csv",
     "title\nx\n",
     {"sources.csv:1:1: error: the header has no \"id\" column; sources need \"id\" (the header "
      "has: title)"}},
    {"duplicate header",
     "actors.csv",
     "id,name,kind,name\nqin,Qin Gang,person,Qin\n",
     {"actors.csv:1:4: error: duplicate column \"name\" (also column 2); give each field one "
      "column (a list field "
      "takes several values separated by \";\")"}},
    {"duplicate header through a type",
     "actors.csv",
     "id,name,n:int,n:float\nqin,Qin Gang,1,2\n",
     {"actors.csv:1:4: error: duplicate column \"n\" (also column 3); give each field one column "
      "(a list field takes "
      "several values separated by \";\")"}},
    {"unknown column type",
     "actors.csv",
     "id,name,population:flaot\nqin,Qin Gang,1\n",
     {"actors.csv:1:3: error: unknown column type \"flaot\" in header \"population:flaot\"; types "
      "are string, int, "
      "long, float, double and boolean, each with [] for a list (a field name containing ':' needs "
      "a type: "
      "\"population:flaot:string\"); did you mean \"float\"?"}},
    {"a name with a colon",
     "actors.csv",
     "id,name,dc:title\nqin,Qin Gang,1\n",
     {"actors.csv:1:3: error: unknown column type \"title\" in header \"dc:title\"; types are "
      "string, int, long, "
      "float, double and boolean, each with [] for a list (a field name containing ':' needs a "
      "type: "
      "\"dc:title:string\")"}},
    {"empty header name",
     "actors.csv",
     "id,name,\nqin,Qin Gang,x\n",
     {"actors.csv:1:3: error: column 3 of the header has no name; every column needs a field name "
      "(the header is the "
      "first row)"}},
    {"type without a name",
     "actors.csv",
     "id,name,:int\nqin,Qin Gang,1\n",
     {"actors.csv:1:3: error: column 3 (\":int\") has a type but no field name; write NAME:TYPE"}},
    {"spaces around a name",
     "actors.csv",
     "id, name\nqin,Qin Gang\n",
     {"actors.csv:1:2: error: column name \" name\" has spaces around it; remove them (\"name\")"}},
    {"empty id cell",
     "actors.csv",
     "id,name\n,Qin Gang\n",
     {"actors.csv:2:1: error: empty \"id\" cell; every actor needs an id (the row is skipped)"}},
    {"empty to cell",
     "relations.csv",
     "from,type,to\na,related_to,\n",
     {"relations.csv:2:3: error: empty \"to\" cell; every relation needs a to (the row is "
      "skipped)"}},
    {"bad utf-8",
     "actors.csv",
     "id,name\nqin,Caf\xE9\n",
     {"actors.csv:2:2: error: invalid UTF-8 in field 2 (byte 0xE9 after \"Caf\"); kgraph reads CSV "
      "as UTF-8: save "
      "the file as \"CSV UTF-8\" (it may be Latin-1 or Windows-1252; iconv -f WINDOWS-1252 -t "
      "UTF-8 converts it)"}},
    {"builder errors point at the cell",
     "events.csv",
     "id,name,date\npc,Press conference,19 Sept\n",
     {"events.csv:2:3: error: invalid date \"19 Sept\" in field \"date\"; expected YYYY, YYYY-MM "
      "or YYYY-MM-DD (a "
      "real calendar date)"}},
    {"builder errors on a later line of a quoted row",
     "events.csv",
     "id,name,date\npc,\"Press\nconference\",2006-13-01\n",
     {"events.csv:3:3: error: invalid date \"2006-13-01\" in field \"date\"; expected YYYY, "
      "YYYY-MM or YYYY-MM-DD (a "
      "real calendar date)"}},
    {"a bad row does not stop the others",
     "actors.csv",
     "id,name,n:int\na,A,x\nb,B,1,2\nc,C,y\n",
     {"actors.csv:2:3: error: invalid int \"x\" in column \"n:int\"; expected a whole number such "
      "as 42 or -7",
      "actors.csv:3:4: error: expected 3 fields, as in the header, but found 4; a value containing "
      "a comma must be "
      "quoted (\"a, b\"), or the header lacks a column",
      "actors.csv:4:3: error: invalid int \"y\" in column \"n:int\"; expected a whole number such "
      "as 42 or -7"}},
    {"standard input without --section",
     "<stdin>",
     "id,name\n",
     {"<stdin>: error: cannot tell the section of \"<stdin>\": give --section SECTION (sources, "
      "actors, laws, events, "
      "places or relations); a table in another layout is read with --mapping FILE"}},
    {"unknown --section",
     "people.csv",
     "id,name\n",
     {"people.csv: error: unknown section \"person\"; cannot tell the section of \"people.csv\" "
      "from its name; name "
      "the file actors*.csv, laws*.csv, events*.csv, places*.csv, relations*.csv or sources*.csv, "
      "or give --section "
      "SECTION; a table in another layout is read with --mapping FILE"},
     "person"},
};

TEST(CsvImporter, ReportsEveryErrorWithLineAndColumn) {
  for (const ErrorCase& c : kErrors) {
    SCOPED_TRACE(c.name);
    const Imported r = import({{c.file, c.text}}, c.section);
    EXPECT_FALSE(r.graph);
    EXPECT_EQ(r.messages, c.messages);
  }
}

TEST(CsvImporter, ThroughTheRegistryLikeEveryFormat) {
  const test::BuildResult r = build_from({{"actors.csv", "id,name\nqin,Qin Gang\n"},
                                          {"relations.csv", "from,type,to\nqin,member_of,mfa\n"}});
  EXPECT_FALSE(r.graph);
  ASSERT_EQ(r.messages().size(), 1u);
  EXPECT_EQ(r.messages()[0].substr(0, 37), "relations.csv:2:3: error: unknown ent");
}

}  // namespace
}  // namespace kgraph
