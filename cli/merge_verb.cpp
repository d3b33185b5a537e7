// `kgraph merge`: join the shard folders of `kgraph shard` into the graph, checked and written
// as `kgraph build` would check and write the graph of all their inputs (docs/scale.md).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/common_options.hpp"
#include "cli/export_options.hpp"
#include "cli/input_session.hpp"
#include "cli/output_conflicts.hpp"
#include "cli/output_plan.hpp"
#include "cli/partitioned_merge.hpp"
#include "cli/read_select_write.hpp"
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

/// A shard folder as its manifest describes it.
struct ShardFolder {
  std::string path;
  ShardManifest manifest;
};

/// Every shard folder with its manifest, in argument order; nullopt when a manifest is wrong
/// (its problems are in the session's diagnostics).
std::optional<std::vector<ShardFolder>> shard_folders(const ParsedArgs& args,
                                                      InputSession& session) {
  std::vector<ShardFolder> folders;
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
    std::optional<ShardManifest> manifest =
        read_shard_manifest(text, diags.add_file(manifest_path), diags);
    if (manifest)
      folders.push_back({folder, std::move(*manifest)});
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return folders;
}

InputFile part_file(const ShardFolder& folder, std::uint32_t part, const Importer* jsonl) {
  const fs::path path = fs::path(folder.path) / folder.manifest.files[part];
  return InputFile{path.string(), path, jsonl};
}

/// Every part file, in argument then part order: what a merge of the whole graph reads.
std::vector<InputFile> all_part_files(const std::vector<ShardFolder>& folders,
                                      const Importer* jsonl) {
  std::vector<InputFile> files;
  for (const ShardFolder& folder : folders)
    for (std::uint32_t p = 0; p < folder.manifest.parts; ++p)
      files.push_back(part_file(folder, p, jsonl));
  return files;
}

/// The part files by part, when the merge can hold one partition at a time: every folder
/// cut into the `--parts` of the outputs (then part p of every folder holds all records of
/// the ids of part p, and becomes part p of the outputs), and nothing selected (a selection
/// needs the whole graph). Empty otherwise.
PartFiles partitions(const std::vector<ShardFolder>& folders, const ExportOptions& options,
                     const SelectionOptions& selection, const Importer* jsonl) {
  if (options.parts <= 1 || !selection.selects_everything()) return {};
  for (const ShardFolder& folder : folders)
    if (folder.manifest.parts != options.parts) return {};
  PartFiles parts(options.parts);
  for (std::uint32_t p = 0; p < options.parts; ++p)
    for (const ShardFolder& folder : folders) parts[p].push_back(part_file(folder, p, jsonl));
  return parts;
}

int run_merge(const ParsedArgs& args, Context& ctx) {
  const std::vector<OutputSpec> outputs = output_specs(args, ctx);
  if (outputs.empty())
    throw UsageError("no output given; name one with -o PATH (e.g. -o graph.graphml)");
  if (args.positionals().empty())
    throw UsageError("no shard folders given; kgraph shard INPUT... --parts P -o DIR writes one");
  const Importer* jsonl = ctx.importers.named("jsonl");
  if (!jsonl) throw std::logic_error("kgraph merge needs the jsonl importer");
  const SelectionOptions selection = selection_options(args);
  const ExportOptions options = export_options(args);
  InputSession session(args, ctx);
  const std::optional<std::vector<ShardFolder>> folders = shard_folders(args, session);
  if (!folders) {
    session.print_diagnostics();
    return exit_status::invalid_input;
  }
  session.set_inputs(all_part_files(*folders, jsonl));
  check_outputs_against_inputs(
      outputs, {args.positionals(), session.inputs(), session.documents(), &ctx.importers});
  std::optional<Schema> schema = session.load_schema();
  if (!schema) return exit_status::invalid_input;

  OutputSet output_set(outputs, ctx);
  const PartFiles parts = partitions(*folders, options, selection, jsonl);
  if (!parts.empty()) {
    const std::vector<std::unique_ptr<PartWriter>> owned = output_set.part_writers(options);
    if (!owned.empty()) {
      std::vector<PartWriter*> writers;
      for (const auto& w : owned) writers.push_back(w.get());
      if (!merge_by_partition(session, *schema, parts, writers, ctx))
        return exit_status::invalid_input;
      output_set.commit_parts();
      session.progress().done();
      return exit_status::ok;
    }
  }
  return read_select_write(session, std::move(*schema), selection, options, output_set, ctx);
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
