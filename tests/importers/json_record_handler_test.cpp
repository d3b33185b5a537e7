#include "importers/json_record_handler.hpp"
// The state machine, driven through the readers: the shape of documents, lines and records,
// and the nesting limit. Syntax and positions are json_record_reader_test.cpp's.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "importers/json_token_streams.hpp"
#include "json_read_results.hpp"

namespace kgraph::test {
namespace {

struct RecordCase {
  const char* name;
  Format format;
  std::string input;
  std::vector<std::string> records;
};

void PrintTo(const RecordCase& c, std::ostream* out) { *out << c.name; }

class HandlerRecordTest : public testing::TestWithParam<RecordCase> {};

TEST_P(HandlerRecordTest, Reads) {
  const RecordCase& c = GetParam();
  const ReadResult r = read_checked(c.format, c.input);
  EXPECT_EQ(r.errors, std::vector<std::string>{});
  EXPECT_EQ(r.records, c.records);
}

const RecordCase kRecordCases[] = {
    {"every section",
     Format::document,
     R"({"sources": [{}], "actors": [{}], "laws": [{}], "events": [{}], "places": [{}], "relations": [{}]})",
     {"source@1:14", "actor@1:30", "law@1:44", "event@1:60", "place@1:76", "relation@1:95"}},
    {"null and empty sections",
     Format::document,
     R"({"actors": null, "laws": [], "events": [{}]})",
     {"event@1:41"}},
    {"empty document", Format::document, "{}", {}},
    {"every record type",
     Format::lines,
     "{\"record\": \"source\"}\n{\"record\": \"actor\"}\n{\"record\": \"law\"}\n"
     "{\"record\": \"event\"}\n{\"record\": \"place\"}\n{\"record\": \"relation\"}\n",
     {"source@1:1", "actor@2:1", "law@3:1", "event@4:1", "place@5:1", "relation@6:1"}},
    // Found by fuzzing (tests/fuzz/regressions/jsonl): RapidJSON 1.1.0 made garbage of these.
    {"zero with an exponent or many digits is zero",
     Format::lines,
     R"({"record": "actor", "a": 0e40, "b": -0.0000000000000000000000000000, "c": 0.0E-5, "d": 1e2})",
     {R"(actor@1:1 a@1:26=real:0 b@1:37=real:-0 c@1:75=real:0 d@1:88=real:100)"}},
    {"record key anywhere, not a field",
     Format::lines,
     R"({"id": "a1", "record": "actor", "name": "A"})",
     {R"(actor@1:1 id@1:8="a1" name@1:41="A")"}},
};

INSTANTIATE_TEST_SUITE_P(JsonRecordHandler, HandlerRecordTest, testing::ValuesIn(kRecordCases),
                         case_name<testing::TestParamInfo<RecordCase>>);

class HandlerErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(HandlerErrorTest, ReportsOneErrorInPlace) { expect_one_error_in_place(GetParam()); }

const ErrorCase kErrorCases[] = {
    // RapidJSON decodes a lone low surrogate escape into bytes that are not UTF-8.
    {"lone surrogate escape", Format::lines, R"({"record": "actor", "id": "a\udc00"})", 1, 27,
     "invalid JSON: a string escapes half of a UTF-16 surrogate pair"},
    {"lone surrogate escape in a key", Format::document, R"({"actors": [{"\udfff": 1}]})", 1, 14,
     "invalid JSON: a string escapes half of a UTF-16 surrogate pair"},
    // Shape of a JSON document.
    {"root not an object", Format::document, "[{\"id\": \"a\"}]", 1, 1,
     "a JSON document must be an object"},
    {"root a string", Format::document, "\"actors\"", 1, 1, "a JSON document must be an object"},
    {"unknown top-level key", Format::document, R"({"actor": [{"id": "a"}]})", 1, 2,
     "unknown top-level key \"actor\" (expected sources, actors, laws, events, places or "
     "relations); did you mean \"actors\"?"},
    {"duplicate top-level key", Format::document, R"({"laws": [], "laws": []})", 1, 14,
     "duplicate key \"laws\""},
    {"section not an array", Format::document, R"({"actors": {"id": "a"}})", 1, 12,
     "\"actors\" must be an array of objects"},
    {"section a string", Format::document, R"({"places": "x"})", 1, 12,
     "\"places\" must be an array of objects"},
    {"element not an object", Format::document, R"({"actors": [{}, 1]})", 1, 17,
     "each element of \"actors\" must be an object"},
    {"element a list", Format::document, R"({"events": [[{}]]})", 1, 13,
     "each element of \"events\" must be an object"},
    // Field values.
    {"nested object", Format::document, R"({"actors": [{"id": {"x": 1}}]})", 1, 20,
     "field \"id\": a value must be a string, number, boolean, or a list of those"},
    {"list in a list", Format::document, R"({"actors": [{"aliases": ["a", ["b"]]}]})", 1, 31,
     "field \"aliases\": a value must be a string, number, boolean, or a list of those"},
    {"object in a list", Format::lines, R"({"record": "actor", "aliases": [{}]})", 1, 33,
     "field \"aliases\": a value must be"},
    {"null in a list", Format::lines, R"({"record": "actor", "aliases": ["a", null]})", 1, 38,
     "field \"aliases\": a value must be"},
    {"duplicate field", Format::document, R"({"actors": [{"id": "a", "id": "b"}]})", 1, 25,
     "duplicate field \"id\""},
    {"duplicate field with a list", Format::lines,
     R"({"record": "actor", "aliases": ["a"], "x": 1, "aliases": [["b"]]})", 1, 47,
     "duplicate field \"aliases\""},
    // JSON Lines.
    {"missing record", Format::lines, "\n  {\"id\": \"a1\"}", 2, 3,
     "missing \"record\" (one of source, actor, law, event, place or relation)"},
    {"unknown record", Format::lines, R"({"record": "actr", "id": "a1"})", 1, 12,
     "unknown record type \"actr\" (expected source, actor, law, event, place or relation); "
     "did you mean \"actor\"?"},
    {"plural record", Format::lines, R"({"id": "a1", "record": "actors"})", 1, 24,
     "did you mean \"actor\"?"},
    {"record not a string", Format::lines, R"({"record": 5})", 1, 12,
     "\"record\" must be one of source, actor, law, event, place or relation"},
    {"record a list", Format::lines, R"({"record": ["actor"]})", 1, 12,
     "\"record\" must be one of"},
    {"duplicate record", Format::lines, R"({"record": "actor", "record": "law"})", 1, 21,
     "duplicate field \"record\""},
    {"line not an object", Format::lines, "[1, 2]", 1, 1, "each line must be a JSON object"},
    {"line a number", Format::lines, "  42", 1, 3, "each line must be a JSON object"},
    {"line a number at the very start", Format::lines, "-7", 1, 1,
     "each line must be a JSON object"},
    {"line a literal at the very start", Format::lines, "null", 1, 1,
     "each line must be a JSON object"},
};

INSTANTIATE_TEST_SUITE_P(JsonRecordHandler, HandlerErrorTest, testing::ValuesIn(kErrorCases),
                         case_name<testing::TestParamInfo<ErrorCase>>);

// One problem does not hide the others.

TEST(JsonRecordHandler, DocumentGoesOnAfterAFieldError) {
  const ReadResult r = read_checked(Format::document, R"({
  "actors": [
    {"id": "a1", "bad": {"deep": [1, {"x": []}]}, "name": "A"},
    {"id": "a2", "aliases": ["x", ["y"], "z"], "name": "B"},
    "oops",
    {"id": "a3", "id": "again"}
  ],
  "unknown": {"actors": [{"id": "hidden"}]},
  "laws": [{"id": "l1"}]
})");
  EXPECT_EQ(r.records, (std::vector<std::string>{
                           R"(actor@3:5 id@3:12="a1" name@3:59="A")",
                           R"(actor@4:5 id@4:12="a2" name@4:56="B")",
                           R"(actor@6:5 id@6:12="a3")",
                           R"(law@9:12 id@9:19="l1")",
                       }));
  ASSERT_EQ(r.errors.size(), 5u) << testing::PrintToString(r.errors);
  EXPECT_EQ(r.errors[0].substr(0, 6), "3:25: ");
  EXPECT_EQ(r.errors[1].substr(0, 6), "4:35: ");
  EXPECT_EQ(r.errors[2].substr(0, 5), "5:5: ");
  EXPECT_EQ(r.errors[3].substr(0, 6), "6:18: ");
  EXPECT_EQ(r.errors[4].substr(0, 5), "8:3: ");
}

// RapidJSON recurses once per level of nesting: 50,000 levels overflowed the stack.

std::string nested_lists(std::size_t levels) {
  return std::string(levels, '[') + std::string(levels, ']');
}

const std::string kNextLine = "\n{\"record\": \"law\", \"id\": \"l\"}\n";

TEST(JsonRecordHandler, LinesNestedUpToTheLimitAreOnlyABadValue) {
  // The record is level 1, so "x" may hold 511 levels.
  const ReadResult r = read_checked(
      Format::lines, "{\"record\": \"actor\", \"x\": " + nested_lists(511) + "}" + kNextLine);
  EXPECT_EQ(r.records, (std::vector<std::string>{R"(actor@1:1)", R"(law@2:1 id@2:25="l")"}));
  EXPECT_EQ(
      r.errors,
      std::vector<std::string>{
          "1:27: field \"x\": a value must be a string, number, boolean, or a list of those"});
}

TEST(JsonRecordHandler, LinesNestedDeeperAreAnErrorAtTheBracketThatGoesTooDeep) {
  const ReadResult r = read_checked(
      Format::lines, "{\"record\": \"actor\", \"x\": " + nested_lists(512) + "}" + kNextLine);
  EXPECT_EQ(r.records,
            std::vector<std::string>{R"(law@2:1 id@2:25="l")"});  // only the line is lost
  EXPECT_EQ(r.errors,
            (std::vector<std::string>{
                "1:27: field \"x\": a value must be a string, number, boolean, or a list of those",
                "1:537: nesting deeper than 512"}));
}

TEST(JsonRecordHandler, DocumentNestedUpToTheLimitOrDeeper) {
  const std::string head = "{\"actors\": [], \"laws\": ";
  const std::string element_error = "1:25: each element of \"laws\" must be an object";
  EXPECT_EQ(read_checked(Format::document, head + nested_lists(511) + "}").errors,
            std::vector<std::string>{element_error});
  EXPECT_EQ(read_checked(Format::document, head + nested_lists(512) + "}").errors,
            (std::vector<std::string>{element_error, "1:535: nesting deeper than 512"}));
}

TEST(JsonRecordHandler, VeryDeepNestingIsAnErrorNotACrash) {
  const ReadResult lines = read_checked(Format::lines, nested_lists(100000) + kNextLine);
  EXPECT_EQ(lines.errors, (std::vector<std::string>{
                              "1:1: each line must be a JSON object with a \"record\" field",
                              "1:513: nesting deeper than 512"}));
  EXPECT_EQ(lines.records, std::vector<std::string>{R"(law@2:1 id@2:25="l")"});
  const ReadResult doc =
      read_checked(Format::document, "{\"actors\": [{\"x\": " + nested_lists(100000) + "}]}");
  EXPECT_EQ(doc.errors,
            (std::vector<std::string>{
                "1:20: field \"x\": a value must be a string, number, boolean, or a list of those",
                "1:528: nesting deeper than 512"}));
}

// The handler on its own, fed by RapidJSON over one line, without the reader around it.
TEST(JsonRecordHandler, TakesAnyStreamThatLocatesTokens) {
  Diagnostics diags;
  const std::uint32_t file = diags.add_file("input");
  std::vector<std::string> records;
  const RecordCallback sink = [&](const RawRecord& r) { records.push_back(describe(r)); };
  json_records::RecordHandler<json_records::LineStream> handler(json_records::Mode::lines, diags,
                                                                sink);
  std::string text = R"({"record": "law", "id": "l1", "x": [1, {}]})";
  const json_records::ContinuationBits no_continuations;
  json_records::LineStream stream(text.data(), file, 7, no_continuations);
  handler.begin(stream, false);
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseInsituFlag>(stream, handler);
  EXPECT_FALSE(reader.HasParseError());
  EXPECT_EQ(records, std::vector<std::string>{R"(law@7:1 id@7:25="l1")"});
  ASSERT_EQ(diags.sorted().size(), 1u);
  EXPECT_EQ(position(diags.sorted()[0].where) + ": " + diags.sorted()[0].message,
            "7:40: field \"x\": a value must be a string, number, boolean, or a list of those");
}

}  // namespace
}  // namespace kgraph::test
