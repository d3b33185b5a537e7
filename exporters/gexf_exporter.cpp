#include "exporters/gexf_exporter.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "exporters/date_text.hpp"
#include "exporters/output_buffer.hpp"
#include "exporters/xml_text.hpp"
#include "graph/diagnostics.hpp"
#include "graph/graph_view.hpp"
#include "graph/value.hpp"

namespace kgraph {
namespace gexf {
namespace {

constexpr std::array<std::string_view, 15> kNodeBuiltins = {
    "id",      "label", "type", "kind", "name", "aliases", "start", "end",
    "sources", "color", "size", "x",    "y",    "z",       "shape"};
constexpr std::array<std::string_view, 11> kEdgeBuiltins = {
    "label",   "type",   "kind",  "role",      "start", "end",
    "sources", "weight", "color", "thickness", "shape"};

}  // namespace

std::string interval_start(const PartialDate& d) {
  std::string out;
  append_day(out, d.first_day());
  return out;
}

std::string interval_end(const PartialDate& d) {
  std::string out;
  append_day(out, d.last_day());
  return out;
}

void append_list_item(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::string_view rep;
    switch (s[i]) {
      case '"':
        rep = "\\\"";
        break;
      case '\\':
        rep = "\\\\";
        break;
      case '\n':
        rep = "\\n";
        break;
      case '\r':
        rep = "\\r";
        break;
      case '\t':
        rep = "\\t";
        break;
      default:
        continue;
    }
    out.append(s.substr(run, i - run));
    out += rep;
    run = i + 1;
  }
  out.append(s.substr(run));
  out += '"';
}

std::string attribute_title(std::string_view key, bool for_node) {
  const std::string_view stripped = key.substr(std::min(key.find_first_not_of('_'), key.size()));
  const auto builtin = [&](const auto& names) {
    return std::find(names.begin(), names.end(), stripped) != names.end();
  };
  const bool collides = for_node ? builtin(kNodeBuiltins) : builtin(kEdgeBuiltins);
  return collides ? "_" + std::string(key) : std::string(key);
}

std::uint32_t type_color(EntityType type) {
  switch (type) {
    case EntityType::actor:
      return 0x4E79A7;  // blue
    case EntityType::law:
      return 0xF28E2B;  // orange
    case EntityType::event:
      return 0xE15759;  // red
    case EntityType::place:
      return 0x59A14F;  // green
  }
  return 0x999999;
}

}  // namespace gexf

namespace {

enum class AttrType : std::uint8_t { boolean, long_integer, real, string, list };

std::string_view attr_type_name(AttrType t) {
  switch (t) {
    case AttrType::boolean:
      return "boolean";
    case AttrType::long_integer:
      return "long";
    case AttrType::real:
      return "double";
    case AttrType::string:
      return "string";
    case AttrType::list:
      return "liststring";
  }
  return "string";
}

// What the values of one property key look like over the whole view.
struct KeyStats {
  std::array<bool, 4> kinds{};  // indexed by ValueKind
  bool multi = false;
  bool huge_integer = false;  // some integer is not exactly a double
};

struct PropertyAttr {
  StrId key = kEmpty;
  std::string id;  // attribute id: its position among the class's attributes
  std::string title;
  AttrType type = AttrType::string;
};

constexpr std::int64_t kMaxExactInteger = std::int64_t{1} << 53;

AttrType infer_type(const KeyStats& s) {
  if (s.multi) return AttrType::list;
  const bool b = s.kinds[static_cast<int>(ValueKind::boolean)];
  const bool i = s.kinds[static_cast<int>(ValueKind::integer)];
  const bool r = s.kinds[static_cast<int>(ValueKind::real)];
  if (s.kinds[static_cast<int>(ValueKind::string)]) return AttrType::string;
  if (b) return (i || r) ? AttrType::string : AttrType::boolean;
  if (i && r) return s.huge_integer ? AttrType::string : AttrType::real;
  if (r) return AttrType::real;
  return AttrType::long_integer;
}

// Built-in attributes come first, with fixed ids; property attributes follow.
enum NodeAttr : std::uint8_t {
  kNodeType,
  kNodeKind,
  kNodeAliases,
  kNodeSources,
  kNodeStart,
  kNodeEnd,
  kNodeBuiltinCount
};
enum EdgeAttr : std::uint8_t {
  kEdgeType,
  kEdgeRole,
  kEdgeSources,
  kEdgeStart,
  kEdgeEnd,
  kEdgeBuiltinCount
};

// Writes one view. All text reaches the buffer through xml::append_escaped.
class Writer {
 public:
  Writer(const GraphView& view, std::ostream& out) : view_(view), g_(view.graph()), out_(out) {
    buf_.reserve(kOutputBlockBytes + (kOutputBlockBytes >> 2));
  }

  void write() {
    collect_attributes();
    buf_ +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
        "version=\"1.3\">\n"
        "  <meta>\n    <creator>kgraph</creator>\n  </meta>\n"
        "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n";
    write_attribute_declarations();
    buf_ += "    <nodes count=\"";
    append_integer(buf_, view_.entities().size());
    buf_ += "\">\n";
    for (std::uint32_t e : view_.entities()) {
      write_node(e);
      if (!maybe_flush()) return;
    }
    buf_ += "    </nodes>\n    <edges count=\"";
    append_integer(buf_, view_.relations().size());
    buf_ += "\">\n";
    const std::uint32_t n = view_.relations().size();
    for (std::uint32_t i = 0; i < n; ++i) {
      write_edge(i, view_.relations()[i]);
      if (!maybe_flush()) return;
    }
    buf_ += "    </edges>\n  </graph>\n</gexf>\n";
    flush();
  }

 private:
  // ---- attribute declarations ------------------------------------------------------------

  void collect_attributes() {
    std::unordered_map<StrId, KeyStats> node_stats, edge_stats;
    for (std::uint32_t e : view_.entities()) gather(g_.entities()[e].properties, node_stats);
    for (std::uint32_t r : view_.relations())
      gather(g_.properties_of(g_.relations()[r]), edge_stats);
    node_attrs_ = make_attrs(node_stats, true, kNodeBuiltinCount);
    edge_attrs_ = make_attrs(edge_stats, false, kEdgeBuiltinCount);
    for (std::uint32_t i = 0; i < node_attrs_.size(); ++i)
      node_index_.emplace(node_attrs_[i].key, i);
    for (std::uint32_t i = 0; i < edge_attrs_.size(); ++i)
      edge_index_.emplace(edge_attrs_[i].key, i);
  }

  static void gather(const PropertyList& props, std::unordered_map<StrId, KeyStats>& stats) {
    for (const Property& p : props) {
      KeyStats& s = stats[p.key];
      if (p.values.size() > 1) s.multi = true;
      for (const Value& v : p.values) {
        s.kinds[static_cast<int>(v.kind)] = true;
        if (v.kind == ValueKind::integer &&
            (v.integer > kMaxExactInteger || v.integer < -kMaxExactInteger))
          s.huge_integer = true;
      }
    }
  }

  std::vector<PropertyAttr> make_attrs(const std::unordered_map<StrId, KeyStats>& stats,
                                       bool for_node, std::uint32_t first_id) {
    std::vector<PropertyAttr> attrs;
    attrs.reserve(stats.size());
    for (const auto& [key, s] : stats) {
      PropertyAttr a;
      a.key = key;
      a.title = gexf::attribute_title(g_.str(key), for_node);
      a.type = infer_type(s);
      attrs.push_back(std::move(a));
    }
    // Never iterate a hash map into output: order by key text.
    std::sort(attrs.begin(), attrs.end(), [&](const PropertyAttr& a, const PropertyAttr& b) {
      return g_.str(a.key) < g_.str(b.key);
    });
    for (std::uint32_t i = 0; i < attrs.size(); ++i) attrs[i].id = std::to_string(first_id + i);
    return attrs;
  }

  void declaration(std::uint32_t id, std::string_view title, AttrType type) {
    declaration(std::to_string(id), title, type);
  }

  void declaration(std::string_view id, std::string_view title, AttrType type) {
    buf_ += "      <attribute id=\"";
    buf_ += id;
    buf_ += "\" title=\"";
    text(title, Context{Context::declaration, 0, title});
    buf_ += "\" type=\"";
    buf_ += attr_type_name(type);
    buf_ += "\"/>\n";
  }

  void write_attribute_declarations() {
    buf_ += "    <attributes class=\"node\">\n";
    declaration(kNodeType, "type", AttrType::string);
    declaration(kNodeKind, "kind", AttrType::string);
    declaration(kNodeAliases, "aliases", AttrType::list);
    declaration(kNodeSources, "sources", AttrType::list);
    declaration(kNodeStart, "start", AttrType::string);
    declaration(kNodeEnd, "end", AttrType::string);
    for (const PropertyAttr& a : node_attrs_) declaration(a.id, a.title, a.type);
    buf_ += "    </attributes>\n    <attributes class=\"edge\">\n";
    declaration(kEdgeType, "type", AttrType::string);
    declaration(kEdgeRole, "role", AttrType::string);
    declaration(kEdgeSources, "sources", AttrType::list);
    declaration(kEdgeStart, "start", AttrType::string);
    declaration(kEdgeEnd, "end", AttrType::string);
    for (const PropertyAttr& a : edge_attrs_) declaration(a.id, a.title, a.type);
    buf_ += "    </attributes>\n";
  }

  // ---- text ------------------------------------------------------------------------------

  struct Context {
    enum Kind : std::uint8_t { node, edge, declaration } kind = node;
    std::uint32_t index = 0;  // entity or relation index
    std::string_view field;
  };

  [[noreturn]] void fail(const Context& at, std::string_view text,
                         const xml::TextCheck& check) const {
    std::string where;
    switch (at.kind) {
      case Context::node:
        where = "entity " + quoted(g_.str(g_.entities()[at.index].id));
        break;
      case Context::declaration:
        where = "a property name";
        break;
      case Context::edge: {
        const Relation& r = g_.relations()[at.index];
        where = "relation " + quoted(g_.str(g_.entities()[r.from].id)) + " " +
                std::string(g_.str(r.type)) + " " + quoted(g_.str(g_.entities()[r.to].id));
        break;
      }
    }
    throw ExportError("cannot write GEXF: " + where + ", field " + quoted(at.field) +
                      ": the text " + xml::describe(check, text));
  }

  void text(std::string_view s, const Context& at) {
    const xml::TextCheck check = xml::append_escaped(buf_, s);
    if (!check.ok()) fail(at, s, check);
  }

  static void append_integer(std::string& out, std::int64_t i) {
    char b[24];
    auto [end, ec] = std::to_chars(b, b + sizeof b, i);
    out.append(b, end);
  }

  static void append_real(std::string& out, double d) {
    if (std::isnan(d))
      out += "NaN";
    else if (std::isinf(d))
      out += d < 0 ? "-Infinity" : "Infinity";
    else
      out += format_real(d);
  }

  // The text of a scalar as it stands in a list or a string attribute.
  void scalar_text(std::string& out, const Value& v) const {
    switch (v.kind) {
      case ValueKind::boolean:
        out += v.boolean ? "true" : "false";
        break;
      case ValueKind::integer:
        append_integer(out, v.integer);
        break;
      case ValueKind::real:
        append_real(out, v.real);
        break;
      case ValueKind::string:
        out += g_.str(v.string);
        break;
    }
  }

  void attvalue_open(std::uint32_t id) {
    buf_ += "          <attvalue for=\"";
    append_integer(buf_, id);
    buf_ += "\" value=\"";
  }
  void attvalue_open(std::string_view id) {
    buf_ += "          <attvalue for=\"";
    buf_ += id;
    buf_ += "\" value=\"";
  }
  void attvalue_close() { buf_ += "\"/>\n"; }

  void attvalue_text(std::uint32_t id, std::string_view value, const Context& at) {
    attvalue_open(id);
    text(value, at);
    attvalue_close();
  }

  // A date as written, e.g. 2006-09: ASCII digits and hyphens, nothing to escape.
  void attvalue_date(std::uint32_t id, const PartialDate& d) {
    if (!d.present()) return;
    attvalue_open(id);
    append_date(buf_, d);
    attvalue_close();
  }

  void attvalue_list(std::uint32_t id, std::span<const StrId> items, const Context& at) {
    scratch_.clear();
    scratch_ += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) scratch_ += ", ";
      gexf::append_list_item(scratch_, g_.str(items[i]));
    }
    scratch_ += ']';
    attvalue_open(id);
    text(scratch_, at);
    attvalue_close();
  }

  void property(const PropertyAttr& a, const Property& p, Context at) {
    at.field = g_.str(p.key);
    attvalue_open(a.id);
    const Value& v = p.values.front();
    switch (a.type) {
      case AttrType::list:
        scratch_.clear();
        scratch_ += '[';
        for (std::size_t i = 0; i < p.values.size(); ++i) {
          if (i) scratch_ += ", ";
          item_.clear();
          scalar_text(item_, p.values[i]);
          gexf::append_list_item(scratch_, item_);
        }
        scratch_ += ']';
        text(scratch_, at);
        break;
      case AttrType::string:
        if (v.kind == ValueKind::string) {
          text(g_.str(v.string), at);
        } else {
          scalar_text(buf_, v);  // numbers and booleans: ASCII
        }
        break;
      case AttrType::real:
        append_real(buf_, v.kind == ValueKind::integer ? static_cast<double>(v.integer) : v.real);
        break;
      case AttrType::long_integer:
        append_integer(buf_, v.integer);
        break;
      case AttrType::boolean:
        buf_ += v.boolean ? "true" : "false";
        break;
    }
    attvalue_close();
  }

  void interval(const PartialDate& start, const PartialDate& end) {
    if (start.present()) {
      buf_ += " start=\"";
      append_day(buf_, start.first_day());
      buf_ += '"';
    }
    if (end.present()) {
      buf_ += " end=\"";
      append_day(buf_, end.last_day());
      buf_ += '"';
    }
  }

  // ---- elements --------------------------------------------------------------------------

  void write_node(std::uint32_t index) {
    const Entity& e = g_.entities()[index];
    Context at{Context::node, index, "id"};
    buf_ += "      <node id=\"";
    text(g_.str(e.id), at);
    buf_ += "\" label=\"";
    at.field = "name";
    text(g_.str(e.name), at);
    buf_ += '"';
    interval(e.start, e.end);
    buf_ += ">\n        <attvalues>\n";
    attvalue_text(kNodeType, type_name(e.type), at);
    if (e.kind != kEmpty) {
      at.field = "kind";
      attvalue_text(kNodeKind, g_.str(e.kind), at);
    }
    if (e.aliases != 0) {
      at.field = "aliases";
      attvalue_list(kNodeAliases, g_.list(e.aliases), at);
    }
    if (e.sources != 0) {
      at.field = "sources";
      attvalue_list(kNodeSources, g_.list(e.sources), at);
    }
    attvalue_date(kNodeStart, e.start);
    attvalue_date(kNodeEnd, e.end);
    for (const Property& p : e.properties)
      property(node_attrs_[node_index_.find(p.key)->second], p, at);
    buf_ += "        </attvalues>\n        <viz:color r=\"";
    const std::uint32_t c = gexf::type_color(e.type);
    append_integer(buf_, c >> 16);
    buf_ += "\" g=\"";
    append_integer(buf_, (c >> 8) & 0xFF);
    buf_ += "\" b=\"";
    append_integer(buf_, c & 0xFF);
    buf_ += "\"/>\n      </node>\n";
  }

  const std::string& edge_label(StrId type) {
    auto it = labels_.find(type);
    if (it == labels_.end()) {
      const RelationType* rt = g_.schema().relation(g_.str(type));
      it = labels_.emplace(type, rt && !rt->label.empty() ? rt->label : std::string(g_.str(type)))
               .first;
    }
    return it->second;
  }

  void write_edge(std::uint32_t position, std::uint32_t index) {
    const Relation& r = g_.relations()[index];
    Context at{Context::edge, index, "type"};
    buf_ += "      <edge id=\"e";
    append_integer(buf_, position);
    buf_ += "\" source=\"";
    text(g_.str(g_.entities()[r.from].id), at);
    buf_ += "\" target=\"";
    text(g_.str(g_.entities()[r.to].id), at);
    buf_ += "\" kind=\"";
    text(g_.str(r.type), at);
    buf_ += "\" label=\"";
    text(edge_label(r.type), at);
    buf_ += '"';
    interval(r.start, r.end);
    buf_ += ">\n        <attvalues>\n";
    attvalue_text(kEdgeType, g_.str(r.type), at);
    if (r.role != kEmpty) {
      at.field = "role";
      attvalue_text(kEdgeRole, g_.str(r.role), at);
    }
    if (r.sources != 0) {
      at.field = "sources";
      attvalue_list(kEdgeSources, g_.list(r.sources), at);
    }
    attvalue_date(kEdgeStart, r.start);
    attvalue_date(kEdgeEnd, r.end);
    for (const Property& p : g_.properties_of(r))
      property(edge_attrs_[edge_index_.find(p.key)->second], p, at);
    buf_ += "        </attvalues>\n      </edge>\n";
  }

  // ---- output ----------------------------------------------------------------------------

  bool maybe_flush() { return flush_if_full(buf_, out_); }
  void flush() { write_out(buf_, out_); }

  const GraphView& view_;
  const KnowledgeGraph& g_;
  std::ostream& out_;
  std::string buf_, scratch_, item_;
  std::vector<PropertyAttr> node_attrs_, edge_attrs_;
  std::unordered_map<StrId, std::uint32_t> node_index_, edge_index_;
  std::unordered_map<StrId, std::string> labels_;
};

class GexfExporter final : public Exporter {
 public:
  std::string_view name() const override { return "gexf"; }
  std::vector<std::string_view> extensions() const override { return {".gexf"}; }
  void write(const GraphView& view, std::ostream& out, const ExportOptions&) const override {
    Writer(view, out).write();
  }
};

}  // namespace

std::unique_ptr<Exporter> make_gexf_exporter() { return std::make_unique<GexfExporter>(); }

}  // namespace kgraph
