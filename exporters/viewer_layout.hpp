#pragma once
/// Where the html viewer draws each entity: Graphviz's layout (the engine the diagrams choose)
/// for views it lays out in seconds, a force layout of kgraph's own beyond that. The page itself
/// never runs a layout. See docs/formats/html.md, "Layout".

#include <cstddef>
#include <string>
#include <vector>

#include "exporters/exporter.hpp"
#include "exporters/layout_engine.hpp"

namespace kgraph::viewer {

struct Point {
  double x = 0;
  double y = 0;
};

struct Layout {
  std::vector<Point> points;  // in the order of the view's entities
  std::string method;         // the Graphviz engine, or "force"
};

/// Up to this size the viewer asks Graphviz (within the engine's own limit); beyond it, or when
/// the engine's limit is exceeded, the force layout. On the synthetic graphs of
/// docs/performance.md sfdp takes 0.7 s of CPU at 1,000 entities, 1.7 s at 2,000 and 4.5 s at
/// 3,000; the force layout 0.2 s at 5,000.
inline constexpr diagram::SizeLimit kGraphvizUpTo{2000, 6000};

/// Positions for the view. `options.engine` chooses the Graphviz engine as for diagrams;
/// `options.force` uses Graphviz whatever the size. Throws ExportError for an unknown engine.
Layout lay_out(const GraphView& view, const ExportOptions& options);

/// The force layout alone: Fruchterman-Reingold with repulsion between nodes of neighbouring
/// grid cells only and a weak pull to the centre, from a deterministic spiral start; linear in
/// the size of the view per iteration (about 1 s of CPU at 50,000 entities).
std::vector<Point> force_layout(const GraphView& view);

}  // namespace kgraph::viewer
