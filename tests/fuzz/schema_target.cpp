// Fuzz target `schema`: a `--schema FILE`, as `kgraph build --schema FILE` loads it; when it
// loads, the effective schema is written out and a fixed document is checked against it.
#include "fixed_inputs.hpp"
#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"

namespace kgraph::fuzz {
void schema(std::string_view bytes) {
  Diagnostics diags;
  Schema extended = builtin_schema();
  if (!extended.extend(bytes, diags.add_file("fuzz.schema.json"), diags)) {
    format_diagnostics(diags);
    return;
  }
  static_cast<void>(extended.to_json());  // `kgraph schema` prints it
  const Importer* importer = builtin_importers().for_path("uses_schema.json");
  read_input(*importer, "uses_schema.json", kSchemaDocument, extended, diags);
}
}  // namespace kgraph::fuzz
