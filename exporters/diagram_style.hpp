#pragma once
/// How diagrams look: one table of shapes and colours per entity type and kind group, and of
/// colours and line styles per relation group. The diagram and its legend both read it, so the
/// legend can never disagree with the drawing. See docs/formats/diagrams.md.

#include <string_view>

#include "graph/schema.hpp"

namespace kgraph::diagram {

/// Font for every label. Noto Sans CJK covers Latin, Cyrillic, Greek, Chinese, Japanese and
/// Korean; Pango falls back per glyph to another installed font (DejaVu Sans for Arabic or
/// Hebrew). The SVG keeps the same family list, so viewers without Noto use a sans-serif.
inline constexpr std::string_view kFontName = "Noto Sans CJK SC,sans-serif";
inline constexpr std::string_view kTextColour = "#1a1a1a";
inline constexpr std::string_view kCaptionColour = "#4d4d4d";

/// The look of one entity node. Kinds are grouped (e.g. every state body is drawn alike) so
/// that the legend stays short and a new kind in a user schema still gets its group's look.
struct NodeStyle {
  std::string_view group;   // stable name of the kind group, e.g. "state"
  std::string_view shape;   // Graphviz shape
  std::string_view style;   // Graphviz style list
  std::string_view fill;    // fill colour
  std::string_view border;  // outline colour
  int peripheries = 1;
  double penwidth = 1.0;
  std::string_view shape_text;   // how the legend describes the shape, e.g. "double ellipse"
  std::string_view margin = {};  // label margin if the shape needs more than the default
};

/// The look of one relation edge.
struct EdgeStyle {
  std::string_view group;  // stable name of the relation group, e.g. "legal"
  std::string_view colour;
  std::string_view style;  // "solid" or "dashed"
  double penwidth = 1.0;
};

/// Colours of a type as a whole (type clusters, legend headings).
struct TypeColours {
  std::string_view fill;
  std::string_view border;
  std::string_view tint;  // very light fill for clusters
};

TypeColours type_colours(EntityType type);

/// Style of an entity of this type and kind (empty kind or a kind no group knows: the type's
/// "other" group).
NodeStyle node_style(EntityType type, std::string_view kind);

/// Style of a relation of this type (unknown types, e.g. from a user schema: "other").
EdgeStyle edge_style(std::string_view relation_type);

}  // namespace kgraph::diagram
