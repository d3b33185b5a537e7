#include "importers/graphml_importer.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/record.hpp"
#include "importers/graphml_names.hpp"
#include "importers/graphml_settings.hpp"
#include "importers/graphml_values.hpp"
#include "importers/graphml_xml.hpp"

namespace kgraph {
namespace {

using graphml::GraphmlSettings;
using graphml::KeyType;
using graphml::trim_xml_space;
using graphml::XmlAttribute;

// ---- keys --------------------------------------------------------------------------------

// Bits of the domains a key applies to.
constexpr unsigned kForNode = 1, kForEdge = 2, kForGraph = 4;

struct Key {
  std::string id;
  std::string attr_name;  // as written (the key id when absent)
  unsigned domains = 0;
  KeyType type = KeyType::string;
  Location at;
  bool has_default = false;
  std::string default_text;
  Location default_at;
  bool warned_markup = false;
};

/// The property that keeps a foreign edge's GraphML id.
constexpr std::string_view kEdgeIdField = "graphml_id";

/// The field a foreign data becomes: its attr.name, unless kgraph gives that name a meaning
/// that a foreign attribute almost never has (a relation's ends, an entity's type, the
/// shorthand relations); those stay properties, as `graphml_` + the name.
std::string foreign_field(std::string_view name, bool node) {
  static constexpr std::array<std::string_view, 4> kBoth = {"type", "from", "to", "record"};
  static constexpr std::array<std::string_view, 3> kNode = {"place", "within", "part_of"};
  const bool reserved = std::find(kBoth.begin(), kBoth.end(), name) != kBoth.end() ||
                        (node && std::find(kNode.begin(), kNode.end(), name) != kNode.end());
  return reserved ? "graphml_" + std::string(name) : std::string(name);
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// ---- the reader --------------------------------------------------------------------------

enum class Element : std::uint8_t {
  graphml,
  key,
  default_value,
  graph,
  node,
  edge,
  data,
  ignored,
  foreign
};

/// One `<data>` of the element being read.
struct DataValue {
  Key* key = nullptr;
  std::string text;
  Location at;
  bool markup = false;  // held child elements (yEd graphics): not a value
};

class GraphmlReader final : public graphml::XmlHandler {
 public:
  GraphmlReader(std::uint32_t file, RecordSink& builder, const GraphmlSettings& settings,
                graphml::XmlReader& xml)
      : file_(file),
        builder_(builder),
        diags_(builder.diagnostics()),
        settings_(settings),
        xml_(xml) {}

  void start(std::string_view name, std::string_view uri,
             const std::vector<XmlAttribute>& attributes, Location at) override {
    const Element parent = stack_.empty() ? Element::graphml : stack_.back();
    if (!stack_.empty() && (parent == Element::foreign || parent == Element::ignored)) {
      stack_.push_back(parent);
      return;
    }
    if (parent == Element::data || parent == Element::default_value) {
      // XML inside a value: yEd's graphics, for one. Not a value kgraph can keep.
      if (parent == Element::data) data_.back().markup = true;
      if (parent == Element::default_value) default_markup_ = true;
      stack_.push_back(Element::foreign);
      return;
    }
    if (stack_.empty()) {
      if (name != "graphml" || (!uri.empty() && uri != graphml::kNamespace)) {
        fail(
            at,
            "the document is <" + std::string(name) + ">" +
                (uri.empty() ? "" : " in the namespace " + quoted(uri)) + ", not GraphML",
            "a GraphML file starts with <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">");
        return;
      }
      seen_root_ = true;
      stack_.push_back(Element::graphml);
      return;
    }
    if (!uri.empty() && uri != graphml::kNamespace) {
      stack_.push_back(Element::foreign);
      return;
    }
    if (name == "key" && parent == Element::graphml) return start_key(attributes, at);
    if (name == "default" && parent == Element::key) {
      key_.has_default = true;
      key_.default_text.clear();
      key_.default_at = at;
      default_markup_ = false;
      stack_.push_back(Element::default_value);
      return;
    }
    if (name == "graph") return start_graph(parent, attributes, at);
    if (name == "node" && parent == Element::graph) return start_node(attributes, at);
    if (name == "edge" && parent == Element::graph) return start_edge(attributes, at);
    if (name == "data" &&
        (parent == Element::node || parent == Element::edge || parent == Element::graph))
      return start_data(parent, attributes, at);
    if (name == "data" && parent == Element::graphml) {
      stack_.push_back(Element::ignored);  // data about the document: nothing kgraph keeps
      return;
    }
    if (name == "hyperedge") {
      fail(at, "hyperedges are not supported: a kgraph relation joins exactly two entities",
           "write the hyperedge as a node with one edge to each of its endpoints");
      return;
    }
    if (name == "desc" || name == "port" || name == "locator") {
      stack_.push_back(Element::ignored);
      return;
    }
    fail(at, "unexpected <" + std::string(name) + "> in " + where(parent),
         "GraphML has <graphml>, <key>, <default>, <graph>, <node>, <edge>, <data>, <desc> "
         "and <port>");
  }

  void end() override {
    if (stack_.empty()) return;
    const Element e = stack_.back();
    stack_.pop_back();
    if (!stack_.empty() && (stack_.back() == Element::foreign || stack_.back() == Element::ignored))
      return;
    switch (e) {
      case Element::key:
        end_key();
        break;
      case Element::node:
        end_node();
        break;
      case Element::edge:
        end_edge();
        break;
      case Element::data:
        if (stack_.back() == Element::graph) end_graph_data();
        break;
      default:
        break;
    }
  }

  void text(std::string_view chars) override {
    if (stack_.empty()) return;
    if (stack_.back() == Element::data) {
      DataValue& d = data_.back();
      if (d.text.size() + chars.size() > kMaxRecordTextBytes) {
        fail(d.at, "the data is longer than " + std::to_string(kMaxRecordTextBytes >> 20) +
                       " MiB, more than a record may hold");
        return;
      }
      d.text.append(chars);
    } else if (stack_.back() == Element::default_value) {
      if (key_.default_text.size() + chars.size() > kMaxRecordTextBytes) {
        fail(key_.default_at, "the default is longer than " +
                                  std::to_string(kMaxRecordTextBytes >> 20) +
                                  " MiB, more than a record may hold");
        return;
      }
      key_.default_text.append(chars);
    }
  }

  /// Reports what is reported once per file, at the end; false if the document was empty.
  bool finish() {
    if (!seen_root_) {
      diags_.error(Location{file_, 0, 0}, "no GraphML document: the file is empty or not XML");
      return false;
    }
    const auto more = [&](std::size_t count, std::string_view what) {
      if (count > 1)
        diags_.error(Location{file_, 0, 0}, std::to_string(count - 1) + " more " +
                                                std::string(what) +
                                                " (only the first is reported with its place)");
    };
    more(untyped_nodes_, "nodes whose type cannot be told");
    more(untyped_edges_, "edges whose relation type cannot be told");
    if (undirected_at_)
      diags_.warning(*undirected_at_,
                     "the graph is undirected; its edges are read as relations from source to "
                     "target");
    return true;
  }

 private:
  static std::string where(Element parent) {
    switch (parent) {
      case Element::graphml:
        return "<graphml>";
      case Element::key:
        return "<key>";
      case Element::graph:
        return "<graph>";
      case Element::node:
        return "<node>";
      case Element::edge:
        return "<edge>";
      default:
        return "GraphML";
    }
  }

  void fail(Location at, std::string message, std::string hint = {}) {
    diags_.error(at, std::move(message), std::move(hint));
    stack_.clear();
    xml_.stop();
  }

  static std::optional<std::string_view> attribute(const std::vector<XmlAttribute>& attributes,
                                                   std::string_view name) {
    for (const XmlAttribute& a : attributes)
      if (a.name == name && a.uri.empty()) return a.value;
    return std::nullopt;
  }

  // ---- keys ----

  void start_key(const std::vector<XmlAttribute>& attributes, Location at) {
    stack_.push_back(Element::key);
    key_ = Key{};
    key_.at = at;
    const auto id = attribute(attributes, "id");
    if (!id) return fail(at, "<key> without an id attribute");
    key_.id.assign(*id);
    const auto name = attribute(attributes, "attr.name");
    key_.attr_name.assign(name ? *name : *id);
    const std::string_view domain = attribute(attributes, "for").value_or("all");
    if (domain == "node")
      key_.domains = kForNode;
    else if (domain == "edge")
      key_.domains = kForEdge;
    else if (domain == "graph")
      key_.domains = kForGraph;
    else if (domain == "all")
      key_.domains = kForNode | kForEdge | kForGraph;
    else if (domain == "graphml" || domain == "hyperedge" || domain == "port" ||
             domain == "endpoint")
      key_.domains = 0;  // data kgraph never reads
    else
      return fail(at,
                  "key " + quoted(key_.id) + ": for=" + quoted(domain) + " is not a GraphML domain",
                  "one of node, edge, graph, all, graphml, hyperedge, port, endpoint");
    const std::string_view type = attribute(attributes, "attr.type").value_or("string");
    const auto t = graphml::parse_key_type(type);
    if (!t)
      return fail(
          at, "key " + quoted(key_.id) + ": attr.type=" + quoted(type) + " is not a GraphML type",
          "one of boolean, int, long, float, double, string");
    key_.type = *t;
  }

  void end_key() {
    if (key_.has_default) {
      if (default_markup_) {
        key_.has_default = false;
      } else {
        // A default that is no value of its type is reported and dropped; the key still counts.
        RawScalar probe;
        if (!typed_value(key_, key_.default_text, key_.default_at, probe)) key_.has_default = false;
      }
    }
    if (keys_.contains(key_.id))
      return fail(key_.at, "key id " + quoted(key_.id) + " is declared twice",
                  "the first is at line " + std::to_string(keys_.at(key_.id).at.line));
    keys_.emplace(key_.id, key_);
  }

  // ---- graph ----

  void start_graph(Element parent, const std::vector<XmlAttribute>& attributes, Location at) {
    if (parent != Element::graphml)
      return fail(at,
                  "nested graphs are not supported: kgraph's graph has no subgraphs (this "
                  "<graph> is inside " +
                      where(parent) + ")",
                  "flatten the file first (in yEd: ungroup the group nodes)");
    stack_.push_back(Element::graph);
    if (attribute(attributes, "edgedefault").value_or("directed") == "undirected" &&
        !undirected_at_)
      undirected_at_ = at;
    if (!dialect_known_) {
      dialect_known_ = true;
      own_ = declares(kForNode, "n_id", "id") && declares(kForNode, "n_type", "type") &&
             declares(kForEdge, "e_type", "type");
    }
  }

  bool declares(unsigned domain, std::string_view id, std::string_view name) const {
    auto it = keys_.find(std::string(id));
    return it != keys_.end() && it->second.domains == domain && it->second.attr_name == name &&
           it->second.type == KeyType::string;
  }

  // ---- nodes and edges ----

  void start_node(const std::vector<XmlAttribute>& attributes, Location at) {
    stack_.push_back(Element::node);
    begin_element(at);
    const auto id = attribute(attributes, "id");
    if (!id) return fail(at, "<node> without an id attribute");
    xml_id_.assign(*id);
    xml_label_.assign(attribute(attributes, "labels").value_or(""));
  }

  void start_edge(const std::vector<XmlAttribute>& attributes, Location at) {
    stack_.push_back(Element::edge);
    begin_element(at);
    xml_id_.assign(attribute(attributes, "id").value_or(""));
    const auto source = attribute(attributes, "source");
    const auto target = attribute(attributes, "target");
    if (!source) return fail(at, "<edge> without a source attribute");
    if (!target) return fail(at, "<edge> without a target attribute");
    source_.assign(*source);
    target_.assign(*target);
    xml_label_.assign(attribute(attributes, "label").value_or(""));
  }

  void begin_element(Location at) {
    element_at_ = at;
    data_.clear();
  }

  void start_data(Element parent, const std::vector<XmlAttribute>& attributes, Location at) {
    stack_.push_back(Element::data);
    const auto key = attribute(attributes, "key");
    if (!key) return fail(at, "<data> without a key attribute");
    auto it = keys_.find(std::string(*key));
    if (it == keys_.end())
      return fail(at, "data of key " + quoted(*key) + ", which no <key> declares",
                  "declare it before the graph: <key id=\"" + std::string(*key) +
                      "\" for=\"node\" attr.name=\"...\" attr.type=\"string\"/>");
    const unsigned domain = parent == Element::node   ? kForNode
                            : parent == Element::edge ? kForEdge
                                                      : kForGraph;
    if (!(it->second.domains & domain)) {
      diags_.warning(at, "key " + quoted(*key) + " is not declared for " + where(parent) +
                             " elements; its data is left out");
      stack_.back() = Element::ignored;
      return;
    }
    data_.push_back(DataValue{&it->second, {}, at, false});
  }

  // ---- values ----

  /// The typed value of `text` for `key`; false (reported) if it is not one.
  bool typed_value(const Key& key, std::string_view text, Location at, RawScalar& out) {
    std::string problem;
    if (graphml::parse_typed_value(key.type, text, out, problem)) return true;
    diags_.error(at, "key " + quoted(key.attr_name) + " is " +
                         std::string(graphml::key_type_description(key.type)) + ", and " +
                         quoted(text) + " is not " + problem);
    return false;
  }

  /// A field from a data value: typed; in kgraph's own GraphML, JSON array text is a list.
  void add_value(std::string_view field, const Key& key, std::string_view text, Location at) {
    if (key.type != KeyType::string && trim_xml_space(text).empty()) return;  // no value
    if (own_ && key.type == KeyType::string && text.starts_with('[') && text.ends_with(']') &&
        graphml::parse_json_list(text, list_)) {
      RawField& f = record_.add_field(field, at);
      f.is_list = true;
      f.values = std::move(list_);
      list_.clear();
      return;
    }
    RawScalar v;
    if (!typed_value(key, text, at, v)) return;
    RawField& f = record_.add_field(field, at);
    f.values.push_back(std::move(v));
  }

  /// The data of the current element with key attr.name `name` (the last one), or nullptr.
  const DataValue* data_named(std::string_view name) const {
    for (auto it = data_.rbegin(); it != data_.rend(); ++it)
      if (!it->markup && it->key->attr_name == name) return &*it;
    return nullptr;
  }

  /// Defaults of the keys of `domain` that the element has no data for, as data values.
  void add_defaults(unsigned domain) {
    for (auto& entry : keys_) {
      Key& key = entry.second;  // a reference, not a structured binding: the lambda uses it
      if (!key.has_default || !(key.domains & domain)) continue;
      const bool given = std::any_of(data_.begin(), data_.end(),
                                     [&](const DataValue& d) { return d.key == &key; });
      if (!given) data_.push_back(DataValue{&key, key.default_text, key.default_at, false});
    }
  }

  void warn_markup(const DataValue& d) {
    Key& key = *d.key;
    if (key.warned_markup) return;
    key.warned_markup = true;
    diags_.warning(d.at, "data of key " + quoted(key.id) +
                             " holds XML elements (graphics?); kgraph keeps only text values, "
                             "so this key is left out");
  }

  bool within_budget(Location at) {
    budget_.reset();
    for (const DataValue& d : data_) {
      if (!budget_.add_values(1, d.text.size())) {
        budget_.report(diags_, at);
        return false;
      }
    }
    return true;
  }

  // ---- nodes ----

  void end_node() {
    add_defaults(kForNode);
    if (!within_budget(element_at_)) return;
    record_.clear();
    record_.at = element_at_;
    const DataValue* id = data_named("id");
    const std::string entity_id = id ? id->text : xml_id_;
    if (entity_id != xml_id_) node_ids_[xml_id_] = entity_id;
    if (own_ ? own_node(id) : foreign_node(id)) builder_.add(record_);
  }

  bool own_node(const DataValue* id) {
    const DataValue* type = data_named("type");
    const auto t = type ? parse_entity_type(type->text) : std::nullopt;
    if (!t) {
      diags_.error(type ? type->at : element_at_,
                   "node " + quoted(xml_id_) + ": " +
                       (type ? "type " + quoted(type->text) + " is not" : "no type; one of") +
                       " actor, law, event or place");
      return false;
    }
    record_.section = static_cast<Section>(static_cast<int>(*t) + 1);
    add_id(id);
    for (const DataValue& d : data_) {
      if (d.markup) {
        warn_markup(d);
        continue;
      }
      const std::string& name = d.key->attr_name;
      if (&d == id || name == "type" || name == "labels") continue;
      add_value(graphml::decode_attr_name(name, true), *d.key, d.text, d.at);
    }
    return true;
  }

  void add_id(const DataValue* id) {
    RawField& f = record_.add_field("id", id ? id->at : element_at_);
    f.values.push_back(RawScalar::of_string(id ? std::string_view(id->text) : xml_id_));
  }

  bool foreign_node(const DataValue* id) {
    // The type: the chosen attribute, else labels (APOC), label, type, or the labels XML
    // attribute APOC also writes.
    const DataValue* type_data = nullptr;
    std::string_view type_text;
    std::string type_source;
    if (settings_.type_attr) {
      type_source = *settings_.type_attr;
      type_data = data_named(type_source);
    } else {
      for (std::string_view name : {"labels", "label", "type"}) {
        if ((type_data = data_named(name))) {
          type_source.assign(name);
          break;
        }
      }
    }
    if (type_data) {
      type_text = type_data->text;
    } else if (!settings_.type_attr && !xml_label_.empty()) {
      type_text = xml_label_;
    }
    const graphml::LabelMeaning m = graphml::read_labels(type_text, builder_.schema());
    const Location type_at = type_data ? type_data->at : element_at_;
    if (m.conflicting) {
      diags_.error(type_at, "node " + quoted(xml_id_) + ": the labels " + quoted(type_text) +
                                " name two types, " + std::string(type_name(*m.type)) + " and " +
                                std::string(type_name(*m.conflicting)));
      return false;
    }
    // The kind data may tell the type too (`person` is a kind of actor), and is read in the
    // schema's spelling (`GovernmentBody` -> `government_body`).
    const DataValue* kind = data_named(settings_.kind_attr);
    const graphml::LabelMeaning kind_meaning =
        kind ? graphml::read_labels(kind->text, builder_.schema()) : graphml::LabelMeaning{};
    std::optional<EntityType> type = m.type ? m.type
                                     : kind_meaning.type && !kind_meaning.conflicting
                                         ? kind_meaning.type
                                         : settings_.default_type;
    if (!type && untyped_nodes_++ > 0) return false;
    if (!type) {
      const std::string from = settings_.type_attr ? "its " + quoted(*settings_.type_attr) + " data"
                                                   : "its labels, label or type data";
      diags_.error(type_at,
                   "node " + quoted(xml_id_) + ": cannot tell its type (actor, law, event or " +
                       "place) from " + from +
                       (type_data || !type_text.empty() ? " " + quoted(type_text) : ""),
                   "name the attribute that holds it with --input-option graphml.type=ATTR, "
                   "declare the kind in a --schema, or give every such node a type with "
                   "--input-option graphml.default-type=actor");
      return false;
    }
    record_.section = static_cast<Section>(static_cast<int>(*type) + 1);
    add_id(id);

    const DataValue* name = data_named(settings_.name_attr);
    RawField& n = record_.add_field("name", name ? name->at : element_at_);
    n.values.push_back(RawScalar::of_string(name ? std::string_view(name->text) : xml_id_));

    // A label that gave the type and a declared kind is used up; one that did not stays a
    // property, so that nothing is lost.
    const bool labels_used = type_data && m.type && m.complete && type_data != kind;
    if (!kind && !m.kind.empty()) {
      RawField& k = record_.add_field("kind", type_at);
      k.values.push_back(RawScalar::of_string(m.kind));
    }
    for (const DataValue& d : data_) {
      if (d.markup) {
        warn_markup(d);
        continue;
      }
      if (&d == id || &d == name || (&d == type_data && labels_used)) continue;
      if (&d == kind) {
        RawField& k = record_.add_field("kind", d.at);
        k.values.push_back(
            RawScalar::of_string(kind_meaning.type == type && !kind_meaning.kind.empty()
                                     ? std::string_view(kind_meaning.kind)
                                     : std::string_view(d.text)));
        continue;
      }
      add_value(foreign_field(d.key->attr_name, true), *d.key, d.text, d.at);
    }
    return true;
  }

  // ---- edges ----

  const std::string& entity_id(const std::string& xml_id) const {
    auto it = node_ids_.find(xml_id);
    return it == node_ids_.end() ? xml_id : it->second;
  }

  void end_edge() {
    add_defaults(kForEdge);
    if (!within_budget(element_at_)) return;
    record_.clear();
    record_.section = Section::relation;
    record_.at = element_at_;
    RawField& from = record_.add_field("from", element_at_);
    from.values.push_back(RawScalar::of_string(entity_id(source_)));
    RawField& to = record_.add_field("to", element_at_);
    to.values.push_back(RawScalar::of_string(entity_id(target_)));
    if (own_ ? own_edge() : foreign_edge()) builder_.add(record_);
  }

  bool own_edge() {
    for (const DataValue& d : data_) {
      if (d.markup) {
        warn_markup(d);
        continue;
      }
      if (d.key->attr_name == "label") continue;
      add_value(graphml::decode_attr_name(d.key->attr_name, false), *d.key, d.text, d.at);
    }
    return true;
  }

  std::string edge_name() const {
    return xml_id_.empty() ? "edge " + quoted(source_) + " -> " + quoted(target_)
                           : "edge " + quoted(xml_id_);
  }

  bool foreign_edge() {
    const DataValue* type_data = nullptr;
    std::string type_source;
    if (settings_.relation_attr) {
      type_source = *settings_.relation_attr;
      type_data = data_named(type_source);
    } else {
      for (std::string_view name : {"labels", "label", "type"}) {
        if ((type_data = data_named(name))) {
          type_source.assign(name);
          break;
        }
      }
    }
    std::string_view label = type_data ? std::string_view(type_data->text) : std::string_view();
    if (!type_data && !settings_.relation_attr) label = xml_label_;
    if (trim_xml_space(label).empty()) label = settings_.default_relation;
    if (trim_xml_space(label).empty() && untyped_edges_++ > 0) return false;
    if (trim_xml_space(label).empty()) {
      diags_.error(
          type_data ? type_data->at : element_at_,
          edge_name() + ": cannot tell its relation type from " +
              (settings_.relation_attr ? "its " + quoted(*settings_.relation_attr) + " data"
                                       : "its labels, label or type data"),
          "name the attribute that holds it with --input-option graphml.relation=ATTR, "
          "or give every such edge a type with --input-option "
          "graphml.default-relation=TYPE");
      return false;
    }
    RawField& t = record_.add_field("type", type_data ? type_data->at : element_at_);
    t.values.push_back(RawScalar::of_string(graphml::relation_type_of(label, builder_.schema())));
    for (const DataValue& d : data_) {
      if (d.markup) {
        warn_markup(d);
        continue;
      }
      if (&d == type_data) continue;
      add_value(foreign_field(d.key->attr_name, false), *d.key, d.text, d.at);
    }
    // Parallel edges that kgraph's merge rule makes one relation (same ends, type, dates and
    // role) keep their ids here, so that none is lost without a trace.
    if (!xml_id_.empty() && !data_named(kEdgeIdField)) {
      RawField& f = record_.add_field(kEdgeIdField, element_at_);
      f.values.push_back(RawScalar::of_string(xml_id_));
    }
    return true;
  }

  // ---- graph data: kgraph's sources ----

  void end_graph_data() {
    const DataValue d = data_.back();
    data_.pop_back();
    if (!own_ || d.markup || d.key->id != "g_sources") return;
    const std::string problem = graphml::read_sources_json(
        d.text, d.at, record_, [&](const RawRecord& r) { builder_.add(r); });
    if (!problem.empty()) diags_.error(d.at, "the graph's sources " + problem);
  }

  std::uint32_t file_;
  RecordSink& builder_;
  Diagnostics& diags_;
  const GraphmlSettings& settings_;
  graphml::XmlReader& xml_;

  std::vector<Element> stack_;
  std::unordered_map<std::string, Key> keys_;
  Key key_;
  bool default_markup_ = false;
  bool dialect_known_ = false;
  bool own_ = false;  // written by kgraph's exporter
  std::optional<Location> undirected_at_;
  bool seen_root_ = false;
  std::size_t untyped_nodes_ = 0, untyped_edges_ = 0;

  Location element_at_;
  std::string xml_id_, source_, target_, xml_label_;
  std::vector<DataValue> data_;
  std::unordered_map<std::string, std::string> node_ids_;  // XML id -> entity id, where they differ
  RawRecord record_;
  std::vector<RawScalar> list_;
  RecordBudget budget_;
};

class GraphmlImporter final : public Importer {
 public:
  std::string_view name() const override { return "graphml"; }
  std::vector<std::string_view> extensions() const override { return {".graphml"}; }
  void read(std::istream& in, std::uint32_t file, std::string_view, RecordSink& builder,
            const ImportOptions& options) const override {
    GraphmlSettings settings;
    if (!graphml::read_settings(options, file, builder.diagnostics(), settings)) return;
    graphml::XmlReader xml(in, file, builder.diagnostics());
    GraphmlReader reader(file, builder, settings, xml);
    if (xml.read(reader)) reader.finish();
  }
};

}  // namespace

std::unique_ptr<Importer> make_graphml_importer() { return std::make_unique<GraphmlImporter>(); }

}  // namespace kgraph
