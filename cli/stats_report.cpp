#include "cli/stats_report.hpp"

#include <map>
#include <string>
#include <vector>

#include "cli/entity_label.hpp"
#include "exporters/json_text.hpp"
#include "graph/value.hpp"

namespace kgraph::cli {

void write_stats_text(std::ostream& out, const KnowledgeGraph& g, const GraphStats& s) {
  out << "entities: " << s.entities << "\nrelations: " << s.relations << "\nsources: " << s.sources
      << '\n';
  out << "\nentities by type:\n";
  for (const auto& [k, n] : s.per_type) out << "  " << k << ": " << n << '\n';
  out << "\nentities by kind:\n";
  for (const auto& [k, n] : s.per_kind) out << "  " << k << ": " << n << '\n';
  out << "\nrelations by type:\n";
  for (const auto& [k, n] : s.per_relation_type) out << "  " << k << ": " << n << '\n';
  out << "\nconnected components: " << s.components << " (largest: " << s.largest_component
      << " entities)\n";
  if (s.earliest.present() || s.latest.present())
    out << "dates: " << (s.earliest.present() ? s.earliest.to_string() : "?") << " .. "
        << (s.latest.present() ? s.latest.to_string() : "?") << '\n';
  out << "\nmost connected (degree):\n";
  for (const RankedEntity& r : s.by_degree)
    out << "  " << r.score << "  " << entity_label(g, r.entity) << '\n';
  if (s.betweenness_computed) {
    out << "\nmost central (betweenness):\n";
    for (const RankedEntity& r : s.by_betweenness)
      out << "  " << r.score << "  " << entity_label(g, r.entity) << '\n';
  } else {
    out << "\nbetweenness: not computed for more than 5000 entities (narrow with "
           "--focus/--types)\n";
  }
}

void write_stats_json(std::ostream& out, const KnowledgeGraph& g, const GraphStats& s) {
  std::string j = "{\"entities\":" + std::to_string(s.entities) +
                  ",\"relations\":" + std::to_string(s.relations) +
                  ",\"sources\":" + std::to_string(s.sources);
  auto counts = [&](const char* name, const std::map<std::string, std::size_t>& m) {
    j += ",\"";
    j += name;
    j += "\":{";
    bool first = true;
    for (const auto& [k, n] : m) {
      if (!first) j += ',';
      first = false;
      append_json_string(j, k);
      j += ':' + std::to_string(n);
    }
    j += '}';
  };
  counts("types", s.per_type);
  counts("kinds", s.per_kind);
  counts("relation_types", s.per_relation_type);
  j += ",\"components\":" + std::to_string(s.components) +
       ",\"largest_component\":" + std::to_string(s.largest_component);
  j += ",\"earliest\":";
  if (s.earliest.present())
    append_json_string(j, s.earliest.to_string());
  else
    j += "null";
  j += ",\"latest\":";
  if (s.latest.present())
    append_json_string(j, s.latest.to_string());
  else
    j += "null";
  auto ranking = [&](const char* name, const std::vector<RankedEntity>& list) {
    j += ",\"";
    j += name;
    j += "\":[";
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) j += ',';
      j += "{\"id\":";
      append_json_string(j, g.str(g.entities()[list[i].entity].id));
      j += ",\"name\":";
      append_json_string(j, g.str(g.entities()[list[i].entity].name));
      j += ",\"score\":" + format_real(list[i].score) + "}";
    }
    j += ']';
  };
  ranking("by_degree", s.by_degree);
  if (s.betweenness_computed)
    ranking("by_betweenness", s.by_betweenness);
  else
    j += ",\"by_betweenness\":null";
  j += "}\n";
  out << j;
}

}  // namespace kgraph::cli
