#include <memory>

#include "exporters/exporter.hpp"

namespace kgraph {

// One line per format: its factory here, and its registration below.
std::unique_ptr<Exporter> make_graphml_exporter();
std::unique_ptr<Exporter> make_json_exporter();
std::unique_ptr<Exporter> make_jsonl_exporter();
std::unique_ptr<Exporter> make_ntriples_exporter();
std::unique_ptr<Exporter> make_turtle_exporter();
std::unique_ptr<Exporter> make_gexf_exporter();
std::unique_ptr<Exporter> make_dot_exporter();
std::unique_ptr<Exporter> make_svg_exporter();
std::unique_ptr<Exporter> make_png_exporter();
std::unique_ptr<Exporter> make_pdf_exporter();
std::unique_ptr<Exporter> make_neo4j_exporter();
std::unique_ptr<Exporter> make_kuzu_exporter();
std::unique_ptr<Exporter> make_html_exporter();

void register_builtin_exporters(ExporterRegistry& registry) {
  registry.add(make_graphml_exporter());
  registry.add(make_json_exporter());
  registry.add(make_jsonl_exporter());
  registry.add(make_ntriples_exporter());
  registry.add(make_turtle_exporter());
  registry.add(make_gexf_exporter());
  registry.add(make_dot_exporter());
  registry.add(make_svg_exporter());
  registry.add(make_png_exporter());
  registry.add(make_pdf_exporter());
  registry.add(make_neo4j_exporter());
  registry.add(make_kuzu_exporter());
  registry.add(make_html_exporter());
}

}  // namespace kgraph
