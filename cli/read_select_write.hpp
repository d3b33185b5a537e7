#pragma once
/// The end every verb that writes a graph shares (`build`, `merge`): read the inputs into the
/// graph, select, write every output (all or none).

#include "cli/input_session.hpp"
#include "cli/output_plan.hpp"
#include "cli/verb.hpp"
#include "exporters/exporter.hpp"
#include "graph/schema.hpp"
#include "graph/selection.hpp"

namespace kgraph::cli {

/// Reads the session's inputs with `schema`, selects the view and writes `outputs`; the exit
/// status (problems printed). Throws UsageError for a selection the graph cannot make.
int read_select_write(InputSession& session, Schema schema, const SelectionOptions& selection,
                      const ExportOptions& options, OutputSet& outputs, Context& ctx);

}  // namespace kgraph::cli
