#include "graph/algorithms.hpp"

#include <algorithm>
#include <deque>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>

#include "graph/union_find.hpp"

namespace kgraph {
namespace {

std::vector<RankedEntity> top_of(std::vector<RankedEntity> all, std::size_t top,
                                 const KnowledgeGraph& g) {
  // Ties broken by id text so the ranking is deterministic.
  auto better = [&](const RankedEntity& a, const RankedEntity& b) {
    if (a.score != b.score) return a.score > b.score;
    return g.str(g.entities()[a.entity].id) < g.str(g.entities()[b.entity].id);
  };
  const std::size_t k = std::min(top, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end(), better);
  all.resize(k);
  return all;
}

}  // namespace

GraphStats compute_stats(const GraphView& view, std::size_t top, std::size_t betweenness_limit) {
  const KnowledgeGraph& g = view.graph();
  GraphStats s;
  s.entities = view.entities().size();
  s.relations = view.relations().size();
  s.sources = view.sources().size();

  // Position of each entity inside the view, for compact per-view arrays.
  std::vector<std::uint32_t> local(g.entities().size(), UINT32_MAX);
  std::uint32_t next = 0;
  auto widen = [&](const PartialDate& start, const PartialDate& end) {
    if (start.present() && (!s.earliest.present() || start.first_day() < s.earliest.first_day()))
      s.earliest = start;
    if (end.present() && (!s.latest.present() || end.last_day() > s.latest.last_day()))
      s.latest = end;
  };
  for (std::uint32_t e : view.entities()) {
    local[e] = next++;
    const Entity& entity = g.entities()[e];
    ++s.per_type[std::string(type_name(entity.type))];
    ++s.per_kind[std::string(type_name(entity.type)) + "/" +
                 (entity.kind == kEmpty ? std::string("-") : std::string(g.str(entity.kind)))];
    widen(entity.start, entity.end);
  }

  std::vector<std::size_t> degree(next, 0);
  UnionFind sets(next);
  for (std::uint32_t r : view.relations()) {
    const Relation& rel = g.relations()[r];
    ++s.per_relation_type[std::string(g.str(rel.type))];
    widen(rel.start, rel.end);
    ++degree[local[rel.from]];
    ++degree[local[rel.to]];
    sets.join(local[rel.from], local[rel.to]);
  }
  std::vector<std::size_t> component_size(next, 0);
  for (std::uint32_t v = 0; v < next; ++v) ++component_size[sets.find(v)];
  for (std::size_t size : component_size) {
    if (size == 0) continue;
    ++s.components;
    s.largest_component = std::max(s.largest_component, size);
  }

  std::vector<RankedEntity> by_degree;
  for (std::uint32_t e : view.entities())
    by_degree.push_back({e, static_cast<double>(degree[local[e]])});
  s.by_degree = top_of(std::move(by_degree), top, g);

  if (next <= betweenness_limit) {
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Undirected u(next);
    for (std::uint32_t r : view.relations()) {
      const Relation& rel = g.relations()[r];
      if (rel.from != rel.to) boost::add_edge(local[rel.from], local[rel.to], u);
    }
    std::vector<double> centrality(next, 0.0);
    boost::brandes_betweenness_centrality(
        u, boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, u)));
    std::vector<RankedEntity> by_betweenness;
    for (std::uint32_t e : view.entities()) by_betweenness.push_back({e, centrality[local[e]]});
    s.by_betweenness = top_of(std::move(by_betweenness), top, g);
    s.betweenness_computed = true;
  }
  return s;
}

std::optional<std::vector<std::uint32_t>> shortest_path(const KnowledgeGraph& g, std::uint32_t from,
                                                        std::uint32_t to) {
  if (from == to) return std::vector<std::uint32_t>{};
  const Topology& t = g.topology();
  // via[v]: the relation by which v was first reached; breadth-first, in index order, so the
  // chain found is the same on every run.
  std::vector<std::uint32_t> via(g.entities().size(), UINT32_MAX);
  std::vector<bool> seen(g.entities().size(), false);
  std::deque<std::uint32_t> queue{from};
  seen[from] = true;
  while (!queue.empty() && !seen[to]) {
    const std::uint32_t v = queue.front();
    queue.pop_front();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> steps;  // (relation, neighbour)
    for (auto [it, end] = out_edges(v, t); it != end; ++it)
      steps.emplace_back(t[*it].index, target(*it, t));
    for (auto [it, end] = in_edges(v, t); it != end; ++it)
      steps.emplace_back(t[*it].index, source(*it, t));
    std::sort(steps.begin(), steps.end());
    for (auto [relation, w] : steps) {
      if (seen[w]) continue;
      seen[w] = true;
      via[w] = relation;
      queue.push_back(w);
    }
  }
  if (!seen[to]) return std::nullopt;
  std::vector<std::uint32_t> chain;
  for (std::uint32_t v = to; v != from;) {
    const Relation& r = g.relations()[via[v]];
    chain.push_back(via[v]);
    v = r.from == v ? r.to : r.from;
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace kgraph
