#pragma once
/// Part files of the database folders (`--parts N`, docs/formats/neo4j.md and kuzu.md): which
/// part a row goes to, and what the files of a part are called.
///
///   part_of("qin-gang", 16)                 // 0..15, the same on every machine
///   part_file("actors", "", 3, 16)          // "actors-part04.csv"
///   part_glob("actors", "-escaped", 16)     // "actors-escaped-part*.csv"

#include <cstdint>
#include <string>
#include <string_view>

namespace kgraph {

/// The largest --parts: each part is a file per table, and a folder of tens of thousands of
/// files helps no loader.
inline constexpr std::uint32_t kMaxParts = 4096;

/// 64-bit FNV-1a of the bytes of `text`: a hash that is the same on every platform and in every
/// version, unlike std::hash.
std::uint64_t stable_hash(std::string_view text);

/// The part (0 .. parts-1) of the row keyed by `key`: stable_hash(key) mod parts. Entities and
/// sources are keyed by their id, relations by their `from` entity's id, so that an entity and
/// the relations it starts land in the same part.
inline std::uint32_t part_of(std::string_view key, std::uint32_t parts) {
  return parts <= 1 ? 0 : static_cast<std::uint32_t>(stable_hash(key) % parts);
}

/// The file of part `part` (0-based) of `parts` for a table: `STEM[KIND].csv` for a single
/// part, else `STEM[KIND]-partNN.csv` numbered from 1 and zero-padded to the width of `parts`
/// (so that the files list in order). `kind` is a suffix such as "-escaped", or empty.
std::string part_file(std::string_view stem, std::string_view kind, std::uint32_t part,
                      std::uint32_t parts);

/// The glob matching every part file of a table (`STEM[KIND]-part*.csv`). Stems hold no `-`, so
/// it matches no other table's files.
std::string part_glob(std::string_view stem, std::string_view kind);

}  // namespace kgraph
