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
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/importer.hpp"

namespace kgraph {

namespace detail {
struct MappingDocument;
}

/// Reads a file a mapping names (a lookup table), by the path the mapping's place and its text
/// give; nullopt if it cannot be read.
using MappingFileReader = std::function<std::optional<std::string>(const std::string& path)>;

class TableMapping {
 public:
  /// Parses a mapping document; problems go to `diags` against `file`. nullopt if there were any.
  /// Lookup files are read from the disk, relative to the folder of `file`'s name.
  static std::optional<TableMapping> load(std::string_view json_text, std::uint32_t file,
                                          Diagnostics& diags);
  /// Same, with lookup files read by `read_file` (tests; the fuzz target reads none).
  static std::optional<TableMapping> load(std::string_view json_text, std::uint32_t file,
                                          Diagnostics& diags, const MappingFileReader& read_file);

  TableMapping(TableMapping&&) noexcept;
  TableMapping& operator=(TableMapping&&) noexcept;
  ~TableMapping();

  /// True if the mapping reads the input `file_name` that `importer` would read otherwise:
  /// every CSV or tab-separated table (one no table's "files" matches is an error when read),
  /// and JSON Lines files a "jsonl" table's "files" matches.
  bool reads(std::string_view file_name, std::string_view importer) const;

  /// Reads one table (CSV, tab-separated or JSON Lines, as the table of the mapping whose
  /// "files" matches `file_name` says) and adds what each row makes to `builder`. `file` is the
  /// table's index in the builder's diagnostics.
  void read(std::istream& table, std::uint32_t file, std::string_view file_name,
            RecordSink& builder) const;

  /// Number of entity and relation templates (for tests and summaries).
  std::size_t entity_count() const;
  std::size_t relation_count() const;

 private:
  TableMapping();
  std::unique_ptr<detail::MappingDocument> doc_;
};

/// An importer ("csv") that reads every table it is given through `mapping` (`--mapping FILE`).
std::unique_ptr<Importer> make_mapping_importer(std::shared_ptr<const TableMapping> mapping);

}  // namespace kgraph
