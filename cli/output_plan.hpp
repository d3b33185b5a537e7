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
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/atomic_output.hpp"
#include "cli/output_target.hpp"
#include "cli/progress.hpp"
#include "cli/verb.hpp"
#include "exporters/exporter.hpp"
#include "graph/graph_view.hpp"

namespace kgraph::cli {

/// An `-o` argument resolved to an exporter and a path.
struct OutputSpec {
  std::string text;            // as given
  std::filesystem::path path;  // without the FORMAT: prefix
  const Exporter* exporter = nullptr;
  bool to_stdout = false;  // `FORMAT:-`
  OutputTarget target;     // what the path names (set by output_specs)
};

/// Resolves `-o TEXT`: a `FORMAT:` prefix naming an exporter wins, else the extension;
/// `FORMAT:-` is standard output (single-file formats only). Throws
/// UsageError (with did-you-mean and the list of formats) when neither names a format.
OutputSpec parse_output_spec(std::string_view text, const ExporterRegistry& registry);

/// Every extension some exporter writes, sorted: ".dot, .gexf, ...".
std::vector<std::string> output_extensions(const ExporterRegistry& registry);

/// Every `-o` of the run, parsed and classified (output_target.hpp). UsageError for the same
/// path named twice, or a directory format whose path is a device, FIFO, socket or
/// standard output.
std::vector<OutputSpec> output_specs(const ParsedArgs& args, const Context& ctx);

/// Outputs of one run: temporaries are made up front (so that a missing output directory is
/// reported before a long import) and renamed into place by write_all() only when all
/// succeeded; outputs written in place (standard output, devices, FIFOs, sockets) are
/// checked up front, held in memory and written after every rename.
class OutputSet {
 public:
  OutputSet(const std::vector<OutputSpec>& outputs, Context& ctx);

  /// Writes every output, then commits them all. Throws CliError: exit 1 for an
  /// ExportError, exit 3 for a failed write.
  void write_all(const GraphView& view, const ExportOptions& options, Progress& progress);

  /// Writers filling every output one part at a time (`kgraph merge`, docs/scale.md), in
  /// output order, their failures thrown as write_all() throws them; empty when some output
  /// cannot be written so (a file, or a format that needs the whole graph at once).
  std::vector<std::unique_ptr<PartWriter>> part_writers(const ExportOptions& options);
  /// Once every part writer has ended: closes the outputs and commits them all.
  void commit_parts();

 private:
  /// Where one output's exporter writes: a stream, or a directory to fill.
  struct Destination {
    PendingOutput* pending = nullptr;
    std::ostream* stream = nullptr;
    const std::filesystem::path* directory = nullptr;
  };

  const std::vector<OutputSpec>& outputs_;
  Context& ctx_;
  OutputTransaction transaction_;
  std::vector<Destination> destinations_;
};

}  // namespace kgraph::cli
