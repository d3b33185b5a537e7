// Fuzz target `csv`: the bytes read as each of the six CSV files `kgraph build` knows by name
// (`sources.csv`, `actors.csv`, ...). One target rather than one per section: the sections
// share the reader and differ only in the columns they expect, so an input that opens a path in
// one section is kept for all, and a campaign's hour covers the whole CSV importer. Typed
// headers (`population:int`, `tags:string[]`) are part of the bytes.
#include <array>
#include <string_view>

#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"

namespace kgraph::fuzz {
void csv(std::string_view bytes) {
  static constexpr std::array<std::string_view, 6> kFileNames = {
      "sources.csv", "actors.csv", "laws.csv", "events.csv", "places.csv", "relations.csv"};
  for (std::string_view name : kFileNames) read_input(name, bytes);
}
}  // namespace kgraph::fuzz
