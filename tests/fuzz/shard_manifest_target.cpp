// Fuzz target `shard_manifest`: a shard folder's manifest.json, as `kgraph merge` reads it
// before the part files (importers/shard_manifest.hpp).
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"
#include "importers/shard_manifest.hpp"

namespace kgraph::fuzz {
void shard_manifest(std::string_view bytes) {
  Diagnostics diags;
  const auto manifest = read_shard_manifest(bytes, diags.add_file("manifest.json"), diags);
  // What merge does with a manifest it accepts: name each part file.
  if (manifest)
    for (const std::string& file : manifest->files) static_cast<void>(file.size());
  format_diagnostics(diags);
}
}  // namespace kgraph::fuzz
