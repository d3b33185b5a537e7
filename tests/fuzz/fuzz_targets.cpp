#include <array>

#include "fuzz_entries.hpp"

namespace kgraph::fuzz {

std::span<const Target> targets() {
  static constexpr auto kTargets = std::to_array<Target>({
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
      {"shard_manifest", shard_manifest},
  });
  return kTargets;
}

}  // namespace kgraph::fuzz
