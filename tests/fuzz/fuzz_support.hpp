#pragma once
/// What the fuzz entry points share: the built-in importers and schema, made once, and one
/// input read the way `kgraph build` reads it.

#include <string_view>

#include "graph/diagnostics.hpp"
#include "graph/schema.hpp"
#include "importers/importer.hpp"

namespace kgraph::fuzz {

/// The built-in importers, registered once.
const ImporterRegistry& builtin_importers();
/// The built-in schema, parsed once (GraphBuilder takes a copy).
const Schema& builtin_schema();

/// Reads `bytes` as the input `file_name` with `importer` into a GraphBuilder on `schema`, then
/// finishes the graph unless there were too many errors, and formats every diagnostic.
void read_input(const Importer& importer, std::string_view file_name, std::string_view bytes,
                const Schema& schema, Diagnostics& diags);

/// Same, with the importer the registry picks for `file_name` (it must pick one).
void read_input(std::string_view file_name, std::string_view bytes);

/// Reads the fixed kArticleGraph, then `bytes` as the article `file_name` (with co-mentions),
/// into one GraphBuilder, as `kgraph build --co-mentions graph.json FILE` does; then finishes.
void read_article(std::string_view file_name, std::string_view bytes);

/// Formats every diagnostic as `kgraph` prints them, into a buffer that is thrown away.
void format_diagnostics(const Diagnostics& diags);

}  // namespace kgraph::fuzz
