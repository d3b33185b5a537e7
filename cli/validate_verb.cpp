// `kgraph validate`: read the inputs, report every problem, optionally list likely duplicates.

#include <optional>
#include <string>

#include "cli/common_options.hpp"
#include "cli/input_session.hpp"
#include "cli/verb.hpp"
#include "graph/duplicates.hpp"

namespace kgraph::cli {
namespace {

constexpr OptionSpec kDuplicateOptions[] = {
    {"duplicates", 0, "",
     "list entities of one type that are probably the same under different ids"},
    {"json", 0, "", "print the --duplicates list as JSON"},
};

constexpr OptionGroup kValidateGroups[] = {
    {"Input options", kInputOptions},
    {"Review options", kDuplicateOptions},
    {"Reporting options", kReportOptions},
};

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

int run_validate(const ParsedArgs& args, Context& ctx) {
  if (args.has("json") && !args.has("duplicates"))
    throw UsageError("--json goes with --duplicates");
  InputSession session(args, ctx);
  session.collect_inputs();
  std::optional<Schema> schema = session.load_schema();
  if (!schema) return exit_status::invalid_input;
  // Only --duplicates needs the graph itself; the summary needs its sizes.
  std::optional<KnowledgeGraph> graph;
  std::optional<GraphCounts> counts;
  if (args.has("duplicates")) {
    graph = session.read(std::move(*schema));
    if (graph)
      counts =
          GraphCounts{graph->entities().size(), graph->relations().size(), graph->sources().size()};
  } else {
    counts = session.read_counts(std::move(*schema));
  }
  if (!counts) return exit_status::invalid_input;
  if (args.has("duplicates") && args.has("json")) {
    write_duplicates_json(ctx.out, *graph, find_duplicates(*graph));
    return exit_status::ok;
  }
  if (!session.quiet()) {
    ctx.out << "ok: " << plural(counts->entities, "entity", "entities") << ", "
            << plural(counts->relations, "relation", "relations") << ", "
            << plural(counts->sources, "source", "sources");
    if (const std::size_t w = session.diagnostics().warning_count())
      ctx.out << ", " << plural(w, "warning", "warnings");
    ctx.out << '\n';
  }
  if (args.has("duplicates")) write_duplicates_text(ctx.out, *graph, find_duplicates(*graph));
  return exit_status::ok;
}

constexpr Verb kValidate{
    "validate",
    "INPUT... [options]",
    "check inputs against the schema without writing anything",
    "Reads every INPUT and reports every problem as FILE:LINE:COLUMN: error: MESSAGE.\n"
    "Prints a summary line when the inputs are valid.",
    kValidateGroups,
    true,
    false,
    run_validate};

}  // namespace

const Verb& validate_verb() { return kValidate; }

}  // namespace kgraph::cli
