#pragma once
/// ISO 8601 calendar dates at reduced precision: `2006`, `2006-09`, `2006-09-19`.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kgraph {

enum class DatePrecision : std::uint8_t { none, year, month, day };

/// A date that may lack its day or month. Value-initialised, it is absent.
struct PartialDate {
  std::int16_t year = -1;  // -1: absent
  std::uint8_t month = 0;  // 0: not given
  std::uint8_t day = 0;    // 0: not given

  bool present() const { return year >= 0; }
  DatePrecision precision() const {
    if (!present()) return DatePrecision::none;
    if (month == 0) return DatePrecision::year;
    return day == 0 ? DatePrecision::month : DatePrecision::day;
  }
  /// The text it was written as, e.g. "2006-09"; empty when absent.
  std::string to_string() const;
  /// Bytes write() may need.
  static constexpr std::size_t kMaxChars = 24;
  /// Writes to_string()'s text to `out`, which has room for kMaxChars, and returns its length.
  std::size_t write(char* out) const;
  /// First and last day the date covers, as yyyymmdd numbers, for overlap tests.
  std::uint32_t first_day() const;
  std::uint32_t last_day() const;

  friend auto operator<=>(const PartialDate&, const PartialDate&) = default;
};

/// Parses `text`; returns nullopt unless it is a real calendar date in one of the three forms.
std::optional<PartialDate> parse_partial_date(std::string_view text);

}  // namespace kgraph
