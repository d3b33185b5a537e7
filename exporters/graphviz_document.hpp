#pragma once
/// A view as a Graphviz cgraph graph, styled for reading (diagram_style.hpp), shared by the DOT
/// exporter (written with agwrite) and the rendered exporters (laid out and rendered in-process
/// with gvc). See docs/formats/diagrams.md.
///
///   const std::string engine = diagram::choose_engine(view, options, diagram::Purpose::render);
///   diagram::GraphvizDocument doc(view, options, engine);
///   doc.render(diagram::RenderFormat::svg, out);

#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "exporters/exporter.hpp"
#include "exporters/layout_engine.hpp"

namespace kgraph::diagram {

enum class RenderFormat { svg, png, pdf };

/// A cgraph graph built from a view. Owns every Graphviz handle it creates; all documents of
/// the process share one Graphviz context (graphviz_handles.hpp). Throws ExportError for an
/// unknown `options.cluster` mode.
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
  /// Lays the graph out in-process and returns the centre of each entity's node in points
  /// (y up), in the order of the view's entities: the diagram's layout without its drawing
  /// (the html viewer). Throws ExportError if Graphviz reports an error.
  std::vector<std::pair<double, double>> node_positions(const GraphView& view);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgraph::diagram
