#include "importers/csv_reader.hpp"

#include <array>
#include <cstdio>
#include <cstring>

#include "graph/messages.hpp"
#include "graph/text.hpp"

namespace kgraph {
namespace {

constexpr std::array<bool, 256> stop_table(std::string_view stops) {
  std::array<bool, 256> t{};
  for (char c : stops) t[static_cast<unsigned char>(c)] = true;
  return t;
}
/// Bytes that end a run of plain text outside and inside quotes.
constexpr auto kUnquotedStop = stop_table(",\n\r\"");
constexpr auto kTabSeparatedStop = stop_table("\t\n\r");
constexpr auto kQuotedStop = stop_table("\"\n\r");

/// Whether `s` is ASCII, eight bytes at a time (the common case skips the UTF-8 decoder).
bool is_ascii(std::string_view s) {
  const char* p = s.data();
  std::size_t n = s.size();
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    if (w & 0x8080808080808080ull) return false;
    p += 8;
    n -= 8;
  }
  for (; n > 0; --n, ++p)
    if (static_cast<unsigned char>(*p) & 0x80) return false;
  return true;
}

/// Offset of the first byte of `s` that does not start a well-formed UTF-8 sequence.
std::size_t first_bad_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80             ? 1
                            : (c & 0xE0) == 0xC0 ? 2
                            : (c & 0xF0) == 0xE0 ? 3
                            : (c & 0xF8) == 0xF0 ? 4
                                                 : 0;
    if (len == 0 || i + len > s.size() || !is_valid_utf8(s.substr(i, len))) return i;
    i += len;
  }
  return s.size();
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// Line breaks in `s` (CRLF counts once), for the line of a place inside a multi-line field.
std::uint32_t line_breaks(std::string_view s) {
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) ++n;
  return n;
}

/// "64 MiB", or a number of bytes when not a whole number of MiB.
std::string size_text(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string quote_over_lines_hint(const CsvRow& row) {
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const std::uint32_t breaks = row.cells[i].quoted ? line_breaks(row.cell(i)) : 0;
    if (breaks == 0) continue;
    const std::uint32_t line = row.cells[i].line;
    return "the quote that opens field " + std::to_string(i + 1) + " at line " +
           std::to_string(line) + " closes only at line " + std::to_string(line + breaks) +
           ", which joins those lines into one row; "
           "if the field should end on line " +
           std::to_string(line) + ", close its quote there";
  }
  return {};
}

bool CsvRow::blank() const {
  for (const CsvCell& c : cells)
    if (c.quoted || c.end != c.begin) return false;
  return true;
}

CsvReader::CsvReader(std::istream& in, std::uint32_t file, Diagnostics& diags,
                     std::size_t chunk_bytes, std::size_t max_row_bytes)
    : in_(in),
      file_(file),
      diags_(diags),
      buf_(new char[chunk_bytes < 4 ? 4 : chunk_bytes]),
      capacity_(chunk_bytes < 4 ? 4 : chunk_bytes),
      max_row_bytes_(max_row_bytes),
      unquoted_stop_(&kUnquotedStop) {}

CsvReader::~CsvReader() = default;

void CsvReader::set_delimiter(char delimiter) {
  delimiter_ = delimiter;
  quoting_ = delimiter != '\t';
  if (delimiter == ',') {
    unquoted_stop_ = &kUnquotedStop;
  } else if (delimiter == '\t') {
    unquoted_stop_ = &kTabSeparatedStop;
  } else {
    custom_stop_ = kUnquotedStop;
    custom_stop_[static_cast<unsigned char>(',')] = false;
    custom_stop_[static_cast<unsigned char>(delimiter)] = true;
    unquoted_stop_ = &custom_stop_;
  }
}

void CsvReader::error(std::uint32_t line, std::uint32_t column, std::string message) {
  diags_.error(Location{file_, line, column}, std::move(message));
}

bool CsvReader::fill() {
  if (done_) return false;
  consumed_ += end_;
  pos_ = end_ = 0;
  in_.read(buf_.get(), static_cast<std::streamsize>(capacity_));
  end_ = static_cast<std::size_t>(in_.gcount());
  if (!started_) {
    started_ = true;
    // istream::read only returns less than asked at the end, so a BOM is never split.
    const auto* b = reinterpret_cast<const unsigned char*>(buf_.get());
    if (end_ >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
      pos_ = 3;
    } else if (end_ >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
      error(1, 1,
            "the file is UTF-16 (it starts with a UTF-16 byte order mark); kgraph reads CSV as "
            "UTF-8: "
            "save it as \"CSV UTF-8\" or convert it, e.g. iconv -f UTF-16 -t UTF-8");
      done_ = true;
      end_ = 0;
      return false;
    }
  }
  return pos_ < end_;
}

bool CsvReader::too_long(const CsvRow& row, const CsvCell* open_quote) {
  if (row.text.size() <= max_row_bytes_) return false;
  done_ = true;
  const std::string limit = size_text(max_row_bytes_);
  const std::string row_start = "the row that starts at line " + std::to_string(row.line);
  if (open_quote) {
    // The quote still open has swallowed the line breaks after it: it is the culprit.
    const auto field = static_cast<std::uint32_t>(row.cells.size() + 1);
    diags_.error(Location{file_, open_quote->line, field},
                 "the quote that opens field " + std::to_string(field) + " here is never closed: " +
                     (open_quote->line == row.line ? "the row" : row_start) + " is longer than " +
                     limit + ", every line break after the quote read as part of the field",
                 "close the quote with \" where the field ends, and write a quote inside a quoted "
                 "field as \"\"");
    return true;
  }
  // A quoted field that closed many lines after it opened: most likely a stray quote.
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const CsvCell& c = row.cells[i];
    const std::string_view text = row.cell(i);
    if (!c.quoted || text.find_first_of("\r\n") == std::string_view::npos) continue;
    const auto field = static_cast<std::uint32_t>(i + 1);
    std::string message = row_start;
    message += " is longer than ";
    message += limit;
    message +=
        "; the quoted field " + std::to_string(field) + " that opens here runs over several lines";
    diags_.error(
        Location{file_, c.line, field}, std::move(message),
        "a quote opened here is closed only much later: close it where the field ends, and write a "
        "quote inside a quoted field as \"\"");
    return true;
  }
  diags_.error(Location{file_, row.line, static_cast<std::uint32_t>(row.cells.size() + 1)},
               row_start + " is longer than " + limit + " without a line break",
               "kgraph reads one row per line (LF, CRLF or CR line breaks); a row this long is "
               "most likely not "
               "CSV, or its line breaks were lost");
  return true;
}

bool CsvReader::check_text(CsvRow& row) {
  if (is_ascii(row.text)) return true;
  if (is_valid_utf8(row.text)) {
    if (row.text.find(kBom) == std::string::npos) return true;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      const std::string_view cell = row.cell(i);
      const std::size_t at = cell.find(kBom);
      if (at == std::string_view::npos) continue;
      diags_.error(Location{file_, row.cells[i].line + line_breaks(cell.substr(0, at)),
                            static_cast<std::uint32_t>(i + 1)},
                   byte_order_mark_message(), byte_order_mark_hint());
      break;
    }
    row.ok = false;
    return false;
  }
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const std::string_view cell = row.cell(i);
    if (is_valid_utf8(cell)) continue;
    const std::size_t at = first_bad_utf8(cell);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(cell[at]));
    error(row.cells[i].line, static_cast<std::uint32_t>(i + 1),
          "invalid UTF-8 in field " + std::to_string(i + 1) + " (byte " + byte + " after " +
              quoted(cell.substr(0, at)) +
              "); kgraph reads CSV as UTF-8: save the file as \"CSV UTF-8\" (it may be Latin-1 or "
              "Windows-1252; iconv -f WINDOWS-1252 -t UTF-8 converts it)");
    break;
  }
  row.ok = false;
  return false;
}

bool CsvReader::read_row(CsvRow& row) {
  row.ok = true;
  row.text.clear();
  row.cells.clear();
  if (done_) return false;

  // Blank lines between rows are skipped.
  for (;;) {
    if (pos_ == end_ && !fill()) {
      done_ = true;
      return false;
    }
    const char c = buf_[pos_];
    if (c == '\n') {
      ++pos_;
      if (pending_lf_)
        pending_lf_ = false;
      else
        ++line_;
      continue;
    }
    pending_lf_ = false;
    if (c == '\r') {
      ++pos_;
      ++line_;
      pending_lf_ = true;
      continue;
    }
    break;
  }

  enum class State { field_start, unquoted, quoted, after_quote };
  State state = State::field_start;
  row.line = line_;
  CsvCell cell{0, 0, line_, false};
  bool cr_in_quotes = false;  // the last byte of a quoted field was CR (a CRLF counts once)
  bool reported = false;      // one syntax error per row is enough

  auto column = [&] { return static_cast<std::uint32_t>(row.cells.size() + 1); };
  auto finish_cell = [&] {
    cell.end = static_cast<std::uint32_t>(row.text.size());
    row.cells.push_back(cell);
    cell = CsvCell{cell.end, 0, line_, false};
  };
  auto syntax_error = [&](std::string message) {
    if (!reported) error(line_, column(), std::move(message));
    reported = true;
    row.ok = false;
  };
  auto end_row = [&](char terminator) {
    ++line_;
    pending_lf_ = terminator == '\r';
    finish_cell();
    check_text(row);
    return true;
  };

  for (;;) {
    if (pos_ == end_) {
      if (too_long(row, state == State::quoted ? &cell : nullptr)) return false;
      if (!fill()) {
        if (state == State::quoted) {
          error(cell.line, column(),
                "unterminated quoted field: the quote that opens field " +
                    std::to_string(column()) +
                    " here is never closed; close it with \", and write a quote inside a quoted "
                    "field as \"\"");
          done_ = true;
          return false;
        }
        done_ = true;
        finish_cell();
        check_text(row);
        return true;
      }
    }
    const char* const buf = buf_.get();
    switch (state) {
      case State::field_start:
        if (quoting_ && buf[pos_] == '"') {
          ++pos_;
          cell.quoted = true;
          cell.line = line_;
          cr_in_quotes = false;
          state = State::quoted;
        } else {
          state = State::unquoted;
        }
        break;

      case State::unquoted: {
        std::size_t p = pos_;
        while (p < end_ && !(*unquoted_stop_)[static_cast<unsigned char>(buf[p])]) ++p;
        row.text.append(buf + pos_, p - pos_);
        pos_ = p;
        if (p == end_) break;
        const char c = buf[pos_++];
        if (c == delimiter_) {
          finish_cell();
          state = State::field_start;
        } else if (c == '\n' || c == '\r') {
          return end_row(c);
        } else {
          syntax_error("a quote inside unquoted field " + std::to_string(column()) +
                       "; enclose the whole field in quotes and double the quotes inside it "
                       "(\"a \"\"quoted\"\" word\")");
          row.text += '"';
        }
        break;
      }

      case State::quoted: {
        std::size_t p = pos_;
        while (p < end_ && !kQuotedStop[static_cast<unsigned char>(buf[p])]) ++p;
        if (p > pos_) cr_in_quotes = false;
        row.text.append(buf + pos_, p - pos_);
        pos_ = p;
        if (p == end_) break;
        const char c = buf[pos_++];
        if (c == '"') {
          state = State::after_quote;
        } else {
          row.text += c;  // a line break inside the field is kept as written
          if (c == '\r' || !cr_in_quotes) ++line_;
          cr_in_quotes = c == '\r';
        }
        break;
      }

      case State::after_quote: {
        const char c = buf[pos_];
        if (c == '"') {
          ++pos_;
          row.text += '"';
          cr_in_quotes = false;
          state = State::quoted;
        } else if (c == delimiter_) {
          ++pos_;
          finish_cell();
          state = State::field_start;
        } else if (c == '\n' || c == '\r') {
          ++pos_;
          return end_row(c);
        } else {
          syntax_error(
              "text after the closing quote of field " + std::to_string(column()) +
              "; a quoted field ends at its closing quote (write a quote inside it as \"\", "
              "or quote the whole field)");
          state = State::unquoted;
        }
        break;
      }
    }
  }
}

}  // namespace kgraph
