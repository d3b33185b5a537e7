#pragma once
/// The output options (`--engine`, `--legend`, `--cluster`, `--force`, `--base-iri`, `--parts`)
/// as the ExportOptions every exporter receives.

#include "cli/command_line.hpp"
#include "exporters/exporter.hpp"

namespace kgraph::cli {

/// The output options as given; unknown choices, unusable IRIs and part counts outside 1 to
/// kMaxParts throw UsageError. An option the verb does not take keeps its default.
ExportOptions export_options(const ParsedArgs& args);

}  // namespace kgraph::cli
