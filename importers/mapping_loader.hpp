#pragma once
/// Reads a mapping file (docs/formats/mapping.md) into a MappingSpec, checking its shape and
/// reporting every problem at its line and column in the mapping.

#include <cstdint>
#include <string_view>

#include "graph/diagnostics.hpp"
#include "importers/mapping_spec.hpp"

namespace kgraph::detail {

/// Fills `spec` from the mapping text; false if anything was reported to `diags` (against `file`).
bool load_mapping(std::string_view json_text, std::uint32_t file, Diagnostics& diags,
                  MappingSpec& spec);

}  // namespace kgraph::detail
