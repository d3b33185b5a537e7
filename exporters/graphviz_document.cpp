#include "exporters/graphviz_document.hpp"

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "exporters/diagram_legend.hpp"
#include "exporters/diagram_style.hpp"
#include "exporters/diagram_text.hpp"
#include "exporters/graphviz_handles.hpp"
#include "exporters/place_clusters.hpp"
#include "graph/value.hpp"

namespace kgraph::diagram {
namespace {

// ---- what the tooltips say -------------------------------------------------------------------

/// The values of property `key`, or empty.
std::vector<std::string> property_values(const KnowledgeGraph& g, const PropertyList& props,
                                         std::string_view key) {
  std::vector<std::string> out;
  for (const Property& p : props)
    if (g.str(p.key) == key)
      for (const Value& v : p.values) out.push_back(value_text(v, g.strings()));
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

/// "2006-09-19", "2002 – 2006", "from 2002", "until 2006-07", or empty.
std::string date_text(const PartialDate& start, const PartialDate& end) {
  if (start.present() && end.present())
    return start == end ? start.to_string() : start.to_string() + " \u2013 " + end.to_string();
  if (start.present()) return "from " + start.to_string();
  if (end.present()) return "until " + end.to_string();
  return {};
}

/// One line per cited source: title (publisher, date) url.
std::string sources_text(const KnowledgeGraph& g, ListId sources) {
  std::string out;
  for (StrId sid : g.list(sources)) {
    out += "\n\u2022 ";
    const std::optional<std::uint32_t> index = g.find_source(g.str(sid));
    if (!index) {
      out += g.str(sid);
      continue;
    }
    const Source& s = g.sources()[*index];
    const std::vector<std::string> titles = property_values(g, s.properties, "title");
    out += titles.empty() ? std::string(g.str(sid)) : join(titles, " / ");
    std::vector<std::string> details = property_values(g, s.properties, "publisher");
    if (s.date.present()) details.push_back(s.date.to_string());
    if (!details.empty()) out += " (" + join(details, ", ") + ")";
    for (const std::string& url : property_values(g, s.properties, "url")) out += " " + url;
  }
  return out.empty() ? out : "\nSources:" + out;
}

// ---- attributes ------------------------------------------------------------------------------

/// Declares an attribute with a default on the root graph and returns its symbol.
Agsym_t* declare(Agraph_t* g, int kind, const char* name, std::string_view def) {
  return agattr(g, kind, cstr(name), cstr(std::string(def)));
}

/// Cluster labels go top left, whatever the root graph's label (the legend, bottom left) says:
/// subgraphs inherit the root's labelloc and labeljust.
void set_cluster_label_place(Agraph_t* sub) {
  agsafeset(sub, cstr("labelloc"), cstr("t"), cstr(""));
  agsafeset(sub, cstr("labeljust"), cstr("l"), cstr(""));
}

struct NodeSymbols {
  Agsym_t *margin, *label, *shape, *style, *fillcolor, *color, *penwidth, *peripheries, *tooltip,
      *klass;
};
struct EdgeSymbols {
  Agsym_t *label, *color, *fontcolor, *style, *penwidth, *tooltip, *klass;
};

}  // namespace

struct GraphvizDocument::Impl {
  AgraphPtr graph;
  std::string engine;

  Impl(const GraphView& view, const ExportOptions& options, std::string engine_name);
  void build_nodes(const GraphView& view, const ExportOptions& options);
  void build_edges(const GraphView& view, bool edge_labels);

  std::vector<Agnode_t*> nodes;  // by entity index; null outside the view
  NodeSymbols ns{};
  EdgeSymbols es{};
};

GraphvizDocument::Impl::Impl(const GraphView& view, const ExportOptions& options,
                             std::string engine_name)
    : engine(std::move(engine_name)) {
  const std::string& cluster = options.cluster;
  if (!cluster.empty() && cluster != "none" && cluster != "place" && cluster != "type")
    throw ExportError("unknown cluster mode \"" + cluster + "\"; expected place, type or none" +
                      did_you_mean_suffix(cluster, {"place", "type", "none"}));

  const std::size_t n = view.entities().size(), m = view.relations().size();
  const bool edge_labels = kEdgeLabelsUpTo.admits(n, m);

  std::lock_guard lock(graphviz_mutex());
  ErrorCapture errors;
  graph = open_graph("kgraph");
  if (!graph) throw ExportError("Graphviz could not create a graph");
  Agraph_t* g = graph.get();

  const std::string font(kFontName);
  declare(g, AGRAPH, "layout", engine);
  declare(g, AGRAPH, "fontname", font);
  declare(g, AGRAPH, "fontsize", "10");
  declare(g, AGRAPH, "bgcolor", "white");
  declare(g, AGRAPH, "pad", "0.3");
  declare(g, AGRAPH, "outputorder", "edgesfirst");
  if (engine == "dot") {
    declare(g, AGRAPH, "rankdir", "LR");
    declare(g, AGRAPH, "nodesep", "0.22");
    declare(g, AGRAPH, "ranksep", "0.55");
    declare(g, AGRAPH, "newrank", "true");
    if (!kDotChosenUpTo.admits(n, m)) {
      // Bounded effort: dot's crossing minimisation, x positioning and spline routing grow
      // much faster than the graph (45 s at 400 entities otherwise, 1 s with these).
      declare(g, AGRAPH, "mclimit", "0.3");
      declare(g, AGRAPH, "nslimit", "1");
      declare(g, AGRAPH, "splines", "false");
    }
  } else {
    declare(g, AGRAPH, "overlap", "prism");
    declare(g, AGRAPH, "splines", kCurvedEdgesUpTo.admits(n, m) ? "true" : "false");
    if (engine != "circo") declare(g, AGRAPH, "sep", "+6");
  }

  declare(g, AGNODE, "fontname", font);
  declare(g, AGNODE, "fontsize", "11");
  declare(g, AGNODE, "fontcolor", kTextColour);
  ns.margin = declare(g, AGNODE, "margin", "0.12,0.07");
  ns.shape = declare(g, AGNODE, "shape", "box");
  ns.style = declare(g, AGNODE, "style", "filled");
  ns.fillcolor = declare(g, AGNODE, "fillcolor", "#eeeeee");
  ns.color = declare(g, AGNODE, "color", "#555555");
  ns.penwidth = declare(g, AGNODE, "penwidth", "1");
  ns.peripheries = declare(g, AGNODE, "peripheries", "1");
  ns.label = declare(g, AGNODE, "label", "\\N");
  ns.tooltip = declare(g, AGNODE, "tooltip", "");
  ns.klass = declare(g, AGNODE, "class", "");

  declare(g, AGEDGE, "fontname", font);
  declare(g, AGEDGE, "fontsize", "8.5");
  declare(g, AGEDGE, "arrowsize", "0.7");
  es.color = declare(g, AGEDGE, "color", "#6b6b6b");
  es.fontcolor = declare(g, AGEDGE, "fontcolor", "#6b6b6b");
  es.style = declare(g, AGEDGE, "style", "solid");
  es.penwidth = declare(g, AGEDGE, "penwidth", "1");
  es.label = declare(g, AGEDGE, "label", "");
  es.tooltip = declare(g, AGEDGE, "tooltip", "");
  es.klass = declare(g, AGEDGE, "class", "");

  build_nodes(view, options);
  build_edges(view, edge_labels);

  if (options.legend && !view.entities().empty()) {
    declare(g, AGRAPH, "labelloc", "b");
    declare(g, AGRAPH, "labeljust", "l");
    HtmlString label(g, legend_html(view));
    agsafeset(g, cstr("label"), label.get(), cstr(""));
  }
  if (errors.had_error()) throw ExportError("Graphviz: " + errors.text());
}

void GraphvizDocument::Impl::build_nodes(const GraphView& view, const ExportOptions& options) {
  Agraph_t* g = graph.get();
  const KnowledgeGraph& kg = view.graph();
  const Schema& schema = kg.schema();
  nodes.assign(kg.entities().size(), nullptr);

  // Clusters (subgraphs) an entity goes into, by entity index.
  std::vector<Agraph_t*> home(kg.entities().size(), g);
  if (options.cluster == "type") {
    std::array<Agraph_t*, 4> by_type{};
    for (std::uint32_t e : view.entities()) {
      const EntityType t = kg.entities()[e].type;
      Agraph_t*& sub = by_type[static_cast<int>(t)];
      if (!sub) {
        sub = agsubg(g, cstr("cluster_" + std::string(type_name(t))), 1);
        const TypeColours c = type_colours(t);
        std::string label(type_plural(t));
        label[0] = static_cast<char>(label[0] - 'a' + 'A');
        agsafeset(sub, cstr("label"), cstr(label), cstr(""));
        agsafeset(sub, cstr("style"), cstr("rounded,filled"), cstr(""));
        agsafeset(sub, cstr("fillcolor"), cstr(std::string(c.tint)), cstr(""));
        agsafeset(sub, cstr("color"), cstr(std::string(c.border)), cstr(""));
        agsafeset(sub, cstr("fontcolor"), cstr(std::string(c.border)), cstr(""));
        set_cluster_label_place(sub);
      }
      home[e] = sub;
    }
  } else if (options.cluster == "place") {
    const PlaceClusters places(view);
    // The subgraph of each place, made once its parent's is (places nest at most
    // PlaceClusters::kMaxNesting deep, but the walk up needs no recursion either way).
    std::vector<Agraph_t*> sub_of(kg.entities().size(), nullptr);
    auto make_cluster = [&](std::uint32_t p) {
      const std::uint32_t parent = places.parent(p);
      Agraph_t* outer = parent == PlaceClusters::kNone ? g : sub_of[parent];
      const Entity& place = kg.entities()[p];
      Agraph_t* sub = agsubg(outer, cstr("cluster_place_" + text::node_name(kg.str(place.id))), 1);
      const TypeColours c = type_colours(EntityType::place);
      agsafeset(sub, cstr("label"), cstr(text::cluster_label(text::sanitize(kg.str(place.name)))),
                cstr(""));
      agsafeset(sub, cstr("style"), cstr("rounded,filled,dashed"), cstr(""));
      agsafeset(sub, cstr("fillcolor"), cstr(std::string(c.tint)), cstr(""));
      agsafeset(sub, cstr("color"), cstr(std::string(c.border)), cstr(""));
      agsafeset(sub, cstr("fontcolor"), cstr(std::string(c.border)), cstr(""));
      agsafeset(sub, cstr("fontsize"), cstr("10"), cstr(""));
      set_cluster_label_place(sub);
      sub_of[p] = sub;
    };
    std::vector<std::uint32_t> missing;  // places above p without a subgraph yet, innermost first
    auto cluster_of = [&](std::uint32_t p) {
      missing.clear();
      for (std::uint32_t q = p; q != PlaceClusters::kNone && !sub_of[q]; q = places.parent(q))
        missing.push_back(q);
      for (auto it = missing.rbegin(); it != missing.rend(); ++it) make_cluster(*it);
      return sub_of[p];
    };
    for (std::uint32_t e : view.entities()) {
      if (places.is_cluster(e)) {
        home[e] = cluster_of(e);
      } else if (places.parent(e) != PlaceClusters::kNone) {
        home[e] = cluster_of(places.parent(e));
      }
    }
  }

  std::unordered_set<std::string> used;
  for (std::uint32_t e : view.entities()) {
    const Entity& ent = kg.entities()[e];
    const std::string base = text::node_name(kg.str(ent.id));
    std::string name = base;
    for (int k = 2; !used.insert(name).second; ++k) name = base + " (" + std::to_string(k) + ")";

    Agnode_t* node = agnode(g, cstr(name), 1);
    if (home[e] != g) agsubnode(home[e], node, 1);
    nodes[e] = node;

    const std::string_view kind = kg.str(ent.kind);
    const NodeStyle st = node_style(ent.type, kind);
    agxset(node, ns.shape, cstr(std::string(st.shape)));
    agxset(node, ns.style, cstr(std::string(st.style)));
    agxset(node, ns.fillcolor, cstr(std::string(st.fill)));
    agxset(node, ns.color, cstr(std::string(st.border)));
    if (st.penwidth != 1.0) agxset(node, ns.penwidth, cstr(format_real(st.penwidth)));
    if (!st.margin.empty()) agxset(node, ns.margin, cstr(std::string(st.margin)));
    if (st.peripheries != 1) agxset(node, ns.peripheries, cstr(std::to_string(st.peripheries)));
    std::string klass = std::string(type_name(ent.type)) + " " + std::string(st.group);
    agxset(node, ns.klass, cstr(klass));

    // Label: the name, wrapped, over a small caption with kind and date.
    std::string name_text = text::sanitize(kg.str(ent.name));
    if (name_text.find_first_not_of(" \n") == std::string::npos)
      name_text = text::sanitize(kg.str(ent.id));
    const std::string kind_label = schema.kind_label(ent.type, kind);
    const std::string date = date_text(ent.start, ent.end);
    std::string caption = kind_label;
    if (!date.empty()) caption += " \u00b7 " + date;
    HtmlString label(g, text::node_label(name_text, text::sanitize(caption)));
    agxset(node, ns.label, label.get());

    // Tooltip: everything an analyst needs to check the fact.
    std::string tip = name_text;
    tip += '\n';
    tip += caption;
    tip += "\nid: ";
    tip += kg.str(ent.id);
    std::vector<std::string> aliases;
    for (StrId a : kg.list(ent.aliases)) aliases.emplace_back(kg.str(a));
    if (!aliases.empty()) tip += "\nAlso known as: " + join(aliases, "; ");
    for (const std::string& d : property_values(kg, ent.properties, "description")) tip += "\n" + d;
    tip += sources_text(kg, ent.sources);
    agxset(node, ns.tooltip, cstr(text::tooltip_text(text::sanitize(tip))));
  }
}

void GraphvizDocument::Impl::build_edges(const GraphView& view, bool edge_labels) {
  Agraph_t* g = graph.get();
  const KnowledgeGraph& kg = view.graph();
  const Schema& schema = kg.schema();
  for (std::uint32_t r : view.relations()) {
    const Relation& rel = kg.relations()[r];
    // A key per relation keeps parallel relations as separate edges.
    std::string key = "r";
    key += std::to_string(r);  // (not "r" + ...: GCC 12 warns falsely of an overlapping copy)
    Agedge_t* edge = agedge(g, nodes[rel.from], nodes[rel.to], cstr(key), 1);
    const std::string_view type = kg.str(rel.type);
    const EdgeStyle st = edge_style(type);
    const RelationType* rt = schema.relation(type);
    const std::string label =
        text::sanitize(rt && !rt->label.empty() ? rt->label : std::string(type));
    const std::string role = text::sanitize(kg.str(rel.role));

    agxset(edge, es.color, cstr(std::string(st.colour)));
    agxset(edge, es.fontcolor, cstr(std::string(st.colour)));
    if (st.style != "solid") agxset(edge, es.style, cstr(std::string(st.style)));
    if (st.penwidth != 1.0) agxset(edge, es.penwidth, cstr(format_real(st.penwidth)));
    agxset(edge, es.klass, cstr(std::string(st.group) + " " + text::node_name(type)));
    if (edge_labels) agxset(edge, es.label, cstr(text::edge_label(label, role)));

    std::string tip = text::sanitize(kg.str(kg.entities()[rel.from].name)) + " \u2192 " + label +
                      " \u2192 " + text::sanitize(kg.str(kg.entities()[rel.to].name));
    if (!role.empty()) tip += "\nrole: " + role;
    if (const std::string d = date_text(rel.start, rel.end); !d.empty()) tip += "\ndate: " + d;
    const PropertyList& props = kg.properties_of(rel);
    for (const std::string& q : property_values(kg, props, "quote"))
      tip += "\n\u201c" + q + "\u201d";
    tip += sources_text(kg, rel.sources);
    agxset(edge, es.tooltip, cstr(text::tooltip_text(text::sanitize(tip))));
  }
}

GraphvizDocument::GraphvizDocument(const GraphView& view, const ExportOptions& options,
                                   std::string engine)
    : impl_(std::make_unique<Impl>(view, options, std::move(engine))) {}
GraphvizDocument::~GraphvizDocument() = default;
GraphvizDocument::GraphvizDocument(GraphvizDocument&&) noexcept = default;
GraphvizDocument& GraphvizDocument::operator=(GraphvizDocument&&) noexcept = default;

void GraphvizDocument::write_dot(std::ostream& out) const {
  std::lock_guard lock(graphviz_mutex());
  ErrorCapture errors;
  if (agwrite(impl_->graph.get(), &out) != 0 || !out)
    throw ExportError("could not write the DOT output" +
                      (errors.text().empty() ? "" : ": " + errors.text()));
}

void GraphvizDocument::render(RenderFormat format, std::ostream& out) {
  std::lock_guard lock(graphviz_mutex());
  ErrorCapture errors;
  Agraph_t* g = impl_->graph.get();
  const char* device = "svg";
  switch (format) {
    case RenderFormat::svg:
      device = "svg";
      break;
    case RenderFormat::png:
      device = "png:cairo";
      agsafeset(g, cstr("dpi"), cstr("144"), cstr(""));
      break;
    case RenderFormat::pdf:
      device = "pdf:cairo";
      break;
  }
  GVC_t* gvc = process_context();
  if (!gvc) throw ExportError("Graphviz could not start (gvContext failed)");

  if (gvLayout(gvc, g, impl_->engine.c_str()) != 0) {
    std::string why = errors.text();
    throw ExportError("Graphviz could not lay out the graph with " + impl_->engine +
                      (why.empty() ? std::string{} : ": " + why));
  }
  LayoutOwner layout(gvc, g);
  if (errors.had_error()) throw ExportError("Graphviz: " + errors.text());

  char* raw = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(gvc, g, device, &raw, &length);
  RenderData data(raw);
  if (status != 0 || !data)
    throw ExportError(std::string("Graphviz could not render ") + device +
                      (errors.text().empty() ? std::string{} : ": " + errors.text()));
  if (errors.had_error()) throw ExportError("Graphviz: " + errors.text());
  out.write(data.get(), static_cast<std::streamsize>(length));
  if (!out) throw ExportError("could not write the rendered diagram");
}

std::vector<std::pair<double, double>> GraphvizDocument::node_positions(const GraphView& view) {
  std::lock_guard lock(graphviz_mutex());
  ErrorCapture errors;
  Agraph_t* g = impl_->graph.get();
  GVC_t* gvc = process_context();
  if (!gvc) throw ExportError("Graphviz could not start (gvContext failed)");
  if (gvLayout(gvc, g, impl_->engine.c_str()) != 0) {
    std::string why = errors.text();
    throw ExportError("Graphviz could not lay out the graph with " + impl_->engine +
                      (why.empty() ? std::string{} : ": " + why));
  }
  LayoutOwner layout(gvc, g);
  if (errors.had_error()) throw ExportError("Graphviz: " + errors.text());
  std::vector<std::pair<double, double>> out;
  out.reserve(view.entities().size());
  for (std::uint32_t e : view.entities()) {
    const pointf at = ND_coord(impl_->nodes[e]);
    out.emplace_back(at.x, at.y);
  }
  return out;
}

}  // namespace kgraph::diagram
