// Fuzz target `json`: a JSON document, as `kgraph build fuzz.json` reads it.
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"

namespace kgraph::fuzz {
void json(std::string_view bytes) { read_input("fuzz.json", bytes); }
}  // namespace kgraph::fuzz
