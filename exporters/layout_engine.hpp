#pragma once
/// Which Graphviz layout engine draws a view, and how large a view each may draw: measured
/// limits and the settings that keep layout time bounded (docs/formats/diagrams.md, "Layout
/// engine and size limits").

#include <cstddef>
#include <string>
#include <string_view>

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

}  // namespace kgraph::diagram
