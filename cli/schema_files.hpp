#pragma once
/// The `--schema FILE` documents: reading a file whole, and the built-in schema extended by
/// each of them.

#include <string>
#include <vector>

#include "graph/diagnostics.hpp"
#include "graph/schema.hpp"

namespace kgraph::cli {

/// The whole content of `path`. Throws CliError (exit 3, "cannot read PATH: REASON").
std::string read_whole_file(const std::string& path);

/// The built-in schema extended by `files` in order; problems go to `diags`. Throws CliError
/// (exit 3) for a file that cannot be read.
Schema effective_schema(const std::vector<std::string>& files, Diagnostics& diags);

}  // namespace kgraph::cli
