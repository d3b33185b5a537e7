#pragma once
/// The Popolo importer (`.popolo.json`, `--input-format popolo`): docs/formats/popolo.md.

#include <memory>

#include "importers/importer.hpp"

namespace kgraph {

/// Reads a Popolo JSON document (persons, organizations, memberships, areas, events, posts).
std::unique_ptr<Importer> make_popolo_importer();

}  // namespace kgraph
