#pragma once
/// The text of diagrams as Graphviz must be given it: sanitized, wrapped, and escaped for the
/// attribute it goes into, so that it is shown exactly as written (docs/formats/diagrams.md,
/// "Text"); and the labels of nodes, edges and clusters built from it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph::diagram::text {

/// Replaces what Graphviz and XML cannot carry: invalid UTF-8, control characters other than
/// line breaks, noncharacters (each becomes U+FFFD); tabs become spaces; CR LF, CR, U+2028 and
/// U+2029 become LF.
std::string sanitize(std::string_view s);

/// Breaks sanitized text into lines of at most `width` columns (East Asian wide characters
/// count two), at spaces or between wide characters, splitting longer words; existing line
/// breaks are kept. At most `max_lines` lines; if text was cut, the last line ends in "…".
std::vector<std::string> wrap(std::string_view s, std::size_t width, std::size_t max_lines);

/// A plain (non-HTML) label: `\` doubled, `&` as `&amp;`, LF as `\n`. Graphviz substitutes
/// `\G`, `\N`, ... (leaving `\\` alone), decodes entities, then reads `\n`, `\l`, `\r` as
/// line breaks and `\X` as X: doubled, every backslash comes out as one.
std::string label_text(std::string_view sanitized);

/// A tooltip: as label_text but with `\` quadrupled. Graphviz reads tooltips twice: it decodes
/// entities and reads `\n`, `\l` as LF and `\X` as X, then substitutes `\N`, `\G`, `\L`, ...
/// and reads `\\` as `\`.
std::string tooltip_text(std::string_view sanitized);

/// Text for HTML-like labels: `&`, `<`, `>`, `"` and `'` as entity references, and `\`
/// doubled (Graphviz substitutes `\N`, `\G`, `\E` in the text of HTML-like labels and reads
/// `\\` as `\`).
std::string html_text(std::string_view sanitized);

/// The node name for an entity id: sanitized, line breaks as spaces, every backslash doubled.
/// DOT quoted strings cannot end in a backslash or hold one before a quote, and cgraph's
/// agwrite does not escape them; a doubled backslash reads back as itself, so doubled names
/// survive (and stay distinct).
std::string node_name(std::string_view id);

/// An entity's HTML-like label: its name wrapped (26 columns, 4 lines) over a small grey
/// caption (kind and date). Both sanitized.
std::string node_label(std::string_view name, std::string_view caption);

/// A relation's plain label: its type's label wrapped (24 columns, 2 lines), then its role in
/// parentheses if it has one. Both sanitized.
std::string edge_label(std::string_view label, std::string_view role);

/// A place cluster's plain label: the place's name wrapped (40 columns, 2 lines). Sanitized.
std::string cluster_label(std::string_view name);

}  // namespace kgraph::diagram::text
