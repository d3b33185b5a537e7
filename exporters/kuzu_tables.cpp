// The first pass of the Kuzu exporter (kuzu_exporter.cpp): which tables a folder has, their
// columns and names, and each entity id of a graph as a CSV field. See docs/formats/kuzu.md.

#include "exporters/kuzu_tables.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "exporters/exporter.hpp"

namespace kgraph::kuzu {
namespace {

using dbcols::ColumnCollector;
using dbcols::PropertyColumn;

constexpr std::array<std::string_view, 7> kNodeBuiltins = {"id",    "name", "kind",   "aliases",
                                                           "start", "end",  "sources"};
constexpr std::array<std::string_view, 4> kRelationBuiltins = {"start", "end", "role", "sources"};
constexpr std::array<std::string_view, 2> kSourceBuiltins = {"id", "date"};

// Column names Kuzu keeps for itself (compared upper-cased).
constexpr std::array<std::string_view, 12> kReserved = {
    "_ID",    "_LABEL", "_SRC",          "_DST",        "_DIRECTION",  "_LENGTH",
    "_NODES", "_RELS",  "_PLACE_HOLDER", "_ROW_OFFSET", "_SRC_OFFSET", "_DST_OFFSET"};

bool is_reserved(std::string_view name) {
  std::string upper(name);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return std::find(kReserved.begin(), kReserved.end(), upper) != kReserved.end();
}

/// Names are written in backticks, which Kuzu cannot escape; control characters are replaced
/// so that every statement of schema.cypher stays on one line.
void sanitize_name(std::string& name) {
  for (char& c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '`' || u < 0x20 || u == 0x7F) c = '_';
  }
}

template <std::size_t N>
void name_columns(std::vector<PropertyColumn>& columns, const ColumnCollector& collector,
                  const StringPool& keys, const std::array<std::string_view, N>& builtins) {
  columns = collector.columns(keys);
  dbcols::NamingRules rules;
  rules.builtins = builtins;
  rules.case_insensitive = true;
  rules.sanitize = sanitize_name;
  rules.reserved = is_reserved;
  dbcols::assign_names(columns, keys, rules);
}

std::string table_file_stem(EntityType t) { return std::string(type_name(t)); }

}  // namespace

Tables::Tables(const Schema& schema, std::uint32_t part_count) : parts(part_count) {
  sources.name = "Source";
  sources.stem = "sources";
  for (EntityType t : kEntityTypes) {
    NodeTable& n = nodes[static_cast<int>(t)];
    n.name = dbcols::pascal_case(type_name(t));
    n.stem = std::string(type_plural(t));
  }
  // One table per relation type of the schema (sorted by name), with every allowed pair.
  for (const auto& [name, rel] : schema.relations()) {
    RelTable& t = relations.emplace_back();
    t.type = name;
    t.name = dbcols::upper_snake(name);
    for (const RelationRule& rule : rel.allowed)
      for (EntityType from : kEntityTypes)
        for (EntityType to : kEntityTypes)
          if ((!rule.from.type || *rule.from.type == from) &&
              (!rule.to.type || *rule.to.type == to))
            t.pairs[pair_index(from, to)].allowed = true;
  }
  for (RelTable& t : relations) {
    // Kuzu may compare table names without case; a relation named like a type gets a suffix.
    bool clash = t.name == "SOURCE";
    for (const NodeTable& n : nodes) clash = clash || dbcols::upper_snake(n.name) == t.name;
    if (clash) t.name += "_REL";
  }
}

RelTable& Tables::relation(std::string_view type) {
  const auto at =
      std::lower_bound(relations.begin(), relations.end(), type,
                       [](const RelTable& t, std::string_view k) { return t.type < k; });
  if (at != relations.end() && at->type == type) return *at;
  // Not in the schema: a table of its own.
  RelTable t;
  t.type = std::string(type);
  t.name = dbcols::upper_snake(type) + "_REL";
  return *relations.insert(at, std::move(t));
}

void Tables::begin() {
  name_columns(sources.columns, sources.collector, keys, kSourceBuiltins);
  for (NodeTable& n : nodes) name_columns(n.columns, n.collector, keys, kNodeBuiltins);
  for (RelTable& t : relations) {
    name_columns(t.columns, t.collector, keys, kRelationBuiltins);
    for (EntityType from : kEntityTypes) {
      for (EntityType to : kEntityTypes) {
        RelPair& p = t.pairs[pair_index(from, to)];
        if (p.count > 0)
          p.stem = "rel_" + t.type + "_" + table_file_stem(from) + "_" + table_file_stem(to);
      }
    }
  }
}

void GraphIndex::find_tables(const Tables& tables, const StringPool& pool) {
  for (std::uint32_t i = 0; i < tables.relations.size(); ++i) {
    const StrId id = pool.find(tables.relations[i].type);
    if (id != StringPool::kMissing) table_of_type[id] = i;
  }
}

void plan_sources(Tables& tables, const GraphView& view) {
  const KnowledgeGraph& g = view.graph();
  ColumnCollector collector;
  for (std::uint32_t i : view.sources()) collector.add(g.sources()[i].properties, g.strings());
  tables.sources.collector.merge(collector, g.strings(), tables.keys);
}

void plan_elements(Tables& tables, const GraphView& view, const GraphIndex& index,
                   std::uint32_t part) {
  const KnowledgeGraph& g = view.graph();
  const StringPool& pool = g.strings();
  const auto in_part = [&](std::uint32_t entity) {
    return part == kEveryPart || index.entity_part(entity) == part;
  };
  std::array<ColumnCollector, 4> node_columns;
  const IndexSet& entities = view.entities();
  for (std::uint32_t k = 0; k < entities.size(); ++k) {
    if (k + kPrefetchAhead < entities.size())
      __builtin_prefetch(g.entities()[entities[k + kPrefetchAhead]].properties.data());
    const std::uint32_t i = entities[k];
    if (!in_part(i)) continue;
    const Entity& e = g.entities()[i];
    node_columns[static_cast<int>(e.type)].add(e.properties, pool);
  }
  for (EntityType t : kEntityTypes)
    tables.nodes[static_cast<int>(t)].collector.merge(node_columns[static_cast<int>(t)], pool,
                                                      tables.keys);

  // Gathered by this graph's relation types, then added to the tables by type name.
  struct TypeRows {
    StrId type;
    ColumnCollector collector;
    std::array<std::uint64_t, 16> pairs{};
  };
  std::vector<TypeRows> types;
  dbcols::TypeSlots slot_of_type;
  const IndexSet& in_view = view.relations();
  for (std::uint32_t k = 0; k < in_view.size(); ++k) {
    if (k + 2 * kPrefetchAhead < in_view.size())
      __builtin_prefetch(&g.properties_of(g.relations()[in_view[k + 2 * kPrefetchAhead]]));
    if (k + kPrefetchAhead < in_view.size()) {
      const Relation& next = g.relations()[in_view[k + kPrefetchAhead]];
      __builtin_prefetch(g.properties_of(next).data());
      index.id_fields.prefetch(next.to);  // for its type
    }
    const Relation& r = g.relations()[in_view[k]];
    if (!in_part(r.from)) continue;  // a relation goes with the entity it starts at
    std::uint32_t& slot = slot_of_type[r.type];
    if (slot == dbcols::TypeSlots::kNone) {
      slot = static_cast<std::uint32_t>(types.size());
      types.emplace_back().type = r.type;
    }
    TypeRows& rows = types[slot];
    ++rows.pairs[index.pair_of(r)];
    rows.collector.add(g.properties_of(r), pool);
  }
  for (const TypeRows& rows : types) {
    RelTable& t = tables.relation(pool.view(rows.type));
    for (int p = 0; p < 16; ++p) {
      if (rows.pairs[p] == 0) continue;
      t.pairs[p].allowed = true;
      t.pairs[p].count += rows.pairs[p];
    }
    t.collector.merge(rows.collector, pool, tables.keys);
  }
}

}  // namespace kgraph::kuzu
