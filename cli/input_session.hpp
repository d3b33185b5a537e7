#pragma once
/// Loading the inputs into a graph, as every verb that reads inputs does: the input and
/// reporting options, the schema, the INPUT arguments, the reading and the diagnostics.
///
///   InputSession session(args, ctx);
///   session.collect_inputs();                                      // finds, reads nothing
///   std::optional<Schema> schema = session.load_schema();          // nullopt: exit 1
///   std::optional<KnowledgeGraph> graph = session.read(std::move(*schema));

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/input_files.hpp"
#include "cli/progress.hpp"
#include "cli/verb.hpp"
#include "graph/diagnostics.hpp"
#include "graph/graph_builder.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/schema.hpp"

namespace kgraph::cli {

/// What every verb that reads inputs shares: schema, inputs, diagnostics, reporting.
class InputSession {
 public:
  /// Reads the input and reporting options; throws UsageError for a bad one.
  InputSession(const ParsedArgs& args, Context& ctx);

  Diagnostics& diagnostics() { return diags_; }
  Progress& progress() { return *progress_; }
  bool quiet() const { return quiet_; }

  /// The built-in schema extended by every --schema FILE, or nullopt (problems printed).
  std::optional<Schema> load_schema();

  /// Resolves the INPUT arguments to files without reading them (usage errors and missing
  /// paths throw). Directory walks skip the --schema and --mapping files.
  void collect_inputs();

  /// The files collect_inputs() found.
  const std::vector<InputFile>& inputs() const { return inputs_; }
  /// The --schema, --mapping and --gazetteer files, as given.
  std::vector<std::string> documents() const;

  /// Loads the --mapping file, reads every input and finishes the graph; prints the
  /// diagnostics. nullopt on errors.
  std::optional<KnowledgeGraph> read(Schema schema);

  /// Like read(), for `kgraph validate`: every check, and the sizes of the graph without
  /// sorting it into one (GraphBuilder::finish_counts). nullopt on errors.
  std::optional<GraphCounts> read_counts(Schema schema);

  /// Like read(), for `kgraph shard`: the graph of these inputs alone, without the checks
  /// that need every input (GraphBuilder::finish_partial). nullopt on errors.
  std::optional<PartialGraph> read_partial(Schema schema);

  /// Reads these files instead of the INPUT arguments (`kgraph merge`: the part files).
  void set_inputs(std::vector<InputFile> inputs) { inputs_ = std::move(inputs); }

  /// Prints the diagnostics so far (after ending a progress line).
  void print_diagnostics();

 private:
  void load_mapping();
  /// Loads the mapping and reads every input into `builder`; false if that failed already.
  bool read_into(GraphBuilder& builder);
  /// read_into() a new builder, then `finish(builder)` unless reading stopped on too many
  /// errors (`step` names it in the progress line); prints the diagnostics. nullopt on errors.
  template <typename Finish>
  auto read_and_finish(Schema schema, std::string_view step, Finish finish)
      -> decltype(finish(std::declval<GraphBuilder&>()));
  /// Reads every input but the articles, on threads_ threads beside the builder's.
  void read_inputs(GraphBuilder& builder);
  /// Reads one input on this thread.
  void read_here(const InputFile& input, GraphBuilder& builder);
  /// What the articles look for: the entities read so far and those of the --gazetteer files.
  std::shared_ptr<const ArticleGazetteer> make_gazetteer(const GraphBuilder& builder);

  const ParsedArgs& args_;
  Context& ctx_;
  Diagnostics diags_;
  std::unique_ptr<Progress> progress_;
  std::size_t max_errors_ = 0;
  bool quiet_ = false;
  unsigned threads_ = 0;         // --threads: readers beside the builder's thread
  unsigned finish_helpers_ = 0;  // threads beside the builder's that share its final sort
  const Importer* forced_ = nullptr;
  ImportOptions import_options_;
  std::vector<InputFile> inputs_;
  std::unique_ptr<Importer> mapping_;  // --mapping: reads the CSV inputs
};

}  // namespace kgraph::cli
