#pragma once
/// The fuzz targets' entry points (docs/reliability.md, "Fuzzing"). Each one feeds bytes through
/// the public entry the kgraph command uses for that kind of input — the importer the registry
/// picks by file name, a TableMapping, Schema::extend — into a GraphBuilder, then finish(), then
/// formats the diagnostics; it must return normally whatever the bytes. libFuzzer calls them
/// through libfuzzer_main.cpp; fuzz_regressions_test.cpp replays saved inputs through them.

#include <span>
#include <string_view>

namespace kgraph::fuzz {

/// A JSON document read as `fuzz.json`.
void json(std::string_view bytes);
/// JSON Lines read as `fuzz.jsonl`.
void jsonl(std::string_view bytes);
/// The bytes as each CSV file `kgraph build` reads by name (`actors.csv`, `relations.csv`, ...).
void csv(std::string_view bytes);
/// A mapping file (`--mapping`); when it loads, a fixed small table is read through it.
void mapping(std::string_view bytes);
/// A CSV table read through a fixed mapping.
void mapping_table(std::string_view bytes);
/// A `--schema` file; when it loads, a fixed small document is read with the extended schema.
void schema(std::string_view bytes);
/// A gzip, bzip2 or zstd stream (the first byte picks which), decompressed and read as JSON Lines.
void compressed(std::string_view bytes);
/// A Popolo document read as `fuzz.popolo.json`.
void popolo(std::string_view bytes);
/// GraphML read as `fuzz.graphml`.
void graphml(std::string_view bytes);
/// FollowTheMoney entity and delta lines read as `fuzz.ftm.json`.
void ftm(std::string_view bytes);
/// A Wikidata dump or wbgetentities response read as `fuzz.wikidata.json`.
void wikidata(std::string_view bytes);

/// An article `fuzz.md` read after a fixed graph, with co-mentions.
void text(std::string_view bytes);
/// An HTML page `fuzz.html` read as an article after a fixed graph, with co-mentions.
void html(std::string_view bytes);
/// A shard folder's manifest.json, as `kgraph merge` reads it.
void shard_manifest(std::string_view bytes);

using Entry = void (*)(std::string_view bytes);

struct Target {
  std::string_view name;  // as in tests/fuzz/targets.txt and `scripts/fuzz.sh --list`
  Entry entry;
};

/// Every entry point with its target name.
std::span<const Target> targets();

}  // namespace kgraph::fuzz
