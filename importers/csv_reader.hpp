#pragma once
/// The RFC 4180 state machine behind the CSV importers: reads a stream in chunks and hands out
/// one row at a time, each cell with the line it starts on. Knows nothing about kgraph's
/// sections or fields (see csv_importer.cpp and mapping_table_reader.cpp for that).
///
///   CsvReader reader(in, file, diags);
///   CsvRow row;
///   while (reader.read_row(row))
///     if (row.ok) use(row.cell(0), row.cells[0].line);
///
/// Accepted: `,` between fields; CRLF, LF or a lone CR between rows; fields in double quotes
/// holding commas, line breaks and doubled quotes; a UTF-8 byte order mark. Blank lines are
/// skipped. Reported (through `diags`, at line and 1-based field number): a quote inside an
/// unquoted field, text after a closing quote, a quote never closed, invalid UTF-8, a byte order
/// mark anywhere but at the start, a UTF-16 file, a row longer than `kMaxRowBytes`.

#include <array>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/diagnostics.hpp"

namespace kgraph {

struct CsvCell {
  std::uint32_t begin = 0;  // offset into CsvRow::text
  std::uint32_t end = 0;
  std::uint32_t line = 0;  // line where the cell starts (its opening quote, if quoted)
  bool quoted = false;
};

/// One row. Reused between rows (`read_row` keeps the allocations).
struct CsvRow {
  std::uint32_t line = 0;  // line where the row starts
  bool ok = true;          // false if the row had a syntax error (already reported)
  std::string text;        // every cell's unescaped text, back to back
  std::vector<CsvCell> cells;

  std::size_t size() const { return cells.size(); }
  std::string_view cell(std::size_t i) const {
    return std::string_view(text).substr(cells[i].begin, cells[i].end - cells[i].begin);
  }
  /// True if every cell is empty and unquoted (`,,,` rows left behind by spreadsheets).
  bool blank() const;
};

/// A hint for a row with the wrong number of fields when one of its quoted fields runs over a
/// line break (a quote closed lines after it opened joins those lines into one row), or empty.
std::string quote_over_lines_hint(const CsvRow& row);

class CsvReader {
 public:
  /// A row (its cells' text) longer than this is an error: almost always a quote never closed.
  static constexpr std::size_t kMaxRowBytes = std::size_t{64} << 20;

  /// `chunk_bytes` and `max_row_bytes` are for tests, which make them small.
  CsvReader(std::istream& in, std::uint32_t file, Diagnostics& diags,
            std::size_t chunk_bytes = 1 << 16, std::size_t max_row_bytes = kMaxRowBytes);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  /// Separates fields with `delimiter` instead of `,`. A tab also turns quoting off: in
  /// tab-separated files (IANA text/tab-separated-values, GDELT) a quote is text.
  void set_delimiter(char delimiter);

  /// Reads the next row into `row`; false at the end of the input, or after an error that
  /// ends reading (an unterminated quote, a UTF-16 file, an overlong row).
  bool read_row(CsvRow& row);

  /// Bytes consumed so far (for tests of chunk boundaries).
  std::uint64_t bytes_read() const { return consumed_ + pos_; }

 private:
  bool fill();
  void error(std::uint32_t line, std::uint32_t column, std::string message);
  bool check_text(CsvRow& row);
  bool too_long(const CsvRow& row, const CsvCell* open_quote);

  std::istream& in_;
  std::uint32_t file_;
  Diagnostics& diags_;
  std::unique_ptr<char[]> buf_;
  std::size_t capacity_;
  std::size_t max_row_bytes_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::uint64_t consumed_ = 0;
  std::uint32_t line_ = 1;
  bool started_ = false;     // the first chunk was read (BOM checked)
  bool pending_lf_ = false;  // the last row ended with CR: a following LF belongs to it
  bool done_ = false;
  char delimiter_ = ',';
  bool quoting_ = true;
  const std::array<bool, 256>* unquoted_stop_;
  std::array<bool, 256> custom_stop_{};
};

}  // namespace kgraph
