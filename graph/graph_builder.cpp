#include "graph/graph_builder.hpp"

#include <algorithm>
#include <numeric>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "graph/builder_state.hpp"
#include "graph/distinct_relations.hpp"
#include "graph/flat_index.hpp"
#include "graph/messages.hpp"
#include "graph/permute_in_place.hpp"
#include "graph/record_interpreter.hpp"
#include "graph/run_beside.hpp"
#include "graph/text_sort.hpp"

namespace kgraph {
namespace {

using detail::BuilderState;
using detail::FlatIndex;
using detail::mix_hash;
using detail::permute_in_place;
using detail::run_beside;
using detail::sort_by_text;
using detail::StagedEntity;
using detail::StagedSource;

}  // namespace

GraphBuilder::GraphBuilder(Schema schema, Diagnostics& diags)
    : s_(std::make_unique<BuilderState>(std::move(schema))), diags_(diags) {}

GraphBuilder::~GraphBuilder() = default;

const Schema& GraphBuilder::schema() const { return s_->schema; }

void GraphBuilder::prefetch(std::span<const RawRecord> records) { prefetch_records(records); }
void GraphBuilder::prefetch(std::span<const RecordView> records) { prefetch_records(records); }

template <class Record>
void GraphBuilder::prefetch_records(std::span<const Record> records) {
  // The entity ids (an entity's own, a relation's ends), in the id index; and every other
  // string but dates, in the pool, when its hash came with the record (TextFacts: read on
  // another thread), so that this costs no pass over the text. Source ids, types and kinds
  // recur, yet with a million names the pool outgrows the cache and they miss too. (Hashing
  // texts here to prefetch them measured slower: docs/performance.md.)
  std::vector<std::uint32_t>& ids = prefetch_ids_;
  std::vector<std::uint32_t>& texts = prefetch_texts_;
  ids.clear();
  texts.clear();
  auto add = [&](const auto& f) {
    for (const auto& v : f.values)
      if (v.kind == ValueKind::string) ids.push_back(detail::text_hash(v));
  };
  for (const Record& r : records) {
    if (r.section == Section::source) continue;
    const bool relation = r.section == Section::relation;
    for (std::size_t i = 0; i < r.field_count; ++i) {
      const FieldKey key = key_of(r.fields[i]);
      if (relation ? key == FieldKey::from || key == FieldKey::to : key == FieldKey::id)
        add(r.fields[i]);
      else if (key != FieldKey::date && key != FieldKey::start && key != FieldKey::end)
        for (const auto& v : r.fields[i].values)
          if (v.kind == ValueKind::string && v.facts.known) texts.push_back(v.facts.hash);
    }
  }
  s_->prefetch_lookups(ids, texts);
}

std::vector<NamedEntity> GraphBuilder::named_entities() const {
  std::vector<NamedEntity> out;
  for (std::uint32_t slot = 0; slot < s_->entities.size(); ++slot) {
    const StagedEntity& staged = s_->entities[slot];
    if (!staged.declared) continue;
    const Entity& e = staged.entity;
    NamedEntity named{std::string(s_->entity_id(slot)),
                      e.type,
                      std::string(s_->strings.view(e.kind)),
                      {std::string(s_->strings.view(e.name))}};
    for (const StrId alias : s_->lists.view(e.aliases))
      named.names.emplace_back(s_->strings.view(alias));
    // Aliases of a large list may still wait in its backlog, unsorted: they are names all the same.
    if (const auto backlog = s_->entity_backlogs.find(slot); backlog != s_->entity_backlogs.end())
      for (const StrId alias : backlog->second.aliases)
        named.names.emplace_back(s_->strings.view(alias));
    out.push_back(std::move(named));
  }
  return out;
}

void GraphBuilder::add(const RawRecord& record) { add_record(record); }
void GraphBuilder::add(const RecordView& record) { add_record(record); }

template <class Record>
void GraphBuilder::add_record(const Record& record) {
  ++records_;
  if (!within_limits(record)) return;
  detail::interpret_record(*s_, diags_, record);
}

template <class Record>
bool GraphBuilder::within_limits(const Record& record) {
  std::size_t values = 0, bytes = 0;
  if constexpr (std::is_same_v<Record, RecordView>) {
    values = record.value_count;  // counted when it was packed
    bytes = record.text_bytes;
  } else {
    for (std::size_t i = 0; i < record.field_count; ++i) {
      const auto& f = record.fields[i];
      values += f.values.size();
      bytes += f.key.size();
      for (const auto& v : f.values) bytes += v.text.size();
    }
  }
  return check_record_limits(diags_, record.at, values, bytes);
}

namespace {

/// Sorts one source entity's relations, keeping equal ones in the order they were read (the
/// counting sort left them so): the order they merge in. Most buckets hold a few relations.
template <typename Less>
void sort_bucket(Relation* first, Relation* last, Less less) {
  if (last - first > 16) {
    std::stable_sort(first, last, less);
    return;
  }
  for (Relation* i = first + 1; i < last; ++i) {
    if (!less(*i, *(i - 1))) continue;
    const Relation moving = *i;
    Relation* j = i;
    do {
      *j = *(j - 1);
      --j;
    } while (j > first && less(moving, *(j - 1)));
    *j = moving;
  }
}

/// The staged entities' slots in the order of their ids' text: the graph's entity order.
std::vector<std::uint32_t> entities_in_id_order(const BuilderState& s) {
  std::vector<std::uint32_t> order(s.entities.size());
  std::iota(order.begin(), order.end(), 0u);
  // From the index's arena, not through entity_id(): intern_entity_ids() may be filling the
  // pool meanwhile.
  sort_by_text(order,
               [&](std::uint32_t slot) { return s.entity_ids.text(s.entities[slot].id_at); });
  return order;
}

}  // namespace

bool GraphBuilder::fold_and_check(Checks checks) {
  s_->entity_ids.drop_lookups();
  s_->fold_backlogs();
  if (checks == Checks::whole_graph)
    check_whole_graph();
  else
    check_relation_ids();
  if (!diags_.has_errors()) return true;
  empty();
  return false;
}

void GraphBuilder::empty() { s_ = std::make_unique<BuilderState>(std::move(s_->schema)); }

std::optional<KnowledgeGraph> GraphBuilder::finish(unsigned helpers) {
  if (!fold_and_check(Checks::whole_graph)) return std::nullopt;
  return assemble(nullptr, helpers);
}

std::optional<GraphCounts> GraphBuilder::finish_counts(unsigned helpers) {
  if (!fold_and_check(Checks::whole_graph)) return std::nullopt;
  const BuilderState& s = *s_;
  const GraphCounts counts{
      s.entities.size(), detail::count_distinct_relations(s.relations, helpers), s.sources.size()};
  empty();
  return counts;
}

std::optional<PartialGraph> GraphBuilder::finish_partial() {
  if (!fold_and_check(Checks::relation_ids)) return std::nullopt;
  PartialGraph partial;
  partial.graph = assemble(&partial.declared, 0);
  return partial;
}

void GraphBuilder::check_whole_graph() {
  BuilderState& s = *s_;

  // Ids that relations or shorthand fields name but no record declares.
  std::vector<std::string> known_ids;
  if (s.entities.size() <= 20000)
    for (std::uint32_t slot = 0; slot < s.entities.size(); ++slot)
      if (s.entities[slot].declared) known_ids.emplace_back(s.entity_id(slot));
  for (std::uint32_t slot = 0; slot < s.entities.size(); ++slot) {
    const StagedEntity& e = s.entities[slot];
    if (e.declared) continue;
    const std::string_view id = s.entity_id(slot);
    diags_.error(e.at, "unknown entity id " + quoted(id) +
                           ": no actor, law, event or place has it" +
                           did_you_mean_suffix(id, known_ids));
  }

  // Relation endpoints against the schema. What decides is the relation type and each end's
  // type and kind, and those combinations are few: each declared entity gets the number of
  // its (type, kind) class, and each (relation type, class, class) is decided once. Reading
  // the staged entities for every relation missed the cache twice per relation. Equal
  // relations are not merged yet: each is reported once, where it was first read.
  std::vector<std::uint32_t> class_of(s.entities.size(), 0);  // 0: not declared
  std::vector<const Entity*> class_example{nullptr};
  {
    std::unordered_map<std::uint64_t, std::uint32_t> classes;
    for (std::uint32_t slot = 0; slot < s.entities.size(); ++slot) {
      const StagedEntity& e = s.entities[slot];
      if (!e.declared) continue;
      const std::uint64_t key =
          std::uint64_t{static_cast<std::uint8_t>(e.entity.type)} << 32 | e.entity.kind;
      const auto [it, fresh] =
          classes.try_emplace(key, static_cast<std::uint32_t>(class_example.size()));
      if (fresh) class_example.push_back(&e.entity);
      class_of[slot] = it->second;
    }
  }
  // Verdicts by class pair, per relation type: -1 not decided yet, 0 refused, 1 allowed. Past
  // kMaxCached classes (a schema of thousands of kinds) each relation is decided on its own.
  constexpr std::size_t kMaxCached = 512;
  const std::size_t classes = class_example.size();
  struct TypeVerdicts {
    const RelationType* type = nullptr;
    std::vector<std::int8_t> verdicts;
  };
  std::unordered_map<StrId, TypeVerdicts> relation_types;
  auto allows = [&](const RelationType& type, std::uint32_t from, std::uint32_t to) {
    const Entity& a = *class_example[from];
    const Entity& b = *class_example[to];
    return Schema::allows(type, a.type, s.strings.view(a.kind), b.type, s.strings.view(b.kind));
  };
  auto key_hash = [&](std::uint32_t i) { return BuilderState::relation_hash(s.relations[i]); };
  auto same_key = [&](std::uint32_t a, std::uint32_t b) {
    return BuilderState::same_key(s.relations[a], s.relations[b]);
  };
  std::unordered_set<std::uint32_t, decltype(key_hash), decltype(same_key)> refused(0, key_hash,
                                                                                    same_key);
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const Relation& r = s.relations[i];
    const std::uint32_t from_class = class_of[r.from], to_class = class_of[r.to];
    if (from_class == 0 || to_class == 0) continue;
    auto [cached, fresh] = relation_types.try_emplace(r.type);
    TypeVerdicts& t = cached->second;
    if (fresh) {
      t.type = s.schema.relation(s.strings.view(r.type));
      if (t.type && classes <= kMaxCached) t.verdicts.assign(classes * classes, -1);
    }
    if (!t.type) continue;
    if (t.verdicts.empty()) {
      if (allows(*t.type, from_class, to_class)) continue;
    } else {
      std::int8_t& verdict = t.verdicts[from_class * classes + to_class];
      if (verdict < 0) verdict = allows(*t.type, from_class, to_class) ? 1 : 0;
      if (verdict == 1) continue;
    }
    const RelationType* type = t.type;
    if (!refused.insert(static_cast<std::uint32_t>(i)).second) continue;
    std::string allowed;
    for (const RelationRule& rule : type->allowed)
      allowed +=
          (allowed.empty() ? "" : ", ") + rule.from.to_string() + " -> " + rule.to.to_string();
    auto describe = [&](std::uint32_t slot) {
      const StagedEntity& e = s.entities[slot];
      std::string t(type_name(e.entity.type));
      // Appended, not "/" + std::string(...): GCC 12 warns (-Wrestrict) on that falsely.
      if (e.entity.kind != kEmpty) {
        t += '/';
        t += s.strings.view(e.entity.kind);
      }
      return t + " " + quoted(s.entity_id(slot));
    };
    diags_.error(s.relation_at[i], "relation " + quoted(type->name) + " cannot go from " +
                                       describe(r.from) + " to " + describe(r.to) +
                                       "; allowed: " + allowed);
  }

  // Every cited source must be declared. Lists are interned and shared by many elements, so
  // each is checked once, at the first element citing it.
  std::vector<bool> list_checked(s.lists.size(), false);
  auto check_sources = [&](ListId list, Location at) {
    if (list_checked[list]) return;
    list_checked[list] = true;
    for (StrId id : s.lists.view(list)) {
      const bool found = s.source_index.find(mix_hash(id), [&](std::uint32_t k) {
        return s.sources[k].source.id == id;
      }) != FlatIndex::kNone;
      if (!found)
        diags_.error(
            at, "unknown source id " + quoted(s.strings.view(id)) + ": no source record has it");
    }
  };
  for (const StagedEntity& e : s.entities)
    if (e.declared) check_sources(e.entity.sources, e.at);
  for (std::size_t i = 0; i < s.relations.size(); ++i)
    check_sources(s.relations[i].sources, s.relation_at[i]);

  check_relation_ids();
}

void GraphBuilder::check_relation_ids() {
  BuilderState& s = *s_;
  // A relation `id` names one relation: the records that give it must all be equal (merged).
  std::unordered_map<StrId, std::uint32_t> first_use;  // id -> the relation first given it
  for (const BuilderState::RelationIdUse& use : s.relation_id_uses) {
    auto [it, fresh] = first_use.try_emplace(use.id, use.relation);
    if (fresh || BuilderState::same_key(s.relations[it->second], s.relations[use.relation]))
      continue;
    diags_.error(use.at, "relation id " + quoted(s.strings.view(use.id)) +
                             " is already used by another relation at " +
                             place_text(diags_, s.relation_at[it->second]));
  }
  std::vector<BuilderState::RelationIdUse>().swap(s.relation_id_uses);
}

KnowledgeGraph GraphBuilder::assemble(std::vector<std::uint32_t>* declared, unsigned helpers) {
  BuilderState& s = *s_;
  const std::size_t entity_count = s.entities.size();

  // What only validation needed goes first, to keep the peak low (the sort's keys come next).
  std::vector<Location>().swap(s.relation_at);
  s.source_index.clear();
  // The ids are sorted, and join the pool, from the index's arena: with a helper, both at once.
  std::vector<std::uint32_t> order;
  if (helpers > 0) {
    run_beside([&] { order = entities_in_id_order(s); }, [&] { s.intern_entity_ids(); });
  } else {
    order = entities_in_id_order(s);
    s.intern_entity_ids();
  }
  s.entity_ids.clear();

  KnowledgeGraph g;

  // Entities in id order; `rank[slot]` is the final index.
  std::vector<std::uint32_t> rank(entity_count);
  for (std::uint32_t i = 0; i < entity_count; ++i) rank[order[i]] = i;
  if (declared)
    for (std::uint32_t i = 0; i < entity_count; ++i)
      if (s.entities[order[i]].declared) declared->push_back(i);
  g.entities_.reserve(entity_count);
  for (std::uint32_t slot : order) g.entities_.push_back(std::move(s.entities[slot].entity));
  std::vector<StagedEntity>().swap(s.entities);
  std::vector<std::uint32_t>().swap(order);

  // Relations: a counting sort by source entity, then the rest of the key within each bucket.
  std::vector<Relation>& rels = s.relations;
  for (Relation& r : rels) {
    r.from = rank[r.from];
    r.to = rank[r.to];
  }
  std::vector<std::uint32_t>().swap(rank);
  {
    std::vector<std::uint32_t> start(entity_count + 1, 0);
    for (const Relation& r : rels) ++start[r.from + 1];
    for (std::size_t i = 1; i <= entity_count; ++i) start[i] += start[i - 1];
    {
      // In place: a sorted copy would hold the relations twice, the import's peak.
      std::vector<std::uint32_t> dest(rels.size());
      {
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < rels.size(); ++i) dest[i] = next[rels[i].from]++;
      }
      if (helpers > 0 && rels.size() > 2 * detail::kPermuteBlock) {
        // The second pass stays within blocks: a helper takes the first half of them.
        detail::move_to_blocks(rels, dest);
        const std::size_t half = rels.size() / 2 / detail::kPermuteBlock * detail::kPermuteBlock;
        run_beside([&] { detail::permute_within_blocks(rels, dest, 0, half); },
                   [&] { detail::permute_within_blocks(rels, dest, half, rels.size()); });
      } else {
        permute_in_place(rels, dest);
      }
    }
    const StringPool& pool = s.strings;
    auto less = [&](const Relation& a, const Relation& b) {
      if (a.type != b.type) return pool.view(a.type) < pool.view(b.type);
      if (a.to != b.to) return a.to < b.to;
      if (a.start != b.start) return a.start < b.start;
      if (a.end != b.end) return a.end < b.end;
      return a.role != b.role && pool.view(a.role) < pool.view(b.role);
    };
    auto sort_buckets = [&](std::size_t first, std::size_t last) {
      for (std::size_t v = first; v < last; ++v)
        if (start[v + 1] - start[v] > 1)
          sort_bucket(rels.data() + start[v], rels.data() + start[v + 1], less);
    };
    if (helpers > 0 && rels.size() > 50000) {
      // Buckets are disjoint: a helper sorts those holding the first half of the relations.
      const auto half = static_cast<std::size_t>(
          std::upper_bound(start.begin(), start.end(), start.back() / 2) - start.begin() - 1);
      run_beside([&] { sort_buckets(0, half); }, [&] { sort_buckets(half, entity_count); });
    } else {
      sort_buckets(0, entity_count);
    }
  }
  // Equal relations are neighbours now, in the order they were read: each run merges into
  // its first, as records merge into an element read before them.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < rels.size(); ++i) {
    if (kept > 0 && BuilderState::same_key(rels[kept - 1], rels[i])) {
      s.merge_relation(static_cast<std::uint32_t>(kept - 1), rels[i]);
      continue;
    }
    if (kept != i) rels[kept] = rels[i];
    ++kept;
  }
  rels.resize(kept);
  s.fold_backlogs();
  // No shrink_to_fit(): the capacity past the end was never written, so it holds no memory,
  // while a copy to a fitting buffer would hold both for a moment (the peak of finish()).
  g.relations_ = std::move(rels);
  g.relation_properties_ = std::move(s.relation_properties);

  // Sources in id order.
  std::sort(s.sources.begin(), s.sources.end(), [&](const StagedSource& a, const StagedSource& b) {
    return s.strings.view(a.source.id) < s.strings.view(b.source.id);
  });
  g.sources_.reserve(s.sources.size());
  for (StagedSource& src : s.sources) g.sources_.push_back(std::move(src.source));

  g.strings_ = std::move(s.strings);
  g.lists_ = std::move(s.lists);
  g.schema_ = std::move(s.schema);
  s_ = std::make_unique<BuilderState>(g.schema_);
  return g;
}

}  // namespace kgraph
