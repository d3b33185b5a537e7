#include "exporters/viewer_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "exporters/graphviz_document.hpp"

namespace kgraph::viewer {
namespace {

constexpr double kIdeal = 1.0;  // the ideal edge length; Graphviz-free units
constexpr double kGoldenAngle = 2.399963229728653;

/// The grid cell of a point, as one sortable key.
std::uint64_t cell_key(double x, double y, double cell) {
  const auto cx = static_cast<std::int64_t>(std::floor(x / cell)) + (std::int64_t{1} << 30);
  const auto cy = static_cast<std::int64_t>(std::floor(y / cell)) + (std::int64_t{1} << 30);
  return (static_cast<std::uint64_t>(cx) << 32) | static_cast<std::uint32_t>(cy);
}

}  // namespace

std::vector<Point> force_layout(const GraphView& view) {
  const KnowledgeGraph& g = view.graph();
  const std::size_t n = view.entities().size();
  std::vector<Point> p(n);
  if (n == 0) return p;

  // Entity index -> position in the view.
  std::unordered_map<std::uint32_t, std::uint32_t> local;
  local.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) local.emplace(view.entities()[i], i);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  edges.reserve(view.relations().size());
  for (std::uint32_t r : view.relations()) {
    const Relation& rel = g.relations()[r];
    if (rel.from != rel.to) edges.emplace_back(local.at(rel.from), local.at(rel.to));
  }

  // Start on a sunflower spiral, in order of first appearance in a walk over the relations,
  // so that related entities start near one another (deterministic: no random numbers).
  std::vector<std::uint32_t> order;
  order.reserve(n);
  {
    std::vector<std::vector<std::uint32_t>> adjacent(n);
    for (const auto& [a, b] : edges) {
      adjacent[a].push_back(b);
      adjacent[b].push_back(a);
    }
    std::vector<bool> seen(n, false);
    for (std::uint32_t s = 0; s < n; ++s) {
      if (seen[s]) continue;
      seen[s] = true;
      const std::size_t begin = order.size();
      order.push_back(s);
      for (std::size_t k = begin; k < order.size(); ++k)
        for (std::uint32_t m : adjacent[order[k]])
          if (!seen[m]) {
            seen[m] = true;
            order.push_back(m);
          }
    }
  }
  for (std::size_t k = 0; k < n; ++k) {
    const double r = kIdeal * std::sqrt(static_cast<double>(k) + 0.5);
    const double a = kGoldenAngle * static_cast<double>(k);
    p[order[k]] = {r * std::cos(a), r * std::sin(a)};
  }

  const double cell = 2 * kIdeal;  // repulsion reaches this far
  const int iterations = n > 20000 ? 60 : 120;
  const double start_step = kIdeal * std::max(1.0, std::sqrt(static_cast<double>(n)) / 10);
  std::vector<Point> move(n);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> cells(n);
  for (int it = 0; it < iterations; ++it) {
    std::fill(move.begin(), move.end(), Point{});
    for (std::uint32_t i = 0; i < n; ++i) cells[i] = {cell_key(p[i].x, p[i].y, cell), i};
    std::sort(cells.begin(), cells.end());

    // Repulsion k^2/d from every node in the 3x3 cells around.
    for (std::uint32_t i = 0; i < n; ++i) {
      for (int dx = -1; dx <= 1; ++dx) {
        for (int dy = -1; dy <= 1; ++dy) {
          const std::uint64_t key = cell_key(p[i].x + dx * cell, p[i].y + dy * cell, cell);
          auto it_cell = std::lower_bound(cells.begin(), cells.end(),
                                          std::pair<std::uint64_t, std::uint32_t>{key, 0});
          for (; it_cell != cells.end() && it_cell->first == key; ++it_cell) {
            const std::uint32_t j = it_cell->second;
            if (j == i) continue;
            double ddx = p[i].x - p[j].x, ddy = p[i].y - p[j].y;
            double d2 = ddx * ddx + ddy * ddy;
            if (d2 < 1e-12) {  // coincident: push apart along a direction fixed by the index
              ddx = 1e-3 * std::cos(i), ddy = 1e-3 * std::sin(i);
              d2 = 1e-6;
            }
            if (d2 > cell * cell) continue;
            const double f = kIdeal * kIdeal / d2;  // (k^2 / d) / d, times the vector
            move[i].x += ddx * f;
            move[i].y += ddy * f;
          }
        }
      }
    }
    // Attraction d^2/k along every relation.
    for (const auto& [a, b] : edges) {
      const double dx = p[a].x - p[b].x, dy = p[a].y - p[b].y;
      const double f = std::sqrt(dx * dx + dy * dy) / kIdeal;  // (d^2 / k) / d
      move[a].x -= dx * f;
      move[a].y -= dy * f;
      move[b].x += dx * f;
      move[b].y += dy * f;
    }
    // A weak pull to the centre keeps separate components together.
    const double step = start_step * (1.0 - static_cast<double>(it) / iterations) + 0.01;
    for (std::uint32_t i = 0; i < n; ++i) {
      move[i].x -= 0.02 * p[i].x;
      move[i].y -= 0.02 * p[i].y;
      const double len = std::sqrt(move[i].x * move[i].x + move[i].y * move[i].y);
      if (len < 1e-12) continue;
      const double s = std::min(len, step) / len;
      p[i].x += move[i].x * s;
      p[i].y += move[i].y * s;
    }
  }
  return p;
}

Layout lay_out(const GraphView& view, const ExportOptions& options) {
  const std::string engine = diagram::choose_engine(view, options, diagram::Purpose::write_dot);
  const std::size_t n = view.entities().size(), m = view.relations().size();
  const bool graphviz =
      options.force || (kGraphvizUpTo.admits(n, m) && diagram::layout_limit(engine).admits(n, m));
  Layout out;
  if (!graphviz) {
    out.points = force_layout(view);
    out.method = "force";
    return out;
  }
  diagram::GraphvizDocument doc(view, options, engine);
  for (const auto& [x, y] : doc.node_positions(view)) out.points.push_back({x, y});
  out.method = engine;
  return out;
}

}  // namespace kgraph::viewer
