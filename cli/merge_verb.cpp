// `kgraph merge`: join the shard folders of `kgraph shard` into the graph, checked and written
// as `kgraph build` would check and write the graph of all their inputs (docs/scale.md).

#include <filesystem>
#include <optional>
#include <stdexcept>

#include "cli/common_options.hpp"
#include "cli/export_options.hpp"
#include "cli/input_session.hpp"
#include "cli/output_conflicts.hpp"
#include "cli/output_plan.hpp"
#include "cli/schema_files.hpp"
#include "cli/selection_options.hpp"
#include "cli/verb.hpp"
#include "importers/shard_manifest.hpp"

namespace kgraph::cli {
namespace {

namespace fs = std::filesystem;

/// What of the input options applies to part files: the schema the shards were read with.
constexpr OptionSpec kMergeInputOptions[] = {
    {"schema", 0, "FILE", "extend the built-in schema with FILE (JSON); repeatable", true},
    {"max-errors", 0, "N", "show at most N problems (default 50; 0: all)"},
};

constexpr OptionGroup kMergeGroups[] = {
    {"Output options", kOutputOptions},    {"Selection options", kSelectionOptions},
    {"Diagram options", kDiagramOptions},  {"Input options", kMergeInputOptions},
    {"Reporting options", kReportOptions},
};

/// The part files of every shard folder, in argument then part order; nullopt when a
/// manifest is wrong (its problems are in the session's diagnostics).
std::optional<std::vector<InputFile>> part_files(const ParsedArgs& args, InputSession& session,
                                                 const Context& ctx) {
  const Importer* jsonl = ctx.importers.named("jsonl");
  if (!jsonl) throw std::logic_error("kgraph merge needs the jsonl importer");
  std::vector<InputFile> files;
  bool ok = true;
  for (const std::string& folder : args.positionals()) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
      throw read_error(folder, fs::exists(folder, ec) ? "not a shard folder (not a directory)"
                                                      : "no such directory");
    const std::string manifest_path = (fs::path(folder) / kShardManifestName).string();
    if (!fs::exists(manifest_path, ec))
      throw read_error(folder, "not a shard folder (no " + std::string(kShardManifestName) +
                                   "; kgraph shard writes one)");
    const std::string text = read_whole_file(manifest_path);
    Diagnostics& diags = session.diagnostics();
    const auto manifest = read_shard_manifest(text, diags.add_file(manifest_path), diags);
    if (!manifest) {
      ok = false;
      continue;
    }
    for (const std::string& name : manifest->files) {
      const fs::path path = fs::path(folder) / name;
      files.push_back(InputFile{path.string(), path, jsonl});
    }
  }
  if (!ok) return std::nullopt;
  return files;
}

int run_merge(const ParsedArgs& args, Context& ctx) {
  const std::vector<OutputSpec> outputs = output_specs(args, ctx);
  if (outputs.empty())
    throw UsageError("no output given; name one with -o PATH (e.g. -o graph.graphml)");
  if (args.positionals().empty())
    throw UsageError("no shard folders given; kgraph shard INPUT... --parts P -o DIR writes one");
  const SelectionOptions selection = selection_options(args);
  const ExportOptions options = export_options(args);
  InputSession session(args, ctx);
  std::optional<std::vector<InputFile>> files = part_files(args, session, ctx);
  if (!files) {
    session.print_diagnostics();
    return exit_status::invalid_input;
  }
  session.set_inputs(std::move(*files));
  check_outputs_against_inputs(
      outputs, {args.positionals(), session.inputs(), session.documents(), &ctx.importers});
  std::optional<Schema> schema = session.load_schema();
  if (!schema) return exit_status::invalid_input;

  OutputSet output_set(outputs, ctx);
  std::optional<KnowledgeGraph> graph = session.read(std::move(*schema));
  if (!graph) return exit_status::invalid_input;

  SelectionError selection_error;
  const std::optional<GraphView> view = select(*graph, selection, selection_error);
  if (!view) throw UsageError(selection_error.message);
  output_set.write_all(*view, options, session.progress());
  session.progress().done();
  return exit_status::ok;
}

constexpr Verb kMerge{
    "merge",
    "DIR... -o [FORMAT:]PATH [-o [FORMAT:]PATH...] [options]",
    "join the shard folders of kgraph shard and write the graph",
    "Reads the parts of every shard folder DIR (written by kgraph shard, perhaps on other\n"
    "machines and from other inputs), merges them by the same rules as kgraph build, checks\n"
    "what needs the whole graph (ids no input declares, relation endpoints against the\n"
    "schema, cited sources) and writes each output: the same bytes kgraph build writes for\n"
    "all the inputs of the shards. Give the --schema files the shards were read with.",
    kMergeGroups,
    false,
    true,
    run_merge};

}  // namespace

const Verb& merge_verb() { return kMerge; }

}  // namespace kgraph::cli
