#include "graph/graph_view.hpp"

#include <algorithm>

namespace kgraph {

bool IndexSet::contains(std::uint32_t index) const {
  if (all_) return index < n_;
  return std::binary_search(items_.begin(), items_.end(), index);
}

GraphView::GraphView(const KnowledgeGraph& g)
    : graph_(&g),
      entities_(IndexSet::all(static_cast<std::uint32_t>(g.entities().size()))),
      relations_(IndexSet::all(static_cast<std::uint32_t>(g.relations().size()))),
      sources_(IndexSet::all(static_cast<std::uint32_t>(g.sources().size()))) {}

GraphView::GraphView(const KnowledgeGraph& g, std::vector<std::uint32_t> entities,
                     std::vector<std::uint32_t> relations)
    : graph_(&g), whole_(false) {
  // Sources follow from what is selected: those cited by a selected entity or relation.
  std::vector<bool> cited(g.sources().size(), false);
  auto cite = [&](ListId list) {
    for (StrId s : g.list(list))
      if (auto index = g.find_source(g.str(s))) cited[*index] = true;
  };
  for (std::uint32_t e : entities) cite(g.entities()[e].sources);
  for (std::uint32_t r : relations) cite(g.relations()[r].sources);
  std::vector<std::uint32_t> sources;
  for (std::uint32_t i = 0; i < cited.size(); ++i)
    if (cited[i]) sources.push_back(i);
  entities_ = IndexSet::of(std::move(entities));
  relations_ = IndexSet::of(std::move(relations));
  sources_ = IndexSet::of(std::move(sources));
}

GraphView::GraphView(const KnowledgeGraph& g, std::vector<std::uint32_t> entities,
                     std::vector<std::uint32_t> relations, std::vector<std::uint32_t> sources)
    : graph_(&g),
      entities_(IndexSet::of(std::move(entities))),
      relations_(IndexSet::of(std::move(relations))),
      sources_(IndexSet::of(std::move(sources))),
      whole_(false) {}

}  // namespace kgraph
