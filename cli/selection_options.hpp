#pragma once
/// The selection options (`--focus`, `--depth`, `--types`, `--relations`, `--since`,
/// `--until`, `--dated-only`) as the SelectionOptions of graph/selection.hpp.

#include "cli/command_line.hpp"
#include "graph/selection.hpp"

namespace kgraph::cli {

/// The selection options as given. Type names, dates and the combinations of options are
/// checked here (UsageError); focus ids and relation types against the graph by select().
SelectionOptions selection_options(const ParsedArgs& args);

}  // namespace kgraph::cli
