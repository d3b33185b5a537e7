#include "graph/selection.hpp"

#include <algorithm>
#include <deque>

#include "graph/schema.hpp"

namespace kgraph {

bool overlaps_window(const PartialDate& start, const PartialDate& end, const SelectionOptions& o) {
  if (!o.since.present() && !o.until.present()) return true;
  if (!start.present() && !end.present()) return !o.dated_only;
  // An open end reaches as far as the other one: an event from 2006 without end overlaps 2007.
  const std::uint32_t first = start.present() ? start.first_day() : 0;
  const std::uint32_t last = end.present() ? end.last_day() : 99999999u;
  const std::uint32_t window_first = o.since.present() ? o.since.first_day() : 0;
  const std::uint32_t window_last = o.until.present() ? o.until.last_day() : 99999999u;
  return first <= window_last && last >= window_first;
}

std::optional<GraphView> select(const KnowledgeGraph& g, const SelectionOptions& o,
                                SelectionError& error) {
  if (o.selects_everything()) return GraphView(g);
  const std::size_t n = g.entities().size();

  for (const std::string& r : o.relations) {
    if (g.schema().relation(r)) continue;
    std::vector<std::string> names;
    for (const auto& [name, _] : g.schema().relations()) names.push_back(name);
    error.message = unknown_relation_type_message(r, names, "in --relations");
    return std::nullopt;
  }
  std::vector<std::uint32_t> focus;
  for (const std::string& id : o.focus) {
    auto index = g.find_entity(id);
    if (!index) {
      std::vector<std::string> ids;
      if (n <= 20000)
        for (const Entity& e : g.entities()) ids.emplace_back(g.str(e.id));
      error.message =
          "no entity has the id " + quoted(id) + " given to --focus" + did_you_mean_suffix(id, ids);
      return std::nullopt;
    }
    focus.push_back(*index);
  }

  // What the filters keep.
  std::vector<bool> entity_ok(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Entity& e = g.entities()[i];
    entity_ok[i] =
        (o.types.empty() || std::find(o.types.begin(), o.types.end(), e.type) != o.types.end()) &&
        overlaps_window(e.start, e.end, o);
  }
  std::vector<StrId> relation_types;
  for (const std::string& r : o.relations) {
    const StrId id = g.strings().find(r);
    if (id != StringPool::kMissing) relation_types.push_back(id);
  }
  auto relation_ok = [&](std::uint32_t r) {
    const Relation& rel = g.relations()[r];
    if (!o.relations.empty() &&
        std::find(relation_types.begin(), relation_types.end(), rel.type) == relation_types.end())
      return false;
    return overlaps_window(rel.start, rel.end, o);
  };

  std::vector<bool> keep(n, false);
  if (focus.empty()) {
    keep = entity_ok;
  } else {
    // Breadth-first over the topology in both directions, through kept relations and entities.
    const Topology& t = g.topology();
    std::vector<int> distance(n, -1);
    std::deque<std::uint32_t> queue;
    for (std::uint32_t f : focus) {
      if (distance[f] == 0) continue;
      distance[f] = 0;
      keep[f] = true;
      queue.push_back(f);
    }
    while (!queue.empty()) {
      const std::uint32_t v = queue.front();
      queue.pop_front();
      if (distance[v] >= o.depth) continue;
      auto visit = [&](std::uint32_t w, std::uint32_t relation) {
        if (distance[w] >= 0 || !entity_ok[w] || !relation_ok(relation)) return;
        distance[w] = distance[v] + 1;
        keep[w] = true;
        queue.push_back(w);
      };
      for (auto [it, end] = out_edges(v, t); it != end; ++it)
        visit(static_cast<std::uint32_t>(target(*it, t)), t[*it].index);
      for (auto [it, end] = in_edges(v, t); it != end; ++it)
        visit(static_cast<std::uint32_t>(source(*it, t)), t[*it].index);
    }
  }

  std::vector<std::uint32_t> entities, relations;
  for (std::uint32_t i = 0; i < n; ++i)
    if (keep[i]) entities.push_back(i);
  for (std::uint32_t r = 0; r < g.relations().size(); ++r) {
    const Relation& rel = g.relations()[r];
    if (keep[rel.from] && keep[rel.to] && relation_ok(r)) relations.push_back(r);
  }
  return GraphView(g, std::move(entities), std::move(relations));
}

}  // namespace kgraph
