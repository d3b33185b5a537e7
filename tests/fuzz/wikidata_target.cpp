// Fuzz target `wikidata`: a Wikidata dump or wbgetentities response, as `kgraph build
// fuzz.wikidata.json` reads it (the built-in mapping, default languages).
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"

namespace kgraph::fuzz {
void wikidata(std::string_view bytes) { read_input("fuzz.wikidata.json", bytes); }
}  // namespace kgraph::fuzz
