#include "importers/json_record_reader.hpp"
// The readers themselves: syntax, positions, lines and chunks. What records must look like is
// json_record_handler_test.cpp's.

#include <gtest/gtest.h>

#include <charconv>
#include <chrono>
#include <string>
#include <vector>

#include "json_read_results.hpp"

namespace kgraph::test {
namespace {

struct ReaderRecordCase {
  const char* name;
  Format format;
  std::string input;
  std::vector<std::string> records;
};

void PrintTo(const ReaderRecordCase& c, std::ostream* out) { *out << c.name; }

class RecordTest : public testing::TestWithParam<ReaderRecordCase> {};

TEST_P(RecordTest, Reads) {
  const ReaderRecordCase& c = GetParam();
  const ReadResult r = read_checked(c.format, c.input);
  EXPECT_EQ(r.errors, std::vector<std::string>{});
  EXPECT_EQ(r.records, c.records);
}

const ReaderRecordCase kReaderRecordCases[] = {
    {"scalars",
     Format::document,
     R"({"actors": [{"id": "a1", "n": 42, "r": 1.5, "t": true, "f": false, "z": null}]})",
     {R"(actor@1:13 id@1:20="a1" n@1:31=int:42 r@1:40=real:1.5 t@1:50=true f@1:61=false z@1:73=null)"}},
    {"lists",
     Format::document,
     R"({"laws": [{"id": "l1", "aliases": ["x", 2, false], "empty": []}]})",
     {R"(law@1:11 id@1:18="l1" aliases@1:35=["x", int:2, false] empty@1:61=[])"}},
    {"compact literals",
     Format::lines,
     R"({"record":"law","a":true,"b":false,"c":null,"d":[true,false,1]})",
     {"law@1:1 a@1:21=true b@1:30=false c@1:40=null d@1:49=[true, false, int:1]"}},
    {"number kinds",
     Format::lines,
     R"({"record": "place", "a": 9223372036854775807, "b": -9223372036854775808, "c": 9223372036854775808, "d": 1e3, "e": -0.25})",
     {R"(place@1:1 a@1:26=int:9223372036854775807 b@1:52=int:-9223372036854775808 c@1:79=real:9223372036854775808 d@1:105=real:1000 e@1:115=real:-0.25)"}},
    {"pretty-printed document",
     Format::document,
     "{\n  \"events\": [\n    {\n      \"id\": \"e1\",\n      \"sources\": [\n        \"s1\"\n     "
     " ]\n    },\n"
     "    {\"id\": \"e2\"}\n  ]\n}\n",
     {R"(event@3:5 id@4:13="e1" sources@5:18=["s1"])", R"(event@9:5 id@9:12="e2")"}},
    {"CRLF document",
     Format::document,
     "{\r\n\"actors\": [\r\n{\"id\": \"a\"}]}\r\n",
     {R"(actor@3:1 id@3:8="a")"}},
    {"CRLF lines",
     Format::lines,
     "{\"record\": \"actor\", \"id\": \"a\"}\r\n{\"record\": \"law\", \"id\": \"b\"}\r\n",
     {R"(actor@1:1 id@1:27="a")", R"(law@2:1 id@2:25="b")"}},
    {"blank lines",
     Format::lines,
     "\n   \n{\"record\": \"actor\"}\n\t\r\n\n{\"record\": \"law\"}\n\n",
     {"actor@3:1", "law@6:1"}},
    {"no newline at the end",
     Format::lines,
     "{\"record\": \"actor\"}\n{\"record\": \"law\"}",
     {"actor@1:1", "law@2:1"}},
    {"indented line",
     Format::lines,
     "  {\"record\": \"actor\", \"id\": \"a\"}  \n",
     {R"(actor@1:3 id@1:29="a")"}},
    {"BOM document",
     Format::document,
     "\xEF\xBB\xBF{\"actors\": [{\"id\": \"a\"}]}",
     {R"(actor@1:13 id@1:20="a")"}},
    {"BOM lines",
     Format::lines,
     "\xEF\xBB\xBF{\"record\": \"actor\", \"id\": \"a\"}\n{\"record\": \"law\"}",
     {R"(actor@1:1 id@1:27="a")", "law@2:1"}},
    {"columns count code points (lines)",
     Format::lines,
     "{\"record\": \"actor\", \"name\": \"Zürich 北京 😀\", \"id\": \"a\"}",
     {R"(actor@1:1 name@1:29="Zürich 北京 😀" id@1:50="a")"}},
    {"columns count code points (document)",
     Format::document,
     "{\"actors\": [{\"name\": \"é😀\", \"id\": \"a\"}]}",
     {R"(actor@1:13 name@1:22="é😀" id@1:34="a")"}},
    // Escapes shrink strings parsed in place; later columns must still be those of the input.
    {"escapes before a field (lines)",
     Format::lines,
     R"({"record": "actor", "name": "a\"b\u00e9\ud83d\ude00\n", "id": "a"})",
     {"actor@1:1 name@1:29=\"a\"b\xC3\xA9\xF0\x9F\x98\x80\n\" id@1:63=\"a\""}},
    {"escapes before a field (document)",
     Format::document,
     R"({"actors": [{"name": "\u00e9\t", "id": "a"}]})",
     {"actor@1:13 name@1:22=\"\xC3\xA9\t\" id@1:40=\"a\""}},
    {"embedded NUL escape",
     Format::lines,
     R"({"record": "actor", "x": "a\u0000b"})",
     {std::string("actor@1:1 x@1:26=\"a\0b\"", 22)}},
};

INSTANTIATE_TEST_SUITE_P(JsonRecordReader, RecordTest, testing::ValuesIn(kReaderRecordCases),
                         case_name<testing::TestParamInfo<ReaderRecordCase>>);

class ErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(ErrorTest, ReportsOneErrorInPlace) { expect_one_error_in_place(GetParam()); }

const ErrorCase kReaderErrorCases[] = {
    // JSON syntax, reported where RapidJSON stopped.
    {"missing member name", Format::document, R"({"actors": [{"id": "a1",}]})", 1, 25,
     "invalid JSON: missing a name for object member"},
    {"missing comma", Format::document, R"({"actors": [{"id": "a1" "name": "x"}]})", 1, 25,
     "invalid JSON: missing a comma or '}' after an object member"},
    {"syntax error on a later line", Format::document,
     "{\n  \"actors\": [\n    {\"id\": tru}\n  ]\n}", 3, 15, "invalid JSON: invalid value"},
    {"truncated document", Format::document, "{\"actors\": [\n", 2, 1, "invalid JSON"},
    {"empty document", Format::document, "", 1, 1, "invalid JSON: the document is empty"},
    {"blank document", Format::document, "  \n", 2, 1, "invalid JSON: the document is empty"},
    {"value after the document", Format::document, "{} {}", 1, 4,
     "invalid JSON: the document root must not be followed by other values"},
    {"bad escape", Format::document, R"({"actors": [{"id": "a\x"}]})", 1, 22,
     "invalid JSON: invalid escape character in string"},
    {"NUL byte", Format::document, std::string("{\"actors\": [\0]}", 15), 1, 13,
     "unexpected NUL byte"},
    {"NUL byte after the document", Format::document, std::string("{}\0{", 4), 1, 3,
     "unexpected NUL byte"},
    // UTF-8 is validated; the column is that of the first bad byte.
    {"bad UTF-8 byte", Format::document, "{\"actors\": [{\"id\": \"a\xFF\"}]}", 1, 22,
     "invalid UTF-8 in a string"},
    {"truncated UTF-8 after multi-byte text", Format::document,
     "{\"actors\": [{\"id\": \"é😀\xE2\x82\"}]}", 1, 23, "invalid UTF-8 in a string"},
    {"overlong UTF-8", Format::lines, "{\"record\": \"actor\", \"id\": \"\xC0\xAF\"}", 1, 28,
     "invalid UTF-8 in a string"},
    {"UTF-16 surrogate as UTF-8", Format::lines, "{\"record\": \"actor\", \"k\xED\xA0\x80\": 1}", 1,
     23, "invalid UTF-8 in a string"},
    {"bad UTF-8 at the end of a line", Format::lines, "{\"record\": \"actor\", \"id\": \"\xF0\x9F",
     1, 28, "invalid UTF-8 in a string"},
    {"lone high surrogate escape", Format::lines, R"({"record": "actor", "id": "\ud800x"})", 1, 28,
     "invalid JSON: the surrogate pair in string is invalid"},
    {"two objects on a line", Format::lines, R"({"record": "actor"} {})", 1, 21,
     "invalid JSON Lines: more than one value on a line"},
    {"syntax error in a line", Format::lines, "{\"record\": \"actor\"}\n{\"record\" \"law\"}\n", 2,
     11, "invalid JSON: missing a colon after a name of object member"},
    {"NUL in a line", Format::lines, std::string("{\"record\": \"actor\",\0}", 21), 1, 20,
     "unexpected NUL byte"},
    {"NUL after the object", Format::lines, std::string("{\"record\": \"actor\"}\0x", 21), 1, 20,
     "unexpected NUL byte"},
    // Only the very start of a file may be a byte-order mark (files joined with cat keep theirs).
    {"byte-order mark on a later line", Format::lines,
     "{\"record\": \"actor\"}\n\xEF\xBB\xBF{\"record\": \"law\"}", 2, 1,
     "a byte-order mark (U+FEFF) in the middle of the file; only the very start of a file may have "
     "one"},
    {"byte-order mark after the document", Format::document, "{}\n\xEF\xBB\xBF{}", 2, 1,
     "a byte-order mark (U+FEFF) in the middle of the file"},
};

INSTANTIATE_TEST_SUITE_P(JsonRecordReader, ErrorTest, testing::ValuesIn(kReaderErrorCases),
                         case_name<testing::TestParamInfo<ErrorCase>>);

TEST(JsonRecordReader, DocumentSyntaxErrorEndsTheFile) {
  const ReadResult r = read_checked(
      Format::document, "{\"actors\": [{\"id\": \"a1\"}, {\"id\": }, {\"id\": \"a3\"}]}");
  EXPECT_EQ(r.records, std::vector<std::string>{R"(actor@1:13 id@1:20="a1")"});
  EXPECT_EQ(r.errors, std::vector<std::string>{"1:34: invalid JSON: invalid value"});
}

TEST(JsonRecordReader, LinesReportEveryBadLineAndKeepTheGoodOnes) {
  const ReadResult r =
      read_checked(Format::lines,
                   "{\"record\": \"actor\", \"id\": \"a1\"}\n"
                   "{\"record\": \"actor\", \"id\": }\n"
                   "{\"id\": \"a3\"}\n"
                   "{\"record\": \"law\", \"id\": \"l1\"}\n"
                   "{\"record\": \"lw\", \"id\": \"l2\"}\n"
                   "{\"record\": \"event\", \"when\": {\"y\": 1}, \"id\": \"e1\"}\n"
                   "{\"record\": \"place\", \"id\": \"p\xFF\"}\n"
                   "not json\n"
                   "{\"record\": \"place\", \"id\": \"p1\"}\n");
  EXPECT_EQ(r.records, (std::vector<std::string>{
                           R"(actor@1:1 id@1:27="a1")",
                           R"(law@4:1 id@4:25="l1")",
                           R"(event@6:1 id@6:45="e1")",
                           R"(place@9:1 id@9:27="p1")",
                       }));
  EXPECT_EQ(r.errors,
            (std::vector<std::string>{
                "2:27: invalid JSON: invalid value",
                "3:1: missing \"record\" (one of source, actor, law, event, place or relation)",
                "5:12: unknown record type \"lw\" (expected source, actor, law, event, place or "
                "relation); did you mean \"law\"?",
                "6:29: field \"when\": a value must be a string, number, boolean, or a list of "
                "those",
                "7:29: invalid UTF-8 in a string",
                "8:2: invalid JSON: invalid value",
            }));
}

TEST(JsonRecordReader, StopsAfterTooManyErrors) {
  std::string text;
  for (int i = 0; i < 30000; ++i) text += "x\n";
  const ReadResult r = read(Format::lines, text, JsonReadOptions{}.chunk_size);
  EXPECT_TRUE(r.too_many_errors);
  EXPECT_LT(r.errors.size(), 30000u);
}

TEST(JsonRecordReader, TokensLongerThanTheChunk) {
  const std::string long_name(100000, 'n');
  // Keeps failure messages short.
  const auto shorten = [&](std::vector<std::string> records) {
    for (std::string& r : records)
      if (const auto at = r.find(long_name); at != std::string::npos)
        r = r.substr(0, at) + "N" + r.substr(at + long_name.size());
    return records;
  };
  const std::string doc = "{\"actors\": [{\"name\": \"" + long_name + "\", \"id\": \"a\"}]}";
  const std::string line =
      "{\"record\": \"actor\", \"name\": \"" + long_name + "\", \"id\": \"a\"}\n";
  for (std::size_t chunk : {1, 100, 4096}) {
    EXPECT_EQ(shorten(read(Format::document, doc, chunk).records),
              std::vector<std::string>{R"(actor@1:13 name@1:22="N" id@1:100032="a")"})
        << chunk;
    EXPECT_EQ(shorten(read(Format::lines, line + line, chunk).records),
              (std::vector<std::string>{R"(actor@1:1 name@1:29="N" id@1:100039="a")",
                                        R"(actor@2:1 name@2:29="N" id@2:100039="a")"}))
        << chunk;
  }
}

TEST(JsonRecordReader, EveryChunkSizeGivesTheSameResult) {
  const std::string doc =
      "\xEF\xBB\xBF{\n \"sources\": [{\"id\": \"s\", \"n\": 12345.5e-1}],\n \"actors\": [\n"
      "  {\"id\": \"é😀\", \"aliases\": [\"x\\u00e9\", true, null], \"k\": {}},\n"
      "  {\"id\": \"b\", \"id\": 1}\n ]\n}\n";
  std::string lines;
  for (int i = 0; i < 20; ++i)
    lines +=
        "{\"record\": \"actor\", \"id\": \"é" + std::to_string(i) + "\", \"x\": [1, 2.5]}\r\n\n";
  lines += "{\"record\": \"law\" \"id\"}\n";
  const ReadResult doc_expected = read(Format::document, doc, 1 << 20);
  const ReadResult lines_expected = read(Format::lines, lines, 1 << 20);
  EXPECT_EQ(doc_expected.records.size(), 3u);
  EXPECT_EQ(doc_expected.errors.size(), 3u);
  EXPECT_EQ(lines_expected.records.size(), 20u);
  EXPECT_EQ(lines_expected.errors.size(), 1u);
  for (std::size_t chunk = 16; chunk < 200; ++chunk) {
    const ReadResult d = read(Format::document, doc, chunk);
    EXPECT_EQ(d.records, doc_expected.records) << chunk;
    EXPECT_EQ(d.errors, doc_expected.errors) << chunk;
    const ReadResult l = read(Format::lines, lines, chunk);
    EXPECT_EQ(l.records, lines_expected.records) << chunk;
    EXPECT_EQ(l.errors, lines_expected.errors) << chunk;
  }
}

// Issue #10: each key was compared with every key before it, so one record of n fields took
// n² (100k fields: 40 s). Past a few dozen fields the keys go into a set; duplicates are found
// as before, and a field dropped for a bad value does not count as written.
TEST(JsonRecordReader, ManyFieldsFindDuplicatesWithoutComparingAllPairs) {
  std::string line = "{\"record\": \"actor\"";
  for (int i = 0; i < 200; ++i) line += ", \"f" + std::to_string(i) + "\": 1";
  line += ", \"g\": {}, \"g\": 2, \"f150\": 3, \"f199\": 4}\n";
  const ReadResult r = read_checked(Format::lines, line);
  std::vector<std::string> messages;
  for (const std::string& e : r.errors) messages.push_back(e.substr(e.find(' ') + 1));
  EXPECT_EQ(messages,
            (std::vector<std::string>{
                "field \"g\": a value must be a string, number, boolean, or a list of those",
                "duplicate field \"f150\"", "duplicate field \"f199\""}));

  std::string big = "{\"record\": \"actor\"";
  constexpr int n = 100000;
  for (int i = 0; i < n; ++i) big += ", \"p" + std::to_string(i) + "\": " + std::to_string(i);
  big += "}\n";
  const auto started = std::chrono::steady_clock::now();
  Diagnostics diags;
  std::istringstream in(big);
  std::size_t fields = 0;
  read_json_lines(in, diags.add_file("input"), diags,
                  [&](const RawRecord& rec) { fields += rec.field_count; });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(fields, std::size_t{n});
  EXPECT_LT(seconds, 10.0);  // 0.1 s here; 40 s before
}

}  // namespace
}  // namespace kgraph::test
