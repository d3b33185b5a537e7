#include "cli/read_select_write.hpp"

#include <optional>

#include "cli/phase_timer.hpp"

namespace kgraph::cli {

int read_select_write(InputSession& session, Schema schema, const SelectionOptions& selection,
                      const ExportOptions& options, OutputSet& outputs, Context& ctx) {
  std::optional<KnowledgeGraph> graph = session.read(std::move(schema));
  if (!graph) return exit_status::invalid_input;

  SelectionError selection_error;
  const std::optional<GraphView> view = select(*graph, selection, selection_error);
  if (!view) throw UsageError(selection_error.message);
  {
    const PhaseTimer exporting(ctx.err, "export");
    outputs.write_all(*view, options, session.progress());
  }
  session.progress().done();
  return exit_status::ok;
}

}  // namespace kgraph::cli
