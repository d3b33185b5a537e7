#include <array>

#include "fuzz_entries.hpp"

namespace kgraph::fuzz {

std::span<const Target> targets() {
  static constexpr std::array<Target, 15> kTargets = {{
      {"json", json},
      {"jsonl", jsonl},
      {"csv_sources", csv_sources},
      {"csv_actors", csv_actors},
      {"csv_laws", csv_laws},
      {"csv_events", csv_events},
      {"csv_places", csv_places},
      {"csv_relations", csv_relations},
      {"mapping", mapping},
      {"mapping_table", mapping_table},
      {"schema", schema},
      {"compressed", compressed},
      {"popolo", popolo},
      {"graphml", graphml},
      {"ftm", ftm},
  }};
  return kTargets;
}

}  // namespace kgraph::fuzz
