#pragma once
/// The `html` format: one self-contained page that draws the view with the viewer of viewer/
/// (sigma.js and graphology, compiled into kgraph), laid out by kgraph. See docs/formats/html.md.

#include <string>

#include "exporters/viewer_layout.hpp"
#include "graph/graph_view.hpp"

namespace kgraph::viewer {

/// The page's data block: the view's canonical records with a position and a look for each
/// entity, and the legend rows, as JSON in which no '<' occurs (see escape_for_script).
std::string page_data(const GraphView& view, const Layout& layout);

/// Writes every '<' of a JSON text as \u003c. In JSON '<' occurs only inside strings, where the
/// escape means the same character, so the data reads the same while no `</script>` or `<!--`
/// in a name can end the script block or start markup.
void escape_for_script(std::string& json);

}  // namespace kgraph::viewer
