#pragma once
/// The tables of a Kuzu folder: found in a first pass over the graphs written into it
/// (kuzu_tables.cpp), filled by its data files (kuzu_exporter.cpp), declared and loaded by its
/// Cypher files (kuzu_cypher.cpp).

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/entity_ids.hpp"
#include "exporters/property_columns.hpp"
#include "exporters/rendered_fields.hpp"
#include "graph/graph_view.hpp"
#include "graph/schema.hpp"

namespace kgraph::kuzu {

/// Where the rows of a table (or pair) went, over all its parts: to the plain CSV files or to
/// the escaped ones (kuzu_escaped.hpp).
struct FileRows {
  std::uint64_t csv_rows = 0, escaped_rows = 0;
  bool line_breaks = false;  // some quoted field of a plain CSV file spans lines
};

/// A node table: Source or one per entity type. Its collector and columns are keyed in
/// Tables::keys.
struct NodeTable : FileRows {
  std::string name;  // Kuzu table name
  std::string stem;  // file name without extension
  dbcols::ColumnCollector collector;
  std::vector<dbcols::PropertyColumn> columns;
};

/// One FROM/TO pair of a relationship table, loaded from a file of its own.
struct RelPair : FileRows {
  bool allowed = false;     // declared by the schema (or present)
  std::uint64_t count = 0;  // relations of this pair
  std::string stem;
};

/// A relationship table: one per relation type.
struct RelTable {
  std::string type;               // kgraph relation type
  std::string name;               // Kuzu table name
  std::array<RelPair, 16> pairs;  // [from type * 4 + to type]
  dbcols::ColumnCollector collector;
  std::vector<dbcols::PropertyColumn> columns;
};

/// The index of a FROM/TO pair in RelTable::pairs.
inline int pair_index(EntityType from, EntityType to) {
  return static_cast<int>(from) * 4 + static_cast<int>(to);
}

/// On a large graph an element's strings and lists are anywhere in memory: the passes over the
/// view fetch what the element this many places on will read.
inline constexpr std::uint32_t kPrefetchAhead = 16;

/// Every table of a Kuzu folder, over every graph written into it: the property columns of
/// each table (named for Kuzu) and which FROM/TO pairs of each relationship table hold
/// relations.
struct Tables {
  /// The node tables, and a relationship table per relation type of `schema` with the pairs
  /// it allows; `parts`: how many part files each table is split into (part_files.hpp).
  Tables(const Schema& schema, std::uint32_t parts);

  /// The table of relation type `type`, made if the schema lacks it (which a checked graph
  /// never needs).
  RelTable& relation(std::string_view type);

  /// Once every graph is planned: names the columns of every table and the file of every
  /// pair with relations.
  void begin();

  NodeTable sources;
  std::array<NodeTable, 4> nodes;   // by EntityType
  std::vector<RelTable> relations;  // sorted by type
  StringPool keys;                  // the property keys of every collector and column
  std::uint32_t parts = 1;
};

/// What one graph's rows need to find their tables: its entity ids (entity_ids.hpp) and the
/// table of each relation type.
struct GraphIndex : EntityIds {
  using EntityIds::EntityIds;

  /// Finds the table of each relation type, once `tables` has every table.
  void find_tables(const Tables& tables, const StringPool& pool);

  /// The pair of `r`'s entity types, an index into RelTable::pairs.
  int pair_of(const Relation& r) const { return pair_index(type_of(r.from), type_of(r.to)); }

  dbcols::TypeSlots table_of_type;  // relation type id -> index in Tables::relations
};

/// Adds to `tables` the rows of part `part` of `view` (every part: kEveryPart, exporter.hpp):
/// their properties, and how many relations each pair holds.
void plan_elements(Tables& tables, const GraphView& view, const GraphIndex& index,
                   std::uint32_t part);
/// The same for the sources of `view`, every one of them.
void plan_sources(Tables& tables, const GraphView& view);

/// schema.cypher: the CREATE statements of the tables.
void write_schema(const std::filesystem::path& dir, const NodeTable& sources,
                  const std::array<NodeTable, 4>& nodes, const std::vector<RelTable>& relations);

/// load.cypher: the COPY statements that load the files written for the tables, each table's
/// parts by a glob when there are several.
void write_load(const std::filesystem::path& dir, const NodeTable& sources,
                const std::array<NodeTable, 4>& nodes, const std::vector<RelTable>& relations,
                std::uint32_t parts);

}  // namespace kgraph::kuzu
