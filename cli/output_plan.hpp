#pragma once
/// The `-o` arguments of a run: parsing them to an exporter and a path, and the OutputSet that
/// creates every output's temporary up front and writes them all at the end (all or nothing,
/// see cli/atomic_output.hpp).
///
///   const std::vector<OutputSpec> outputs = output_specs(args, ctx);
///   OutputSet set(outputs, ctx);              // before reading: a bad directory fails early
///   ...
///   set.write_all(view, options, progress);   // write, then rename into place

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "cli/atomic_output.hpp"
#include "cli/progress.hpp"
#include "cli/verb.hpp"
#include "exporters/exporter.hpp"
#include "graph/graph_view.hpp"

namespace kgraph::cli {

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

/// Every extension some exporter writes, sorted: ".dot, .gexf, ...".
std::vector<std::string> output_extensions(const ExporterRegistry& registry);

/// Every `-o` of the run, parsed; the same path named twice is a UsageError.
std::vector<OutputSpec> output_specs(const ParsedArgs& args, const Context& ctx);

/// The paths of the outputs that are files or directories (not standard output).
std::vector<std::filesystem::path> output_paths(const std::vector<OutputSpec>& outputs);

/// Outputs of one run: temporaries are made up front (so that a missing output directory is
/// reported before a long import) and renamed into place by write_all() only when all
/// succeeded.
class OutputSet {
 public:
  OutputSet(const std::vector<OutputSpec>& outputs, Context& ctx);

  /// Writes every output, then commits them all. Throws CliError: exit 1 for an
  /// ExportError, exit 3 for a failed write.
  void write_all(const GraphView& view, const ExportOptions& options, Progress& progress);

 private:
  const std::vector<OutputSpec>& outputs_;
  OutputTransaction transaction_;
  std::vector<PendingOutput*> pending_;
};

}  // namespace kgraph::cli
