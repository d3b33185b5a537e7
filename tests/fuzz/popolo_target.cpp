// Fuzz target `popolo`: a Popolo document, as `kgraph build fuzz.popolo.json` reads it.
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"

namespace kgraph::fuzz {
void popolo(std::string_view bytes) { read_input("fuzz.popolo.json", bytes); }
}  // namespace kgraph::fuzz
