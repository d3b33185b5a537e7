// The Cypher files of a Kuzu folder: schema.cypher creates the tables, load.cypher copies the
// data files into them (the escaped ones through LOAD FROM, kuzu_escaped.hpp). See
// docs/formats/kuzu.md.

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/csv_text.hpp"
#include "exporters/kuzu_escaped.hpp"
#include "exporters/kuzu_tables.hpp"
#include "exporters/part_files.hpp"

namespace kgraph::kuzu {
namespace {

namespace fs = std::filesystem;
using dbcols::PropertyColumn;

void append_name(std::string& out, std::string_view name) {
  out += '`';
  out += name;
  out += '`';
}

void column_defs(std::string& s, const std::vector<PropertyColumn>& columns) {
  for (const PropertyColumn& c : columns) {
    s += ", ";
    append_name(s, c.name);
    s += ' ';
    s += dbcols::kuzu_type_name(c.type);
    if (c.list) s += "[]";
  }
}

std::string copy_options(bool line_breaks) {
  // Kuzu's default ESCAPE is a backslash; the files are RFC 4180 (quotes doubled, backslashes
  // plain). A quoted field with a line break needs the serial reader.
  std::string o = "HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"'";
  if (line_breaks) o += ", PARALLEL=false";
  return o;
}

// Which of the fixed columns of each kind of file are lists; all of them are strings.
constexpr bool kSourceLists[] = {false, false};                                 // id, date
constexpr bool kNodeLists[] = {false, false, false, true, false, false, true};  // id ... sources
constexpr bool kRelationLists[] = {false, false, false, false, false, true};    // from ... sources

/// The LOAD FROM subquery that reads an escaped file (kuzu_escaped.hpp): every column by
/// position (c0, c1, ...), string cells decoded, numbers and booleans read as they are.
std::string escaped_load(const std::string& files, std::span<const bool> fixed_lists,
                         const std::vector<PropertyColumn>& columns) {
  std::string declared, returned;
  std::size_t n = 0;
  const auto column = [&](bool string, bool list, std::string_view type) {
    const std::string name = "c" + std::to_string(n++);
    if (!declared.empty()) {
      declared += ", ";
      returned += ", ";
    }
    declared += name + " ";
    if (string) {
      declared += "STRING";  // the escaped text, lists included
      returned += list ? escaped_list_expression(name) : escaped_text_expression(name);
      return;
    }
    declared += type;
    if (list) declared += "[]";
    returned += name;
  };
  for (const bool list : fixed_lists) column(true, list, "STRING");
  for (const PropertyColumn& c : columns)
    column(c.type == dbcols::ColumnType::string, c.list, dbcols::kuzu_type_name(c.type));
  // The escaped files never hold a line break, so the parallel reader can read them.
  return "LOAD WITH HEADERS (" + declared + ") FROM '" + files + "' (" + copy_options(false) +
         ") RETURN " + returned;
}

}  // namespace

void write_schema(const fs::path& dir, const NodeTable& sources,
                  const std::array<NodeTable, 4>& nodes, const std::vector<RelTable>& relations) {
  std::string s =
      "// Kuzu / LadybugDB schema written by kgraph: one node table per entity type, one "
      "relationship\n"
      "// table per relation type of the schema. Run before load.cypher (load.mjs runs both).\n";
  s += "CREATE NODE TABLE `Source`(`id` STRING, `date` STRING";
  column_defs(s, sources.columns);
  s += ", PRIMARY KEY(`id`));\n";
  for (const NodeTable& n : nodes) {
    s += "CREATE NODE TABLE ";
    append_name(s, n.name);
    s += "(`id` STRING, `name` STRING, `kind` STRING, `aliases` STRING[], `start` STRING, `end` "
         "STRING, "
         "`sources` STRING[]";
    column_defs(s, n.columns);
    s += ", PRIMARY KEY(`id`));\n";
  }
  for (const RelTable& t : relations) {
    s += "CREATE REL TABLE ";
    append_name(s, t.name);
    s += '(';
    bool first = true;
    for (EntityType from : kEntityTypes) {
      for (EntityType to : kEntityTypes) {
        if (!t.pairs[pair_index(from, to)].allowed) continue;
        if (!first) s += ", ";
        first = false;
        s += "FROM ";
        append_name(s, nodes[static_cast<int>(from)].name);
        s += " TO ";
        append_name(s, nodes[static_cast<int>(to)].name);
      }
    }
    s += ", `start` STRING, `end` STRING, `role` STRING, `sources` STRING[]";
    column_defs(s, t.columns);
    s += ");\n";
  }
  csv::write_text_file(dir / "schema.cypher", s);
}

void write_load(const fs::path& dir, const NodeTable& sources,
                const std::array<NodeTable, 4>& nodes, const std::vector<RelTable>& relations,
                std::uint32_t parts) {
  std::string s =
      "// Loads the files of this folder into the tables of schema.cypher. Written by kgraph.\n"
      "// File names are relative: run from this folder (load.mjs does). Rows whose values Kuzu's "
      "CSV\n"
      "// reader would not give back exactly are in an -escaped.csv file beside the plain one, "
      "read\n"
      "// through LOAD FROM and decoded (see README.md).\n";
  // The file, or the glob of its parts.
  const auto files = [&](const std::string& stem, std::string_view kind) {
    return parts > 1 ? part_glob(stem, kind) : part_file(stem, kind, 0, 1);
  };
  const auto copy = [&](const std::string& table, const std::string& stem, const FileRows& rows,
                        std::span<const bool> fixed_lists,
                        const std::vector<PropertyColumn>& columns, const std::string& pair) {
    if (rows.csv_rows > 0) {
      s += "COPY ";
      append_name(s, table);
      s += " FROM '" + files(stem, "") + "' (" + copy_options(rows.line_breaks) +
           (pair.empty() ? "" : ", ") + pair + ");\n";
    }
    if (rows.escaped_rows > 0) {
      s += "COPY ";
      append_name(s, table);
      s += " FROM (" + escaped_load(files(stem, "-escaped"), fixed_lists, columns) + ")";
      if (!pair.empty()) s += " (" + pair + ")";
      s += ";\n";
    }
  };
  copy(sources.name, sources.stem, sources, kSourceLists, sources.columns, "");
  for (const NodeTable& n : nodes) copy(n.name, n.stem, n, kNodeLists, n.columns, "");
  for (const RelTable& t : relations) {
    for (EntityType from : kEntityTypes) {
      for (EntityType to : kEntityTypes) {
        const RelPair& p = t.pairs[pair_index(from, to)];
        if (p.count == 0) continue;
        copy(t.name, p.stem, p, kRelationLists, t.columns,
             "from='" + nodes[static_cast<int>(from)].name + "', to='" +
                 nodes[static_cast<int>(to)].name + "'");
      }
    }
  }
  csv::write_text_file(dir / "load.cypher", s);
}

}  // namespace kgraph::kuzu
