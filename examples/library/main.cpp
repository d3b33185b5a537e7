// kgraph as a library: a graph from a file and from records made in memory, the neighbourhood
// of one event in it, written as GraphML and SVG. Usage: kgraph_example INPUT OUTPUT_DIR
#include <fstream>
#include <iostream>
#include <kgraph/exporters/exporter.hpp>
#include <kgraph/graph/graph_builder.hpp>
#include <kgraph/graph/selection.hpp>
#include <kgraph/importers/importer.hpp>

using namespace kgraph;

// A record as an importer makes it: a section and fields, here each one string.
RawRecord record(Section section, std::vector<std::pair<std::string, std::string>> fields) {
  RawRecord r;
  r.section = section;
  for (const auto& [key, value] : fields)
    r.add_field(key, {}).values.push_back(RawScalar::of_string(value));
  return r;
}

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  Diagnostics diags;
  GraphBuilder builder(Schema::builtin(), diags);
  ImporterRegistry importers;
  register_builtin_importers(importers);
  const Importer* importer = importers.for_path(argv[1]);  // chosen by the file name's extension
  std::ifstream in(argv[1], std::ios::binary);
  if (!importer || !in) return 2;
  importer->read(in, diags.add_file(argv[1]), argv[1], builder, {});
  builder.add(record(Section::event, {{"id", "cecc-article"},
                                      {"name", "CECC article"},
                                      {"kind", "publication"},
                                      {"date", "2006-10-03"}}));
  builder.add(
      record(Section::relation, {{"from", "cecc"}, {"type", "reported"}, {"to", "cecc-article"}}));
  builder.add(record(
      Section::relation,
      {{"from", "cecc-article"}, {"type", "responded_to"}, {"to", "qin-statement-not-refugees"}}));
  std::optional<KnowledgeGraph> graph = builder.finish();  // nullopt if diags holds errors
  diags.print(std::cerr, 20, true);
  if (!graph) return 1;

  SelectionOptions around;  // the event and what is one relation away from it
  around.focus = {"cecc-article"};
  SelectionError error;
  std::optional<GraphView> view = select(*graph, around, error);
  if (!view) return std::cerr << error.message << '\n', 1;
  ExporterRegistry exporters;
  register_builtin_exporters(exporters);
  for (std::string name : {"neighbourhood.graphml", "neighbourhood.svg"}) {
    std::ofstream out(std::string(argv[2]) + "/" + name, std::ios::binary);
    exporters.for_path(name)->write(*view, out, {});  // throws ExportError if it cannot
  }
}
