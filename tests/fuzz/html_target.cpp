// Fuzz target `html`: an HTML page `fuzz.html` read as an article after a fixed graph, with co-mentions,
// as `kgraph build --co-mentions graph.json fuzz.html` reads it.
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"

namespace kgraph::fuzz {
void html(std::string_view bytes) { read_article("fuzz.html", bytes); }
}  // namespace kgraph::fuzz
