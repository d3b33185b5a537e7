#include <array>

#include "fuzz_entries.hpp"

namespace kgraph::fuzz {

std::span<const Target> targets() {
  static constexpr std::array<Target, 13> kTargets = {{
      {"json", json},
      {"jsonl", jsonl},
      {"csv", csv},
      {"mapping", mapping},
      {"mapping_table", mapping_table},
      {"schema", schema},
      {"compressed", compressed},
      {"popolo", popolo},
      {"graphml", graphml},
      {"ftm", ftm},
      {"wikidata", wikidata},
      {"text", text},
      {"html", html},
  }};
  return kTargets;
}

}  // namespace kgraph::fuzz
