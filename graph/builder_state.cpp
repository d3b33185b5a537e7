#include "graph/builder_state.hpp"

#include <array>

namespace kgraph::detail {

void BuilderState::prefetch_lookups(std::span<const std::uint32_t> ids,
                                    std::span<const std::uint32_t> texts) {
  // Each pass waits about once, for the loads the pass before started, all in flight together.
  for (const std::uint32_t hash : ids) entity_ids.prefetch_slot(hash);
  for (const std::uint32_t hash : texts) strings.prefetch_slot(hash);
  for (const std::uint32_t hash : ids) entity_ids.prefetch_entry(hash);
  for (const std::uint32_t hash : texts) strings.prefetch_entry(hash);
}

void BuilderState::intern_entity_ids() {
  // In slot order, which is the order of the texts in the index's arena: each id is one
  // probe of the pool's index at a random place, started kAhead ids before it is needed.
  constexpr std::size_t kAhead = 16;
  const std::size_t n = entities.size();
  strings.expect(n);
  std::array<std::uint32_t, kAhead> hashes{};
  auto start = [&](std::size_t slot) {
    hashes[slot % kAhead] = StringPool::hash(entity_ids.text(entities[slot].id_at));
    strings.prefetch_slot(hashes[slot % kAhead]);
  };
  for (std::size_t slot = 0; slot < std::min(n, kAhead); ++slot) start(slot);
  for (std::size_t slot = 0; slot < n; ++slot) {
    const std::uint32_t hash = hashes[slot % kAhead];
    StagedEntity& e = entities[slot];
    e.entity.id = strings.intern(entity_ids.text(e.id_at), hash);
    if (slot + kAhead < n) start(slot + kAhead);
  }
  ids_interned = true;
}

void BuilderState::fold_backlogs() {
  auto in_order = [](std::unordered_map<std::uint32_t, MergeBacklog>& backlogs) {
    std::vector<std::pair<std::uint32_t, MergeBacklog*>> out;
    out.reserve(backlogs.size());
    for (auto& [slot, b] : backlogs) out.emplace_back(slot, &b);
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
  };
  for (auto [slot, b] : in_order(entity_backlogs)) {
    Entity& e = entities[slot].entity;
    e.aliases = fold_list(e.aliases, b->aliases, e.name, lists, strings, fold_ids);
    e.sources = fold_list(e.sources, b->sources, StringPool::kMissing, lists, strings, fold_ids);
    fold_properties(e.properties, b->properties, strings, fold_pairs);
  }
  for (auto [slot, b] : in_order(source_backlogs))
    fold_properties(sources[slot].source.properties, b->properties, strings, fold_pairs);
  for (auto [index, b] : in_order(relation_backlogs)) {
    Relation& r = relations[index];
    r.sources = fold_list(r.sources, b->sources, StringPool::kMissing, lists, strings, fold_ids);
    fold_properties(relation_properties[r.properties], b->properties, strings, fold_pairs);
  }
  std::unordered_map<std::uint32_t, MergeBacklog>().swap(entity_backlogs);
  std::unordered_map<std::uint32_t, MergeBacklog>().swap(source_backlogs);
  std::unordered_map<std::uint32_t, MergeBacklog>().swap(relation_backlogs);
}

}  // namespace kgraph::detail
