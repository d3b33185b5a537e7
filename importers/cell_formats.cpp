#include "importers/cell_formats.hpp"

#include <array>
#include <charconv>
#include <cstdint>

#include "graph/diagnostics.hpp"
#include "graph/partial_date.hpp"

namespace kgraph {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Reads between `min` and `max` digits at `at`.
std::optional<int> digits(std::string_view s, std::size_t& at, std::size_t min, std::size_t max) {
  std::size_t n = 0;
  int value = 0;
  while (n < max && at + n < s.size() && is_digit(s[at + n]))
    value = value * 10 + (s[at + n++] - '0');
  if (n < min) return std::nullopt;
  at += n;
  return value;
}

/// A month name, full or abbreviated to three letters or more ("Sep", "Sept"), any case.
std::optional<int> month_name(std::string_view s, std::size_t& at) {
  std::size_t n = 0;
  while (at + n < s.size() && ((s[at + n] | 0x20) >= 'a' && (s[at + n] | 0x20) <= 'z')) ++n;
  if (n < 3) return std::nullopt;
  const std::string word = ascii_lower(s.substr(at, n));
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (kMonths[m].substr(0, word.size()) == word) {
      at += n;
      return static_cast<int>(m) + 1;
    }
  }
  return std::nullopt;
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string four(int n) {  // years 0 to 9999 here
  std::string s = std::to_string(n);
  return std::string(s.size() < 4 ? 4 - s.size() : 0, '0') + s;
}

/// The civil date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
void civil_from_days(std::int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

}  // namespace

std::optional<DateFormat> DateFormat::parse(std::string_view format, std::string& problem) {
  DateFormat f;
  f.format_ = std::string(format);
  if (format == "excel") {
    f.excel_ = true;
    return f;
  }
  bool year = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (i + 1 == format.size()) {
      problem = "the format ends in a lone \"%\"; write \"%%\" for a percent sign";
      return std::nullopt;
    }
    const char d = format[++i];
    if (d == 'Y' || d == 'y') {
      year = true;
    } else if (d != 'm' && d != 'd' && d != 'b' && d != 'B' && d != '%') {
      problem = std::string("unknown directive \"%") + d +
                "\"; a date format uses %Y %y %m %d %b %B and %%, or is \"excel\"";
      return std::nullopt;
    }
  }
  if (!year) {
    problem = "the format has no year (%Y or %y)";
    return std::nullopt;
  }
  return f;
}

bool DateFormat::read(std::string_view cell, std::string& iso, std::string& problem) const {
  if (excel_) return read_excel(cell, iso, problem);
  const std::string_view f = format_;
  std::optional<int> year, month, day;
  std::size_t at = 0;
  auto fail = [&] {
    problem = "a date written as " + quoted(format_);
    return false;
  };
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f[i] == ' ') {  // any run of spaces
      if (at >= cell.size() || cell[at] != ' ') return fail();
      while (at < cell.size() && cell[at] == ' ') ++at;
      continue;
    }
    if (f[i] != '%' || f[i + 1] == '%') {
      if (f[i] == '%') ++i;
      if (at >= cell.size() || cell[at] != f[i]) return fail();
      ++at;
      continue;
    }
    switch (f[++i]) {
      case 'Y':
        year = digits(cell, at, 4, 4);
        if (!year) return fail();
        break;
      case 'y': {
        const auto yy = digits(cell, at, 2, 2);
        if (!yy) return fail();
        year = *yy < 69 ? 2000 + *yy : 1900 + *yy;  // POSIX strptime's rule
        break;
      }
      case 'm':
        month = digits(cell, at, 1, 2);
        if (!month) return fail();
        break;
      case 'd':
        day = digits(cell, at, 1, 2);
        if (!day) return fail();
        break;
      default:  // b, B
        month = month_name(cell, at);
        if (!month) return fail();
        break;
    }
  }
  if (at != cell.size()) return fail();
  iso = four(*year);
  if (month) iso += "-" + two(*month);
  if (month && day) iso += "-" + two(*day);
  if (!parse_partial_date(iso)) {
    problem = "a real date (" + quoted(cell) + " read as " + quoted(iso) + " is none)";
    return false;
  }
  return true;
}

bool DateFormat::read_excel(std::string_view cell, std::string& iso, std::string& problem) const {
  // A serial day number: 1 is 1900-01-01, and Excel counts a 29 February 1900 that never was
  // (serial 60), so from 61 on the count is days since 1899-12-30. A fraction is the time of day.
  std::string_view whole = cell.substr(0, cell.find('.'));
  if (whole.size() < cell.size() &&
      cell.substr(whole.size() + 1).find_first_not_of("0123456789") != std::string_view::npos)
    whole = {};
  std::int64_t serial = 0;
  const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), serial);
  if (whole.empty() || ec != std::errc() || end != whole.data() + whole.size() || serial < 1 ||
      serial > 2958465) {  // 9999-12-31
    problem = "an Excel serial day number from 1 (1900-01-01) to 2958465 (9999-12-31)";
    return false;
  }
  if (serial == 60) {
    problem = "a real date (Excel's serial 60 is 29 February 1900, which never was)";
    return false;
  }
  // Days from 1970-01-01: serial 25569 is 1970-01-01.
  const std::int64_t days = serial - 25569 + (serial < 60 ? 1 : 0);
  int y = 0, m = 0, d = 0;
  civil_from_days(days, y, m, d);
  iso = four(y) + "-" + two(m) + "-" + two(d);
  return true;
}

std::optional<std::string> without_thousands(std::string_view cell, std::string_view separator) {
  if (separator.empty()) return std::string(cell);
  std::string out;
  std::size_t i = 0;
  if (i < cell.size() && (cell[i] == '-' || cell[i] == '+')) out += cell[i++];
  std::size_t group = 0;  // digits since the last separator
  bool separated = false;
  for (; i < cell.size(); ++i) {
    if (cell.substr(i, separator.size()) == separator) {
      if (group == 0 || (separated && group != 3) || (!separated && group > 3)) return std::nullopt;
      separated = true;
      group = 0;
      i += separator.size() - 1;
      continue;
    }
    if (!is_digit(cell[i])) break;
    out += cell[i];
    ++group;
  }
  if (separated && group != 3) return std::nullopt;
  out.append(cell.substr(i));  // the fraction and exponent, unchanged
  return out;
}

std::optional<bool> lenient_boolean(std::string_view cell) {
  const std::string w = ascii_lower(cell);
  if (w == "true" || w == "yes" || w == "1" || w == "x") return true;
  if (w == "false" || w == "no" || w == "0") return false;
  return std::nullopt;
}

}  // namespace kgraph
