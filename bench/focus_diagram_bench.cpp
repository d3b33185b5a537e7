// Time to select and render a focus diagram around the largest hub of a synthetic graph
// (issue #3): loads a JSONL file once, then for each depth selects the neighbourhood, lets
// kgraph choose the layout engine, and renders SVG in-process — or reports the refusal.
//
//   focus_diagram_bench DATA.jsonl [DEPTH...]

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "exporters/exporter.hpp"
#include "exporters/graphviz_document.hpp"
#include "graph/graph_builder.hpp"
#include "graph/selection.hpp"
#include "importers/importer.hpp"

namespace {
double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

int main(int argc, char** argv) {
  using namespace kgraph;
  if (argc < 2) {
    std::cerr << "usage: focus_diagram_bench DATA.jsonl [DEPTH...]\n";
    return 2;
  }
  std::vector<int> depths;
  for (int i = 2; i < argc; ++i) depths.push_back(std::atoi(argv[i]));
  if (depths.empty()) depths = {1, 2};

  ImporterRegistry importers;
  register_builtin_importers(importers);
  ExporterRegistry exporters;
  register_builtin_exporters(exporters);

  auto t0 = std::chrono::steady_clock::now();
  Diagnostics diags;
  GraphBuilder builder(Schema::builtin(), diags);
  std::ifstream in(argv[1], std::ios::binary);
  importers.for_path(argv[1])->read(in, diags.add_file(argv[1]), argv[1], builder, {});
  std::optional<KnowledgeGraph> g = builder.finish();
  if (!g) {
    diags.print(std::cerr, 10, false);
    return 1;
  }
  const double import_s = seconds_since(t0);

  // The largest hub (most relations in either direction), and a mid-sized one (the first with
  // 25..40 relations), which is what a focused diagram usually shows.
  std::uint32_t hub = 0, mid = 0;
  std::size_t best = 0, mid_degree = 0;
  for (std::uint32_t v = 0; v < g->entities().size(); ++v) {
    const std::size_t d = out_degree(v, g->topology()) + in_degree(v, g->topology());
    if (d > best) best = d, hub = v;
    if (mid_degree == 0 && d >= 25 && d <= 40) mid_degree = d, mid = v;
  }
  std::printf("graph: %zu entities, %zu relations; import %.2f s\n\n", g->entities().size(),
              g->relations().size(), import_s);
  std::printf(
      "| focus | depth | entities | relations | select s | engine | render s | SVG bytes "
      "|\n|---|---|---|---|---|---|---|---|\n");

  const Exporter* svg = exporters.named("svg");
  for (auto [focus, degree] : {std::pair{hub, best}, std::pair{mid, mid_degree}}) {
    const std::string id(g->str(g->entities()[focus].id));
    for (int depth : depths) {
      SelectionOptions sel;
      sel.focus = {id};
      sel.depth = depth;
      t0 = std::chrono::steady_clock::now();
      SelectionError error;
      std::optional<GraphView> view = select(*g, sel, error);
      const double select_s = seconds_since(t0);
      std::string engine;
      double render_s = 0;
      std::size_t bytes = 0;
      t0 = std::chrono::steady_clock::now();
      try {
        engine = diagram::choose_engine(*view, ExportOptions{}, diagram::Purpose::render);
        std::ostringstream out;
        svg->write(*view, out, ExportOptions{});
        bytes = out.str().size();
      } catch (const ExportError&) {
        engine = "refused";
      }
      render_s = seconds_since(t0);
      std::printf("| %s (%zu relations) | %d | %u | %u | %.3f | %s | %.2f | %zu |\n", id.c_str(),
                  degree, depth, view->entities().size(), view->relations().size(), select_s,
                  engine.c_str(), render_s, bytes);
    }
  }
  return 0;
}
