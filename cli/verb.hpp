#pragma once
/// What a verb of `kgraph` is: a row of the verb table (name, help, option groups, the
/// function that runs it) and the context it runs in. Each verb lives in its own file
/// (`cli/*_verb.cpp`) and hands its row out through one function declared here.

#include <ostream>
#include <span>
#include <string_view>

#include "cli/command_line.hpp"
#include "exporters/exporter.hpp"
#include "importers/importer.hpp"

namespace kgraph::cli {

/// What a verb works with; tests pass string streams.
struct Context {
  std::ostream& out;
  std::ostream& err;
  const ImporterRegistry& importers;
  const ExporterRegistry& exporters;
  /// Whether standard error is a terminal (default of --progress).
  bool err_is_terminal = false;
};

/// One verb of the command line.
struct Verb {
  std::string_view name;
  std::string_view synopsis;     // after "kgraph NAME ": "INPUT... -o OUTPUT [options]"
  std::string_view summary;      // one line, for `kgraph --help`
  std::string_view description;  // a paragraph, for `kgraph NAME --help`
  std::span<const OptionGroup> options;
  bool reads_inputs = false;    // adds the INPUT paragraph to --help
  bool writes_outputs = false;  // adds the OUTPUT paragraph to --help
  int (*run)(const ParsedArgs& args, Context& ctx) = nullptr;
};

/// `kgraph build` (cli/build_verb.cpp).
const Verb& build_verb();
/// `kgraph validate` (cli/validate_verb.cpp).
const Verb& validate_verb();
/// `kgraph stats` (cli/stats_verb.cpp).
const Verb& stats_verb();
/// `kgraph path` (cli/path_verb.cpp).
const Verb& path_verb();
/// `kgraph schema` (cli/schema_verb.cpp).
const Verb& schema_verb();
/// `kgraph shard` (cli/shard_verb.cpp).
const Verb& shard_verb();
/// `kgraph merge` (cli/merge_verb.cpp).
const Verb& merge_verb();

}  // namespace kgraph::cli
