#include "exporters/exporter.hpp"
#include "exporters/graphviz_document.hpp"
#include "exporters/layout_engine.hpp"

namespace kgraph {
namespace {

/// A diagram laid out and rendered in-process by Graphviz (gvc): SVG (with tooltips that carry
/// each fact's sources and quotes), PNG or PDF.
class RenderedExporter final : public Exporter {
 public:
  RenderedExporter(std::string_view name, std::string_view extension, diagram::RenderFormat format)
      : name_(name), extension_(extension), format_(format) {}

  std::string_view name() const override { return name_; }
  std::vector<std::string_view> extensions() const override { return {extension_}; }

  void write(const GraphView& view, std::ostream& out,
             const ExportOptions& options) const override {
    const std::string engine = diagram::choose_engine(view, options, diagram::Purpose::render);
    diagram::GraphvizDocument doc(view, options, engine);
    doc.render(format_, out);
  }

 private:
  std::string_view name_;
  std::string_view extension_;
  diagram::RenderFormat format_;
};

}  // namespace

std::unique_ptr<Exporter> make_svg_exporter() {
  return std::make_unique<RenderedExporter>("svg", ".svg", diagram::RenderFormat::svg);
}
std::unique_ptr<Exporter> make_png_exporter() {
  return std::make_unique<RenderedExporter>("png", ".png", diagram::RenderFormat::png);
}
std::unique_ptr<Exporter> make_pdf_exporter() {
  return std::make_unique<RenderedExporter>("pdf", ".pdf", diagram::RenderFormat::pdf);
}

}  // namespace kgraph
