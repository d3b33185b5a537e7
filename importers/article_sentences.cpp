#include "importers/article_sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>

namespace kgraph {
namespace {

/// One iterator per thread, made once: creating one loads the rules (about 100 µs).
icu::BreakIterator& sentence_iterator() {
  thread_local const std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    // "ss=standard": ICU's list of abbreviations after which a period ends no sentence.
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
    if (U_FAILURE(status) || !made)
      throw std::runtime_error(std::string("ICU sentence breaks unavailable: ") +
                               u_errorName(status));
    return made;
  }();
  return *it;
}

/// Whether the text before `end` (spaces skipped) ends with an initialism such as "U.S." or
/// "M.": letters each followed by a period, after a non-letter. ICU's abbreviation list has
/// "Mr." but not these, and ends a sentence at "the U.S. Consulate".
bool ends_with_initials(const icu::UnicodeString& u, int32_t end) {
  int32_t i = end;
  while (i > 0 && u_isUWhiteSpace(u[i - 1])) --i;
  int32_t letters = 0;
  while (i >= 2 && u[i - 1] == u'.' && u_isUAlphabetic(u[i - 2]) &&
         (i == 2 || !u_isUAlphabetic(u[i - 3]))) {
    i -= 2;
    ++letters;
  }
  return letters > 0;
}

}  // namespace

std::vector<std::size_t> sentence_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  if (text.empty()) return starts;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  // A line break between two non-blank lines becomes a space (same length, so the offsets hold):
  // ICU ends a sentence at every line break, and wrapped paragraphs have one every line.
  const int32_t n = u.length();
  for (int32_t i = 0; i < n; ++i) {
    if (u[i] != u'\n') continue;
    const bool blank_before =
        i == 0 || u[i - 1] == u'\n' || (u[i - 1] == u'\r' && (i < 2 || u[i - 2] == u'\n'));
    const bool blank_after = i + 1 >= n || u[i + 1] == u'\n' || u[i + 1] == u'\r';
    if (!blank_before && !blank_after) {
      u.setCharAt(i, u' ');
      if (i > 0 && u[i - 1] == u'\r') u.setCharAt(i - 1, u' ');
    }
  }
  icu::BreakIterator& it = sentence_iterator();
  it.setText(u);
  // UTF-16 units to code points: walk forward, counting each surrogate pair once.
  std::size_t code_points = 0;
  int32_t unit = 0;
  int32_t last_start = 0;
  for (int32_t b = it.first(); b != icu::BreakIterator::DONE && b < n; b = it.next()) {
    if (b > 0 && ends_with_initials(u, b)) continue;
    while (unit < b) {
      U16_FWD_1(u.getBuffer(), unit, n);
      ++code_points;
    }
    // A run of blank lines between two sentences is no sentence: the next one starts after it.
    bool blank = starts.size() > 1;
    for (int32_t k = last_start; blank && k < b; ++k) blank = u_isUWhiteSpace(u[k]);
    if (blank)
      starts.back() = code_points;
    else
      starts.push_back(code_points);
    last_start = b;
  }
  return starts;
}

std::size_t sentence_of(const std::vector<std::size_t>& starts, std::size_t at) {
  const auto it = std::upper_bound(starts.begin(), starts.end(), at);
  return it == starts.begin() ? 0 : static_cast<std::size_t>(it - starts.begin()) - 1;
}

}  // namespace kgraph
