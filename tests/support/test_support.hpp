#pragma once
/// Helpers shared by the tests: build graphs from in-memory inputs, export to strings, run the
/// kgraph binary and other programs, make temporary folders.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "exporters/exporter.hpp"
#include "graph/diagnostics.hpp"
#include "graph/knowledge_graph.hpp"
#include "importers/importer.hpp"

namespace kgraph::test {

/// The built-in importers and exporters, registered once.
const ImporterRegistry& importers();
const ExporterRegistry& exporters();

/// An input as (file name, content); the importer is chosen by the name's extension.
using InputText = std::pair<std::string, std::string>;

struct BuildResult {
  std::optional<KnowledgeGraph> graph;
  Diagnostics diagnostics;
  /// Every diagnostic formatted as `FILE:LINE:COLUMN: error: MESSAGE`, sorted.
  std::vector<std::string> messages() const;
};

/// Imports the inputs with the built-in importers (and `schema`, default built-in) and finishes.
BuildResult build_from(const std::vector<InputText>& inputs, std::optional<Schema> schema = {});
/// Shorthand for one JSON document named "test.json"; fails the test if it has errors.
KnowledgeGraph graph_from_json(const std::string& json);

/// Four actors (a, b0, b1, b2) and `count` relation types rel_1000, rel_1001, ... declared
/// actor to actor, with one relation each: from a to b(i % 3).
KnowledgeGraph graph_with_relation_types(int count);

/// Imports one file from disk; fails the test if it has errors.
KnowledgeGraph graph_from_file(const std::filesystem::path& path);

/// Writes the graph with the built-in directory exporter of that name (neo4j, kuzu) into a
/// new temporary folder, and returns the folder.
std::filesystem::path export_to_folder(const KnowledgeGraph& g, std::string_view format,
                                       const ExportOptions& options = {});

/// Writes `view` with the built-in exporter of that name to a string.
std::string export_to_string(const GraphView& view, std::string_view format,
                             const ExportOptions& options = {});

struct RunResult {
  int status = -1;  // exit status, or -1 if killed by a signal
  std::string out;
  std::string err;
};
/// Runs the kgraph binary with `args`, feeding `input` on standard input.
RunResult run_kgraph(const std::vector<std::string>& args, const std::string& input = "");
/// Runs a shell command line.
RunResult run_shell(const std::string& command);

/// A fresh, empty directory under the system temp dir, removed at exit of the test process.
std::filesystem::path make_temp_dir();
std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);

/// Absolute paths of fixtures and project files.
std::filesystem::path test_data(const std::string& relative);
std::filesystem::path source_path(const std::string& relative);

/// Names of the files in `dir` (not recursive), sorted.
std::vector<std::string> file_names(const std::filesystem::path& dir);

/// How many times `part` occurs in `text` (overlapping occurrences count).
std::size_t occurrences(const std::string& text, const std::string& part);

/// Lines `NAME COUNT` (as the Python counting scripts print them; NAME may hold spaces) as a map;
/// other lines are skipped.
std::map<std::string, std::size_t> parse_counts(const std::string& text);

/// The graph of tests/data/golden/dot/NAME.json (the diagram tests' inputs).
KnowledgeGraph golden_dot_graph(const std::string& name);

/// The part file a key goes to among `parts`, computed independently of the exporters: 64-bit
/// FNV-1a of the key's bytes, modulo the part count (docs/cli.md, `--parts`).
std::uint32_t part_of_key(std::string_view key, std::uint32_t parts);

// Golden files: outputs compared byte for byte with files kept under tests/data/golden.
// KGRAPH_UPDATE_GOLDEN=1 rewrites them instead.

/// The inputs NAME.json under tests/data/golden/SUBDIR, sorted; fails the test when there are
/// fewer than `at_least`.
std::vector<std::filesystem::path> golden_inputs(const std::string& subdir, std::size_t at_least);
/// Compares `actual` with the golden file (`what` names it in the failure), or rewrites it.
void check_golden(const std::filesystem::path& golden, const std::string& actual,
                  const std::string& what);
/// The same for a folder of files: the same names, each file the same.
void check_golden_folder(const std::filesystem::path& golden, const std::filesystem::path& actual);

/// The folder of the npm packages the client tests load (tests/clients/setup-node-clients.sh):
/// $KGRAPH_NODE_CLIENTS, else $HOME/.cache/kgraph-test-node; throws if neither is set.
std::filesystem::path node_clients_dir();

/// node_clients_dir(), after tests/clients/setup-node-clients.sh installed the packages into it
/// (a failed install fails the test).
std::filesystem::path installed_node_clients();

/// Shell-quotes a string for run_shell.
std::string shell_quote(const std::string& s);

}  // namespace kgraph::test
