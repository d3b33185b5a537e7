#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "graph/graph_builder.hpp"

namespace kgraph::test {

const ImporterRegistry& importers() {
  static const ImporterRegistry registry = [] {
    ImporterRegistry r;
    register_builtin_importers(r);
    return r;
  }();
  return registry;
}

const ExporterRegistry& exporters() {
  static const ExporterRegistry registry = [] {
    ExporterRegistry r;
    register_builtin_exporters(r);
    return r;
  }();
  return registry;
}

namespace {

struct TempDirs {
  std::vector<std::filesystem::path> dirs;
  ~TempDirs() {
    if (std::getenv("KGRAPH_KEEP_TEMP")) return;
    std::error_code ec;
    for (const auto& d : dirs) std::filesystem::remove_all(d, ec);
  }
};
TempDirs& temp_dirs() {
  static TempDirs t;
  return t;
}

}  // namespace

std::vector<std::string> BuildResult::messages() const {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.sorted()) out.push_back(diagnostics.format(d));
  return out;
}

BuildResult build_from(const std::vector<InputText>& inputs, std::optional<Schema> schema) {
  BuildResult result;
  GraphBuilder builder(schema ? std::move(*schema) : Schema::builtin(), result.diagnostics);
  for (const auto& [name, text] : inputs) {
    const Importer* importer = importers().for_path(name);
    if (!importer) {
      ADD_FAILURE() << "no importer for " << name;
      continue;
    }
    std::istringstream in(text);
    importer->read(in, result.diagnostics.add_file(name), name, builder, {});
  }
  result.graph = builder.finish();
  return result;
}

KnowledgeGraph graph_from_json(const std::string& json) {
  BuildResult r = build_from({{"test.json", json}});
  for (const auto& m : r.messages()) ADD_FAILURE() << m;
  if (!r.graph) return {};
  return std::move(*r.graph);
}

KnowledgeGraph graph_from_file(const std::filesystem::path& path) {
  BuildResult r = build_from({{path.filename().string(), read_file(path)}});
  for (const auto& m : r.messages()) ADD_FAILURE() << m;
  return r.graph ? std::move(*r.graph) : KnowledgeGraph{};
}

std::filesystem::path export_to_folder(const KnowledgeGraph& g, std::string_view format,
                                       const ExportOptions& options) {
  const Exporter* e = exporters().named(format);
  if (!e || !e->writes_directory()) {
    ADD_FAILURE() << "no directory exporter named " << format;
    return {};
  }
  const std::filesystem::path dir = make_temp_dir() / std::string(format);
  std::filesystem::create_directory(dir);
  e->write_directory(GraphView(g), dir, options);
  return dir;
}

KnowledgeGraph graph_with_relation_types(int count) {
  std::string schema = R"({"relations": {)";
  std::string relations;
  for (int i = 0; i < count; ++i) {
    const std::string type = "rel_" + std::to_string(1000 + i);
    schema += (i ? "," : "") +
              ("\"" + type + "\": {\"allowed\": [{\"from\": \"actor\", \"to\": \"actor\"}]}");
    relations += (i ? "," : "") + ("{\"from\": \"a\", \"type\": \"" + type + "\", \"to\": \"b" +
                                   std::to_string(i % 3) + "\"}");
  }
  schema += "}}";
  Schema s = Schema::builtin();
  Diagnostics diags;
  if (!s.extend(schema, diags.add_file("schema.json"), diags))
    ADD_FAILURE() << "schema of " << count << " types";
  const std::string json = R"({"actors": [{"id": "a", "name": "A"}, {"id": "b0", "name": "B0"},
      {"id": "b1", "name": "B1"}, {"id": "b2", "name": "B2"}], "relations": [)" +
                           relations + "]}";
  BuildResult r = build_from({{"test.json", json}}, s);
  for (const auto& m : r.messages()) ADD_FAILURE() << m;
  if (!r.graph) return {};
  return std::move(*r.graph);
}

std::string export_to_string(const GraphView& view, std::string_view format,
                             const ExportOptions& options) {
  const Exporter* exporter = exporters().named(format);
  if (!exporter) {
    ADD_FAILURE() << "no exporter named " << format;
    return {};
  }
  std::ostringstream out;
  exporter->write(view, out, options);
  return out.str();
}

RunResult run_shell(const std::string& command) {
  const std::filesystem::path dir = make_temp_dir();
  const std::string out_path = (dir / "stdout").string(), err_path = (dir / "stderr").string();
  const std::string full =
      "( " + command + " ) >" + shell_quote(out_path) + " 2>" + shell_quote(err_path);
  int raw = std::system(full.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

RunResult run_kgraph(const std::vector<std::string>& args, const std::string& input) {
  const std::filesystem::path dir = make_temp_dir();
  const std::filesystem::path in_path = dir / "stdin";
  write_file(in_path, input);
  std::string command = shell_quote(KGRAPH_BINARY);
  for (const auto& a : args) command += " " + shell_quote(a);
  command += " <" + shell_quote(in_path.string());
  return run_shell(command);
}

std::filesystem::path make_temp_dir() {
  static std::mt19937_64 rng{std::random_device{}()};
  const auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto dir = base / ("kgraph-test-" + std::to_string(::getpid()) + "-" +
                       std::to_string(rng() % 1000000000));
    std::error_code ec;
    if (std::filesystem::create_directory(dir, ec)) {
      temp_dirs().dirs.push_back(dir);
      return dir;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::filesystem::path test_data(const std::string& relative) {
  return std::filesystem::path(KGRAPH_TEST_DATA) / relative;
}
std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(KGRAPH_SOURCE_DIR) / relative;
}

std::filesystem::path node_clients_dir() {
  const char* env = std::getenv("KGRAPH_NODE_CLIENTS");
  if (env && *env) return env;
  const char* home = std::getenv("HOME");
  if (home && *home) return std::filesystem::path(home) / ".cache/kgraph-test-node";
  throw std::runtime_error(
      "set KGRAPH_NODE_CLIENTS (or HOME) to the folder of the npm test clients");
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::vector<std::string> file_names(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::map<std::string, std::size_t> parse_counts(const std::string& text) {
  std::map<std::string, std::size_t> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    const auto space = line.rfind(' ');
    if (space != std::string::npos) out[line.substr(0, space)] = std::stoul(line.substr(space + 1));
  }
  return out;
}

KnowledgeGraph golden_dot_graph(const std::string& name) {
  return graph_from_json(read_file(test_data("golden/dot/" + name + ".json")));
}

std::uint32_t part_of_key(std::string_view key, std::uint32_t parts) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  return static_cast<std::uint32_t>(h % parts);
}

std::filesystem::path installed_node_clients() {
  const std::filesystem::path dir = node_clients_dir();
  const std::string script = source_path("tests/clients/setup-node-clients.sh").string();
  const RunResult r = run_shell(shell_quote(script) + " " + shell_quote(dir.string()));
  EXPECT_EQ(r.status, 0)
      << "setup-node-clients.sh failed (it needs node and npm: scripts/install-deps.sh --tests):\n"
      << r.out << r.err;
  return dir;
}

namespace {
bool updating_golden() { return std::getenv("KGRAPH_UPDATE_GOLDEN") != nullptr; }
}  // namespace

std::vector<std::filesystem::path> golden_inputs(const std::string& subdir, std::size_t at_least) {
  const auto dir = test_data("golden/" + subdir);
  std::vector<std::filesystem::path> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".json") inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  if (inputs.size() < at_least) ADD_FAILURE() << "golden inputs missing in " << dir;
  return inputs;
}

void check_golden(const std::filesystem::path& golden, const std::string& actual,
                  const std::string& what) {
  if (updating_golden()) {
    write_file(golden, actual);
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden))
      << golden << " missing; run with KGRAPH_UPDATE_GOLDEN=1";
  EXPECT_EQ(actual, read_file(golden))
      << what << " changed; if intended, run with KGRAPH_UPDATE_GOLDEN=1";
}

void check_golden_folder(const std::filesystem::path& golden, const std::filesystem::path& actual) {
  const std::vector<std::string> names = file_names(actual);
  if (updating_golden()) {
    std::filesystem::remove_all(golden);
    std::filesystem::create_directories(golden);
    for (const std::string& n : names) std::filesystem::copy_file(actual / n, golden / n);
    return;
  }
  EXPECT_EQ(names, file_names(golden));
  for (const std::string& n : names) EXPECT_EQ(read_file(actual / n), read_file(golden / n)) << n;
}

}  // namespace kgraph::test
