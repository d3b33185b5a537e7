#pragma once
/// Mapping files (docs/formats/mapping.md): a JSON file that says which entities and
/// relations each row of a table makes, in the spirit of FollowTheMoney's CSV mappings.
///
///   Diagnostics diags;
///   auto mapping = TableMapping::load(text, diags.add_file("status.mapping.json"), diags);
///   GraphBuilder builder(Schema::builtin(), diags);
///   if (mapping) mapping->read(table, diags.add_file("status.csv"), "status.csv", builder);
///
/// Mapping errors point into the mapping file (line:column); data errors point into the table
/// (line, field number). The mapping must be loaded into the same Diagnostics the builder uses,
/// because values written as constants in the mapping are reported at their place there.

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/importer.hpp"

namespace kgraph {

namespace detail {
struct MappingSpec;
}

class TableMapping {
 public:
  /// Parses a mapping document; problems go to `diags` against `file`. nullopt if there were any.
  static std::optional<TableMapping> load(std::string_view json_text, std::uint32_t file,
                                          Diagnostics& diags);

  TableMapping(TableMapping&&) noexcept;
  TableMapping& operator=(TableMapping&&) noexcept;
  ~TableMapping();

  /// Reads one CSV table (RFC 4180, header row) and adds what each row makes to `builder`.
  /// `file` is the table's index in the builder's diagnostics.
  void read(std::istream& table, std::uint32_t file, std::string_view file_name,
            GraphBuilder& builder) const;

  /// Number of entity and relation templates (for tests and summaries).
  std::size_t entity_count() const;
  std::size_t relation_count() const;

 private:
  TableMapping();
  std::unique_ptr<detail::MappingSpec> spec_;
};

/// An importer ("csv", ".csv") that reads every table through `mapping` (`--mapping FILE`).
std::unique_ptr<Importer> make_mapping_importer(std::shared_ptr<const TableMapping> mapping);

}  // namespace kgraph
