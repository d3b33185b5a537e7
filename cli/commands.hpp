#pragma once
/// The verbs of `kgraph` and the dispatcher that runs them. A verb is one row in verbs():
/// its name, its help, its option groups and the function that runs it. `stats` and `path`
/// plug in the same way.
///
///   Context ctx{std::cout, std::cerr, importers, exporters};
///   int status = run({"build", "a.json", "-o", "a.graphml"}, ctx);

#include <filesystem>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command_line.hpp"
#include "exporters/exporter.hpp"
#include "graph/knowledge_graph.hpp"
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
  bool reads_inputs = false;     // adds the INPUT paragraph to --help
  bool writes_outputs = false;   // adds the OUTPUT paragraph to --help
  int (*run)(const ParsedArgs& args, Context& ctx) = nullptr;
};

/// Every verb, in the order `kgraph --help` lists them.
std::span<const Verb> verbs();

/// Runs `kgraph ARGS...` (the words after the program name) and returns the exit status.
/// Prints every error itself; never throws.
int run(std::span<const std::string> args, Context& ctx);

/// `kgraph VERB --help`.
std::string verb_help(const Verb& verb, const Context& ctx);

/// An `-o` argument resolved to an exporter and a path.
struct OutputSpec {
  std::string text;             // as given
  std::filesystem::path path;   // without the FORMAT: prefix
  const Exporter* exporter = nullptr;
  bool to_stdout = false;       // `FORMAT:-`
};

/// Resolves `-o TEXT`: a `FORMAT:` prefix naming an exporter wins, else the extension;
/// `FORMAT:-` is standard output (single-file formats only). Throws
/// UsageError (with did-you-mean and the list of formats) when neither names a format.
OutputSpec parse_output_spec(std::string_view text, const ExporterRegistry& registry);

}  // namespace kgraph::cli
