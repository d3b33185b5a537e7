#pragma once
/// The legend of a diagram (`--legend`): docs/formats/diagrams.md, "Legend".

#include <string>

#include "graph/graph_view.hpp"

namespace kgraph::diagram {

/// An HTML-like table of exactly the types, kinds and relation types in the view, each kind
/// with a swatch in its colours (diagram_style.hpp) and its shape's name, each relation type
/// with a sample of its line. Entities and relations each in blocks of at most 16 rows, side by
/// side. Meant as the graph's label, so that it never takes part in the layout.
std::string legend_html(const GraphView& view);

}  // namespace kgraph::diagram
