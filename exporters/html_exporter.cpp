#include "exporters/html_exporter.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "exporters/diagram_style.hpp"
#include "exporters/exporter.hpp"
#include "exporters/json_text.hpp"

namespace kgraph {

// The viewer's files, compiled in (exporters/CMakeLists.txt): the bundle built from viewer/src
// and committed as viewer/dist/viewer.min.js, and the page's style sheet.
extern const char* const kViewerScript;
extern const char* const kViewerStyle;

namespace viewer {
namespace {

void member(std::string& out, std::string_view key, std::string_view text) {
  out += '"';
  out += key;
  out += "\":";
  append_json_string(out, text);
}

/// Coordinates with two decimals: Graphviz points or force units, far finer than a pixel.
void append_number(std::string& out, double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[32];
  const int len = std::snprintf(buf, sizeof buf, "%.2f", v);
  out.append(buf, static_cast<std::size_t>(len));
}

/// One legend row per (type, kind) in the view, in type order then by kind label.
struct KindRows {
  std::vector<std::tuple<int, std::string, std::string>> rows;  // type, label, kind
  std::vector<std::uint32_t> of_entity;                         // row index, in view order
};

KindRows kind_rows(const GraphView& view) {
  const KnowledgeGraph& g = view.graph();
  std::map<std::tuple<int, std::string, std::string>, std::uint32_t> index;
  for (std::uint32_t e : view.entities()) {
    const Entity& ent = g.entities()[e];
    const std::string kind(g.str(ent.kind));
    index.emplace(
        std::tuple{static_cast<int>(ent.type), g.schema().kind_label(ent.type, kind), kind}, 0);
  }
  KindRows out;
  for (auto& [key, row] : index) {
    row = static_cast<std::uint32_t>(out.rows.size());
    out.rows.push_back(key);
  }
  for (std::uint32_t e : view.entities()) {
    const Entity& ent = g.entities()[e];
    const std::string kind(g.str(ent.kind));
    out.of_entity.push_back(
        index.at({static_cast<int>(ent.type), g.schema().kind_label(ent.type, kind), kind}));
  }
  return out;
}

void legend(std::string& out, const GraphView& view, const KindRows& kinds) {
  const KnowledgeGraph& g = view.graph();
  out += "\"legend\":{\"kinds\":[";
  for (std::size_t i = 0; i < kinds.rows.size(); ++i) {
    const auto& [type_number, label, kind] = kinds.rows[i];
    const auto type = static_cast<EntityType>(type_number);
    const diagram::NodeStyle st = diagram::node_style(type, kind);
    out += i ? ",\n{" : "\n{";
    member(out, "type", type_name(type));
    out += ',';
    member(out, "kind", kind);
    out += ',';
    member(out, "label",
           label.empty() ? std::string_view(type_name(type)) : std::string_view(label));
    out += ',';
    member(out, "group", st.group);
    out += ',';
    member(out, "fill", st.fill);
    out += ',';
    member(out, "border", st.border);
    out += ',';
    member(out, "shape", st.shape_text);
    out += ',';
    member(out, "outline", st.shape);
    out += ',';
    member(out, "outline_style", st.style);
    out += ",\"peripheries\":" + std::to_string(st.peripheries) + '}';
  }
  // Relation types by label.
  std::map<std::string, std::string_view> relations;  // label -> type
  for (std::uint32_t r : view.relations()) {
    const std::string_view type = g.str(g.relations()[r].type);
    const RelationType* rt = g.schema().relation(type);
    relations.emplace(rt && !rt->label.empty() ? rt->label : std::string(type), type);
  }
  out += "],\"relations\":[";
  bool first = true;
  for (const auto& [label, type] : relations) {
    const diagram::EdgeStyle st = diagram::edge_style(type);
    out += first ? "\n{" : ",\n{";
    first = false;
    member(out, "type", type);
    out += ',';
    member(out, "label", label);
    out += ',';
    member(out, "group", st.group);
    out += ',';
    member(out, "colour", st.colour);
    out += ',';
    member(out, "style", st.style);
    out += ",\"penwidth\":";
    append_number(out, st.penwidth);
    out += '}';
  }
  out += "]}";
}

}  // namespace

void escape_for_script(std::string& json) {
  if (json.find('<') == std::string::npos) return;
  std::string out;
  out.reserve(json.size() + json.size() / 64);
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  json = std::move(out);
}

std::string page_data(const GraphView& view, const Layout& layout) {
  const KnowledgeGraph& g = view.graph();
  const JsonRecordWriter records(g);
  const KindRows kinds = kind_rows(view);
  std::string out = "{";
  member(out, "title",
         "kgraph \u00b7 " + std::to_string(view.entities().size()) + " entities, " +
             std::to_string(view.relations().size()) + " relations");
  out += ',';
  member(out, "layout", layout.method);
  out += ",\n";
  legend(out, view, kinds);
  out += ",\n\"entities\":[";
  for (std::uint32_t i = 0; i < view.entities().size(); ++i) {
    const Entity& e = g.entities()[view.entities()[i]];
    out += i ? ",\n{" : "\n{";
    member(out, "type", type_name(e.type));
    out += ",\"style\":" + std::to_string(kinds.of_entity[i]) + ",\"x\":";
    append_number(out, layout.points[i].x);
    out += ",\"y\":";
    append_number(out, layout.points[i].y);
    out += ",\"record\":{";
    records.entity(out, e);
    out += "}}";
  }
  out += "],\n\"relations\":[";
  bool first = true;
  for (std::uint32_t r : view.relations()) {
    out += first ? "\n{\"record\":{" : ",\n{\"record\":{";
    first = false;
    records.relation(out, g.relations()[r]);
    out += "}}";
  }
  out += "],\n\"sources\":[";
  first = true;
  for (std::uint32_t s : view.sources()) {
    out += first ? "\n{" : ",\n{";
    first = false;
    records.source(out, g.sources()[s]);
    out += '}';
  }
  out += "]}";
  escape_for_script(out);
  return out;
}

namespace {

class HtmlExporter final : public Exporter {
 public:
  std::string_view name() const override { return "html"; }
  std::vector<std::string_view> extensions() const override { return {".html", ".htm"}; }

  void write(const GraphView& view, std::ostream& out,
             const ExportOptions& options) const override {
    const std::string data = page_data(view, lay_out(view, options));
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           // Nothing is fetched: the page works from file:// with no network, and no injected
           // element could load anything either.
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
           "<meta name=\"generator\" content=\"kgraph\">\n<title>kgraph viewer</title>\n<style>\n"
        << kViewerStyle << "</style>\n</head>\n<body>\n"
        << "<script type=\"application/json\" id=\"kgraph-data\">" << data << "</script>\n<script>"
        << kViewerScript << "</script>\n</body>\n</html>\n";
    if (!out) throw ExportError("could not write the html page");
  }
};

}  // namespace
}  // namespace viewer

std::unique_ptr<Exporter> make_html_exporter() { return std::make_unique<viewer::HtmlExporter>(); }

}  // namespace kgraph
