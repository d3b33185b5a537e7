#pragma once
/// Reads one CSV table through a loaded mapping: checks the header against the columns the
/// mapping names, then makes each row's entities and relations and hands them to the builder.

#include <cstdint>
#include <istream>
#include <string_view>

#include "graph/graph_builder.hpp"
#include "importers/mapping_spec.hpp"

namespace kgraph::detail {

/// The table of `doc` that reads `file_name`: the first whose "files" matches its name (without
/// folders and without a compression ending), or nullptr.
const MappingSpec* table_for(const MappingDocument& doc, std::string_view file_name);

/// Reads `table` through the table of `doc` that reads `file_name` (`file` is its index in the
/// builder's diagnostics); an error if there is none.
void read_mapped_table(const MappingDocument& doc, std::istream& table, std::uint32_t file,
                       std::string_view file_name, RecordSink& builder);

}  // namespace kgraph::detail
