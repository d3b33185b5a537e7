#pragma once
/// The cgraph discipline of kgraph's diagrams: agwrite writes to a std::ostream, and objects
/// are numbered in creation order so that the DOT written is the same for the same view.

#include <graphviz/cgraph.h>

namespace kgraph::diagram {

/// For agopen: agwrite's channel is a `std::ostream*`; object ids follow creation order (named
/// objects even, anonymous ones odd, as in cgraph's default discipline). Lives for the process.
Agdisc_t* ostream_discipline();

}  // namespace kgraph::diagram
