#pragma once
/// The text of an HTML page, as an article (`.html`, `.htm`): libxml2's HTML parser reads the
/// page as a browser would (unclosed tags, entities such as `&amp;` and `&#8217;`); scripts,
/// styles, templates and comments give no text; block elements (paragraphs, headings, list
/// items, table cells, ...) end a paragraph and `<br>` a line; runs of white space are one
/// space, except inside `<pre>`. The title is the `<title>` (else the first `<h1>`), the date
/// a `<meta name="date">` (or `dc.date`, `article:published_time`), the URL a
/// `<link rel="canonical">` (or `og:url`).

#include <cstdint>
#include <string_view>

#include "graph/diagnostics.hpp"
#include "importers/article_text.hpp"

namespace kgraph {

/// Reads a page (valid UTF-8). Offsets of the article count code points of `text`, the page's
/// text as described above, not of the markup.
ArticleText read_html_article(std::string_view bytes, std::uint32_t file, Diagnostics& diags);

/// Whether a text without a telling file name looks like an HTML page (standard input).
bool looks_like_html(std::string_view bytes);

}  // namespace kgraph
