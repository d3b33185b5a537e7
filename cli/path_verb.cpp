// `kgraph path`: the shortest chain of relations between two entities, printed and
// optionally written to outputs.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "cli/common_options.hpp"
#include "cli/entity_label.hpp"
#include "cli/export_options.hpp"
#include "cli/input_session.hpp"
#include "cli/output_conflicts.hpp"
#include "cli/output_plan.hpp"
#include "cli/verb.hpp"
#include "graph/algorithms.hpp"
#include "graph/graph_view.hpp"

namespace kgraph::cli {
namespace {

constexpr OptionSpec kPathOptions[] = {
    {"from", 0, "ID", "the entity the chain starts at"},
    {"to", 0, "ID", "the entity the chain ends at"},
    {"output", 'o', "[FORMAT:]PATH", "also draw or write the chain to PATH; repeatable", true},
};

constexpr OptionGroup kPathGroups[] = {
    {"Options", kPathOptions},
    {"Diagram options", kDiagramOptions},
    {"Input options", kInputOptions},
    {"Reporting options", kReportOptions},
};

int run_path(const ParsedArgs& args, Context& ctx) {
  const auto from_id = args.value("from"), to_id = args.value("to");
  if (!from_id || !to_id) throw UsageError("path needs --from ID and --to ID");
  const std::vector<OutputSpec> outputs = output_specs(args, ctx);
  const ExportOptions options = export_options(args);
  InputSession session(args, ctx);
  session.collect_inputs();
  check_outputs_against_inputs(
      outputs, {args.positionals(), session.inputs(), session.documents(), &ctx.importers});
  std::optional<Schema> schema = session.load_schema();
  if (!schema) return exit_status::invalid_input;
  OutputSet output_set(outputs, ctx);
  std::optional<KnowledgeGraph> graph = session.read(std::move(*schema));
  if (!graph) return exit_status::invalid_input;

  auto find = [&](const std::string& id, const char* option) {
    auto index = graph->find_entity(id);
    if (!index) {
      std::vector<std::string> ids;
      if (graph->entities().size() <= 20000)
        for (const Entity& e : graph->entities()) ids.emplace_back(graph->str(e.id));
      throw UsageError("no entity has the id '" + id + "' given to --" + option +
                       did_you_mean_suffix(id, ids));
    }
    return *index;
  };
  const std::uint32_t from = find(*from_id, "from"), to = find(*to_id, "to");
  const auto chain = shortest_path(*graph, from, to);
  if (!chain) {
    ctx.out << "no chain of relations joins " << entity_label(*graph, from) << " and "
            << entity_label(*graph, to) << '\n';
    return exit_status::invalid_input;
  }
  // The chain, one relation per line, with the schema's labels and the direction of each.
  std::vector<std::uint32_t> entities{from};
  std::uint32_t at = from;
  ctx.out << entity_label(*graph, from) << '\n';
  for (std::uint32_t r : *chain) {
    const Relation& rel = graph->relations()[r];
    const RelationType* type = graph->schema().relation(graph->str(rel.type));
    const std::string label = type ? type->label : std::string(graph->str(rel.type));
    const bool forward = rel.from == at;
    at = forward ? rel.to : rel.from;
    entities.push_back(at);
    ctx.out << (forward ? "  --" : "  <--") << label
            << (rel.role != kEmpty ? " (" + std::string(graph->str(rel.role)) + ")" : "")
            << (forward ? "-->  " : "--  ") << entity_label(*graph, at) << '\n';
  }
  std::sort(entities.begin(), entities.end());
  entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
  std::vector<std::uint32_t> relations(chain->begin(), chain->end());
  std::sort(relations.begin(), relations.end());
  output_set.write_all(GraphView(*graph, std::move(entities), std::move(relations)), options,
                       session.progress());
  return exit_status::ok;
}

constexpr Verb kPath{
    "path",
    "INPUT... --from ID --to ID [-o [FORMAT:]PATH...]",
    "print the shortest chain of relations between two entities",
    "Finds the shortest chain of relations joining two entities, in either direction, prints it\n"
    "with the relations' labels, and with -o draws or writes just that chain. Exit status 1\n"
    "when no chain joins them.",
    kPathGroups,
    true,
    true,
    run_path};

}  // namespace

const Verb& path_verb() { return kPath; }

}  // namespace kgraph::cli
