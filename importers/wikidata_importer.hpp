#pragma once
/// The Wikidata importer ("wikidata", `.wikidata.json`, `.wd.json`; docs/inputs.md,
/// "Wikidata"): the JSON dump (`[`, one entity per line, `]`), streamed line by line, and the
/// wbgetentities response (`{"entities": {...}}`), read whole; items become records through
/// a mapping (importers/wikidata_mapping.hpp).

#include <memory>

#include "importers/importer.hpp"

namespace kgraph {

/// The Wikidata importer, for register_builtin_importers.
std::unique_ptr<Importer> make_wikidata_importer();

}  // namespace kgraph
