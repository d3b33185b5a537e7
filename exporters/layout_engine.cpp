#include "exporters/layout_engine.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include "graph/schema.hpp"

namespace kgraph::diagram {

SizeLimit layout_limit(std::string_view engine) {
  if (engine == "sfdp") return {10000, 30000};  // 26 s at 10,000 entities, 20,000 relations
  if (engine == "fdp") return {5000, 15000};    // 4.4 s at 3,000; quadratic
  if (engine == "neato") return {2500, 7500};   // 29 s at 3,000
  if (engine == "circo") return {200, 600};     // 11 s at 200, over 2 minutes at 400
  return {1000, 2500};                          // dot, bounded effort: 10-18 s at 1,000
}

std::string choose_engine(const GraphView& view, const ExportOptions& options, Purpose purpose) {
  std::string engine = options.engine;
  if (!engine.empty()) {
    if (std::find(std::begin(kEngines), std::end(kEngines), engine) == std::end(kEngines)) {
      std::vector<std::string> names(std::begin(kEngines), std::end(kEngines));
      throw ExportError("unknown layout engine \"" + engine +
                        "\"; expected one of dot, neato, fdp, sfdp, circo" +
                        did_you_mean_suffix(engine, names));
    }
  }
  const std::size_t n = view.entities().size(), m = view.relations().size();
  const bool chosen = engine.empty();
  if (chosen) engine = kDotChosenUpTo.admits(n, m) ? "dot" : "sfdp";
  if (purpose == Purpose::render && !options.force) {
    const SizeLimit limit = layout_limit(engine);
    if (!limit.admits(n, m)) {
      throw ExportError(
          "the selection has " + std::to_string(n) + " entities and " + std::to_string(m) +
          " relations, more than " + engine + " can lay out in reasonable time (limit " +
          std::to_string(limit.entities) + " entities, " + std::to_string(limit.relations) +
          " relations); draw a part of it with --focus ID --depth N, --types, --relations or "
          "--since/--until" +
          (chosen ? std::string{} : std::string(", or a faster --engine (sfdp)")) +
          ", or pass --force to lay it out anyway");
    }
  }
  return engine;
}

}  // namespace kgraph::diagram
