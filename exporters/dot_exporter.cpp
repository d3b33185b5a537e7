#include "exporters/exporter.hpp"
#include "exporters/graphviz_document.hpp"
#include "exporters/layout_engine.hpp"

namespace kgraph {
namespace {

/// Graphviz DOT, written through cgraph: styled like the rendered diagrams, not laid out, with
/// the chosen engine in the graph's `layout` attribute so `dot -Tsvg` draws the same picture.
class DotExporter final : public Exporter {
 public:
  std::string_view name() const override { return "dot"; }
  std::vector<std::string_view> extensions() const override { return {".dot", ".gv"}; }

  void write(const GraphView& view, std::ostream& out,
             const ExportOptions& options) const override {
    const std::string engine = diagram::choose_engine(view, options, diagram::Purpose::write_dot);
    const diagram::GraphvizDocument doc(view, options, engine);
    doc.write_dot(out);
  }
};

}  // namespace

std::unique_ptr<Exporter> make_dot_exporter() { return std::make_unique<DotExporter>(); }

}  // namespace kgraph
