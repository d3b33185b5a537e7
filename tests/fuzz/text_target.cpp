// Fuzz target `text`: an article `fuzz.md` (front matter, title, text) read after a fixed graph, with co-mentions,
// as `kgraph build --co-mentions graph.json fuzz.md` reads it.
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"

namespace kgraph::fuzz {
void text(std::string_view bytes) { read_article("fuzz.md", bytes); }
}  // namespace kgraph::fuzz
