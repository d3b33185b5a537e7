#pragma once
/// The tables of a Kuzu folder (kuzu_exporter.cpp), which its data files fill and its Cypher
/// files (kuzu_cypher.cpp) declare and load.

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "exporters/property_columns.hpp"
#include "graph/schema.hpp"

namespace kgraph::kuzu {

/// Where the rows of one CSV file (and its JSON Lines companion) went.
struct FileRows {
  std::uint64_t csv_rows = 0, json_rows = 0;
  bool line_breaks = false;  // some quoted CSV field spans lines
};

/// A node table: Source or one per entity type.
struct NodeTable : FileRows {
  std::string name;  // Kuzu table name
  std::string stem;  // file name without extension
  dbcols::ColumnCollector collector;
  std::vector<dbcols::PropertyColumn> columns;
};

/// One FROM/TO pair of a relationship table, loaded from a file of its own.
struct RelPair : FileRows {
  bool allowed = false;  // declared by the schema (or present)
  std::uint64_t count = 0;  // relations of this pair in the view
  std::string stem;
};

/// A relationship table: one per relation type.
struct RelTable {
  std::string type;  // kgraph relation type
  std::string name;  // Kuzu table name
  std::array<RelPair, 16> pairs;  // [from type * 4 + to type]
  dbcols::ColumnCollector collector;
  std::vector<dbcols::PropertyColumn> columns;
};

/// The index of a FROM/TO pair in RelTable::pairs.
inline int pair_index(EntityType from, EntityType to) { return static_cast<int>(from) * 4 + static_cast<int>(to); }

/// schema.cypher: the CREATE statements of the tables.
void write_schema(const std::filesystem::path& dir, const NodeTable& sources, const std::array<NodeTable, 4>& nodes,
                  const std::vector<RelTable>& relations);

/// load.cypher: the COPY statements that load the files written for the tables.
void write_load(const std::filesystem::path& dir, const NodeTable& sources, const std::array<NodeTable, 4>& nodes,
                const std::vector<RelTable>& relations);

}  // namespace kgraph::kuzu
