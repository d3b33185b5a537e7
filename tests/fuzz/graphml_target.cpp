// Fuzz target `graphml`: GraphML, as `kgraph build fuzz.graphml` reads it.
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"

namespace kgraph::fuzz {
void graphml(std::string_view bytes) { read_input("fuzz.graphml", bytes); }
}  // namespace kgraph::fuzz
