// Fuzz targets `csv_SECTION`: a CSV file whose name says its section, as `kgraph build
// actors.csv` reads it. Typed headers (`population:int`, `tags:string[]`) are part of the bytes.
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"

namespace kgraph::fuzz {
void csv_sources(std::string_view bytes) { read_input("sources.csv", bytes); }
void csv_actors(std::string_view bytes) { read_input("actors.csv", bytes); }
void csv_laws(std::string_view bytes) { read_input("laws.csv", bytes); }
void csv_events(std::string_view bytes) { read_input("events.csv", bytes); }
void csv_places(std::string_view bytes) { read_input("places.csv", bytes); }
void csv_relations(std::string_view bytes) { read_input("relations.csv", bytes); }
}  // namespace kgraph::fuzz
