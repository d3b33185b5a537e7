#pragma once
/// Outputs that would destroy, or be read back as, the run's inputs: checked after the inputs
/// are found and before anything is read or written (docs/cli.md, "Outputs and inputs").

#include <span>
#include <string>
#include <vector>

#include "cli/input_files.hpp"
#include "cli/output_plan.hpp"

namespace kgraph::cli {

/// What the check compares the outputs with.
struct RunInputs {
  std::span<const std::string> arguments;  // the INPUT arguments as given ("-" is skipped)
  std::span<const InputFile> files;        // every file they resolved to (directory walks included)
  std::vector<std::string> documents;      // --schema and --mapping files
  const ImporterRegistry* importers = nullptr;
};

/// Throws UsageError naming both when
/// - an output is the same file or directory as an input (same device and inode, so through
///   symbolic links, hard links and `..`);
/// - an output lies inside an input directory (by its own path or where its symbolic link
///   leads) and is a directory output, or has a name some importer reads — it would be read
///   as an input by the next run;
/// - an input lies inside a directory output, which the run replaces as a whole.
void check_outputs_against_inputs(const std::vector<OutputSpec>& outputs, const RunInputs& inputs);

}  // namespace kgraph::cli
