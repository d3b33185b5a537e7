// `kgraph shard`: read the inputs as `build` does and write their graph as P parts, partial
// graphs that `kgraph merge` joins (docs/scale.md).

#include <fcntl.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <optional>
#include <stdexcept>

#include "cli/atomic_output.hpp"
#include "cli/common_options.hpp"
#include "cli/fd_stream.hpp"
#include "cli/input_session.hpp"
#include "cli/output_conflicts.hpp"
#include "cli/output_plan.hpp"
#include "cli/verb.hpp"
#include "graph/shard_partition.hpp"
#include "importers/shard_manifest.hpp"

namespace kgraph::cli {
namespace {

namespace fs = std::filesystem;

constexpr OptionSpec kShardOptions[] = {
    {"parts", 0, "P", "how many parts to write (1 to 100000)"},
    {"output", 'o', "DIR", "the shard folder to write (replaced as a whole)"},
};

constexpr OptionGroup kShardGroups[] = {
    {"Shard options", kShardOptions},
    {"Input options", kInputOptions},
    {"Reporting options", kReportOptions},
};

/// The shard folder as an output of the run, so that the checks every directory output gets
/// (not an input, not inside an input directory, no input inside it) apply to it too. Never
/// asked to write: the verb fills the folder itself.
class ShardFolder final : public Exporter {
 public:
  std::string_view name() const override { return "shard"; }
  std::vector<std::string_view> extensions() const override { return {}; }
  bool writes_directory() const override { return true; }
};

std::uint32_t parts_option(const ParsedArgs& args) {
  const auto text = args.value("parts");
  if (!text) throw UsageError("no part count given; name one with --parts P (e.g. --parts 16)");
  const std::size_t parts = parse_count("--parts", *text);
  if (parts < 1 || parts > kMaxShardParts)
    throw UsageError("--parts takes a count from 1 to " + std::to_string(kMaxShardParts) +
                     ", not " + *text);
  return static_cast<std::uint32_t>(parts);
}

OutputSpec folder_spec(const ParsedArgs& args, const Exporter& folder) {
  const std::vector<std::string> outputs = args.values("output");
  if (outputs.empty()) throw UsageError("no shard folder given; name one with -o DIR");
  if (outputs.size() > 1) throw UsageError("kgraph shard writes one folder; -o given twice");
  OutputSpec spec;
  spec.text = outputs.front();
  spec.path = outputs.front();
  spec.exporter = &folder;
  if (spec.text.empty()) throw UsageError("the shard folder (-o) is empty");
  spec.target = classify_output(spec.path);
  if (spec.target.kind != TargetKind::replaced)
    throw UsageError("a shard folder is a directory, but '" + spec.text + "' is " +
                     spec.target.what);
  return spec;
}

/// Creates the file `path` and fills it; CliError (exit 3) naming `shown` if that fails.
/// `one_thread` (`--threads 0`): its blocks are written on this thread.
void write_file(const fs::path& path, const std::string& shown, bool one_thread,
                const std::function<void(std::ostream&)>& fill) {
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (!fd) throw write_error(shown, std::strerror(errno));
  FdOutputBuffer buffer(std::move(fd));
  if (one_thread) buffer.write_on_this_thread();
  std::ostream out(&buffer);
  fill(out);
  out.flush();
  const int e = buffer.finish();
  if (e != 0 || out.bad()) throw write_error(shown, std::strerror(e != 0 ? e : EIO));
}

int run_shard(const ParsedArgs& args, Context& ctx) {
  const ShardFolder folder;
  const std::vector<OutputSpec> outputs{folder_spec(args, folder)};
  const std::uint32_t parts = parts_option(args);
  const bool one_thread = threads_option(args) == 0;
  InputSession session(args, ctx);
  session.collect_inputs();
  check_outputs_against_inputs(
      outputs, {args.positionals(), session.inputs(), session.documents(), &ctx.importers});
  std::optional<Schema> schema = session.load_schema();
  if (!schema) return exit_status::invalid_input;

  OutputTransaction transaction;
  PendingDirectory& dir = transaction.add_directory(outputs.front().path);
  std::optional<PartialGraph> partial = session.read_partial(std::move(*schema));
  if (!partial) return exit_status::invalid_input;

  // Each part is what `-o part.jsonl` would write of it: canonical, sorted JSON Lines.
  const Exporter* jsonl = ctx.exporters.named("jsonl");
  if (!jsonl) throw std::logic_error("kgraph shard needs the jsonl exporter");
  const ShardPartition partition(*partial, parts);
  for (std::uint32_t p = 0; p < parts; ++p) {
    const std::string shown = (outputs.front().path / shard_part_name(p)).string();
    session.progress().step("writing " + shown);
    write_file(dir.path() / shard_part_name(p), shown, one_thread,
               [&](std::ostream& out) { jsonl->write(partition.view(p), out, ExportOptions{}); });
  }
  write_file(dir.path() / kShardManifestName, (outputs.front().path / kShardManifestName).string(),
             one_thread, [&](std::ostream& out) { out << shard_manifest_text(parts); });
  transaction.commit_all();
  session.progress().done();
  return exit_status::ok;
}

constexpr Verb kShard{
    "shard",
    "INPUT... --parts P -o DIR [options]",
    "read inputs and write their graph as P partial graphs for kgraph merge",
    "Reads every INPUT as kgraph build does and writes its graph to DIR as P parts: canonical\n"
    "JSON Lines files part-00000.jsonl ... and a manifest.json. An entity goes to the part its\n"
    "id hashes to (FNV-1a 64 modulo P), a relation with its from entity, a source to every\n"
    "part that cites it. Checks that need every input (ids no input declares, relation\n"
    "endpoints, cited sources) are left to kgraph merge, which joins shard folders of any\n"
    "inputs into the graph kgraph build would make of them all (docs/scale.md).",
    kShardGroups,
    true,
    false,
    run_shard};

}  // namespace

const Verb& shard_verb() { return kShard; }

}  // namespace kgraph::cli
