// Fuzz target `jsonl`: JSON Lines, as `kgraph build fuzz.jsonl` reads them.
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"

namespace kgraph::fuzz {
void jsonl(std::string_view bytes) { read_input("fuzz.jsonl", bytes); }
}  // namespace kgraph::fuzz
