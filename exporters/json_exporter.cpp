#include "exporters/exporter.hpp"
#include "exporters/json_text.hpp"

namespace kgraph {
namespace {

/// Writes `"name": [` before the first element of a section and `]` after its last, so that
/// empty sections are left out.
class SectionWriter {
 public:
  explicit SectionWriter(std::string& buf) : buf_(buf) {}
  void item(std::string_view section) {
    if (section != open_) {
      close();
      buf_ += any_ ? ",\n  \"" : "\n  \"";
      buf_ += section;
      buf_ += "\": [\n    {";
      open_ = section;
      any_ = true;
    } else {
      buf_ += ",\n    {";
    }
  }
  void close() {
    if (!open_.empty()) buf_ += "\n  ]";
    open_ = {};
  }
  bool any() const { return any_; }

 private:
  std::string& buf_;
  std::string_view open_;
  bool any_ = false;
};

/// The canonical JSON document: the input format, merged and sorted, one element per line.
class JsonExporter final : public Exporter {
 public:
  std::string_view name() const override { return "json"; }
  std::vector<std::string_view> extensions() const override { return {".json"}; }

  void write(const GraphView& view, std::ostream& out, const ExportOptions&) const override {
    const KnowledgeGraph& g = view.graph();
    const JsonRecordWriter records(g);
    std::string buf = "{";
    SectionWriter sections(buf);
    for (std::uint32_t i : view.sources()) {
      sections.item("sources");
      records.source(buf, g.sources()[i]);
      buf += '}';
      flush_if_full(buf, out);
    }
    for (EntityType t : kEntityTypes) {
      for (std::uint32_t i : view.entities()) {
        const Entity& e = g.entities()[i];
        if (e.type != t) continue;
        sections.item(type_plural(t));
        records.entity(buf, e);
        buf += '}';
        flush_if_full(buf, out);
      }
    }
    for (std::uint32_t i : view.relations()) {
      sections.item("relations");
      records.relation(buf, g.relations()[i]);
      buf += '}';
      flush_if_full(buf, out);
    }
    sections.close();
    buf += sections.any() ? "\n}\n" : "}\n";
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  }
};

}  // namespace

std::unique_ptr<Exporter> make_json_exporter() { return std::make_unique<JsonExporter>(); }

}  // namespace kgraph
