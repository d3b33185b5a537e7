// `kgraph stats`: counts, components, dates and the most central entities of a selection.

#include <optional>

#include "cli/common_options.hpp"
#include "cli/input_session.hpp"
#include "cli/selection_options.hpp"
#include "cli/stats_report.hpp"
#include "cli/verb.hpp"
#include "graph/algorithms.hpp"

namespace kgraph::cli {
namespace {

constexpr OptionSpec kStatsOptions[] = {
    {"json", 0, "", "print the statistics as JSON"},
    {"top", 0, "N", "how many most central entities to list (default 10)"},
};

constexpr OptionGroup kStatsGroups[] = {
    {"Options", kStatsOptions},
    {"Selection options", kSelectionOptions},
    {"Input options", kInputOptions},
    {"Reporting options", kReportOptions},
};

int run_stats(const ParsedArgs& args, Context& ctx) {
  const SelectionOptions selection = selection_options(args);
  std::size_t top = 10;
  if (auto t = args.value("top")) top = parse_count("--top", *t);
  InputSession session(args, ctx);
  session.collect_inputs();
  std::optional<Schema> schema = session.load_schema();
  if (!schema) return exit_status::invalid_input;
  std::optional<KnowledgeGraph> graph = session.read(std::move(*schema));
  if (!graph) return exit_status::invalid_input;
  SelectionError selection_error;
  const std::optional<GraphView> view = select(*graph, selection, selection_error);
  if (!view) throw UsageError(selection_error.message);
  const GraphStats stats = compute_stats(*view, top);
  if (args.has("json"))
    write_stats_json(ctx.out, *graph, stats);
  else
    write_stats_text(ctx.out, *graph, stats);
  return exit_status::ok;
}

constexpr Verb kStats{
    "stats",
    "INPUT... [--json] [selection options]",
    "count entities and relations; find central entities",
    "Prints counts per type, kind and relation type, connected components, the date range, and\n"
    "the most central entities by degree and by betweenness (up to 5000 entities), for the\n"
    "whole graph or the part the selection options keep.",
    kStatsGroups,
    true,
    false,
    run_stats};

}  // namespace

const Verb& stats_verb() { return kStats; }

}  // namespace kgraph::cli
