#include "graph/partial_date.hpp"

#include <cstdio>

namespace kgraph {
namespace {
bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool digits(std::string_view s, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}
}  // namespace

std::optional<PartialDate> parse_partial_date(std::string_view s) {
  int year = 0, month = 0, day = 0;
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  if (!digits(s, 0, 4, year)) return std::nullopt;
  PartialDate d;
  d.year = static_cast<std::int16_t>(year);
  if (s.size() == 4) return d;
  if (s[4] != '-' || !digits(s, 5, 2, month) || month < 1 || month > 12) return std::nullopt;
  d.month = static_cast<std::uint8_t>(month);
  if (s.size() == 7) return d;
  if (s[7] != '-' || !digits(s, 8, 2, day) || day < 1 || day > days_in_month(year, month))
    return std::nullopt;
  d.day = static_cast<std::uint8_t>(day);
  return d;
}

std::string PartialDate::to_string() const {
  char buf[kMaxChars];
  return std::string(buf, write(buf));
}

std::size_t PartialDate::write(char* out) const {
  const DatePrecision p = precision();
  if (p == DatePrecision::none) return 0;
  if (year > 9999) {  // not from parse_partial_date, which reads four digits
    const int n = p == DatePrecision::year ? std::snprintf(out, kMaxChars, "%04d", year)
                  : p == DatePrecision::month
                      ? std::snprintf(out, kMaxChars, "%04d-%02d", year, month)
                      : std::snprintf(out, kMaxChars, "%04d-%02d-%02d", year, month, day);
    return static_cast<std::size_t>(n);
  }
  // By hand rather than by snprintf: every dated element of every export comes here, and
  // parsing the format was a measurable part of writing GraphML.
  const auto two_digits = [](char* at, unsigned v) {
    at[0] = static_cast<char>('0' + v / 10 % 10);
    at[1] = static_cast<char>('0' + v % 10);
  };
  const auto y = static_cast<unsigned>(year);
  two_digits(out, y / 100);
  two_digits(out + 2, y % 100);
  std::size_t n = 4;
  if (p != DatePrecision::year) {
    out[4] = '-';
    two_digits(out + 5, month);
    n = 7;
  }
  if (p == DatePrecision::day) {
    out[7] = '-';
    two_digits(out + 8, day);
    n = 10;
  }
  return n;
}

std::uint32_t PartialDate::first_day() const {
  if (!present()) return 0;
  return year * 10000u + (month ? month : 1) * 100u + (day ? day : 1);
}

std::uint32_t PartialDate::last_day() const {
  if (!present()) return 99999999u;
  const int m = month ? month : 12;
  const int d = day ? day : days_in_month(year, m);
  return year * 10000u + m * 100u + d;
}

}  // namespace kgraph
