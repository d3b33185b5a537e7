#include "importers/csv_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace kgraph {
namespace {

struct CsvRead {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> cell_lines;  // "row line: cell lines" per row, e.g. "1:1,1,2"
  std::vector<std::string> messages;
  std::vector<bool> ok;
};

CsvRead read_all(const std::string& text, std::size_t chunk,
                 std::size_t max_row_bytes = CsvReader::kMaxRowBytes) {
  CsvRead r;
  Diagnostics diags;
  const std::uint32_t file = diags.add_file("t.csv");
  std::istringstream in(text);
  CsvReader reader(in, file, diags, chunk, max_row_bytes);
  CsvRow row;
  while (reader.read_row(row)) {
    std::vector<std::string> cells;
    std::string lines = std::to_string(row.line) + ":";
    for (std::size_t i = 0; i < row.size(); ++i) {
      cells.emplace_back(row.cell(i));
      if (i) lines += ',';
      lines += std::to_string(row.cells[i].line);
    }
    r.rows.push_back(cells);
    r.cell_lines.push_back(lines);
    r.ok.push_back(row.ok);
  }
  for (const Diagnostic& d : diags.sorted()) r.messages.push_back(diags.format(d));
  return r;
}

using Rows = std::vector<std::vector<std::string>>;

struct Case {
  const char* name;
  std::string input;
  Rows rows;
  std::vector<std::string> lines;  // per row: "row line:cell lines"
};

// Every case is read with several chunk sizes, so that each state meets a chunk boundary.
const Case kCases[] = {
    {"simple", "a,b,c\n1,2,3\n", {{"a", "b", "c"}, {"1", "2", "3"}}, {"1:1,1,1", "2:2,2,2"}},
    {"no final newline", "a,b\n1,2", {{"a", "b"}, {"1", "2"}}, {"1:1,1", "2:2,2"}},
    {"crlf", "a,b\r\n1,2\r\n", {{"a", "b"}, {"1", "2"}}, {"1:1,1", "2:2,2"}},
    {"lone cr", "a,b\r1,2\r", {{"a", "b"}, {"1", "2"}}, {"1:1,1", "2:2,2"}},
    {"empty fields", ",a,,\n", {{"", "a", "", ""}}, {"1:1,1,1,1"}},
    {"quoted comma", "\"a,b\",c\n", {{"a,b", "c"}}, {"1:1,1"}},
    {"doubled quotes", "\"say \"\"hi\"\"\",x\n", {{"say \"hi\"", "x"}}, {"1:1,1"}},
    {"only a doubled quote", "\"\"\"\"\n", {{"\""}}, {"1:1"}},
    {"empty quoted", "\"\",b\n", {{"", "b"}}, {"1:1,1"}},
    {"newline in quotes",
     "a,\"line1\nline2\",c\nd,e,f\n",
     {{"a", "line1\nline2", "c"}, {"d", "e", "f"}},
     {"1:1,1,2", "3:3,3,3"}},
    {"crlf in quotes counts once",
     "\"x\r\ny\",z\r\nn,m\r\n",
     {{"x\r\ny", "z"}, {"n", "m"}},
     {"1:1,2", "3:3,3"}},
    {"quoted field starting on a later line",
     "a,\"b\nc\",\"d\ne\"\nx,y,z\n",
     {{"a", "b\nc", "d\ne"}, {"x", "y", "z"}},
     {"1:1,1,2", "4:4,4,4"}},
    {"blank lines skipped", "\na,b\n\n\r\n1,2\n\n", {{"a", "b"}, {"1", "2"}}, {"2:2,2", "5:5,5"}},
    {"bom", "\xEF\xBB\xBFid,name\n", {{"id", "name"}}, {"1:1,1"}},
    {"utf8", "名前,Ünïcödé,😀\n", {{"名前", "Ünïcödé", "😀"}}, {"1:1,1,1"}},
    {"trailing comma", "a,b,\n", {{"a", "b", ""}}, {"1:1,1,1"}},
    {"spaces kept", " a , b \n", {{" a ", " b "}}, {"1:1,1"}},
    {"quoted at end of input", "a,\"b\"", {{"a", "b"}}, {"1:1,1"}},
};

class CsvReaderCases : public testing::TestWithParam<std::size_t> {};

TEST_P(CsvReaderCases, ReadsRowsAndLines) {
  const std::size_t chunk = GetParam();
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.name) + " chunk " + std::to_string(chunk));
    const CsvRead r = read_all(c.input, chunk);
    EXPECT_EQ(r.messages, std::vector<std::string>{});
    EXPECT_EQ(r.rows, c.rows);
    EXPECT_EQ(r.cell_lines, c.lines);
  }
}

INSTANTIATE_TEST_SUITE_P(Chunks, CsvReaderCases, testing::Values(4, 5, 7, 13, 1 << 16));

struct CsvErrorCase {
  const char* name;
  std::string input;
  std::vector<std::string> messages;
};

const CsvErrorCase kCsvErrors[] = {
    {"unterminated quote",
     "a,b\n1,\"never\nclosed\n",
     {"t.csv:2:2: error: unterminated quoted field: the quote that opens field 2 here is never "
      "closed; close it "
      "with \", and write a quote inside a quoted field as \"\""}},
    {"quote inside unquoted field",
     "a,b\n1,ab\"c\n",
     {"t.csv:2:2: error: a quote inside unquoted field 2; enclose the whole field in quotes and "
      "double the quotes "
      "inside it (\"a \"\"quoted\"\" word\")"}},
    {"text after closing quote",
     "a,b,c\n1,\"x\"y,3\n",
     {"t.csv:2:2: error: text after the closing quote of field 2; a quoted field ends at its "
      "closing quote (write a "
      "quote inside it as \"\", or quote the whole field)"}},
    {"latin-1",
     "a,b\n1,Caf\xE9\n",
     {"t.csv:2:2: error: invalid UTF-8 in field 2 (byte 0xE9 after \"Caf\"); kgraph reads CSV as "
      "UTF-8: save the "
      "file as \"CSV UTF-8\" (it may be Latin-1 or Windows-1252; iconv -f WINDOWS-1252 -t UTF-8 "
      "converts it)"}},
    {"utf-16",
     std::string("\xFF\xFEi\0d\0", 6),
     {"t.csv:1:1: error: the file is UTF-16 (it starts with a UTF-16 byte order mark); kgraph "
      "reads CSV as UTF-8: "
      "save it as \"CSV UTF-8\" or convert it, e.g. iconv -f UTF-16 -t UTF-8"}},
};

const std::string kBomMessage =
    "error: a byte-order mark (U+FEFF) in the middle of the file; only the very start of a file "
    "may have one\n"
    "  hint: remove it; it is usually left by joining files that each begin with one (e.g. with "
    "cat)";

const CsvErrorCase kByteOrderMarks[] = {
    // It would become part of an id ("\ufeffb"): only the very start of the file may have one.
    {"at the start of line 3", "a,b\n1,2\n\xEF\xBB\xBFx,y\n", {"t.csv:3:1: " + kBomMessage}},
    {"in a field", "a,b\nx,y\xEF\xBB\xBFz\n", {"t.csv:2:2: " + kBomMessage}},
    {"in a quoted field, on the field's second line",
     "a,b\n\"x\",\"1\n\xEF\xBB\xBF"
     "2\"\n",
     {"t.csv:3:2: " + kBomMessage}},
    {"a second one at the start",
     "\xEF\xBB\xBF\xEF\xBB\xBF"
     "a,b\n",
     {"t.csv:1:1: " + kBomMessage}},
    {"in the header",
     "a,\xEF\xBB\xBF"
     "b\n",
     {"t.csv:1:2: " + kBomMessage}},
};

TEST(CsvReader, ByteOrderMarkPastTheStartIsAnErrorAtItsLineAndField) {
  for (std::size_t chunk : {4, 7, 1 << 16}) {
    for (const CsvErrorCase& c : kByteOrderMarks) {
      SCOPED_TRACE(std::string(c.name) + " chunk " + std::to_string(chunk));
      const CsvRead r = read_all(c.input, chunk);
      EXPECT_EQ(r.messages, c.messages);
      EXPECT_EQ(std::count(r.ok.begin(), r.ok.end(), false), 1);
    }
  }
  EXPECT_EQ(read_all("\xEF\xBB\xBF"
                     "a,b\n",
                     4)
                .rows,
            (Rows{{"a", "b"}}));  // the first is no error
}

std::string lines_of_y(int count) {
  std::string s;
  for (int i = 0; i < count; ++i) s += "yyyyyyyyy\n";
  return s;
}

const CsvErrorCase kOverlongRows[] = {
    // The quote still open is the culprit: it, not an earlier quoted field, is named.
    {"quote left open",
     "h1,h2\nx,\"abc\n" + lines_of_y(20),
     {"t.csv:2:2: error: the quote that opens field 2 here is never closed: the row is longer than "
      "64 bytes, every "
      "line break after the quote read as part of the field\n"
      "  hint: close the quote with \" where the field ends, and write a quote inside a quoted "
      "field as \"\""}},
    {"quote left open after a quoted field on an earlier line",
     "h1,h2\n\"q\nq\",\"abc\n" + lines_of_y(20),
     {"t.csv:3:2: error: the quote that opens field 2 here is never closed: the row that starts at "
      "line 2 is longer "
      "than 64 bytes, every line break after the quote read as part of the field\n"
      "  hint: close the quote with \" where the field ends, and write a quote inside a quoted "
      "field as \"\""}},
    {"quoted field over several lines, then a long line",
     "h1,h2\n\"a\nb\"," + std::string(200, 'x'),
     {"t.csv:2:1: error: the row that starts at line 2 is longer than 64 bytes; the quoted field 1 "
      "that opens here "
      "runs over several lines\n"
      "  hint: a quote opened here is closed only much later: close it where the field ends, and "
      "write a quote "
      "inside a quoted field as \"\""}},
    {"no quote at all",
     "h1\n" + std::string(200, 'x'),
     {"t.csv:2:1: error: the row that starts at line 2 is longer than 64 bytes without a line "
      "break\n"
      "  hint: kgraph reads one row per line (LF, CRLF or CR line breaks); a row this long is most "
      "likely not CSV, "
      "or its line breaks were lost"}},
};

TEST(CsvReader, OverlongRowNamesTheQuoteToBlameWithAHint) {
  for (const CsvErrorCase& c : kOverlongRows) {
    SCOPED_TRACE(c.name);
    const CsvRead r = read_all(c.input, 16, 64);
    EXPECT_EQ(r.messages, c.messages);
    EXPECT_EQ(r.rows.size(), 1u);  // the header; reading ends at the overlong row
  }
}

TEST(CsvReader, ReportsSyntaxErrorsWithLineAndField) {
  for (std::size_t chunk : {4, 7, 1 << 16}) {
    for (const CsvErrorCase& c : kCsvErrors) {
      SCOPED_TRACE(std::string(c.name) + " chunk " + std::to_string(chunk));
      EXPECT_EQ(read_all(c.input, chunk).messages, c.messages);
    }
  }
}

TEST(CsvReader, BadRowIsMarkedAndReadingGoesOn) {
  const CsvRead r = read_all("a,b\n1,x\"y\n2,z\n", 1 << 16);
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_TRUE(r.ok[0]);
  EXPECT_FALSE(r.ok[1]);
  EXPECT_TRUE(r.ok[2]);
  EXPECT_EQ(r.rows[2], (std::vector<std::string>{"2", "z"}));
}

TEST(CsvReader, ErrorAfterAMultiLineFieldPointsAtTheLineOfTheBadCharacter) {
  const CsvRead r = read_all("a,b\n\"one\ntwo\nthree\"x,b\n", 1 << 16);
  ASSERT_EQ(r.messages.size(), 1u);
  // The bad character is on line 4, in field 1.
  EXPECT_EQ(r.messages[0].substr(0, 12), "t.csv:4:1: e");
}

TEST(CsvReader, BlankRows) {
  CsvRow row;
  row.text = "";
  row.cells = {CsvCell{0, 0, 1, false}, CsvCell{0, 0, 1, false}};
  EXPECT_TRUE(row.blank());
  row.cells[1].quoted = true;
  EXPECT_FALSE(row.blank());
}

TEST(CsvReader, ChunkSizeNeverChangesTheResult) {
  // Random text over the bytes that matter to the state machine, read with chunks of 4 bytes
  // and of 64 kB: rows, cell lines and messages must not depend on where chunks end.
  const char alphabet[] = {',', '"',    '\n',   '\r',   'a',    ' ',
                           ';', '\xC3', '\xA9', '\xEF', '\xBB', '\xBF'};
  std::uint64_t state = 42;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>(state >> 33);
  };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const std::size_t length = next() % 40;
    for (std::size_t i = 0; i < length; ++i) text += alphabet[next() % sizeof alphabet];
    SCOPED_TRACE(testing::PrintToString(text));
    const CsvRead small = read_all(text, 4), large = read_all(text, 1 << 16);
    EXPECT_EQ(small.rows, large.rows);
    EXPECT_EQ(small.cell_lines, large.cell_lines);
    EXPECT_EQ(small.messages, large.messages);
    EXPECT_EQ(small.ok, large.ok);
  }
}

TEST(CsvReader, LongRowsStream) {
  std::string big(300000, 'x');
  const CsvRead r = read_all("a,b\n\"" + big + "\"," + big + "\n", 1000);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[1][0], big);
  EXPECT_EQ(r.rows[1][1], big);
}

}  // namespace
}  // namespace kgraph
