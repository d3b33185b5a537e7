// `kgraph build`: read the inputs, select, write every output (all or nothing).

#include <optional>

#include "cli/common_options.hpp"
#include "cli/export_options.hpp"
#include "cli/input_session.hpp"
#include "cli/output_conflicts.hpp"
#include "cli/output_plan.hpp"
#include "cli/read_select_write.hpp"
#include "cli/selection_options.hpp"
#include "cli/verb.hpp"

namespace kgraph::cli {
namespace {

constexpr OptionGroup kBuildGroups[] = {
    {"Output options", kOutputOptions},    {"Selection options", kSelectionOptions},
    {"Diagram options", kDiagramOptions},  {"Input options", kInputOptions},
    {"Reporting options", kReportOptions},
};

int run_build(const ParsedArgs& args, Context& ctx) {
  const std::vector<OutputSpec> outputs = output_specs(args, ctx);
  if (outputs.empty())
    throw UsageError("no output given; name one with -o PATH (e.g. -o graph.graphml)");
  const SelectionOptions selection = selection_options(args);
  const ExportOptions options = export_options(args);
  InputSession session(args, ctx);
  if (args.positionals().empty()) throw UsageError("no inputs given");
  session.collect_inputs();
  check_outputs_against_inputs(
      outputs, {args.positionals(), session.inputs(), session.documents(), &ctx.importers});
  std::optional<Schema> schema = session.load_schema();
  if (!schema) return exit_status::invalid_input;

  OutputSet output_set(outputs, ctx);
  return read_select_write(session, std::move(*schema), selection, options, output_set, ctx);
}

constexpr Verb kBuild{
    "build",
    "INPUT... -o [FORMAT:]PATH [-o [FORMAT:]PATH...] [options]",
    "read inputs and write the graph in one or more formats",
    "Reads every INPUT, merges and checks them against the schema, and writes the graph to\n"
    "each output. Nothing is written unless the whole run succeeds: outputs are written to\n"
    "temporaries beside their targets and renamed into place at the end.",
    kBuildGroups,
    true,
    true,
    run_build};

}  // namespace

const Verb& build_verb() { return kBuild; }

}  // namespace kgraph::cli
