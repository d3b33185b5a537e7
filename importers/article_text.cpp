#include "importers/article_text.hpp"

#include <algorithm>

#include "graph/text.hpp"
#include "importers/article_dates.hpp"

namespace kgraph {
namespace {

std::string_view trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

/// A value without the quotes YAML allows around it.
std::string_view unquoted(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    return v.substr(1, v.size() - 2);
  return v;
}

/// Lines of `s` without their line break, each with the offset where it starts.
class Lines {
 public:
  explicit Lines(std::string_view s) : s_(s) {}
  bool next(std::string_view& line, std::size_t& start) {
    if (at_ >= s_.size()) return false;
    start = at_;
    const std::size_t nl = s_.find('\n', at_);
    const std::size_t end = nl == std::string_view::npos ? s_.size() : nl;
    line = s_.substr(at_, end - at_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    at_ = nl == std::string_view::npos ? s_.size() : nl + 1;
    return true;
  }
  std::size_t at() const { return at_; }

 private:
  std::string_view s_;
  std::size_t at_ = 0;
};

/// Reads the front matter at the start of `bytes` into `article`; returns the offset of the
/// text after it (0 without front matter).
std::size_t read_front_matter(std::string_view bytes, std::uint32_t file, ArticleText& article,
                              Diagnostics& diags) {
  Lines lines(bytes);
  std::string_view line;
  std::size_t start = 0;
  if (!lines.next(line, start) || line != "---") return 0;
  // Without a closing line, no front matter: the whole file is text.
  for (Lines ahead = lines;;) {
    if (!ahead.next(line, start)) {
      diags.error(Location{file, 1, 1}, "the front matter opened here has no closing '---' line",
                  "end the front matter with a line '---'; without one the whole file is read "
                  "as text");
      return 0;
    }
    if (line == "---" || line == "...") break;
  }
  std::uint32_t number = 1;
  while (lines.next(line, start)) {
    ++number;
    if (line == "---" || line == "...") {
      article.first_line = number + 1;
      return lines.at();
    }
    if (trimmed(line).empty() || trimmed(line).front() == '#') continue;
    const std::size_t colon = line.find(':');
    const std::string_view key =
        colon == std::string_view::npos ? "" : trimmed(line.substr(0, colon));
    if (key.empty() || key.find(' ') != std::string_view::npos) {
      diags.error(Location{file, number, 1}, "front matter line is not 'key: value'",
                  "an article's front matter is lines 'title: ...', 'date: YYYY-MM-DD', "
                  "'url: ...' between two lines '---'");
      continue;
    }
    const std::string_view raw = line.substr(colon + 1);
    const std::string_view value = unquoted(trimmed(raw));
    const std::size_t value_start = std::min(line.size(), colon + 1 + raw.find_first_not_of(" \t"));
    const auto column =
        static_cast<std::uint32_t>(count_code_points(line.substr(0, value_start)) + 1);
    ArticleField field{std::string(key), std::string(value), Location{file, number, column}};
    auto seen = [&](const std::optional<ArticleField>& f) { return f.has_value(); };
    bool twice = (key == "title" && seen(article.title)) || (key == "date" && seen(article.date));
    for (const ArticleField& f : article.fields) twice = twice || f.key == key;
    if (twice) {
      diags.error(Location{file, number, 1}, "front matter key '" + field.key + "' given twice");
      continue;
    }
    if (value.empty()) continue;  // "url:" with nothing: not given
    if (key == "title")
      article.title = std::move(field);
    else if (key == "date")
      article.date = std::move(field);
    else
      article.fields.push_back(std::move(field));
  }
  return 0;
}

}  // namespace

void find_title_and_date(ArticleText& article, std::uint32_t file, bool markdown) {
  Lines lines(article.text);
  std::string_view line;
  std::size_t start = 0;
  std::uint32_t number = article.first_line - 1;
  int looked = 0;
  while (lines.next(line, start)) {
    ++number;
    const std::string_view text = trimmed(line);
    if (text.empty()) continue;
    if (!article.title) {
      std::string_view title = text;
      if (markdown)
        while (!title.empty() && (title.front() == '#' || title.front() == ' '))
          title.remove_prefix(1);
      if (title.empty()) continue;
      article.title = ArticleField{"title", std::string(title), Location{file, number, 1}};
      if (article.date) return;
      continue;
    }
    // A dateline: a date alone on one of the three lines after the title.
    if (article.date || ++looked > 3) return;
    const std::vector<DateMention> dates = find_dates(text, -1);
    if (dates.size() == 1 && dates[0].begin == 0 && dates[0].end == text.size()) {
      article.date = ArticleField{"date", dates[0].date.to_string(), Location{file, number, 1}};
      return;
    }
  }
}

ArticleText read_text_article(std::string_view bytes, std::uint32_t file, bool markdown,
                              Diagnostics& diags) {
  ArticleText article;
  const std::size_t body = read_front_matter(bytes, file, article, diags);
  article.offset = count_code_points(bytes.substr(0, body));
  article.text.assign(bytes.substr(body));
  find_title_and_date(article, file, markdown);
  return article;
}

}  // namespace kgraph
