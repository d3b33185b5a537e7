#pragma once
/// Reading GraphML text in the tests of the GraphML importer: with input options and a schema,
/// the messages formatted as the CLI prints them.

#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph_builder.hpp"
#include "importers/graphml_importer.hpp"
#include "support/test_support.hpp"

namespace kgraph::test {

/// `name=value` settings, e.g. {"graphml.type", "labelV"}.
using Settings = std::vector<std::pair<std::string, std::string>>;

/// Imports `text` as the GraphML file `file_name` and finishes the graph.
inline BuildResult read_graphml(const std::string& text, const Settings& settings = {},
                                std::optional<Schema> schema = {},
                                const std::string& file_name = "t.graphml") {
  BuildResult result;
  GraphBuilder builder(schema ? std::move(*schema) : Schema::builtin(), result.diagnostics);
  ImportOptions options;
  options.settings = settings;
  std::istringstream in(text);
  make_graphml_importer()->read(in, result.diagnostics.add_file(file_name), file_name, builder,
                                options);
  result.graph = builder.finish();
  return result;
}

/// The built-in schema extended with the schema file `path`.
inline Schema schema_with(const std::filesystem::path& path) {
  Schema s = Schema::builtin();
  Diagnostics diags;
  if (!s.extend(read_file(path), diags.add_file(path.string()), diags))
    ADD_FAILURE() << "schema " << path;
  return s;
}

}  // namespace kgraph::test
