#include <memory>

#include "exporters/exporter.hpp"

namespace kgraph {

std::unique_ptr<Exporter> make_graphml_exporter();

void register_builtin_exporters(ExporterRegistry& registry) {
  registry.add(make_graphml_exporter());
}

}  // namespace kgraph
