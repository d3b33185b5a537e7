// Export speed per byte written (issue #5): imports a data file once, then runs each named
// exporter on the whole graph, several rounds with the order rotated, and prints for each
// format the best wall time, the best CPU time of the process (user + kernel, so the `write`
// calls count, and every thread an exporter starts), the bytes written, MB/s, and the ratio to
// GraphML per byte.
//
//   export_bench [--repeat N] DATA OUTDIR [FORMAT...]
//
// FORMAT is an exporter name (graphml, neo4j, kuzu, ntriples, turtle, gexf, jsonl, ...); default
// graphml neo4j kuzu. Outputs go to OUTDIR and are deleted after each run, so that the page
// cache does not fill up with earlier outputs.

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "exporters/exporter.hpp"
#include "graph/graph_builder.hpp"
#include "importers/importer.hpp"

namespace {

namespace fs = std::filesystem;

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::uintmax_t bytes_under(const fs::path& p) {
  if (!fs::is_directory(p)) return fs::file_size(p);
  std::uintmax_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(p))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}

struct Result {
  std::string format;
  double wall = 1e300, cpu = 1e300;
  std::uintmax_t bytes = 0;
};

int usage() {
  std::cerr << "usage: export_bench [--repeat N] DATA OUTDIR [FORMAT...]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kgraph;
  int repeat = 3;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      args.emplace_back(argv[i]);
    }
  }
  if (args.size() < 2) return usage();
  const std::string data = args[0];
  const fs::path out_dir = args[1];
  std::vector<Result> results;
  for (std::size_t i = 2; i < args.size(); ++i) results.push_back({args[i]});
  if (results.empty())
    for (const char* f : {"graphml", "neo4j", "kuzu"}) results.push_back({f});

  ImporterRegistry importers;
  register_builtin_importers(importers);
  ExporterRegistry exporters;
  register_builtin_exporters(exporters);
  for (const Result& r : results) {
    if (!exporters.named(r.format)) {
      std::cerr << "export_bench: no exporter named " << r.format << "\n";
      return 2;
    }
  }

  const double import_start = wall_seconds();
  Diagnostics diags;
  GraphBuilder builder(Schema::builtin(), diags);
  const Importer* importer = importers.for_path(data);
  if (!importer) {
    std::cerr << "export_bench: no importer for " << data << "\n";
    return 2;
  }
  std::ifstream in(data, std::ios::binary);
  importer->read(in, diags.add_file(data), data, builder, {});
  std::optional<KnowledgeGraph> g = builder.finish();
  if (!g) {
    diags.print(std::cerr, 10, false);
    return 1;
  }
  const double import_s = wall_seconds() - import_start;
  const GraphView view(*g);
  fs::create_directories(out_dir);

  for (int round = 0; round < repeat; ++round) {
    for (std::size_t k = 0; k < results.size(); ++k) {
      Result& r = results[(k + static_cast<std::size_t>(round)) % results.size()];
      const Exporter* exporter = exporters.named(r.format);
      const fs::path target = out_dir / ("bench-out." + r.format);
      fs::remove_all(target);
      const double w0 = wall_seconds(), c0 = cpu_seconds();
      if (exporter->writes_directory()) {
        fs::create_directory(target);
        exporter->write_directory(view, target, ExportOptions{});
      } else {
        std::ofstream out(target, std::ios::binary);
        exporter->write(view, out, ExportOptions{});
        out.close();
        if (!out) {
          std::cerr << "export_bench: writing " << target << " failed\n";
          return 1;
        }
      }
      const double wall = wall_seconds() - w0, cpu = cpu_seconds() - c0;
      r.bytes = bytes_under(target);
      r.wall = std::min(r.wall, wall);
      r.cpu = std::min(r.cpu, cpu);
      std::fprintf(stderr, "  round %d %-8s %7.2f s wall %7.2f s CPU\n", round + 1,
                   r.format.c_str(), wall, cpu);
      fs::remove_all(target);
    }
  }

  const Result* reference = nullptr;
  for (const Result& r : results)
    if (r.format == "graphml") reference = &r;
  std::printf("graph: %zu entities, %zu relations, %zu sources; import %.2f s; best of %d\n\n",
              g->entities().size(), g->relations().size(), g->sources().size(), import_s, repeat);
  std::printf(
      "| format | bytes | wall s | MB/s | vs GraphML | CPU s | MB per CPU s | vs GraphML |\n");
  std::printf("|---|---|---|---|---|---|---|---|\n");
  for (const Result& r : results) {
    const double mb = static_cast<double>(r.bytes) / 1e6;
    const double rate = mb / r.wall, cpu_rate = mb / r.cpu;
    std::printf("| %s | %ju | %.2f | %.0f | ", r.format.c_str(), r.bytes, r.wall, rate);
    if (reference)
      std::printf("%.2f", rate / (static_cast<double>(reference->bytes) / 1e6 / reference->wall));
    else
      std::printf("-");
    std::printf(" | %.2f | %.0f | ", r.cpu, cpu_rate);
    if (reference)
      std::printf("%.2f",
                  cpu_rate / (static_cast<double>(reference->bytes) / 1e6 / reference->cpu));
    else
      std::printf("-");
    std::printf(" |\n");
  }
  return 0;
}
