#pragma once
/// The diagram options (`--engine`, `--legend`, `--cluster`, `--force`, `--base-iri`) as the
/// ExportOptions every exporter receives.

#include "cli/command_line.hpp"
#include "exporters/exporter.hpp"

namespace kgraph::cli {

/// The diagram options as given; unknown choices and unusable IRIs throw UsageError.
ExportOptions export_options(const ParsedArgs& args);

}  // namespace kgraph::cli
