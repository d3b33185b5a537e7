// The Cypher files of a Kuzu folder: schema.cypher creates the tables, load.cypher copies the
// data files into them. See docs/formats/kuzu.md.

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/csv_text.hpp"
#include "exporters/kuzu_tables.hpp"

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
                const std::array<NodeTable, 4>& nodes, const std::vector<RelTable>& relations) {
  std::string s =
      "// Loads the files of this folder into the tables of schema.cypher. Written by kgraph.\n"
      "// File names are relative: run from this folder (load.mjs does). Rows whose values Kuzu's "
      "CSV\n"
      "// reader would not give back exactly are in a .json file (JSON Lines) beside the .csv "
      "file.\n";
  const auto copy = [&](const std::string& table, const std::string& stem, std::uint64_t csv_rows,
                        std::uint64_t json_rows, bool line_breaks, const std::string& pair) {
    if (csv_rows > 0) {
      s += "COPY ";
      append_name(s, table);
      s += " FROM '" + stem + ".csv' (" + copy_options(line_breaks) + (pair.empty() ? "" : ", ") +
           pair + ");\n";
    }
    if (json_rows > 0) {
      s += "COPY ";
      append_name(s, table);
      s += " FROM '" + stem + ".json'" + (pair.empty() ? "" : " (" + pair + ")") + ";\n";
    }
  };
  copy(sources.name, sources.stem, sources.csv_rows, sources.json_rows, sources.line_breaks, "");
  for (const NodeTable& n : nodes) copy(n.name, n.stem, n.csv_rows, n.json_rows, n.line_breaks, "");
  for (const RelTable& t : relations) {
    for (EntityType from : kEntityTypes) {
      for (EntityType to : kEntityTypes) {
        const RelPair& p = t.pairs[pair_index(from, to)];
        if (p.count == 0) continue;
        copy(t.name, p.stem, p.csv_rows, p.json_rows, p.line_breaks,
             "from='" + nodes[static_cast<int>(from)].name + "', to='" +
                 nodes[static_cast<int>(to)].name + "'");
      }
    }
  }
  csv::write_text_file(dir / "load.cypher", s);
}

}  // namespace kgraph::kuzu
