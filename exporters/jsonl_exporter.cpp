#include "exporters/exporter.hpp"
#include "exporters/json_text.hpp"

namespace kgraph {
namespace {

/// The canonical graph as JSON Lines: sources, actors, laws, events, places, then relations,
/// each sorted, one record per line.
class JsonlExporter final : public Exporter {
 public:
  std::string_view name() const override { return "jsonl"; }
  std::vector<std::string_view> extensions() const override { return {".jsonl", ".ndjson"}; }

  void write(const GraphView& view, std::ostream& out, const ExportOptions&) const override {
    const KnowledgeGraph& g = view.graph();
    const JsonRecordWriter records(g);
    std::string buf;
    for (std::uint32_t i : view.sources()) {
      buf += "{\"record\":\"source\",";
      records.source(buf, g.sources()[i]);
      buf += "}\n";
      flush_if_full(buf, out);
    }
    for (EntityType t : kEntityTypes) {
      for (std::uint32_t i : view.entities()) {
        const Entity& e = g.entities()[i];
        if (e.type != t) continue;
        buf += "{\"record\":\"";
        buf += type_name(t);
        buf += "\",";
        records.entity(buf, e);
        buf += "}\n";
        flush_if_full(buf, out);
      }
    }
    for (std::uint32_t i : view.relations()) {
      buf += "{\"record\":\"relation\",";
      records.relation(buf, g.relations()[i]);
      buf += "}\n";
      flush_if_full(buf, out);
    }
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  }
};

}  // namespace

std::unique_ptr<Exporter> make_jsonl_exporter() { return std::make_unique<JsonlExporter>(); }

}  // namespace kgraph
