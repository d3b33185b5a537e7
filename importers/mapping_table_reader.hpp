#pragma once
/// Reads one CSV table through a loaded mapping: checks the header against the columns the
/// mapping names, then makes each row's entities and relations and hands them to the builder.

#include <cstdint>
#include <istream>
#include <string_view>

#include "graph/graph_builder.hpp"
#include "importers/mapping_spec.hpp"

namespace kgraph::detail {

/// Reads `table` (RFC 4180, header row; `file` is its index in the builder's diagnostics).
void read_mapped_table(const MappingSpec& spec, std::istream& table, std::uint32_t file,
                       std::string_view file_name, GraphBuilder& builder);

}  // namespace kgraph::detail
