#include "exporters/graphml_exporter.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <exception>
#include <ostream>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "exporters/ordered_chunks.hpp"
#include "exporters/output_buffer.hpp"
#include "exporters/property_columns.hpp"
#include "exporters/rendered_cache.hpp"
#include "exporters/rendered_fields.hpp"
#include "exporters/text_buffer.hpp"
#include "exporters/xml_text.hpp"
#include "graph/diagnostics.hpp"
#include "graph/graph_view.hpp"
#include "graph/value.hpp"

namespace kgraph {
namespace graphml {
namespace {

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
// Bytes written as they are inside an escaped token (everything but `.`, which escapes).
bool is_token_byte(unsigned char c) {
  return is_ascii_alnum(c) || c == '_' || c == ':' || c == '-';
}

constexpr std::array<std::string_view, 9> kNodeBuiltins = {
    "id", "type", "kind", "name", "aliases", "start", "end", "sources", "labels"};
constexpr std::array<std::string_view, 6> kEdgeBuiltins = {"type", "label", "start",
                                                           "end",  "role",  "sources"};

}  // namespace

bool is_plain_token(std::string_view s) {
  if (s.empty()) return false;
  const auto first = static_cast<unsigned char>(s[0]);
  if (!is_ascii_alnum(first) && first != '_') return false;
  return std::all_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return is_token_byte(c) || c == '.';
  });
}

void append_token(std::string& out, std::string_view s) {
  if (is_plain_token(s)) {
    out.append(s);
    return;
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '-';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_token_byte(c)) {
      out += ch;
    } else {
      out += '.';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
}

std::string token(std::string_view s) {
  std::string out;
  append_token(out, s);
  return out;
}

std::string property_attr_name(std::string_view key, bool for_node) {
  const std::string_view stripped = key.substr(std::min(key.find_first_not_of('_'), key.size()));
  const auto builtin = [&](const auto& names) {
    return std::find(names.begin(), names.end(), stripped) != names.end();
  };
  const bool collides = for_node ? builtin(kNodeBuiltins) : builtin(kEdgeBuiltins);
  return collides ? token("_" + std::string(key)) : token(key);
}

std::string neo4j_labels(EntityType type, std::string_view kind) {
  std::string out = ":" + dbcols::pascal_case(type_name(type));
  if (!kind.empty()) {
    const std::string k = dbcols::pascal_case(kind);
    if (!k.empty()) out += ':' + k;
  }
  return out;
}

std::string neo4j_relationship_type(std::string_view type) { return dbcols::upper_snake(type); }

}  // namespace graphml

namespace {

enum class KeyType : std::uint8_t { boolean, long_integer, real, string };

std::string_view key_type_name(KeyType t) {
  switch (t) {
    case KeyType::boolean:
      return "boolean";
    case KeyType::long_integer:
      return "long";
    case KeyType::real:
      return "double";
    case KeyType::string:
      return "string";
  }
  return "string";
}

// What the values of one property key look like over the whole view.
struct KeyStats {
  std::array<bool, 4> kinds{};  // indexed by ValueKind
  bool multi = false;           // some element has more than one value
  bool huge_integer = false;    // some integer is not exactly a double
};

// A declared <key> for a property.
struct PropertyKey {
  StrId key = kEmpty;
  std::string id;         // key id
  std::string attr_name;  // attr.name
  KeyType type = KeyType::string;
  bool list = false;  // every value written as JSON array text
};

KeyType infer_type(const KeyStats& s) {
  if (s.multi) return KeyType::string;
  const bool b = s.kinds[static_cast<int>(ValueKind::boolean)];
  const bool i = s.kinds[static_cast<int>(ValueKind::integer)];
  const bool r = s.kinds[static_cast<int>(ValueKind::real)];
  const bool str = s.kinds[static_cast<int>(ValueKind::string)];
  if (str) return KeyType::string;
  if (b) return (i || r) ? KeyType::string : KeyType::boolean;
  if (i && r) return s.huge_integer ? KeyType::string : KeyType::real;
  if (r) return KeyType::real;
  return KeyType::long_integer;
}

constexpr std::int64_t kMaxExactInteger = std::int64_t{1}
                                          << 53;  // every integer up to here is a double

// Writes one view. All text reaches the buffer through xml::append_element_text or through
// append_token, whose output is plain ASCII.
class Writer {
 public:
  Writer(const GraphView& view, std::ostream& out) : view_(view), g_(view.graph()), out_(out) {
    buf_.reserve_more(kOutputBlockBytes + (kOutputBlockBytes >> 2));
    id_key_ = g_.strings().find("id");
    quote_key_ = g_.strings().find("quote");
  }

  void write() {
    // Every node and edge names nodes: their ids are rendered once and copied. With a second
    // thread, rendered beside the keys' survey of every property, the two passes that
    // otherwise leave the other core idle before the first node (0.1 s each for 1M nodes).
    EntityFields node_ids(0);
    std::exception_ptr failed;
    std::thread rendering;
    if (threads_ > 1) {
      rendering = std::thread([&] {
        try {
          node_ids = render_node_ids();
        } catch (...) {
          failed = std::current_exception();
        }
      });
    }
    try {
      collect_keys();
    } catch (...) {
      if (rendering.joinable()) rendering.join();
      throw;
    }
    if (rendering.joinable()) rendering.join();
    if (failed) std::rethrow_exception(failed);
    if (threads_ <= 1) node_ids = render_node_ids();
    node_ids_ = &node_ids;
    buf_ +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
        " http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd\">\n";
    write_keys();
    buf_ += "  <graph id=\"G\" edgedefault=\"directed\">\n";
    write_sources();
    flush();
    // Nodes, then edges, in chunks formatted by copies of this writer (each with its own
    // buffers and caches) while this thread writes the chunks before them.
    const auto nodes = [writer = *this](std::size_t first, std::size_t last,
                                        TextBuffer& text) mutable {
      writer.format(&Writer::write_node, first, last, text);
    };
    const auto edges = [writer = *this](std::size_t first, std::size_t last,
                                        TextBuffer& text) mutable {
      writer.format(&Writer::write_edge, first, last, text);
    };
    write_in_order<TextBuffer>(out_, view_.entities().size(), threads_, nodes);
    if (!out_) return;
    write_in_order<TextBuffer>(out_, view_.relations().size(), threads_, edges);
    if (!out_) return;
    buf_ += "  </graph>\n</graphml>\n";
    flush();
  }

  void set_threads(unsigned threads) { threads_ = threads; }

 private:
  EntityFields render_node_ids() const {
    EntityFields ids(g_.entities().size());
    std::string text;
    for (std::uint32_t e : view_.entities()) {
      text.clear();
      graphml::append_token(text, g_.str(g_.entities()[e].id));
      ids.set(e, text);
    }
    return ids;
  }

  // ---- keys ------------------------------------------------------------------------------

  void collect_keys() {
    std::unordered_map<StrId, KeyStats> node_stats, edge_stats;
    const auto& entities = g_.entities();
    for (std::uint32_t e : view_.entities()) gather(entities[e].properties, node_stats);
    const auto& relations = g_.relations();
    const auto& order = view_.relations();
    for (std::size_t i = 0; i < order.size(); ++i) {
      prefetch_edges_ahead(i, false);
      gather(g_.properties_of(relations[order[i]]), edge_stats);
    }

    node_keys_ = make_keys(node_stats, true);
    edge_keys_ = make_keys(edge_stats, false);
    for (std::uint32_t i = 0; i < node_keys_.size(); ++i) node_index_.emplace(node_keys_[i].key, i);
    for (std::uint32_t i = 0; i < edge_keys_.size(); ++i) edge_index_.emplace(edge_keys_[i].key, i);
  }

  void gather(const PropertyList& props, std::unordered_map<StrId, KeyStats>& stats) {
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

  std::vector<PropertyKey> make_keys(const std::unordered_map<StrId, KeyStats>& stats,
                                     bool for_node) {
    std::vector<PropertyKey> keys;
    keys.reserve(stats.size());
    for (const auto& [key, s] : stats) {
      PropertyKey k;
      k.key = key;
      const bool builtin = !for_node && (key == id_key_ || key == quote_key_);
      if (builtin) {
        k.attr_name = g_.str(key);
        k.id = "e_" + k.attr_name;
        k.type = KeyType::string;
      } else {
        k.attr_name = graphml::property_attr_name(g_.str(key), for_node);
        k.id = (for_node ? "np_" : "ep_") + k.attr_name;
        k.type = infer_type(s);
      }
      k.list = s.multi;
      keys.push_back(std::move(k));
    }
    // Never iterate a hash map into output: order by key text.
    std::sort(keys.begin(), keys.end(), [&](const PropertyKey& a, const PropertyKey& b) {
      return g_.str(a.key) < g_.str(b.key);
    });
    return keys;
  }

  void key_line(std::string_view id, std::string_view domain, std::string_view name, KeyType type) {
    buf_ += "  <key id=\"";
    buf_ += id;
    buf_ += "\" for=\"";
    buf_ += domain;
    buf_ += "\" attr.name=\"";
    buf_ += name;
    buf_ += "\" attr.type=\"";
    buf_ += key_type_name(type);
    buf_ += "\"/>\n";
  }

  const PropertyKey* edge_builtin(StrId key) const {
    if (key == StringPool::kMissing) return nullptr;
    auto it = edge_index_.find(key);
    return it == edge_index_.end() ? nullptr : &edge_keys_[it->second];
  }

  void write_keys() {
    if (!view_.sources().empty()) key_line("g_sources", "graph", "sources", KeyType::string);
    for (std::string_view name :
         {"id", "type", "kind", "name", "aliases", "start", "end", "sources"})
      key_line("n_" + std::string(name), "node", name, KeyType::string);
    key_line("labels", "node", "labels", KeyType::string);
    for (const PropertyKey& k : node_keys_) key_line(k.id, "node", k.attr_name, k.type);

    key_line("label", "edge", "label", KeyType::string);
    if (edge_builtin(id_key_)) key_line("e_id", "edge", "id", KeyType::string);
    for (std::string_view name : {"type", "start", "end", "role"})
      key_line("e_" + std::string(name), "edge", name, KeyType::string);
    if (edge_builtin(quote_key_)) key_line("e_quote", "edge", "quote", KeyType::string);
    key_line("e_sources", "edge", "sources", KeyType::string);
    for (const PropertyKey& k : edge_keys_)
      if (k.key != id_key_ && k.key != quote_key_) key_line(k.id, "edge", k.attr_name, k.type);
  }

  // ---- text ------------------------------------------------------------------------------

  // Where a text came from, for the error message; only looked at when writing fails.
  struct Context {
    bool node = true;         // else a relation; index UINT32_MAX: the graph itself
    std::uint32_t index = 0;  // entity index, or relation index
    std::string_view field;
  };

  [[noreturn]] void fail(const Context& at, std::string_view text,
                         const xml::TextCheck& check) const {
    std::string where;
    if (at.index == UINT32_MAX) {
      where = "the list of sources";
    } else if (at.node) {
      where = "entity " + quoted(g_.str(g_.entities()[at.index].id));
    } else {
      const Relation& r = g_.relations()[at.index];
      where = "relation " + quoted(g_.str(g_.entities()[r.from].id)) + " " +
              std::string(g_.str(r.type)) + " " + quoted(g_.str(g_.entities()[r.to].id));
    }
    throw ExportError("cannot write GraphML: " + where + ", field " + quoted(at.field) +
                      ": the text " + xml::describe(check, text));
  }

  void text(std::string_view s, const Context& at) {
    const xml::TextCheck check = xml::append_element_text(buf_, s);
    if (!check.ok()) fail(at, s, check);
  }

  void data_open(std::string_view key) {
    buf_ += "      <data key=\"";
    buf_ += key;
    buf_ += "\">";
  }
  void data_close() { buf_ += "</data>\n"; }

  void data_text(std::string_view key, std::string_view value, const Context& at) {
    data_open(key);
    text(value, at);
    data_close();
  }

  // A date: digits and hyphens, which XML takes as they are.
  void data_date(std::string_view key, const PartialDate& date) {
    data_open(key);
    buf_.reserve_more(PartialDate::kMaxChars);
    buf_.commit(buf_.tail() + date.write(buf_.tail()));
    data_close();
  }

  // JSON text is built in scratch_, then escaped into the buffer.
  void data_json(std::string_view key, const Context& at) {
    data_open(key);
    text(scratch_, at);
    data_close();
  }

  template <class Out>
  static void append_integer(Out& out, std::int64_t i) {
    char b[24];
    auto [end, ec] = std::to_chars(b, b + sizeof b, i);
    out.append(b, static_cast<std::size_t>(end - b));
  }

  template <class Out>
  static void append_real(Out& out, double d) {
    if (std::isnan(d))
      out += "NaN";
    else if (std::isinf(d))
      out += d < 0 ? "-Infinity" : "Infinity";
    else
      out += format_real(d);
  }

  // A JSON string literal. Control characters and U+FFFE/U+FFFF become \u escapes, so JSON
  // text can carry what XML text cannot.
  static void append_json_string(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      std::string_view rep;
      char u[7] = {'\\', 'u', '0', '0', 0, 0, 0};
      if (c == '"')
        rep = "\\\"";
      else if (c == '\\')
        rep = "\\\\";
      else if (c == '\n')
        rep = "\\n";
      else if (c == '\t')
        rep = "\\t";
      else if (c == '\r')
        rep = "\\r";
      else if (c == '\b')
        rep = "\\b";
      else if (c == '\f')
        rep = "\\f";
      else if (c < 0x20) {
        u[4] = kHex[c >> 4];
        u[5] = kHex[c & 0xF];
        rep = std::string_view(u, 6);
      } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                 (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
        out.append(s.substr(run, i - run));
        out += static_cast<unsigned char>(s[i + 2]) == 0xBE ? "\\ufffe" : "\\uffff";
        i += 2;
        run = i + 1;
        continue;
      } else {
        continue;
      }
      out.append(s.substr(run, i - run));
      out += rep;
      run = i + 1;
    }
    out.append(s.substr(run));
    out += '"';
  }

  void append_json_value(std::string& out, const Value& v) {
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
        append_json_string(out, g_.str(v.string));
        break;
    }
  }

  void json_string_list(std::span<const StrId> items) {
    scratch_.clear();
    scratch_ += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) scratch_ += ',';
      append_json_string(scratch_, g_.str(items[i]));
    }
    scratch_ += ']';
  }

  void json_values(const std::vector<Value>& values) {
    scratch_.clear();
    scratch_ += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) scratch_ += ',';
      append_json_value(scratch_, values[i]);
    }
    scratch_ += ']';
  }

  void property(const PropertyKey& k, const Property& p, Context at) {
    at.field = g_.str(p.key);
    if (k.list) {
      json_values(p.values);
      data_json(k.id, at);
      return;
    }
    const Value& v = p.values.front();
    if (v.kind == ValueKind::string) {
      data_text(k.id, g_.str(v.string), at);
      return;
    }
    data_open(k.id);
    switch (v.kind) {
      case ValueKind::boolean:
        if (k.type == KeyType::boolean)
          buf_ += v.boolean ? '1' : '0';
        else
          buf_ += v.boolean ? "true" : "false";
        break;
      case ValueKind::integer:
        if (k.type == KeyType::real)
          append_real(buf_, static_cast<double>(v.integer));
        else
          append_integer(buf_, v.integer);
        break;
      case ValueKind::real:
        append_real(buf_, v.real);
        break;
      case ValueKind::string:
        break;
    }
    data_close();
  }

  // ---- elements --------------------------------------------------------------------------

  void write_sources() {
    if (view_.sources().empty()) return;
    const Context at{true, UINT32_MAX, "sources"};
    scratch_.clear();
    scratch_ += '[';
    bool first = true;
    for (std::uint32_t s : view_.sources()) {
      const Source& src = g_.sources()[s];
      if (!first) scratch_ += ',';
      first = false;
      scratch_ += "{\"id\":";
      append_json_string(scratch_, g_.str(src.id));
      if (src.date.present()) {
        scratch_ += ",\"date\":\"";
        scratch_ += src.date.to_string();
        scratch_ += '"';
      }
      for (const Property& p : src.properties) {
        scratch_ += ',';
        append_json_string(scratch_, g_.str(p.key));
        scratch_ += ':';
        if (p.values.size() == 1) {
          append_json_value(scratch_, p.values.front());
        } else {
          scratch_ += '[';
          for (std::size_t i = 0; i < p.values.size(); ++i) {
            if (i) scratch_ += ',';
            append_json_value(scratch_, p.values[i]);
          }
          scratch_ += ']';
        }
      }
      scratch_ += '}';
    }
    scratch_ += ']';
    buf_ += "    <data key=\"g_sources\">";
    text(scratch_, at);
    buf_ += "</data>\n";
  }

  /// The text `render` appends to the buffer, appended from `cache` (by `key`) from the second
  /// time on. Edges repeat a few types and source lists millions of times.
  template <class Render>
  void cached(RenderedCache& cache, std::uint64_t key, Render&& render) {
    if (const auto text = cache.find(key)) {
      buf_ += *text;
      return;
    }
    const std::size_t start = buf_.size();
    render();
    cache.keep(key, buf_.view().substr(start));
  }

  // The rendered id of node `index`: a fixed-size copy when it is short, as most are.
  void node_id(std::uint32_t index) {
    buf_.reserve_more(EntityFields::kPutBytes);
    if (char* end = node_ids_->put(buf_.tail(), index))
      buf_.commit(end);
    else
      buf_ += node_ids_->get(index);
  }

  /// A list of sources as JSON text: what json_string_list() and data_json() write, from
  /// each source's escaped literal, rendered once per source. Millions of elements name a few
  /// thousand sources in hundreds of thousands of combinations: too many lists to keep, few
  /// sources. XML escaping is the same piece by piece, as every literal starts and ends with
  /// a quote (escaping treats a leading space, a space after a space and trailing spaces
  /// apart).
  void data_source_list(std::string_view key, ListId list, const Context& at) {
    data_open(key);
    buf_ += '[';
    bool first = true;
    for (StrId source : g_.list(list)) {
      if (!first) buf_ += ',';
      first = false;
      cached(source_literals_, source, [&] {
        scratch_.clear();
        append_json_string(scratch_, g_.str(source));
        text(scratch_, at);
      });
    }
    buf_ += ']';
    data_close();
  }

  void write_node(std::uint32_t position) {
    const std::uint32_t index = view_.entities()[position];
    const Entity& e = g_.entities()[index];
    Context at{true, index, "id"};
    prefetch_nodes_ahead(position);
    const std::string_view id = g_.str(e.id);
    buf_ += "    <node id=\"";
    node_id(index);
    buf_ += "\">\n";
    data_text("n_id", id, at);
    at.field = "type";
    cached(node_type_blocks_, static_cast<std::uint64_t>(e.type),
           [&] { data_text("n_type", type_name(e.type), at); });
    if (e.kind != kEmpty) {
      at.field = "kind";
      data_text("n_kind", g_.str(e.kind), at);
    }
    at.field = "name";
    data_text("n_name", g_.str(e.name), at);
    if (e.aliases != 0) {
      at.field = "aliases";
      json_string_list(g_.list(e.aliases));
      data_json("n_aliases", at);
    }
    if (e.start.present()) data_date("n_start", e.start);
    if (e.end.present()) data_date("n_end", e.end);
    if (e.sources != 0) {
      at.field = "sources";
      data_source_list("n_sources", e.sources, at);
    }
    at.field = "kind";
    cached(labels_blocks_, std::uint64_t{static_cast<std::uint8_t>(e.type)} << 32 | e.kind,
           [&] { data_text("labels", graphml::neo4j_labels(e.type, g_.str(e.kind)), at); });
    for (const Property& p : e.properties)
      property(node_keys_[node_index_.find(p.key)->second], p, at);
    buf_ += "    </node>\n";
  }

  /// Starts loading what the nodes a few positions after `position` will read, which is
  /// anywhere in memory: 16 on, where the id's and the name's texts and the source list are
  /// kept; 8 on, the texts, the list's items and the properties.
  void prefetch_nodes_ahead(std::size_t position) const {
    constexpr std::size_t kAhead = 16, kNear = 8;
    const auto& order = view_.entities();
    const StringPool& strings = g_.strings();
    if (position + kAhead < order.size()) {
      const Entity& ahead = g_.entities()[order[position + kAhead]];
      strings.prefetch(ahead.id);
      strings.prefetch(ahead.name);
      if (ahead.sources != 0) g_.lists().prefetch_offsets(ahead.sources);
    }
    if (position + kNear < order.size()) {
      const Entity& near = g_.entities()[order[position + kNear]];
      strings.prefetch_text(near.id);
      strings.prefetch_text(near.name);
      if (near.sources != 0) g_.lists().prefetch_items(near.sources);
      if (!near.properties.empty()) __builtin_prefetch(near.properties.data());
    }
  }

  /// Starts loading what the edges a few positions after `position` will read, which is
  /// anywhere in the graph: 16 on, where each property list (and, for writing, each source
  /// list and target id) is kept; 8 on, the lists' items, their places having come by then.
  void prefetch_edges_ahead(std::size_t position, bool writing) const {
    constexpr std::size_t kAhead = 16, kNear = 8;
    const auto& order = view_.relations();
    if (position + kAhead < order.size()) {
      const Relation& ahead = g_.relations()[order[position + kAhead]];
      if (ahead.properties != 0) __builtin_prefetch(&g_.properties_of(ahead));
      if (writing) {
        node_ids_->prefetch(ahead.to);
        if (ahead.sources != 0) g_.lists().prefetch_offsets(ahead.sources);
      }
    }
    if (position + kNear < order.size()) {
      const Relation& near = g_.relations()[order[position + kNear]];
      if (near.properties != 0) __builtin_prefetch(g_.properties_of(near).data());
      if (writing && near.sources != 0) g_.lists().prefetch_items(near.sources);
    }
  }

  void write_edge(std::uint32_t position) {
    const std::uint32_t index = view_.relations()[position];
    const Relation& r = g_.relations()[index];
    const PropertyList& props = g_.properties_of(r);
    Context at{false, index, "type"};
    buf_ += "    <edge id=\"e";
    append_integer(buf_, position);
    prefetch_edges_ahead(position, true);
    buf_ += "\" source=\"";
    node_id(r.from);
    buf_ += "\" target=\"";
    node_id(r.to);
    buf_ += "\">\n";
    // Neo4j APOC reads the relationship type from the first data element only.
    cached(label_blocks_, r.type,
           [&] { data_text("label", graphml::neo4j_relationship_type(g_.str(r.type)), at); });
    const Property* quote = nullptr;
    for (const Property& p : props) {
      if (p.key == id_key_)
        property(*edge_builtin(id_key_), p, at);
      else if (p.key == quote_key_)
        quote = &p;
    }
    cached(type_blocks_, r.type, [&] { data_text("e_type", g_.str(r.type), at); });
    if (r.start.present()) data_date("e_start", r.start);
    if (r.end.present()) data_date("e_end", r.end);
    if (r.role != kEmpty) {
      at.field = "role";
      data_text("e_role", g_.str(r.role), at);
    }
    if (quote) property(*edge_builtin(quote_key_), *quote, at);
    if (r.sources != 0) {
      at.field = "sources";
      data_source_list("e_sources", r.sources, at);
    }
    for (const Property& p : props)
      if (p.key != id_key_ && p.key != quote_key_)
        property(edge_keys_[edge_index_.find(p.key)->second], p, at);
    buf_ += "    </edge>\n";
  }

  // ---- output ----------------------------------------------------------------------------

  /// Appends items [first, last) of the view's entities or relations to `text`.
  void format(void (Writer::*element)(std::uint32_t position), std::size_t first, std::size_t last,
              TextBuffer& text) {
    buf_.swap(text);
    for (std::size_t i = first; i < last; ++i) (this->*element)(static_cast<std::uint32_t>(i));
    buf_.swap(text);
  }

  void flush() { write_out(buf_, out_); }

  const GraphView& view_;
  const KnowledgeGraph& g_;
  std::ostream& out_;
  unsigned threads_ = 1;
  const EntityFields* node_ids_ = nullptr;  // while write() runs
  TextBuffer buf_;
  std::string scratch_;
  StrId id_key_ = StringPool::kMissing;
  StrId quote_key_ = StringPool::kMissing;
  std::vector<PropertyKey> node_keys_, edge_keys_;
  std::unordered_map<StrId, std::uint32_t> node_index_, edge_index_;
  // cached()'s: edges' label and type elements by type; nodes' type elements by type, labels
  // by type and kind.
  RenderedCache label_blocks_, type_blocks_, node_type_blocks_, labels_blocks_;
  // source_literal()'s: each source's id as an escaped JSON string.
  RenderedCache source_literals_;
};

class GraphmlExporter final : public Exporter {
 public:
  std::string_view name() const override { return "graphml"; }
  std::vector<std::string_view> extensions() const override { return {".graphml"}; }
  void write(const GraphView& view, std::ostream& out,
             const ExportOptions& options) const override {
    Writer writer(view, out);
    writer.set_threads(options.threads);
    writer.write();
  }
};

}  // namespace

std::unique_ptr<Exporter> make_graphml_exporter() { return std::make_unique<GraphmlExporter>(); }

}  // namespace kgraph
