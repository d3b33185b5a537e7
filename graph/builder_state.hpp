#pragma once
/// The graph builder's staging state (elements by slot, slot lookups, merge backlogs): filled by
/// the record interpreter, checked and sorted by GraphBuilder::finish(). Internal, not installed.

#include <algorithm>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/diagnostics.hpp"
#include "graph/flat_index.hpp"
#include "graph/id_index.hpp"
#include "graph/list_pool.hpp"
#include "graph/merge_backlog.hpp"
#include "graph/model.hpp"
#include "graph/record.hpp"
#include "graph/record_view.hpp"
#include "graph/schema.hpp"
#include "graph/string_pool.hpp"

namespace kgraph::detail {

/// StringPool::hash of a scalar's text: as the reading thread worked it out, if it did.
inline std::uint32_t text_hash(const RawScalar& v) {
  return v.facts.known ? v.facts.hash : StringPool::hash(v.text);
}
inline std::uint32_t text_hash(const ScalarView& v) {
  return v.facts.known ? v.facts.hash : StringPool::hash(v.text);
}

/// An entity while inputs are still arriving. `declared` is false for ids that so far were
/// only referenced by a relation; `at` is then the first reference.
struct StagedEntity {
  Entity entity;  // `entity.id` stays empty until intern_entity_ids()
  Location at;
  std::uint32_t id_at : 31 = 0;  // where BuilderState::entity_ids keeps the id's text
  std::uint32_t declared : 1 = 0;
};

struct StagedSource {
  Source source;
  Location at;
};

struct BuilderState {
  explicit BuilderState(Schema s) : schema(std::move(s)) {}

  Schema schema;
  StringPool strings;
  ListPool lists;

  std::vector<StagedEntity> entities;
  // Entity slot by id (id_index.hpp: the most looked-up strings, apart from the pool). The
  // ids' texts are kept there, not in the pool, until finish() interns them all at once: one
  // string fewer looked up in the pool per entity record while reading.
  IdIndex entity_ids;
  bool ids_interned = false;
  std::vector<StagedSource> sources;
  FlatIndex source_index;

  std::vector<Relation> relations;  // from/to are staging entity slots until finish()
  /// Where each relation was written (its `from` field), kept only until finish() has checked
  /// it. One place per relation: a 4M-relation import keeps 4M at its peak, and every message
  /// about a relation points at its `from` (an unknown `to` is reported at the entity's first
  /// reference, StagedEntity::at).
  std::vector<Location> relation_at;
  // Equal relations (same ends, type, role and dates) are all staged, one per record, and
  // merged once sorted (GraphBuilder::assemble): no index to probe per relation while
  // reading. A record's properties get an entry of their own, emptied when merged into an
  // equal relation's.
  std::vector<PropertyList> relation_properties{PropertyList{}};
  /// Each `id` a relation record gave, in the order read: the relation staged for it and the
  /// place of the id field. One id names one relation (finish() checks it).
  struct RelationIdUse {
    StrId id;
    std::uint32_t relation;
    Location at;
  };
  std::vector<RelationIdUse> relation_id_uses;

  // Elements whose lists or properties grew large: what later records add, not yet folded
  // in (merge_backlog.hpp). By entity slot, source slot and relation index.
  std::unordered_map<std::uint32_t, MergeBacklog> entity_backlogs;
  std::unordered_map<std::uint32_t, MergeBacklog> source_backlogs;
  std::unordered_map<std::uint32_t, MergeBacklog> relation_backlogs;

  // Scratch buffers reused between records.
  std::vector<StrId> scratch_ids;
  std::vector<KeyedValue> scratch_pairs;  // the property values of the record being read
  std::vector<FieldKey> scratch_keys;     // its field names' codes (records read unpacked)
  std::vector<StrId> fold_ids;
  std::vector<KeyedValue> fold_pairs;

  StrId key_description = strings.intern("description");
  StrId key_quote = strings.intern("quote");
  StrId key_id = strings.intern("id");
  StrId key_title = strings.intern("title");
  StrId key_publisher = strings.intern("publisher");
  StrId key_url = strings.intern("url");
  StrId rel_occurred_in = strings.intern("occurred_in");
  StrId rel_located_in = strings.intern("located_in");
  StrId rel_part_of = strings.intern("part_of");

  /// The slot of the entity `id` (of StringPool::hash `hash`), staged (as only referred to,
  /// at `at`) if new.
  std::uint32_t entity_slot(std::string_view id, std::uint32_t hash, Location at) {
    std::uint32_t slot = entity_ids.find(id, hash);
    if (slot != IdIndex::kNone) return slot;
    slot = static_cast<std::uint32_t>(entities.size());
    StagedEntity staged;
    staged.at = at;
    staged.id_at = entity_ids.insert(id, hash, slot);
    entities.push_back(std::move(staged));
    return slot;
  }
  /// Whether the schema has the relation type `name` (interned as `id`): asked of the schema
  /// once per type, not once per relation.
  bool is_relation_type(StrId id, std::string_view name) {
    const auto [known, fresh] = relation_types.try_emplace(id, false);
    if (fresh) known->second = schema.relation(name) != nullptr;
    return known->second;
  }
  std::unordered_map<StrId, bool> relation_types;  // is_relation_type()'s answers

  /// The id of the entity staged at `slot`.
  std::string_view entity_id(std::uint32_t slot) const {
    const StagedEntity& e = entities[slot];
    return ids_interned ? strings.view(e.entity.id) : entity_ids.text(e.id_at);
  }
  /// Interns every entity's id, once no record can come and the checks are done
  /// (GraphBuilder::assemble). Reads the ids from `entity_ids`, which stays as it is.
  void intern_entity_ids();

  std::uint32_t source_slot(StrId id, Location at, bool& fresh) {
    const std::uint32_t h = mix_hash(id);
    std::uint32_t slot =
        source_index.find(h, [&](std::uint32_t s) { return sources[s].source.id == id; });
    fresh = slot == FlatIndex::kNone;
    if (!fresh) return slot;
    slot = static_cast<std::uint32_t>(sources.size());
    StagedSource staged;
    staged.source.id = id;
    staged.at = at;
    sources.push_back(std::move(staged));
    source_index.insert(h, slot);
    return slot;
  }

  /// Adds strings to an element's sorted list, less `drop` (kMissing: nothing). A short list
  /// merges at once; a long one through the element's backlog, folded in with one sort when
  /// the backlog is as long as the list, so that n additions cost n log n in all.
  void add_to_list(ListId& list, std::span<const StrId> more, StrId drop,
                   std::unordered_map<std::uint32_t, MergeBacklog>& backlogs, std::uint32_t slot,
                   std::vector<StrId> MergeBacklog::*pending) {
    if (more.empty()) return;
    const std::size_t have = lists.view(list).size();
    if (have < kMergeAtOnceBelow) {
      list = lists.merge(list, more, strings);
      if (drop != StringPool::kMissing) {
        auto items = lists.view(list);
        if (std::find(items.begin(), items.end(), drop) != items.end()) {
          fold_ids.assign(items.begin(), items.end());
          fold_ids.erase(std::remove(fold_ids.begin(), fold_ids.end(), drop), fold_ids.end());
          list = lists.intern(fold_ids);
        }
      }
      return;
    }
    std::vector<StrId>& waiting = backlogs[slot].*pending;
    waiting.insert(waiting.end(), more.begin(), more.end());
    if (waiting.size() >= have) list = fold_list(list, waiting, drop, lists, strings, fold_ids);
  }

  /// Adds a record's properties to an element's, the same way: small sets merge at once, large
  /// ones through the backlog. `from` may be left empty (moved from).
  void add_properties(PropertyList& into, PropertyList& from,
                      std::unordered_map<std::uint32_t, MergeBacklog>& backlogs,
                      std::uint32_t slot) {
    if (from.empty()) return;
    if (into.empty()) {
      // A backlog is never pending beside an empty set: it holds values only while the set
      // has at least kMergeAtOnceBelow.
      into.swap(from);
      return;
    }
    auto small_count = [](const PropertyList& p) {
      return p.size() >= kMergeAtOnceBelow ? kMergeAtOnceBelow : value_count(p);
    };
    if (small_count(into) + small_count(from) < kMergeAtOnceBelow) {
      merge_properties(into, from, strings);
      return;
    }
    auto [it, fresh] = backlogs.try_emplace(slot);
    MergeBacklog& b = it->second;
    if (fresh || b.properties.empty()) b.folded_values = value_count(into);
    append_pairs(from, b.properties);
    // Folding at once while the set is small keeps "pending implies large" true, so that the
    // at-once path above never passes values waiting here (the first of equal values wins).
    if (b.properties.size() >= b.folded_values || b.folded_values < kMergeAtOnceBelow) {
      fold_properties(into, b.properties, strings, fold_pairs);
      b.folded_values = value_count(into);
    }
  }

  /// Starts loading what looking up entity ids (`ids`) and interning strings (`texts`) of
  /// these hashes will read, in two passes (each index's slot, then the entry it points to):
  /// for a window of records about to be added.
  void prefetch_lookups(std::span<const std::uint32_t> ids, std::span<const std::uint32_t> texts);

  /// Folds every backlog in; finish() calls it before anything reads the lists, and again once
  /// equal relations are merged. In slot order, so that lists are interned in the same order on
  /// every run.
  void fold_backlogs();

  /// Adds relation `from`'s sources and properties to relation `into`'s, as a record read
  /// later adds to an element's (`from` keeps its sources; its properties are emptied).
  void merge_relation(std::uint32_t into, const Relation& from) {
    Relation& r = relations[into];
    add_to_list(r.sources, lists.view(from.sources), StringPool::kMissing, relation_backlogs, into,
                &MergeBacklog::sources);
    if (from.properties == 0) return;
    if (r.properties == 0) {
      r.properties = from.properties;
      return;
    }
    add_properties(relation_properties[r.properties], relation_properties[from.properties],
                   relation_backlogs, into);
    PropertyList().swap(relation_properties[from.properties]);
  }

  static std::uint32_t relation_hash(const Relation& r) { return mix_hash(relation_key(r)); }
  /// What relation_hash() mixes: equal for relations of the same key (same_key()).
  static std::uint64_t relation_key(const Relation& r) {
    std::uint64_t h = r.from;
    h = h * 0x9E3779B97F4A7C15ull + r.to;
    h = h * 0x9E3779B97F4A7C15ull + r.type;
    h = h * 0x9E3779B97F4A7C15ull + r.role;
    h = h * 0x9E3779B97F4A7C15ull +
        (static_cast<std::uint64_t>(r.start.first_day()) << 32 | r.end.last_day());
    h = h * 0x9E3779B97F4A7C15ull + std::uint64_t{r.start.precision() == DatePrecision::none} * 2 +
        std::uint64_t{r.end.precision() == DatePrecision::none};
    return h;
  }
  static bool same_key(const Relation& a, const Relation& b) {
    return a.from == b.from && a.to == b.to && a.type == b.type && a.role == b.role &&
           a.start == b.start && a.end == b.end;
  }
};

}  // namespace kgraph::detail
