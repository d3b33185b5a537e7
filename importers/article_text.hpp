#pragma once
/// An article as read from a text file (`.txt`, `.md`) or an HTML page: the text that is
/// matched, and what the article says about itself (title, date, URL) from a front-matter block
///
///   ---
///   title: MFA Spokesman Calls North Koreans in China "Illegal Migrants"
///   date: 2006-10-03
///   url: https://www.cecc.gov/...
///   ---
///
/// or, without one, from its first line (the title) and a date alone on a line below it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/diagnostics.hpp"

namespace kgraph {

/// A front-matter field or the title, with where it was written.
struct ArticleField {
  std::string key;
  std::string value;
  Location at;
};

struct ArticleText {
  /// The text matched for mentions: the file after its front matter (HTML: the page's text).
  std::string text;
  /// Code points of the file before `text` (the front matter): added to every offset, so that
  /// offsets count from the start of the file.
  std::size_t offset = 0;
  /// The first line of `text` in the file, for messages.
  std::uint32_t first_line = 1;
  std::optional<ArticleField> title;
  std::optional<ArticleField> date;  // as written; checked by the importer
  /// Every other front-matter field (url, publisher, id, ...), in the order written.
  std::vector<ArticleField> fields;
};

/// Splits a text article (valid UTF-8, without a byte order mark) into front matter and text,
/// and finds its title and date. A broken front matter (no closing `---`, a line that is not
/// `key: value`, a key given twice) is an error in `diags`; the text is read all the same.
/// `markdown`: the title line loses its leading `#`s.
ArticleText read_text_article(std::string_view bytes, std::uint32_t file, bool markdown,
                              Diagnostics& diags);

/// The title and date kgraph takes from the first lines of a text without front matter: the
/// first non-blank line, and a later line among the first few that holds only a date.
void find_title_and_date(ArticleText& article, std::uint32_t file, bool markdown);

}  // namespace kgraph
