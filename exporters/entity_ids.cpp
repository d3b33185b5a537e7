#include "exporters/entity_ids.hpp"

#include "exporters/part_files.hpp"

namespace kgraph {

EntityIds::EntityIds(const GraphView& view, std::uint32_t part_count)
    : id_fields(view.graph().entities().size()), parts(part_count) {
  // On a large graph the ids are anywhere in memory: fetch what the entity this many places on
  // will read.
  constexpr std::uint32_t kAhead = 16;
  const KnowledgeGraph& g = view.graph();
  const StringPool& pool = g.strings();
  if (parts > 1) entity_parts.resize(g.entities().size());
  const IndexSet& entities = view.entities();
  for (std::uint32_t k = 0; k < entities.size(); ++k) {
    if (k + 2 * kAhead < entities.size()) pool.prefetch(g.entities()[entities[k + 2 * kAhead]].id);
    if (k + kAhead < entities.size()) pool.prefetch_text(g.entities()[entities[k + kAhead]].id);
    const std::uint32_t i = entities[k];
    const Entity& e = g.entities()[i];
    id_fields.set_csv(i, pool, e.id, static_cast<std::uint8_t>(e.type));
    if (parts > 1) entity_parts[i] = part_of(pool.view(e.id), parts);
  }
}

}  // namespace kgraph
