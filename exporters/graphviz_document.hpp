#pragma once
/// A view as a Graphviz cgraph graph, styled for reading (diagram_style.hpp), shared by the DOT
/// exporter (written with agwrite) and the rendered exporters (laid out and rendered in-process
/// with gvc). See docs/formats/diagrams.md.
///
///   const std::string engine = diagram::choose_engine(view, options, diagram::Purpose::render);
///   diagram::GraphvizDocument doc(view, options, engine);
///   doc.render(diagram::RenderFormat::svg, out);

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/exporter.hpp"

namespace kgraph::diagram {

/// Layout engines a user may ask for.
inline constexpr std::string_view kEngines[] = {"dot", "neato", "fdp", "sfdp", "circo"};

/// A size in entities and relations. The numbers below were measured on this project's
/// two-core machine with synthetic graphs (heavy-tailed degrees, long names); see
/// docs/formats/diagrams.md.
struct SizeLimit {
  std::size_t entities;
  std::size_t relations;
  bool admits(std::size_t n, std::size_t m) const { return n <= entities && m <= relations; }
};
/// Up to this size `dot` is chosen (a few seconds at most); beyond it, `sfdp`.
inline constexpr SizeLimit kDotChosenUpTo{200, 400};
/// Up to this size neato, fdp, sfdp and circo route curved edges around nodes; beyond it edges
/// are straight lines (routing costs seconds per hundred nodes).
inline constexpr SizeLimit kCurvedEdgesUpTo{100, 250};
/// Up to this size edges carry their label; beyond it labels would only be clutter, and the
/// relation is in the edge's colour and tooltip.
inline constexpr SizeLimit kEdgeLabelsUpTo{1000, 2500};
/// Beyond this size an engine would not finish in reasonable time (about half a minute or
/// more), so laying out is refused unless ExportOptions::force is set.
SizeLimit layout_limit(std::string_view engine);

enum class Purpose {
  write_dot,  // nothing is laid out: any size is fine
  render,     // the view is laid out: refuse what cannot finish
};

/// The engine for this view: `options.engine` if given (validated), else `dot` or `sfdp` by
/// size. Throws ExportError for an unknown engine or (for `render`, without `options.force`)
/// a view too large to lay out in reasonable time, suggesting how to select less.
std::string choose_engine(const GraphView& view, const ExportOptions& options, Purpose purpose);

enum class RenderFormat { svg, png, pdf };

/// A cgraph graph built from a view. Owns every Graphviz handle it creates. Throws ExportError
/// for an unknown `options.cluster` mode.
class GraphvizDocument {
 public:
  GraphvizDocument(const GraphView& view, const ExportOptions& options, std::string engine);
  ~GraphvizDocument();
  GraphvizDocument(GraphvizDocument&&) noexcept;
  GraphvizDocument& operator=(GraphvizDocument&&) noexcept;

  /// Writes the graph as DOT (agwrite), unlaid-out; `layout` names the engine.
  void write_dot(std::ostream& out) const;
  /// Lays the graph out in-process and writes it in `format`. Throws ExportError if Graphviz
  /// reports an error.
  void render(RenderFormat format, std::ostream& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Text helpers, exposed for tests.
namespace text {

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

}  // namespace text

}  // namespace kgraph::diagram
