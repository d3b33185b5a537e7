#include "importers/article_dates.hpp"

#include <array>
#include <optional>

namespace kgraph {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_letter(c); }

/// The month a word names (full English name or a usual abbreviation, capitalised as in
/// running text), 1-12, or 0.
int month_named(std::string_view word, bool& abbreviated) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  static constexpr std::array<std::string_view, 12> kShort = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int m = 0; m < 12; ++m) {
    if (word == kFull[m]) {
      abbreviated = false;
      return m + 1;
    }
    if (word == kShort[m] || (m == 8 && word == "Sept")) {
      abbreviated = true;
      return m + 1;
    }
  }
  return 0;
}

class Scanner {
 public:
  Scanner(std::string_view text, std::size_t at) : s_(text), i_(at) {}
  std::size_t at() const { return i_; }
  void reset(std::size_t at) { i_ = at; }

  std::string_view word() {
    const std::size_t start = i_;
    while (i_ < s_.size() && is_letter(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }
  /// A run of `min`..`max` digits, not followed by another digit.
  std::optional<int> number(std::size_t min, std::size_t max) {
    const std::size_t start = i_;
    int value = 0;
    while (i_ < s_.size() && is_digit(s_[i_]) && i_ - start < max)
      value = value * 10 + (s_[i_++] - '0');
    if (i_ - start < min || (i_ < s_.size() && is_digit(s_[i_]))) {
      i_ = start;
      return std::nullopt;
    }
    return value;
  }
  bool skip(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  /// One or more spaces (a line break too: dates wrap).
  bool spaces() {
    const std::size_t start = i_;
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
      ++i_;
    return i_ > start;
  }
  /// "st", "nd", "rd", "th" after a day.
  void ordinal() {
    const std::string_view rest = s_.substr(i_, 2);
    if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th")
      if (i_ + 2 >= s_.size() || !is_alnum(s_[i_ + 2])) i_ += 2;
  }
  bool at_word_end() const { return i_ >= s_.size() || !is_alnum(s_[i_]); }

 private:
  std::string_view s_;
  std::size_t i_;
};

std::optional<PartialDate> make_date(int year, int month, int day) {
  if (year < 1000 || year > 9999) return std::nullopt;
  std::string iso = std::to_string(year);
  auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  if (month > 0) iso += "-" + two(month);
  if (day > 0) iso += "-" + two(day);
  return parse_partial_date(iso);
}

/// "2006-09-19" at `at`.
std::optional<PartialDate> iso_date(Scanner& s) {
  const auto y = s.number(4, 4);
  if (!y || !s.skip('-')) return std::nullopt;
  const auto m = s.number(2, 2);
  if (!m || !s.skip('-')) return std::nullopt;
  const auto d = s.number(2, 2);
  if (!d || !s.at_word_end()) return std::nullopt;
  return make_date(*y, *m, *d);
}

/// A year after a month or day: ", 2006" or " 2006".
std::optional<int> year_after(Scanner& s) {
  const std::size_t back = s.at();
  s.skip(',');
  if (s.spaces())
    if (const auto y = s.number(4, 4); y && s.at_word_end()) return y;
  s.reset(back);
  return std::nullopt;
}

/// "September 19, 2006", "Sept. 19", "September 2006" at a word.
std::optional<PartialDate> month_first(Scanner& s, int article_year) {
  bool abbreviated = false;
  const int month = month_named(s.word(), abbreviated);
  if (month == 0 || !s.at_word_end()) return std::nullopt;
  if (abbreviated) s.skip('.');
  if (!s.spaces()) return std::nullopt;
  const std::size_t after_month = s.at();
  if (const auto day = s.number(1, 2)) {
    s.ordinal();
    if (s.at_word_end() && *day >= 1 && *day <= 31) {
      if (const auto y = year_after(s)) return make_date(*y, month, *day);
      if (article_year >= 0) return make_date(article_year, month, *day);
      return std::nullopt;
    }
  }
  s.reset(after_month);
  if (const auto y = s.number(4, 4); y && s.at_word_end()) return make_date(*y, month, 0);
  return std::nullopt;
}

/// "19 September 2006" at a number.
std::optional<PartialDate> day_first(Scanner& s) {
  const auto day = s.number(1, 2);
  if (!day) return std::nullopt;
  s.ordinal();
  if (!s.at_word_end() || !s.spaces()) return std::nullopt;
  bool abbreviated = false;
  const int month = month_named(s.word(), abbreviated);
  if (month == 0 || !s.at_word_end()) return std::nullopt;
  if (abbreviated) s.skip('.');
  if (const auto y = year_after(s)) return make_date(*y, month, *day);
  return std::nullopt;
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view text, int year) {
  std::vector<DateMention> found;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const bool word_start = is_alnum(c) && (i == 0 || !is_alnum(text[i - 1]));
    if (!word_start) {
      ++i;
      continue;
    }
    Scanner s(text, i);
    std::optional<PartialDate> date;
    if (is_digit(c)) {
      date = iso_date(s);
      if (!date) {
        s.reset(i);
        date = day_first(s);
      }
    } else {
      date = month_first(s, year);
    }
    if (date) {
      found.push_back({*date, i, s.at()});
      i = s.at();
    } else {
      while (i < text.size() && is_alnum(text[i])) ++i;
    }
  }
  return found;
}

}  // namespace kgraph
