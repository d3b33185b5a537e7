// Fuzz target `mapping_table`: a CSV table read through the fixed treaty mapping, as `kgraph
// build --mapping mapping.json status.csv` reads it.
#include <cstdlib>
#include <memory>

#include "fixed_inputs.hpp"
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"
#include "importers/mapping.hpp"

namespace kgraph::fuzz {
void mapping_table(std::string_view bytes) {
  Diagnostics diags;
  std::optional<TableMapping> loaded =
      TableMapping::load(kTreatyMapping, diags.add_file("mapping.json"), diags);
  if (!loaded) std::abort();  // the fixed mapping must load: a broken target
  const auto importer =
      make_mapping_importer(std::make_shared<const TableMapping>(std::move(*loaded)));
  read_input(*importer, "status.csv", bytes, builtin_schema(), diags);
}
}  // namespace kgraph::fuzz
