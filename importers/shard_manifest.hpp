#pragma once
/// The manifest of a shard folder (`kgraph shard`, docs/scale.md): how many parts the folder
/// holds, the hash that assigned ids to them, and their file names. `kgraph merge` reads it
/// before the part files, which are canonical JSON Lines.
///
///   {
///     "kgraph": "shard",
///     "version": 1,
///     "parts": 3,
///     "hash": "fnv1a-64",
///     "files": ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
///   }

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/diagnostics.hpp"

namespace kgraph {

/// The manifest's name inside a shard folder.
inline constexpr std::string_view kShardManifestName = "manifest.json";
/// The most parts a shard folder may have.
inline constexpr std::uint32_t kMaxShardParts = 100000;

/// A manifest as read.
struct ShardManifest {
  std::uint32_t parts = 0;
  std::vector<std::string> files;  // shard_part_name(0), ..., in part order
};

/// The file of part `part`: "part-00000.jsonl" (five digits at least).
std::string shard_part_name(std::uint32_t part);

/// The manifest kgraph writes for `parts` parts.
std::string shard_manifest_text(std::uint32_t parts);

/// Reads a manifest; every problem is reported at its place in `file`. nullopt on errors.
std::optional<ShardManifest> read_shard_manifest(std::string_view text, std::uint32_t file,
                                                 Diagnostics& diags);

}  // namespace kgraph
