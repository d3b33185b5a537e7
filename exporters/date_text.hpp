#pragma once
/// Dates appended to an output buffer without formatting calls (exporters write millions).

#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/partial_date.hpp"

namespace kgraph {

namespace detail {
inline void append_digits(std::string& out, unsigned value, int width) {
  char buf[4];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buf, static_cast<std::size_t>(width));
}
}  // namespace detail

/// The most characters write_date() writes.
inline constexpr std::size_t kMaxDateChars = 10;

/// Writes the date as written (`2006`, `2006-09` or `2006-09-19`, nothing when absent) to a
/// buffer with kMaxDateChars free, and returns its end.
inline char* write_date(char* out, const PartialDate& d) {
  if (!d.present()) return out;
  const auto digits = [&](unsigned value, int width) {
    for (int i = width - 1; i >= 0; --i) {
      out[i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
    out += width;
  };
  digits(static_cast<unsigned>(d.year), 4);
  if (d.month == 0) return out;
  *out++ = '-';
  digits(d.month, 2);
  if (d.day == 0) return out;
  *out++ = '-';
  digits(d.day, 2);
  return out;
}

/// Appends the date as written: `2006`, `2006-09` or `2006-09-19`; nothing when absent.
inline void append_date(std::string& out, const PartialDate& d) {
  if (!d.present()) return;
  detail::append_digits(out, static_cast<unsigned>(d.year), 4);
  if (d.month == 0) return;
  out += '-';
  detail::append_digits(out, d.month, 2);
  if (d.day == 0) return;
  out += '-';
  detail::append_digits(out, d.day, 2);
}

/// Appends a day given as a yyyymmdd number (PartialDate::first_day, last_day): `2006-09-30`.
inline void append_day(std::string& out, std::uint32_t yyyymmdd) {
  detail::append_digits(out, yyyymmdd / 10000, 4);
  out += '-';
  detail::append_digits(out, yyyymmdd / 100 % 100, 2);
  out += '-';
  detail::append_digits(out, yyyymmdd % 100, 2);
}

}  // namespace kgraph
