#pragma once
/// Reads a mapping file (docs/formats/mapping.md) into a MappingDocument, checking its shape and
/// reporting every problem at its line and column in the mapping.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "graph/diagnostics.hpp"
#include "importers/mapping.hpp"
#include "importers/mapping_spec.hpp"

namespace kgraph::detail {

/// Reads a lookup's file (the path is the mapping's folder joined with what the mapping says);
/// nullopt if it cannot.
using LookupFileReader = MappingFileReader;

/// Fills `doc` from the mapping text; false if anything was reported to `diags` (against `file`).
bool load_mapping(std::string_view json_text, std::uint32_t file, Diagnostics& diags,
                  MappingDocument& doc, const LookupFileReader& read_file);

}  // namespace kgraph::detail
