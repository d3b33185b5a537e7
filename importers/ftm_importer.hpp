#pragma once
/// The FollowTheMoney importer ("ftm", `.ftm.json`, `.ftm.jsonl`; docs/formats/ftm.md): FtM
/// entity lines and `{"op": "ADD", "entity": ...}` delta lines, read through a mapping.

#include <memory>

#include "importers/importer.hpp"

namespace kgraph {

/// The FollowTheMoney importer, for register_builtin_importers.
std::unique_ptr<Importer> make_ftm_importer();

}  // namespace kgraph
