// The Neo4j bulk-import folder (docs/formats/neo4j.md). No Neo4j runs here, so the files are read
// back with a strict RFC 4180 reader, the header grammar and the file groups of neo4j-admin
// database import (Neo4j 5), and every entity, relation and source of the graph is compared with
// what neo4j-admin would make of its row. With --parts, every row must be in the part file of its
// key's FNV-1a hash, computed here independently of the exporter.

#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "exporters/csv_text.hpp"
#include "exporters/exporter.hpp"
#include "exporters/property_columns.hpp"
#include "graph/graph_view.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

namespace fs = std::filesystem;

// ---- a strict RFC 4180 reader ------------------------------------------------------------

struct Cell {
  std::string text;
  bool quoted = false;
  bool absent() const { return text.empty() && !quoted; }
};
using Row = std::vector<Cell>;

/// Rows of `text`; fails the test on anything RFC 4180 does not allow (a quote inside an
/// unquoted field, text after a closing quote, an unterminated quote, a missing final newline).
std::vector<Row> read_csv(const std::string& text, const std::string& file) {
  std::vector<Row> rows;
  Row row;
  Cell cell;
  std::size_t i = 0;
  bool at_field_start = true;
  while (i < text.size()) {
    const char c = text[i];
    if (at_field_start && c == '"') {
      cell.quoted = true;
      ++i;
      for (;;) {
        if (i >= text.size()) {
          ADD_FAILURE() << file << ": unterminated quoted field";
          return rows;
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell.text += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell.text += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n') {
        ADD_FAILURE() << file << ": text after a closing quote at byte " << i;
        return rows;
      }
      at_field_start = false;
      continue;
    }
    at_field_start = false;
    if (c == ',') {
      row.push_back(std::move(cell));
      cell = {};
      at_field_start = true;
    } else if (c == '\n') {
      row.push_back(std::move(cell));
      cell = {};
      rows.push_back(std::move(row));
      row = {};
      at_field_start = true;
    } else {
      if (c == '"' || c == '\r')
        ADD_FAILURE() << file << ": unquoted " << (c == '"' ? "quote" : "CR") << " at byte " << i;
      cell.text += c;
    }
    ++i;
  }
  EXPECT_TRUE(row.empty() && at_field_start) << file << ": no newline after the last row";
  return rows;
}

TEST(CsvText, QuotesOnlyWhatNeedsIt) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"plain", "plain"},
      {"", "\"\""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"back\\slash \\\"", "\"back\\slash \\\"\"\""},  // quoted for the quote; backslashes stay
      {"line\nbreak", "\"line\nbreak\""},
      {"cr\ronly", "\"cr\ronly\""},
      {" lead", "\" lead\""},
      {"trail\t", "\"trail\t\""},
      {"in side", "in side"},
      {"<&>😀 שלום 中文", "<&>😀 שלום 中文"},
  };
  StringPool pool;
  for (const auto& [in, want] : cases) {
    std::string out;
    csv::append_field(out, in);
    EXPECT_EQ(out, want) << in;
    // The same from the string's character classes, without a scan.
    std::string from_classes;
    const StrId id = pool.intern(in);
    csv::append_field(from_classes, pool.view(id), pool.classes(id));
    EXPECT_EQ(from_classes, want) << in;
    const auto rows = read_csv(out + "\n", "case");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0].text, in);
  }
}

// ---- the header grammar of neo4j-admin database import (Neo4j 5) --------------------------

struct HeaderEntry {
  std::string name;  // empty: none
  std::string
      type;  // ID, LABEL, START_ID, END_ID, TYPE, or a property type ("string", "long[]"...)
  std::string group;  // ID space
};

const std::set<std::string> kPropertyTypes = {
    "int",    "long", "float",     "double", "boolean",       "byte",     "short",    "char",
    "string", "date", "localtime", "time",   "localdatetime", "datetime", "duration", "point"};
const std::set<std::string> kFieldTypes = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"};

/// Parses one header cell the way neo4j-admin does: `{options}` from the last `{`, the type
/// after the last `:`, a `(group)` after the type; the rest is the name. Fails the test if
/// the type is not in the documented grammar.
HeaderEntry parse_header_entry(std::string raw, const std::string& file) {
  HeaderEntry e;
  EXPECT_EQ(raw.find('{'), std::string::npos) << file << ": options in header " << raw;
  const auto colon = raw.rfind(':');
  if (colon == std::string::npos) {
    e.name = raw;
    e.type = "string";
    ADD_FAILURE() << file << ": header " << raw << " has no explicit type";
    return e;
  }
  std::string type = raw.substr(colon + 1);
  e.name = raw.substr(0, colon);
  const auto paren = type.find('(');
  if (paren != std::string::npos) {
    EXPECT_EQ(type.back(), ')') << file << ": " << raw;
    e.group = type.substr(paren + 1, type.size() - paren - 2);
    type = type.substr(0, paren);
  }
  e.type = type;
  if (kFieldTypes.count(type)) return e;
  std::string base = type;
  if (base.size() > 2 && base.ends_with("[]")) base.resize(base.size() - 2);
  EXPECT_TRUE(kPropertyTypes.count(base)) << file << ": unknown type in header " << raw;
  EXPECT_FALSE(e.name.empty()) << file << ": property without a name: " << raw;
  return e;
}

// ---- reading a folder back ----------------------------------------------------------------

struct Script {
  char delimiter = ';';
  bool multiline = false;
  // Each --nodes or --relationships option: a file group, its files in order.
  std::vector<std::vector<std::string>> nodes, relationships;
  std::vector<std::string> other_options;
};

std::vector<std::string> split(const std::string& s, char d);

/// Reads the neo4j-admin options from import.sh.
Script read_script(const fs::path& dir) {
  Script s;
  const std::string text = test::read_file(dir / "import.sh");
  EXPECT_EQ(text.rfind("#!/bin/sh\n", 0), 0u);
  EXPECT_NE(text.find("exec \"$admin\" database import full \"$database\" \\\n"),
            std::string::npos);
  EXPECT_TRUE(fs::status(dir / "import.sh").permissions() ==
              (fs::status(dir / "import.sh").permissions() | fs::perms::owner_exec));
  static const std::regex option(R"(^  (--[a-z-]+)=(.*) \\$)");
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    std::smatch m;
    if (!std::regex_match(line, m, option)) continue;
    const std::string name = m[1], value = m[2];
    if (name == "--array-delimiter") {
      if (value == "';'")
        s.delimiter = ';';
      else if (value == "'|'")
        s.delimiter = '|';
      else if (value.rfind("U+00", 0) == 0)
        s.delimiter = static_cast<char>(std::stoi(value.substr(4), nullptr, 16));
      else
        ADD_FAILURE() << "array delimiter " << value;
    } else if (name == "--multiline-fields") {
      EXPECT_EQ(value, "true");
      s.multiline = true;
    } else if (name == "--nodes" || name == "--relationships") {
      // A file group: `"$here/FILE,$here/FILE,..."`, the header first (neo4j-admin's
      // `--nodes=[<label>[:<label>]...=]<files>`, files separated by commas; no labels given).
      EXPECT_TRUE(value.size() > 2 && value.front() == '"' && value.back() == '"') << value;
      std::vector<std::string> files;
      for (const std::string& f : split(value.substr(1, value.size() - 2), ',')) {
        EXPECT_EQ(f.rfind("$here/", 0), 0u) << value;
        files.push_back(f.substr(6));
      }
      (name == "--nodes" ? s.nodes : s.relationships).push_back(files);
    } else {
      s.other_options.push_back(name + "=" + value);
    }
  }
  return s;
}

std::vector<std::string> split(const std::string& s, char d) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = s.find(d, start);
    out.push_back(s.substr(start, at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

struct File {
  std::vector<HeaderEntry> header;
  std::vector<Row> rows;
  std::vector<std::uint32_t> part_of_row;  // from the name of the file each row is in, from 0
};

/// The part number in a part file's name (`actors-part07.csv` -> 6), checking its zero padding.
std::uint32_t part_in_name(const std::string& file, std::uint32_t parts) {
  static const std::regex part(R"(^[a-z0-9_]+-part([0-9]+)\.csv$)");
  std::smatch m;
  if (!std::regex_match(file, m, part)) {
    ADD_FAILURE() << file << " is not a part file name";
    return 0;
  }
  const std::string number = m[1];
  EXPECT_EQ(number.size(), std::to_string(parts).size()) << file;
  const std::uint32_t n = static_cast<std::uint32_t>(std::stoul(number));
  EXPECT_TRUE(n >= 1 && n <= parts) << file;
  return n - 1;
}

/// Reads a file group as neo4j-admin does: the header is the first line of its first file, and
/// the other files hold rows only. kgraph writes a group as one file (a single part) or as a
/// header file followed by part files.
File read_group(const fs::path& dir, const std::vector<std::string>& files, std::uint32_t parts,
                bool* saw_line_break) {
  File f;
  if (files.empty()) {
    ADD_FAILURE() << "an empty file group";
    return f;
  }
  const std::string name = files.front();
  auto rows = read_csv(test::read_file(dir / name), name);
  if (rows.empty()) {
    ADD_FAILURE() << name << ": empty";
    return f;
  }
  if (parts == 1) {
    EXPECT_EQ(files.size(), 1u) << name;
    EXPECT_EQ(name.find("-part"), std::string::npos) << name;
  } else {
    EXPECT_EQ(name.size() > 11 ? name.substr(name.size() - 11) : "", "-header.csv") << name;
    EXPECT_EQ(rows.size(), 1u) << name << " holds the header only";
    EXPECT_GE(files.size(), 2u) << name << ": a header without parts";
    const std::string stem = name.substr(0, name.size() - 11);
    std::uint32_t last = 0;
    for (std::size_t i = 1; i < files.size(); ++i) {
      EXPECT_EQ(files[i].rfind(stem + "-part", 0), 0u) << files[i] << " in the group of " << name;
      const std::uint32_t part = part_in_name(files[i], parts);
      EXPECT_TRUE(i == 1 || part > last) << "parts in order: " << files[i];
      last = part;
      auto part_rows = read_csv(test::read_file(dir / files[i]), files[i]);
      EXPECT_FALSE(part_rows.empty()) << files[i] << ": a part file without rows";
      for (Row& row : part_rows) {
        rows.push_back(std::move(row));
        f.part_of_row.push_back(part);
      }
    }
  }
  if (f.part_of_row.empty()) f.part_of_row.assign(rows.size() - 1, 0);
  std::set<std::string> property_names;
  for (const Cell& c : rows[0]) {
    f.header.push_back(parse_header_entry(c.text, name));
    const HeaderEntry& e = f.header.back();
    if (!kFieldTypes.count(e.type)) {
      EXPECT_TRUE(property_names.insert(e.name).second) << name << ": duplicate " << e.name;
    }
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    EXPECT_EQ(rows[r].size(), f.header.size()) << name << " row " << r;
    for (const Cell& c : rows[r])
      if (c.text.find_first_of("\r\n") != std::string::npos) *saw_line_break = true;
    f.rows.push_back(std::move(rows[r]));
  }
  return f;
}

/// What neo4j-admin stores for a cell of a property column, as text per array element (numbers
/// parsed and printed back canonically), or nullopt for no property.
std::optional<std::vector<std::string>> stored(const Cell& c, const HeaderEntry& e,
                                               char delimiter) {
  if (c.absent()) return std::nullopt;
  const bool array = e.type.ends_with("[]");
  const std::string base = array ? e.type.substr(0, e.type.size() - 2) : e.type;
  std::vector<std::string> items =
      array ? split(c.text, delimiter) : std::vector<std::string>{c.text};
  for (std::string& item : items) {
    if (base == "long") {
      std::int64_t v = 0;
      auto [p, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
      EXPECT_TRUE(ec == std::errc() && p == item.data() + item.size()) << "not a long: " << item;
      item = std::to_string(v);
    } else if (base == "double") {
      double v = 0;
      auto [p, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
      EXPECT_TRUE(ec == std::errc() && p == item.data() + item.size()) << "not a double: " << item;
      item = format_real(v);
    } else if (base == "boolean") {
      EXPECT_TRUE(item == "true" || item == "false") << "not a boolean: " << item;
    }
  }
  return items;
}

/// Expected text of each value of a property written in a column of this header type.
std::vector<std::string> expected(const Property& p, const HeaderEntry& e, const StringPool& pool) {
  const bool array = e.type.ends_with("[]");
  const std::string base = array ? e.type.substr(0, e.type.size() - 2) : e.type;
  std::vector<std::string> out;
  for (const Value& v : p.values) {
    std::string scratch;
    if (base == "double")
      out.push_back(v.kind == ValueKind::integer ? format_real(static_cast<double>(v.integer))
                                                 : format_real(v.real));
    else
      out.emplace_back(dbcols::value_text(v, dbcols::ColumnType::string, pool, scratch));
  }
  return out;
}

/// Neo4j's column name for each property key of a file (docs/formats/neo4j.md), applied
/// independently of the exporter: builtin clash -> one more `_`, braces and control
/// characters -> `_`, `_2`... when taken.
std::map<StrId, std::string> column_names(const std::set<StrId>& keys,
                                          const std::vector<std::string>& builtins,
                                          const StringPool& pool) {
  std::vector<std::pair<std::string, StrId>> sorted;
  for (StrId k : keys) sorted.emplace_back(std::string(pool.view(k)), k);
  std::sort(sorted.begin(), sorted.end());
  std::set<std::string> taken(builtins.begin(), builtins.end());
  std::map<StrId, std::string> out;
  for (const auto& [key, id] : sorted) {
    std::string name = key;
    const std::string stripped = key.substr(std::min(key.find_first_not_of('_'), key.size()));
    if (std::count(builtins.begin(), builtins.end(), stripped)) name = "_" + name;
    for (char& c : name)
      if (c == '{' || c == '}' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '_';
    std::string unique = name;
    for (int n = 2; taken.count(unique); ++n) unique = name + "_" + std::to_string(n);
    taken.insert(unique);
    out[id] = unique;
  }
  return out;
}

std::string joined(std::span<const StrId> list, const StringPool& pool, char d) {
  std::string s;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) s += d;
    s += pool.view(list[i]);
  }
  return s;
}

/// The elements in the order of the rows of their file group: canonical order within each part,
/// parts in order. `key` gives the text a row is placed by.
template <class T, class Key>
std::vector<const T*> in_part_order(std::vector<const T*> elements, std::uint32_t parts,
                                    Key&& key) {
  std::stable_sort(elements.begin(), elements.end(), [&](const T* a, const T* b) {
    return test::part_of_key(key(*a), parts) < test::part_of_key(key(*b), parts);
  });
  return elements;
}

/// Reads the folder written for `g` with `parts` part files per group and checks every element
/// against it.
void check_round_trip(const KnowledgeGraph& g, const fs::path& dir, std::uint32_t parts = 1) {
  const StringPool& pool = g.strings();
  const Script script = read_script(dir);
  EXPECT_EQ(script.other_options, (std::vector<std::string>{"--id-type=string"}));
  std::multiset<std::string> listed;
  for (const auto* groups : {&script.nodes, &script.relationships})
    for (const auto& group : *groups) listed.insert(group.begin(), group.end());
  std::multiset<std::string> csv_files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".csv") csv_files.insert(entry.path().filename().string());
  EXPECT_EQ(listed, csv_files) << "import.sh must name every CSV file once";
  // The group of a node file: the one whose first file is it.
  const auto node_group = [&](const std::string& first) -> const std::vector<std::string>* {
    for (const auto& group : script.nodes)
      if (group.front() == first) return &group;
    return nullptr;
  };
  const auto group_head = [&](const std::string& stem) {
    return parts == 1 ? stem + ".csv" : stem + "-header.csv";
  };
  EXPECT_TRUE(fs::exists(dir / "README.md"));

  bool line_break = false;
  const char d = script.delimiter;

  // Nodes: sources, then entities by type.
  const auto check_nodes = [&](const std::string& stem, const std::vector<std::string>& builtins,
                               std::string_view group, auto&& all, auto&& check_row) {
    std::set<StrId> keys;
    std::size_t count = 0;
    for (const auto* e : all) {
      ++count;
      for (const Property& p : e->properties) keys.insert(p.key);
    }
    const std::string file = group_head(stem);
    if (count == 0) {
      EXPECT_FALSE(fs::exists(dir / file)) << file;
      return;
    }
    const std::vector<std::string>* files = node_group(file);
    ASSERT_TRUE(files) << file << " heads no --nodes group";
    const File f = read_group(dir, *files, parts, &line_break);
    const auto elements = in_part_order(all, parts, [&](const auto& e) { return pool.view(e.id); });
    ASSERT_EQ(f.rows.size(), count) << file;
    ASSERT_GE(f.header.size(), builtins.size() + 1);
    EXPECT_EQ(f.header[0].name, "id");
    EXPECT_EQ(f.header[0].type, "ID");
    EXPECT_EQ(f.header[0].group, group);
    EXPECT_EQ(f.header[1].type, "LABEL");
    const auto names = column_names(keys, builtins, pool);
    std::map<std::string, std::size_t> column;  // property name -> index
    for (std::size_t i = 2; i < f.header.size(); ++i) column[f.header[i].name] = i;
    for (std::size_t i = 1; i < builtins.size(); ++i)
      EXPECT_TRUE(column.count(builtins[i])) << file << ": no column " << builtins[i];
    std::size_t r = 0;
    for (const auto* e : elements) {
      EXPECT_EQ(f.part_of_row[r], test::part_of_key(pool.view(e->id), parts)) << pool.view(e->id);
      const Row& row = f.rows[r++];
      EXPECT_EQ(row[0].text, pool.view(e->id)) << file;
      check_row(*e, row, column);
      std::set<std::size_t> used;
      for (const Property& p : e->properties) {
        const std::string& name = names.at(p.key);
        ASSERT_TRUE(column.count(name)) << file << ": no column " << name;
        const std::size_t c = column[name];
        used.insert(c);
        EXPECT_EQ(stored(row[c], f.header[c], d), expected(p, f.header[c], pool))
            << file << " " << pool.view(e->id) << "." << name;
      }
      for (const auto& [name, c] : column)
        if (!std::count(builtins.begin(), builtins.end(), name) && !used.count(c)) {
          EXPECT_TRUE(row[c].absent())
              << file << " " << pool.view(e->id) << "." << name << " should be empty";
        }
    }
  };

  std::vector<const Source*> sources;
  for (const Source& s : g.sources()) sources.push_back(&s);
  check_nodes("sources", {"id", "date"}, "Source", sources,
              [&](const Source& s, const Row& row, auto& column) {
                EXPECT_EQ(row[1].text, "Source");
                EXPECT_EQ(row[column.at("date")].text, s.date.to_string());
              });

  for (EntityType t : kEntityTypes) {
    std::vector<const Entity*> list;
    for (const Entity& e : g.entities())
      if (e.type == t) list.push_back(&e);
    check_nodes(std::string(type_plural(t)),
                {"id", "name", "kind", "aliases", "start", "end", "sources"}, "Entity", list,
                [&](const Entity& e, const Row& row, auto& column) {
                  std::vector<std::string> labels = {dbcols::pascal_case(type_name(t))};
                  if (e.kind != kEmpty) labels.push_back(dbcols::pascal_case(pool.view(e.kind)));
                  EXPECT_EQ(split(row[1].text, d), labels);
                  EXPECT_EQ(row[column.at("name")].text, pool.view(e.name));
                  EXPECT_EQ(row[column.at("kind")].text, pool.view(e.kind));
                  EXPECT_EQ(row[column.at("aliases")].text, joined(g.list(e.aliases), pool, d));
                  EXPECT_EQ(row[column.at("start")].text, e.start.to_string());
                  EXPECT_EQ(row[column.at("end")].text, e.end.to_string());
                  EXPECT_EQ(row[column.at("sources")].text, joined(g.list(e.sources), pool, d));
                });
  }

  // Relationships: one file per type.
  std::map<std::string, std::vector<const Relation*>> by_type;
  for (const Relation& r : g.relations()) by_type[std::string(pool.view(r.type))].push_back(&r);
  std::set<std::string> rel_files;
  for (const auto& [type, all] : by_type) {
    const std::string file = group_head("rel_" + type);
    rel_files.insert(file);
    const std::vector<std::string>* files = nullptr;
    for (const auto& group : script.relationships)
      if (group.front() == file) files = &group;
    ASSERT_TRUE(files) << file << " heads no --relationships group";
    const File f = read_group(dir, *files, parts, &line_break);
    // A relation is placed by the id of the entity it starts at.
    const auto list = in_part_order(
        all, parts, [&](const Relation& r) { return pool.view(g.entities()[r.from].id); });
    ASSERT_EQ(f.rows.size(), list.size()) << file;
    const std::vector<std::string> fixed = {"START_ID", "END_ID", "TYPE"};
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(f.header[i].type, fixed[i]) << file;
    EXPECT_EQ(f.header[0].group, "Entity");
    EXPECT_EQ(f.header[1].group, "Entity");
    std::set<StrId> keys;
    for (const Relation* r : list)
      for (const Property& p : g.properties_of(*r)) keys.insert(p.key);
    const std::vector<std::string> builtins = {"start", "end", "role", "sources"};
    const auto names = column_names(keys, builtins, pool);
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 3; i < f.header.size(); ++i) column[f.header[i].name] = i;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Relation& r = *list[i];
      EXPECT_EQ(f.part_of_row[i], test::part_of_key(pool.view(g.entities()[r.from].id), parts));
      const Row& row = f.rows[i];
      EXPECT_EQ(row[0].text, pool.view(g.entities()[r.from].id));
      EXPECT_EQ(row[1].text, pool.view(g.entities()[r.to].id));
      EXPECT_EQ(row[2].text, dbcols::upper_snake(type));
      EXPECT_EQ(row[column.at("start")].text, r.start.to_string());
      EXPECT_EQ(row[column.at("end")].text, r.end.to_string());
      EXPECT_EQ(row[column.at("role")].text, pool.view(r.role));
      EXPECT_EQ(row[column.at("sources")].text, joined(g.list(r.sources), pool, d));
      for (const Property& p : g.properties_of(r)) {
        const std::size_t c = column.at(names.at(p.key));
        EXPECT_EQ(stored(row[c], f.header[c], d), expected(p, f.header[c], pool))
            << file << " row " << i;
      }
    }
  }
  std::set<std::string> heads;
  for (const auto& group : script.relationships) heads.insert(group.front());
  EXPECT_EQ(heads, rel_files);
  EXPECT_EQ(script.multiline, line_break) << "--multiline-fields exactly when a field spans lines";
}

fs::path export_neo4j(const KnowledgeGraph& g, std::uint32_t parts = 1) {
  ExportOptions options;
  options.parts = parts;
  return test::export_to_folder(g, "neo4j", options);
}

TEST(Neo4jExporter, HostileTextRoundTrips) {
  const KnowledgeGraph g = test::graph_from_file(test::test_data("hostile/hostile.json"));
  ASSERT_GT(g.entities().size(), 10u);
  const fs::path dir = export_neo4j(g);
  check_round_trip(g, dir);
  const Script s = read_script(dir);
  EXPECT_TRUE(s.multiline);
  // The 100 kB name is one field of actors.csv.
  EXPECT_NE(test::read_file(dir / "actors.csv").find(" END\","), std::string::npos);
}

TEST(Neo4jExporter, EdgeCasesRoundTrip) {
  const KnowledgeGraph g = test::graph_from_file(test::test_data("databases/edge_cases.json"));
  const fs::path dir = export_neo4j(g);
  check_round_trip(g, dir);
  // Aliases hold `;` and `|`: the delimiter moves to U+001F.
  EXPECT_EQ(read_script(dir).delimiter, '\x1F');
  const std::string header =
      test::read_file(dir / "actors.csv").substr(0, test::read_file(dir / "actors.csv").find('\n'));
  for (const char* cell :
       {"bigint:long", "bools:boolean[]", "ints:long[]", "reals:double[]", "hugemix:string",
        "mixbool:string", "huge:double", "x_y_:string", "\"weird,key:string\"", "__id:string",
        "Name:string", "a`b:string", "x:y:string"})
    EXPECT_NE(header.find(cell), std::string::npos) << cell << " in " << header;
}

TEST(Neo4jExporter, ExampleRoundTrips) {
  const fs::path example = test::source_path("examples/north-korean-refugees-2006/graph.json");
  const KnowledgeGraph g = test::graph_from_file(example);
  const fs::path dir = export_neo4j(g);
  check_round_trip(g, dir);
  const std::string places = test::read_file(dir / "places.csv");
  EXPECT_NE(places.find("china,Place;Country,"), std::string::npos) << places;
}

std::string script_of(const std::string& json) {
  const KnowledgeGraph g = test::graph_from_json(json);
  return test::read_file(export_neo4j(g) / "import.sh");
}

TEST(Neo4jExporter, ArrayDelimiterAvoidsListItems) {
  const std::string plain =
      R"({"actors": [{"id": "a", "name": "A; B", "aliases": ["x"], "note": "semi;colon"}]})";
  EXPECT_NE(script_of(plain).find("--array-delimiter=';'"), std::string::npos);
  const std::string semi = R"({"actors": [{"id": "a", "name": "A", "aliases": ["x;y"]}]})";
  EXPECT_NE(script_of(semi).find("--array-delimiter='|'"), std::string::npos);
  const std::string both = R"({"actors": [{"id": "a", "name": "A", "tags": ["x;y", "p|q"]}]})";
  EXPECT_NE(script_of(both).find("--array-delimiter=U+001F"), std::string::npos);
}

TEST(Neo4jExporter, ManyRelationTypesSpanSeveralPasses) {
  // More relation types than files kept open at once: each still gets its file and its rows.
  constexpr int kTypes = 300;
  const KnowledgeGraph g = test::graph_with_relation_types(kTypes);
  const fs::path dir = export_neo4j(g);
  check_round_trip(g, dir);
  const std::string script = test::read_file(dir / "import.sh");
  for (int i = 0; i < kTypes; ++i) {
    const std::string type = "rel_" + std::to_string(1000 + i);
    const auto rows = read_csv(test::read_file(dir / ("rel_" + type + ".csv")), type);
    ASSERT_EQ(rows.size(), 2u) << type;
    EXPECT_EQ(rows[1][0].text, "a");
    EXPECT_EQ(rows[1][1].text, "b" + std::to_string(i % 3));
    EXPECT_NE(script.find("--relationships=\"$here/rel_" + type + ".csv\""), std::string::npos)
        << type;
  }
}

TEST(Neo4jExporter, MultilineFieldsOnlyWhenNeeded) {
  EXPECT_EQ(script_of(R"({"actors": [{"id": "a", "name": "one line, \"quoted\""}]})")
                .find("--multiline-fields"),
            std::string::npos);
  EXPECT_NE(script_of(R"({"actors": [{"id": "a", "name": "two\nlines"}]})")
                .find("--multiline-fields=true"),
            std::string::npos);
  EXPECT_NE(
      script_of(R"({"actors": [{"id": "a", "name": "cr\ronly"}]})").find("--multiline-fields=true"),
      std::string::npos);
}

TEST(Neo4jExporter, ReadBufferHoldsTheLargestField) {
  const std::string big(3 << 20, 'x');
  const std::string s = script_of(R"({"actors": [{"id": "a", "name": ")" + big + R"("}]})");
  EXPECT_NE(s.find("--read-buffer-size=8m"), std::string::npos);
  EXPECT_EQ(script_of(R"({"actors": [{"id": "a", "name": "A"}]})").find("--read-buffer-size"),
            std::string::npos);
}

TEST(Neo4jExporter, ExactCommand) {
  const std::string s = script_of(R"({"actors": [{"id": "a", "name": "A", "kind": "person"},
      {"id": "b", "name": "B", "kind": "government"}], "places": [{"id": "p", "name": "P"}],
      "relations": [{"from": "a", "type": "spokesperson_of", "to": "b"}, {"from": "b", "type": "located_in", "to": "p"}]})");
  EXPECT_NE(s.find("exec \"$admin\" database import full \"$database\" \\\n"
                   "  --id-type=string \\\n"
                   "  --array-delimiter=';' \\\n"
                   "  --nodes=\"$here/actors.csv\" \\\n"
                   "  --nodes=\"$here/places.csv\" \\\n"
                   "  --relationships=\"$here/rel_located_in.csv\" \\\n"
                   "  --relationships=\"$here/rel_spokesperson_of.csv\" \\\n"
                   "  \"$@\"\n"),
            std::string::npos)
      << s;
  // The script is valid shell.
  const fs::path dir = test::make_temp_dir();
  test::write_file(dir / "import.sh", s);
  EXPECT_EQ(test::run_shell("sh -n " + test::shell_quote((dir / "import.sh").string())).status, 0);
}

TEST(Neo4jExporter, ScriptRunsNeo4jAdminWithTheFiles) {
  // A stand-in neo4j-admin records its arguments: the script passes them as documented.
  const KnowledgeGraph g = test::graph_from_json(R"({"actors": [{"id": "a", "name": "A"}]})");
  const fs::path dir = export_neo4j(g);
  const fs::path bin = test::make_temp_dir();
  test::write_file(bin / "neo4j-admin", "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
  fs::permissions(bin / "neo4j-admin", fs::perms::owner_all);
  const auto r = test::run_shell(
      "NEO4J_ADMIN=" + test::shell_quote((bin / "neo4j-admin").string()) + " " +
      test::shell_quote((dir / "import.sh").string()) + " mydb --overwrite-destination");
  EXPECT_EQ(r.status, 0) << r.err;
  const std::string real_dir = fs::canonical(dir).string();
  // The database right after `full` (neo4j-admin 5.19+ would read it as a file at the end).
  EXPECT_EQ(r.out, "database\nimport\nfull\nmydb\n--id-type=string\n--array-delimiter=;\n--nodes=" +
                       real_dir + "/actors.csv\n--overwrite-destination\n");
}

TEST(Neo4jExporter, IsDeterministic) {
  const KnowledgeGraph g = test::graph_from_file(test::test_data("hostile/hostile.json"));
  const fs::path a = export_neo4j(g), b = export_neo4j(g);
  for (const std::string& n : test::file_names(a))
    EXPECT_EQ(test::read_file(a / n), test::read_file(b / n)) << n;
}

// Golden folders: tests/data/golden/neo4j/NAME/ holds the files written for
// tests/data/databases/NAME.json. KGRAPH_UPDATE_GOLDEN=1 rewrites them.
TEST(Neo4jExporter, MatchesGoldenFiles) {
  const KnowledgeGraph g = test::graph_from_file(test::test_data("databases/edge_cases.json"));
  test::check_golden_folder(test::test_data("golden/neo4j/edge_cases"), export_neo4j(g));
}

// ---- --parts ------------------------------------------------------------------------------

TEST(Neo4jExporter, PartsPlaceEveryRowByTheHashOfItsKey) {
  for (const char* input : {"hostile/hostile.json", "databases/edge_cases.json"}) {
    const KnowledgeGraph g = test::graph_from_file(test::test_data(input));
    for (std::uint32_t parts : {2u, 3u, 16u}) {
      SCOPED_TRACE(std::string(input) + " in " + std::to_string(parts) + " parts");
      check_round_trip(g, export_neo4j(g, parts), parts);
    }
  }
  const KnowledgeGraph example =
      test::graph_from_file(test::source_path("examples/north-korean-refugees-2006/graph.json"));
  check_round_trip(example, export_neo4j(example, 5), 5);
}

/// The data rows of a file group, as text, in any order; and its header row.
std::pair<std::string, std::multiset<std::string>> group_rows(
    const fs::path& dir, const std::vector<std::string>& files) {
  std::pair<std::string, std::multiset<std::string>> out;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::vector<Row> rows = read_csv(test::read_file(dir / files[i]), files[i]);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::string text;
      for (const Cell& c : rows[r]) text += (c.quoted ? "\"" : "") + c.text + "\x01";
      if (i == 0 && r == 0)
        out.first = text;
      else
        out.second.insert(text);
    }
  }
  return out;
}

TEST(Neo4jExporter, PartsHoldTheRowsOfTheSingleFile) {
  // Split or not, the same header and the same rows, and the same options but the files.
  const KnowledgeGraph g = test::graph_from_file(test::test_data("hostile/hostile.json"));
  const fs::path whole = export_neo4j(g), split_dir = export_neo4j(g, 4);
  const Script one = read_script(whole), four = read_script(split_dir);
  EXPECT_EQ(one.delimiter, four.delimiter);
  EXPECT_EQ(one.multiline, four.multiline);
  ASSERT_EQ(one.nodes.size(), four.nodes.size());
  ASSERT_EQ(one.relationships.size(), four.relationships.size());
  const auto same = [&](const auto& a, const auto& b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      const std::string stem = a[i].front().substr(0, a[i].front().size() - 4);
      EXPECT_EQ(b[i].front(), stem + "-header.csv");
      EXPECT_EQ(group_rows(whole, a[i]), group_rows(split_dir, b[i])) << stem;
    }
  };
  same(one.nodes, four.nodes);
  same(one.relationships, four.relationships);
}

TEST(Neo4jExporter, PartsCommandListsEachGroup) {
  const KnowledgeGraph g = test::graph_from_json(R"({"actors": [{"id": "a", "name": "A"},
      {"id": "b", "name": "B"}, {"id": "c", "name": "C"}, {"id": "d", "name": "D"}],
      "relations": [{"from": "a", "type": "related_to", "to": "b"}]})");
  const fs::path dir = export_neo4j(g, 12);
  // Only the parts that have rows are written and listed, in order.
  std::set<std::uint32_t> actor_parts;
  for (const char* id : {"a", "b", "c", "d"}) actor_parts.insert(test::part_of_key(id, 12) + 1);
  std::string actors = "\"$here/actors-header.csv";
  for (std::uint32_t p : actor_parts)
    actors += ",$here/actors-part" + std::string(p < 10 ? "0" : "") + std::to_string(p) + ".csv";
  const std::uint32_t a_part = test::part_of_key("a", 12) + 1;
  const std::string related = "\"$here/rel_related_to-header.csv,$here/rel_related_to-part" +
                              std::string(a_part < 10 ? "0" : "") + std::to_string(a_part) +
                              ".csv\"";
  const std::string script = test::read_file(dir / "import.sh");
  EXPECT_NE(script.find("  --nodes=" + actors + "\" \\\n  --relationships=" + related +
                        " \\\n  \"$@\"\n"),
            std::string::npos)
      << script;
  EXPECT_EQ(test::read_file(dir / "actors-header.csv"),
            "id:ID(Entity),:LABEL,name:string,kind:string,aliases:string[],start:string,end:"
            "string,sources:string[]\n");
  const std::string readme = test::read_file(dir / "README.md");
  EXPECT_NE(readme.find("- `actors-header.csv` and " + std::to_string(actor_parts.size()) +
                        " part files `actors-part*.csv`: nodes\n"),
            std::string::npos)
      << readme;
  // neo4j-admin gets each group as one argument.
  const fs::path bin = test::make_temp_dir();
  test::write_file(bin / "neo4j-admin", "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
  fs::permissions(bin / "neo4j-admin", fs::perms::owner_all);
  const auto r =
      test::run_shell("NEO4J_ADMIN=" + test::shell_quote((bin / "neo4j-admin").string()) + " " +
                      test::shell_quote((dir / "import.sh").string()));
  EXPECT_EQ(r.status, 0) << r.err;
  const std::string real_dir = fs::canonical(dir).string();
  EXPECT_NE(r.out.find("\n--relationships=" + real_dir + "/rel_related_to-header.csv," + real_dir +
                       "/rel_related_to-part"),
            std::string::npos)
      << r.out;
}

TEST(Neo4jExporter, PartsAreDeterministic) {
  const KnowledgeGraph g = test::graph_from_file(test::test_data("hostile/hostile.json"));
  const fs::path a = export_neo4j(g, 7), b = export_neo4j(g, 7);
  ASSERT_EQ(test::file_names(a), test::file_names(b));
  for (const std::string& n : test::file_names(a))
    EXPECT_EQ(test::read_file(a / n), test::read_file(b / n)) << n;
}

TEST(Neo4jExporter, OnePartIsTheSingleFileLayout) {
  // --parts 1 writes exactly what no --parts writes: the golden files.
  const KnowledgeGraph g = test::graph_from_file(test::test_data("databases/edge_cases.json"));
  test::check_golden_folder(test::test_data("golden/neo4j/edge_cases"), export_neo4j(g, 1));
}

}  // namespace
}  // namespace kgraph
