#pragma once
// What the tests of tables read through a mapping share: load a mapping, read tables through
// it, and list what the graph holds.

#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph_builder.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/schema.hpp"
#include "graph/value.hpp"
#include "importers/mapping.hpp"

namespace kgraph::testing_mapping {

using Strings = std::vector<std::string>;

struct Mapped {
  std::optional<KnowledgeGraph> graph;
  Strings messages;
  bool loaded = false;
};

/// Loads `mapping` (as "map.json", with the lookup files `files` by their paths) and reads each
/// table (as its name) through it.
inline Mapped map(const std::string& mapping,
                  const std::vector<std::pair<std::string, std::string>>& tables,
                  const std::map<std::string, std::string>& files = {}) {
  Diagnostics diags;
  Mapped r;
  auto m = TableMapping::load(mapping, diags.add_file("map.json"), diags,
                              [&](const std::string& path) -> std::optional<std::string> {
                                const auto it = files.find(path);
                                if (it == files.end()) return std::nullopt;
                                return it->second;
                              });
  r.loaded = m.has_value();
  if (m) {
    GraphBuilder builder(Schema::builtin(), diags);
    for (const auto& [name, text] : tables) {
      std::istringstream in(text);
      m->read(in, diags.add_file(name), name, builder);
    }
    r.graph = builder.finish();
  }
  for (const Diagnostic& d : diags.sorted()) r.messages.push_back(diags.format(d));
  return r;
}

inline std::string relation_text(const KnowledgeGraph& g, const Relation& r) {
  std::string s = std::string(g.str(g.entities()[r.from].id)) + " " + std::string(g.str(r.type)) +
                  " " + std::string(g.str(g.entities()[r.to].id));
  if (r.start.present()) s.append(" ").append(r.start.to_string());
  if (r.role != kEmpty) s.append(" as ").append(g.str(r.role));
  return s;
}

inline Strings relations(const KnowledgeGraph& g) {
  Strings out;
  for (const Relation& r : g.relations()) out.push_back(relation_text(g, r));
  return out;
}

inline Strings entity_ids(const KnowledgeGraph& g) {
  Strings out;
  for (const Entity& e : g.entities()) out.emplace_back(g.str(e.id));
  return out;
}

/// Each property value of `e` as `key=value` (`int:`, `real:` before numbers).
inline Strings properties(const KnowledgeGraph& g, const Entity& e) {
  Strings props;
  for (const Property& p : e.properties) {
    for (const Value& v : p.values) {
      std::string s = std::string(g.str(p.key)) + "=";
      switch (v.kind) {
        case ValueKind::string:
          s += g.str(v.string);
          break;
        case ValueKind::integer:
          s += "int:" + std::to_string(v.integer);
          break;
        case ValueKind::real:
          s += "real:" + format_real(v.real);
          break;
        case ValueKind::boolean:
          s += v.boolean ? "true" : "false";
          break;
      }
      props.push_back(s);
    }
  }
  return props;
}

}  // namespace kgraph::testing_mapping
