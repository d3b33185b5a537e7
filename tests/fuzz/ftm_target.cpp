// Fuzz target `ftm`: FollowTheMoney entity and delta lines, as `kgraph build fuzz.ftm.json`
// reads them.
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"

namespace kgraph::fuzz {
void ftm(std::string_view bytes) { read_input("fuzz.ftm.json", bytes); }
}  // namespace kgraph::fuzz
