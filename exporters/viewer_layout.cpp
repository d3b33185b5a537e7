#include "exporters/viewer_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "exporters/graphviz_document.hpp"

namespace kgraph::viewer {
namespace {

constexpr double kIdeal = 1.0;  // the ideal edge length; Graphviz-free units
constexpr double kGoldenAngle = 2.399963229728653;
constexpr int kNodesPerCell = 12;

/// The nodes bucketed by square cells over their bounding box (a counting sort), so that the
/// nodes near one are found without a search, their positions side by side in memory.
class Grid {
 public:
  /// Cells of side `cell`, doubled while there would be more than `max_cells` of them (a few
  /// far-flung nodes must not make the grid huge).
  void build(const std::vector<Point>& p, double cell, std::size_t max_cells) {
    double x0 = p[0].x, x1 = p[0].x, y0 = p[0].y, y1 = p[0].y;
    for (const Point& q : p) {
      x0 = std::min(x0, q.x), x1 = std::max(x1, q.x);
      y0 = std::min(y0, q.y), y1 = std::max(y1, q.y);
    }
    cell_ = cell;
    auto dims = [&] {
      w_ = static_cast<std::size_t>((x1 - x0) / cell_) + 1;
      h_ = static_cast<std::size_t>((y1 - y0) / cell_) + 1;
    };
    for (dims(); w_ * h_ > max_cells; dims()) cell_ *= 2;
    x0_ = x0, y0_ = y0;
    start_.assign(w_ * h_ + 1, 0);
    cell_of_.resize(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
      cell_of_[i] = cell_index(p[i]);
      ++start_[cell_of_[i] + 1];
    }
    for (std::size_t c = 0; c < w_ * h_; ++c) start_[c + 1] += start_[c];
    members_.resize(p.size());
    std::vector<std::uint32_t> next(start_.begin(), start_.end() - 1);
    for (std::uint32_t i = 0; i < p.size(); ++i) members_[next[cell_of_[i]]++] = {p[i], i};
  }

  /// Calls f(j, position of j, weight) for the nodes in the 3x3 cells around node i, i itself
  /// included. Of a crowded cell only `per_cell` nodes are visited, each weighing for the
  /// cell's count / per_cell, so that a dense clump still pushes as hard as it should.
  template <class F>
  void for_near(std::uint32_t i, std::size_t per_cell, F&& f) const {
    const std::size_t cx = cell_of_[i] % w_, cy = cell_of_[i] / w_;
    for (std::size_t y = cy ? cy - 1 : 0; y <= std::min(cy + 1, h_ - 1); ++y) {
      for (std::size_t x = cx ? cx - 1 : 0; x <= std::min(cx + 1, w_ - 1); ++x) {
        const std::size_t c = y * w_ + x;
        const std::size_t count = start_[c + 1] - start_[c];
        const std::size_t end = start_[c] + std::min(count, per_cell);
        const double weight = count > per_cell ? static_cast<double>(count) / per_cell : 1.0;
        for (std::size_t k = start_[c]; k < end; ++k) f(members_[k].index, members_[k].at, weight);
      }
    }
  }

 private:
  std::uint32_t cell_index(const Point& q) const {
    const auto x = std::min(static_cast<std::size_t>((q.x - x0_) / cell_), w_ - 1);
    const auto y = std::min(static_cast<std::size_t>((q.y - y0_) / cell_), h_ - 1);
    return static_cast<std::uint32_t>(y * w_ + x);
  }
  struct Member {
    Point at;
    std::uint32_t index;
  };
  double cell_ = 1, x0_ = 0, y0_ = 0;
  std::size_t w_ = 1, h_ = 1;
  std::vector<std::uint32_t> start_;    // per cell, its first member; one more at the end
  std::vector<std::uint32_t> cell_of_;  // per node
  std::vector<Member> members_;         // nodes by cell
};

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

  // Start on a sunflower spiral, the largest component first (so it takes the centre and
  // lone entities the rim), each in the order of a walk over its relations so that related
  // entities start near one another. Deterministic: no random numbers.
  std::vector<std::vector<std::uint32_t>> adjacent(n);
  for (const auto& [a, b] : edges) {
    adjacent[a].push_back(b);
    adjacent[b].push_back(a);
  }
  std::vector<std::vector<std::uint32_t>> components;
  {
    std::vector<bool> seen(n, false);
    for (std::uint32_t s = 0; s < n; ++s) {
      if (seen[s]) continue;
      seen[s] = true;
      std::vector<std::uint32_t>& c = components.emplace_back(1, s);
      for (std::size_t k = 0; k < c.size(); ++k)
        for (std::uint32_t m : adjacent[c[k]])
          if (!seen[m]) {
            seen[m] = true;
            c.push_back(m);
          }
    }
  }
  std::stable_sort(components.begin(), components.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::vector<std::uint32_t> order;
  order.reserve(n);
  for (const auto& c : components) order.insert(order.end(), c.begin(), c.end());
  // Attraction is divided by the square root of the degree, so that a hub does not pull all
  // its neighbours into one clump.
  std::vector<double> pull(n);
  for (std::uint32_t i = 0; i < n; ++i)
    pull[i] = 1.0 / std::sqrt(static_cast<double>(std::max<std::size_t>(1, adjacent[i].size())));
  for (std::size_t k = 0; k < n; ++k) {
    const double r = kIdeal * std::sqrt(static_cast<double>(k) + 0.5);
    const double a = kGoldenAngle * static_cast<double>(k);
    p[order[k]] = {r * std::cos(a), r * std::sin(a)};
  }

  const double cell = 2 * kIdeal;  // repulsion reaches this far
  const int iterations = n > 20000 ? 40 : 100;
  const double start_step = kIdeal * std::max(1.0, std::sqrt(static_cast<double>(n)) / 10);
  const double gravity = 0.5 / (kIdeal * std::sqrt(static_cast<double>(n)));
  std::vector<Point> move(n);
  Grid grid;
  for (int it = 0; it < iterations; ++it) {
    std::fill(move.begin(), move.end(), Point{});
    grid.build(p, cell, 4 * n + 16);

    // Repulsion k^2/d from the nodes nearer than `cell`.
    for (std::uint32_t i = 0; i < n; ++i) {
      grid.for_near(i, kNodesPerCell, [&](std::uint32_t j, const Point& q, double weight) {
        if (j == i) return;
        double ddx = p[i].x - q.x, ddy = p[i].y - q.y;
        double d2 = ddx * ddx + ddy * ddy;
        if (d2 < 1e-12) {  // coincident: push apart along a direction fixed by the index
          ddx = 1e-3 * std::cos(i), ddy = 1e-3 * std::sin(i);
          d2 = 1e-6;
        }
        if (d2 > cell * cell) return;
        const double f = weight * kIdeal * kIdeal / d2;  // (k^2 / d) / d, times the vector
        move[i].x += ddx * f;
        move[i].y += ddy * f;
      });
    }
    // Attraction d^2/k along every relation.
    for (const auto& [a, b] : edges) {
      const double dx = p[a].x - p[b].x, dy = p[a].y - p[b].y;
      const double f = std::sqrt(dx * dx + dy * dy) / kIdeal;  // (d^2 / k) / d
      move[a].x -= dx * f * pull[a];
      move[a].y -= dy * f * pull[a];
      move[b].x += dx * f * pull[b];
      move[b].y += dy * f * pull[b];
    }
    // A weak pull to the centre keeps separate components together: at the rim of the start
    // spiral it is half the push of one neighbour at the ideal distance.
    const double step = start_step * (1.0 - static_cast<double>(it) / iterations) + 0.01;
    for (std::uint32_t i = 0; i < n; ++i) {
      move[i].x -= gravity * p[i].x;
      move[i].y -= gravity * p[i].y;
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
