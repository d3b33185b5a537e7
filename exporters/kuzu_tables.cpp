// The first pass of the Kuzu exporter (kuzu_exporter.cpp): which tables a folder has, their
// columns and names, and each entity id as a CSV field. See docs/formats/kuzu.md.

#include "exporters/kuzu_tables.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "exporters/part_files.hpp"

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
                  const StringPool& pool, const std::array<std::string_view, N>& builtins) {
  columns = collector.columns(pool);
  dbcols::NamingRules rules;
  rules.builtins = builtins;
  rules.case_insensitive = true;
  rules.sanitize = sanitize_name;
  rules.reserved = is_reserved;
  dbcols::assign_names(columns, pool, rules);
}

}  // namespace

Tables::Tables(const GraphView& view, std::uint32_t part_count)
    : id_fields(view.graph().entities().size()), parts(part_count) {
  const KnowledgeGraph& g = view.graph();
  const StringPool& pool = g.strings();
  sources.name = "Source";
  sources.stem = "sources";
  for (std::uint32_t i : view.sources()) sources.collector.add(g.sources()[i].properties, pool);
  for (EntityType t : kEntityTypes) {
    NodeTable& n = nodes[static_cast<int>(t)];
    n.name = dbcols::pascal_case(type_name(t));
    n.stem = std::string(type_plural(t));
  }
  const IndexSet& entities = view.entities();
  for (std::uint32_t k = 0; k < entities.size(); ++k) {
    if (k + 2 * kPrefetchAhead < entities.size())
      pool.prefetch(g.entities()[entities[k + 2 * kPrefetchAhead]].id);
    if (k + kPrefetchAhead < entities.size()) {
      const Entity& next = g.entities()[entities[k + kPrefetchAhead]];
      pool.prefetch_text(next.id);
      __builtin_prefetch(next.properties.data());
    }
    const std::uint32_t i = entities[k];
    const Entity& e = g.entities()[i];
    nodes[static_cast<int>(e.type)].collector.add(e.properties, pool);
    // Each id rendered once as a CSV field; relation rows copy it from there.
    id_fields.set_csv(i, pool, e.id, static_cast<std::uint8_t>(e.type));
    if (parts > 1) {
      if (entity_parts.empty()) entity_parts.resize(g.entities().size());
      entity_parts[i] = part_of(pool.view(e.id), parts);
    }
  }

  // One table per relation type of the schema (sorted by name), with every allowed pair.
  for (const auto& [name, rel] : g.schema().relations()) {
    RelTable& t = relations.emplace_back();
    t.type = name;
    t.name = dbcols::upper_snake(name);
    for (const RelationRule& rule : rel.allowed)
      for (EntityType from : kEntityTypes)
        for (EntityType to : kEntityTypes)
          if ((!rule.from.type || *rule.from.type == from) &&
              (!rule.to.type || *rule.to.type == to))
            t.pairs[pair_index(from, to)].allowed = true;
    const StrId id = pool.find(name);
    if (id != StringPool::kMissing)
      table_of_type[id] = static_cast<std::uint32_t>(relations.size() - 1);
  }
  for (RelTable& t : relations) {
    // Kuzu may compare table names without case; a relation named like a type gets a suffix.
    bool clash = t.name == "SOURCE";
    for (const NodeTable& n : nodes) clash = clash || dbcols::upper_snake(n.name) == t.name;
    if (clash) t.name += "_REL";
  }
  const IndexSet& in_view = view.relations();
  for (std::uint32_t k = 0; k < in_view.size(); ++k) {
    if (k + 2 * kPrefetchAhead < in_view.size())
      __builtin_prefetch(&g.properties_of(g.relations()[in_view[k + 2 * kPrefetchAhead]]));
    if (k + kPrefetchAhead < in_view.size()) {
      const Relation& next = g.relations()[in_view[k + kPrefetchAhead]];
      __builtin_prefetch(g.properties_of(next).data());
      id_fields.prefetch(next.to);  // for its type
    }
    const Relation& r = g.relations()[in_view[k]];
    std::uint32_t& table = table_of_type[r.type];
    if (table == dbcols::TypeSlots::kNone) {
      // Not in the schema (cannot happen for a validated graph): a table of its own.
      table = static_cast<std::uint32_t>(relations.size());
      RelTable& t = relations.emplace_back();
      t.type = std::string(g.str(r.type));
      t.name = dbcols::upper_snake(t.type) + "_REL";
    }
    RelTable& t = relations[table];
    RelPair& p = t.pairs[pair_of(r)];
    p.allowed = true;
    ++p.count;
    t.collector.add(g.properties_of(r), pool);
  }
  std::sort(relations.begin(), relations.end(),
            [](const RelTable& a, const RelTable& b) { return a.type < b.type; });
  for (std::uint32_t i = 0; i < relations.size(); ++i) {
    const StrId id = pool.find(relations[i].type);
    if (id != StringPool::kMissing) table_of_type[id] = i;
  }

  name_columns(sources.columns, sources.collector, pool, kSourceBuiltins);
  for (NodeTable& n : nodes) name_columns(n.columns, n.collector, pool, kNodeBuiltins);
  for (RelTable& t : relations) name_columns(t.columns, t.collector, pool, kRelationBuiltins);
}

}  // namespace kgraph::kuzu
