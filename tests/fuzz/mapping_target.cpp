// Fuzz target `mapping`: a mapping file, as `kgraph build --mapping FILE table.csv` loads it;
// when it loads, the fixed treaty table is read through it. Lookup files are never read (a
// mapping that names one fails to load), so that no input makes the target touch the disk.
#include <memory>

#include "fixed_inputs.hpp"
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"
#include "importers/mapping.hpp"

namespace kgraph::fuzz {
void mapping(std::string_view bytes) {
  Diagnostics diags;
  std::optional<TableMapping> loaded =
      TableMapping::load(bytes, diags.add_file("fuzz.mapping.json"), diags,
                         [](const std::string&) { return std::optional<std::string>(); });
  if (!loaded) {
    format_diagnostics(diags);
    return;
  }
  const auto importer =
      make_mapping_importer(std::make_shared<const TableMapping>(std::move(*loaded)));
  read_input(*importer, "status.csv", kTreatyTable, builtin_schema(), diags);
}
}  // namespace kgraph::fuzz
