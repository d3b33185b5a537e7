// `neo4j:DIR`: CSV files for `neo4j-admin database import full` (Neo4j 5), an import.sh with the
// exact command, and a README. The encoding is described in docs/formats/neo4j.md. With
// `--parts N` each node label and relationship type is a file group: a header file and up to N
// part files (exporters/part_files.hpp), which neo4j-admin reads as one input.

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "exporters/csv_text.hpp"
#include "exporters/entity_ids.hpp"
#include "exporters/exporter.hpp"
#include "exporters/part_files.hpp"
#include "exporters/property_columns.hpp"
#include "exporters/rendered_fields.hpp"
#include "exporters/row_builder.hpp"
#include "graph/graph_view.hpp"

namespace kgraph {
namespace {

namespace fs = std::filesystem;
using dbcols::ColumnCollector;
using dbcols::PropertyColumn;

// Array delimiters in order of preference; the first that no list element contains is used.
// All are ASCII, so none can occur inside a multi-byte UTF-8 sequence.
constexpr std::array<char, 6> kDelimiters = {';', '|', '\x1F', '\x1E', '\x1D', '\x1C'};

constexpr std::array<std::uint8_t, 256> kDelimiterMarks = [] {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t i = 0; i < kDelimiters.size(); ++i)
    t[static_cast<unsigned char>(kDelimiters[i])] = static_cast<std::uint8_t>(1u << i);
  return t;
}();

std::uint8_t marks_of(std::string_view s) {
  std::uint8_t m = 0;
  for (char c : s) m |= kDelimiterMarks[static_cast<unsigned char>(c)];
  return m;
}

/// The delimiter marks that character classes tell without a scan: ; and |.
std::uint8_t class_marks(CharClasses classes) {
  return ((classes & chars::kSemicolon) ? kDelimiterMarks[';'] : 0) |
         ((classes & chars::kPipe) ? kDelimiterMarks['|'] : 0);
}

/// How the delimiter is spelled on neo4j-admin's command line (shell-quoted where needed).
std::string delimiter_option(char d) {
  if (d == ';') return "';'";
  if (d == '|') return "'|'";
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto c = static_cast<unsigned char>(d);
  return std::string("U+00") + kHex[c >> 4] + kHex[c & 0xF];
}

constexpr std::array<std::string_view, 7> kNodeBuiltins = {"id",    "name", "kind",   "aliases",
                                                           "start", "end",  "sources"};
constexpr std::array<std::string_view, 4> kRelationBuiltins = {"start", "end", "role", "sources"};
constexpr std::array<std::string_view, 2> kSourceBuiltins = {"id", "date"};

/// Header names are read by neo4j-admin as `name:type(group){options}`, found from the last
/// `:` and the last `{`; a type is always written, so only braces and line breaks need
/// replacing in a name.
void sanitize_header_name(std::string& name) {
  for (char& c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '{' || c == '}' || u < 0x20 || u == 0x7F) c = '_';
  }
}

// The rows of one node label or relationship type, over every graph written into the folder:
// their file (or, in parts, their header file and part files), how many, and their property
// columns, keyed in Folder::keys.
struct FileGroup {
  std::string stem;   // file name without `.csv` (and without `-partNN`)
  std::string label;  // node label of the type, or relationship type
  std::uint64_t rows = 0;
  std::vector<std::uint64_t> part_rows;  // rows per part
  ColumnCollector collector;
  std::vector<PropertyColumn> columns;  // named by Folder::begin()
};

enum class FileKind : std::uint8_t { source, entity, relation };

// Files written side by side in one pass over the elements, so that the elements (and what
// they point to) are read in memory order rather than once per file.
class FileBatch {
 public:
  FileBatch(const fs::path& dir, const std::vector<std::string>& names) {
    const std::size_t block = csv::block_bytes_for(names.size());
    for (const std::string& name : names)
      files_.push_back(std::make_unique<csv::OutputFile>(dir / name, block));
  }
  csv::OutputFile& operator[](std::size_t i) { return *files_[i]; }
  void close() {
    for (auto& f : files_) f->close();
  }

 private:
  std::vector<std::unique_ptr<csv::OutputFile>> files_;
};

// What the files of a folder share, whichever graph their rows come from: the groups and
// their columns, the array delimiter, and what import.sh must tell neo4j-admin.
class Folder {
 public:
  Folder(fs::path dir, std::uint32_t parts) : dir(std::move(dir)), parts(parts) {
    sources.stem = "sources";
    sources.label = "Source";
    sources.part_rows.assign(parts, 0);
    for (EntityType t : kEntityTypes) {
      FileGroup& f = entities[static_cast<int>(t)];
      f.stem = std::string(type_plural(t));
      f.label = dbcols::pascal_case(type_name(t));
      f.part_rows.assign(parts, 0);
    }
  }

  /// The group of relation type `type`, made when first asked for.
  FileGroup& relation_group(std::string_view type) {
    auto [it, fresh] = relations.try_emplace(std::string(type));
    if (fresh) {
      it->second.label = dbcols::upper_snake(type);
      it->second.stem = "rel_" + it->first;
      it->second.part_rows.assign(parts, 0);
    }
    return it->second;
  }

  /// Once every row is planned: names the columns, chooses the delimiter and, in parts,
  /// writes the header files.
  void begin() {
    name_columns(sources, kSourceBuiltins);
    for (FileGroup& f : entities) name_columns(f, kNodeBuiltins);
    for (auto& [type, f] : relations) name_columns(f, kRelationBuiltins);
    choose_delimiter();
    if (parts == 1) return;
    if (sources.rows > 0) write_header_file(sources, FileKind::source);
    for (const FileGroup& f : entities)
      if (f.rows > 0) write_header_file(f, FileKind::entity);
    for (const auto& [type, f] : relations) write_header_file(f, FileKind::relation);
  }

  /// Once every row is written: import.sh and the README.
  void end() const {
    write_script();
    write_readme();
  }

  /// The header row of a group's files.
  void header(std::string& o, const FileGroup& f, FileKind kind) const {
    switch (kind) {
      case FileKind::source:
        o += "id:ID(Source),:LABEL,date:string";
        break;
      case FileKind::entity:
        o += "id:ID(Entity),:LABEL,name:string,kind:string,aliases:string[],start:string,end:"
             "string,sources:string[]";
        break;
      case FileKind::relation:
        o += ":START_ID(Entity),:END_ID(Entity),:TYPE,start:string,end:string,role:string,sources:"
             "string[]";
        break;
    }
    for (const PropertyColumn& c : f.columns) {
      std::string h = c.name;
      h += ':';
      h += dbcols::neo4j_type_name(c.type);
      if (c.list) h += "[]";
      o += ',';
      csv::append_field(o, h);
    }
    o += '\n';
  }

  const fs::path dir;
  const std::uint32_t parts;
  StringPool keys;  // the property keys of every group's columns
  FileGroup sources;
  std::array<FileGroup, 4> entities;
  std::map<std::string, FileGroup> relations;  // by type: in order of file name
  std::uint8_t list_marks = 0;                 // delimiters some list item holds
  char delimiter = ';';
  bool multiline = false;
  std::size_t max_field = 0;

 private:
  template <std::size_t N>
  void name_columns(FileGroup& f, const std::array<std::string_view, N>& builtins) {
    f.columns = f.collector.columns(keys);
    dbcols::NamingRules rules;
    rules.builtins = builtins;
    rules.sanitize = sanitize_header_name;
    dbcols::assign_names(f.columns, keys, rules);
    for (const PropertyColumn& c : f.columns)
      if (c.list && c.type == dbcols::ColumnType::string)
        list_marks |= class_marks(c.classes) | separator_marks(c.separators);
  }

  /// The marks of the separator controls U+001C + i, given as bit i.
  static std::uint8_t separator_marks(std::uint8_t separators) {
    std::uint8_t m = 0;
    for (int i = 0; i < 4; ++i)
      if (separators & (1u << i)) m |= kDelimiterMarks[0x1C + i];
    return m;
  }

  void choose_delimiter() {
    for (std::size_t i = 0; i < kDelimiters.size(); ++i) {
      if (!(list_marks & (1u << i))) {
        delimiter = kDelimiters[i];
        return;
      }
    }
    throw ExportError(
        "cannot write Neo4j CSV: list values contain every usable array delimiter (; | and U+001C "
        "to U+001F)");
  }

  void write_header_file(const FileGroup& f, FileKind kind) const {
    std::string text;
    header(text, f, kind);
    csv::write_text_file(dir / (f.stem + "-header.csv"), text);
  }

  /// The files of a group as neo4j-admin reads them: the one file, or the header file and the
  /// part files that have rows.
  std::vector<std::string> group_files(const FileGroup& f) const {
    if (parts == 1) return {f.stem + ".csv"};
    std::vector<std::string> files = {f.stem + "-header.csv"};
    for (std::uint32_t p = 0; p < parts; ++p)
      if (f.part_rows[p] > 0) files.push_back(part_file(f.stem, "", p, parts));
    return files;
  }

  /// The neo4j-admin options, one per line, as import.sh passes them.
  std::vector<std::string> options() const {
    std::vector<std::string> o = {"--id-type=string",
                                  "--array-delimiter=" + delimiter_option(delimiter)};
    if (multiline) o.emplace_back("--multiline-fields=true");
    // neo4j-admin's read buffer (4 MiB by default) must hold the largest single field.
    constexpr std::size_t kMiB = std::size_t{1} << 20;
    if (max_field > 2 * kMiB) {
      std::size_t size = 8 * kMiB;
      while (size < 2 * max_field) size *= 2;
      o.push_back("--read-buffer-size=" + std::to_string(size / kMiB) + "m");
    }
    // A file group is one option, its files separated by commas, the header file first.
    const auto group = [&](std::string_view option, const FileGroup& f) {
      std::string text = "--" + std::string(option) + "=\"";
      for (const std::string& file : group_files(f)) {
        if (text.back() != '"') text += ',';
        text += "$here/" + file;
      }
      o.push_back(text + '"');
    };
    for (const FileGroup* f : node_groups()) group("nodes", *f);
    for (const auto& [type, f] : relations) group("relationships", f);
    return o;
  }

  /// The node groups that have rows, in the order they are imported.
  std::vector<const FileGroup*> node_groups() const {
    std::vector<const FileGroup*> out;
    if (sources.rows > 0) out.push_back(&sources);
    for (const FileGroup& f : entities)
      if (f.rows > 0) out.push_back(&f);
    return out;
  }

  /// A group's files as the README lists them.
  std::string readme_files(const FileGroup& f) const {
    if (parts == 1) return "`" + f.stem + ".csv`";
    const std::size_t count = group_files(f).size() - 1;
    return "`" + f.stem + "-header.csv` and " + std::to_string(count) + " part file" +
           (count == 1 ? "" : "s") + " `" + part_glob(f.stem, "") + "`";
  }

  void write_script() const {
    std::string s =
        "#!/bin/sh\n"
        "# Imports the CSV files beside this script into a new Neo4j 5 database with\n"
        "# neo4j-admin database import full. Written by kgraph; see README.md.\n"
        "#\n"
        "#   ./import.sh [DATABASE [neo4j-admin options...]]\n"
        "#\n"
        "# DATABASE defaults to neo4j and must be stopped (or not exist yet); add\n"
        "# --overwrite-destination to replace it. NEO4J_ADMIN names the neo4j-admin command\n"
        "# (default: $NEO4J_HOME/bin/neo4j-admin if NEO4J_HOME is set, else neo4j-admin on PATH).\n"
        "set -eu\n"
        "here=$(cd \"$(dirname \"$0\")\" && pwd)\n"
        "database=${1:-neo4j}\n"
        "[ $# -gt 0 ] && shift\n"
        "if [ -n \"${NEO4J_ADMIN:-}\" ]; then admin=$NEO4J_ADMIN\n"
        "elif [ -n \"${NEO4J_HOME:-}\" ]; then admin=$NEO4J_HOME/bin/neo4j-admin\n"
        "else admin=neo4j-admin\n"
        "fi\n"
        // The database comes first: neo4j-admin 5.19 and later read a name after the last
        // --relationships as one more of its files ("File 'neo4j' doesn't exist").
        "exec \"$admin\" database import full \"$database\" \\\n";
    for (const std::string& o : options()) s += "  " + o + " \\\n";
    s += "  \"$@\"\n";
    csv::write_text_file(dir / "import.sh", s, true);
  }

  void write_readme() const {
    std::string s =
        "# Neo4j import files\n\n"
        "Written by kgraph for `neo4j-admin database import full` (Neo4j 5). Import into a stopped "
        "or new\n"
        "database with:\n\n"
        "    ./import.sh [DATABASE] [more neo4j-admin options, e.g. --overwrite-destination]\n\n"
        "Files:\n\n";
    for (const FileGroup* f : node_groups()) s += "- " + readme_files(*f) + ": nodes\n";
    for (const auto& [type, f] : relations) s += "- " + readme_files(f) + ": relationships\n";
    if (parts > 1)
      s += "\nEach label and type is split into part files by a stable hash of the id (of the "
           "`from` entity\nfor relationships); its header is the first file of its group.\n";
    s += "\n"
         "Nodes carry their type and kind as labels (`Actor;Person`), their id in `id` (id spaces "
         "`Entity` and\n"
         "`Source`), and `name`, `kind`, `aliases`, `start`, `end`, `sources` and their "
         "properties. Lists are\n"
         "arrays, split on the array delimiter given in import.sh (`--array-delimiter=";
    s += delimiter_option(delimiter);
    s += "`). Relationship\n"
         "types are the relation types in upper case (`located_in` -> `LOCATED_IN`); `start`, "
         "`end`, `role`,\n"
         "`sources` and properties (`quote`, ...) are relationship properties. Dates are kept as "
         "the text\n"
         "they were given in (`2006`, `2006-09`, `2006-09-19`). Source documents are `Source` "
         "nodes; entities\n"
         "and relationships name them by id in `sources`.\n\n"
         "See docs/formats/neo4j.md in the kgraph sources for the full description.\n";
    csv::write_text_file(dir / "README.md", s);
  }
};

// The rows one graph gives a folder: of every part (kEveryPart), or of one part of a merge.
// What it learns of a graph's strings and lists (rendered ids and lists, delimiter marks) is
// kept here, by the graph's ids.
class GraphRows {
 public:
  GraphRows(const GraphView& view, Folder& folder, std::uint32_t part)
      : view_(view),
        g_(view.graph()),
        folder_(folder),
        parts_(folder.parts),
        part_(part),
        ids_(view, folder.parts) {}

  // ---- first pass: count rows, gather their properties and the delimiters lists hold ------

  void plan_sources() {
    const StringPool& pool = g_.strings();
    FileGroup& f = folder_.sources;
    ColumnCollector collector;
    for (std::uint32_t i : view_.sources()) {
      if (!in_part(source_part(i))) continue;
      ++f.rows;
      ++f.part_rows[source_part(i)];
      collector.add(g_.sources()[i].properties, pool);
    }
    f.collector.merge(collector, pool, folder_.keys);
  }

  void plan_elements() {
    const StringPool& pool = g_.strings();
    std::array<ColumnCollector, 4> entity_columns;
    const IndexSet& entities = view_.entities();
    for (std::uint32_t k = 0; k < entities.size(); ++k) {
      if (k + kAhead < entities.size()) {
        const Entity& next = g_.entities()[entities[k + kAhead]];
        __builtin_prefetch(&list_marks_of_[next.aliases]);
        __builtin_prefetch(&list_marks_of_[next.sources]);
        __builtin_prefetch(next.properties.data());
      }
      const std::uint32_t i = entities[k];
      if (!in_part(entity_part(i))) continue;
      const Entity& e = g_.entities()[i];
      FileGroup& f = folder_.entities[static_cast<int>(e.type)];
      ++f.rows;
      ++f.part_rows[entity_part(i)];
      entity_columns[static_cast<int>(e.type)].add(e.properties, pool);
      folder_.list_marks |= list_marks(e.aliases) | list_marks(e.sources);
      folder_.max_field = std::max(folder_.max_field, ids_.id_fields.get(i).size());
    }
    for (EntityType t : kEntityTypes)
      folder_.entities[static_cast<int>(t)].collector.merge(entity_columns[static_cast<int>(t)],
                                                            pool, folder_.keys);

    std::vector<ColumnCollector> relation_columns;
    std::vector<FileGroup*> relation_groups;
    dbcols::TypeSlots slot_of_type;
    const IndexSet& relations = view_.relations();
    for (std::uint32_t k = 0; k < relations.size(); ++k) {
      if (k + 2 * kAhead < relations.size())
        __builtin_prefetch(&g_.properties_of(g_.relations()[relations[k + 2 * kAhead]]));
      if (k + kAhead < relations.size()) {
        const Relation& next = g_.relations()[relations[k + kAhead]];
        __builtin_prefetch(&list_marks_of_[next.sources]);
        __builtin_prefetch(g_.properties_of(next).data());
      }
      const Relation& r = g_.relations()[relations[k]];
      if (!in_part(entity_part(r.from))) continue;  // a relation goes with the entity it starts at
      std::uint32_t& slot = slot_of_type[r.type];
      if (slot == kNoFile) {
        slot = static_cast<std::uint32_t>(relation_groups.size());
        relation_groups.push_back(&folder_.relation_group(g_.str(r.type)));
        relation_columns.emplace_back();
      }
      FileGroup& f = *relation_groups[slot];
      ++f.rows;
      ++f.part_rows[entity_part(r.from)];
      relation_columns[slot].add(g_.properties_of(r), pool);
      folder_.list_marks |= list_marks(r.sources);
    }
    for (std::size_t i = 0; i < relation_groups.size(); ++i)
      relation_groups[i]->collector.merge(relation_columns[i], pool, folder_.keys);
  }

  // ---- second pass: the rows ------------------------------------------------------------

  void write_sources() {
    FileGroup& f = folder_.sources;
    if (f.rows == 0) return;
    const std::vector<Group> groups = {{&f, keyed(f)}};
    for (const std::vector<std::uint32_t>& slots : passes(groups)) {
      Pass pass = open_pass(groups, slots, FileKind::source);
      for (std::uint32_t i : view_.sources()) {
        const std::uint32_t file = pass.file_of[source_part(i)];
        if (file == kNoFile) continue;
        out_ = &pass.files[file].buffer();
        source_row(groups[0], g_.sources()[i]);
        pass.files[file].maybe_flush();
      }
      pass.files.close();
    }
  }

  void write_entities() {
    std::vector<Group> groups;
    std::array<std::uint32_t, 4> group_of{};
    for (FileGroup& f : folder_.entities) {
      group_of[&f - folder_.entities.data()] = static_cast<std::uint32_t>(groups.size());
      if (f.rows > 0) groups.push_back({&f, keyed(f)});
    }
    const IndexSet& entities = view_.entities();
    for (const std::vector<std::uint32_t>& slots : passes(groups)) {
      Pass pass = open_pass(groups, slots, FileKind::entity);
      for (std::uint32_t k = 0; k < entities.size(); ++k) {
        if (k + 2 * kAhead < entities.size())
          g_.strings().prefetch(g_.entities()[entities[k + 2 * kAhead]].name);
        if (k + kAhead < entities.size()) prefetch_entity(entities[k + kAhead]);
        const std::uint32_t i = entities[k];
        const std::uint32_t group = group_of[static_cast<int>(g_.entities()[i].type)];
        const std::uint32_t file = pass.file_of[group * parts_ + entity_part(i)];
        if (file == kNoFile) continue;
        out_ = &pass.files[file].buffer();
        entity_row(groups[group], i);
        pass.files[file].maybe_flush();
      }
      pass.files.close();
    }
  }

  void write_relations() {
    std::vector<Group> groups;
    for (auto& [type, f] : folder_.relations) {
      const StrId id = g_.strings().find(type);
      if (id != StringPool::kMissing)
        group_of_type_[id] = static_cast<std::uint32_t>(groups.size());
      groups.push_back({&f, keyed(f)});
    }
    const IndexSet& relations = view_.relations();
    for (const std::vector<std::uint32_t>& slots : passes(groups)) {
      Pass pass = open_pass(groups, slots, FileKind::relation);
      for (std::uint32_t k = 0; k < relations.size(); ++k) {
        if (k + 2 * kAhead < relations.size()) {
          const Relation& next = g_.relations()[relations[k + 2 * kAhead]];
          list_fields_.prefetch(next.sources);
          __builtin_prefetch(&g_.properties_of(next));
        }
        if (k + kAhead < relations.size()) {
          const Relation& next = g_.relations()[relations[k + kAhead]];
          ids_.id_fields.prefetch(next.to);
          list_fields_.prefetch_text(next.sources);
          __builtin_prefetch(g_.properties_of(next).data());
        }
        const Relation& r = g_.relations()[relations[k]];
        const std::uint32_t group = group_of_type_[r.type];
        const std::uint32_t file = pass.file_of[group * parts_ + entity_part(r.from)];
        if (file == kNoFile) continue;
        out_ = &pass.files[file].buffer();
        relation_row(groups[group], r);
        pass.files[file].maybe_flush();
      }
      pass.files.close();
    }
  }

 private:
  // On a large graph an element's strings and lists are anywhere in memory: loops fetch what
  // the element kAhead places on will read.
  static constexpr std::uint32_t kAhead = 8;
  // At most this many files are open at once; more relation types or parts take more passes.
  static constexpr std::size_t kMaxOpenFiles = 128;
  static constexpr std::uint32_t kNoFile = dbcols::TypeSlots::kNone;

  /// A group as this graph writes it: its columns keyed by this graph's strings.
  struct Group {
    FileGroup* file;
    std::vector<PropertyColumn> columns;
  };
  std::vector<PropertyColumn> keyed(const FileGroup& f) const {
    return dbcols::keyed_in(f.columns, folder_.keys, g_.strings());
  }

  bool in_part(std::uint32_t p) const { return part_ == kEveryPart || p == part_; }

  /// The part of an entity's row, and of the relations it starts.
  std::uint32_t entity_part(std::uint32_t entity) const { return ids_.entity_part(entity); }
  std::uint32_t source_part(std::uint32_t source) const {
    return part_of(g_.str(g_.sources()[source].id), parts_);
  }

  /// Delimiter marks of one string: from its character classes, scanning it only when it holds
  /// one of the separator controls.
  std::uint8_t string_marks(StrId s) const {
    const CharClasses classes = g_.strings().classes(s);
    return (classes & chars::kInfoSeparator) ? marks_of(g_.str(s)) : class_marks(classes);
  }

  /// Delimiter marks of the items of one list, computed once per list.
  std::uint8_t list_marks(ListId list) {
    if (list == 0) return 0;
    std::uint8_t& m = list_marks_of_[list];
    if (!(m & kKnown)) {
      std::uint8_t items = 0;
      for (StrId s : g_.list(list)) items |= string_marks(s);
      m = items | kKnown;
    }
    return m & ~kKnown;
  }

  // ---- fields ---------------------------------------------------------------------------

  /// A pooled string as a field, appended to the output directly.
  void field(StrId id) {
    RowBuilder cell(*out_);
    field(cell, id);
  }

  void field(std::string_view s) {
    if (csv::append_field(*out_, s) && csv::has_line_break(s)) folder_.multiline = true;
    folder_.max_field = std::max(folder_.max_field, s.size());
  }

  /// An interned list (aliases, sources) as one array field, rendered once per list.
  void list_field(RowBuilder& row, ListId list) {
    if (list == 0) return;
    row.put(list_fields_.get(list, [&](std::string& text) {
      scratch_.clear();
      for (StrId s : g_.list(list)) {
        if (!scratch_.empty()) scratch_ += folder_.delimiter;
        scratch_ += g_.str(s);
      }
      if (csv::append_field(text, scratch_) && csv::has_line_break(scratch_))
        folder_.multiline = true;
      folder_.max_field = std::max(folder_.max_field, scratch_.size());
    }));
  }

  /// A pooled string as a field; its character classes say whether it needs quotes.
  void field(RowBuilder& row, StrId id) {
    const std::string_view s = g_.str(id);
    const CharClasses classes = g_.strings().classes(id);
    if (row.put_field(s, classes) && (classes & chars::kLineBreak)) folder_.multiline = true;
    folder_.max_field = std::max(folder_.max_field, s.size());
  }

  void properties(RowBuilder& row, const std::vector<PropertyColumn>& columns,
                  const PropertyList& props) {
    if (props.empty()) {  // most relations, many entities
      for (std::size_t i = 0; i < columns.size(); ++i) row.put(',');
      return;
    }
    out_ = &row.output();
    dbcols::for_each_cell(columns, props, [&](const PropertyColumn& c, const Property* p) {
      *out_ += ',';
      if (!p) return;
      if (!c.list) {
        const Value& v = p->values.front();
        if (v.kind == ValueKind::string)
          field(v.string);
        else
          field(dbcols::value_text(v, c.type, g_.strings(), number_));
        return;
      }
      scratch_.clear();
      for (std::size_t i = 0; i < p->values.size(); ++i) {
        if (i) scratch_ += folder_.delimiter;
        scratch_ += dbcols::value_text(p->values[i], c.type, g_.strings(), number_);
      }
      field(scratch_);
    });
  }

  // ---- files ----------------------------------------------------------------------------

  /// The files of one pass over the elements: at most kMaxOpenFiles (group, part) slots, each
  /// with its file open (and, for a single part, its header written). `file_of` maps a slot,
  /// group index * parts + part, to its file in the batch, or kNoFile.
  struct Pass {
    FileBatch files;
    std::vector<std::uint32_t> file_of;
  };

  /// The slots of this graph's parts with rows of `groups`, in order, split into passes of
  /// kMaxOpenFiles.
  std::vector<std::vector<std::uint32_t>> passes(const std::vector<Group>& groups) const {
    std::vector<std::vector<std::uint32_t>> out;
    for (std::uint32_t g = 0; g < groups.size(); ++g) {
      for (std::uint32_t p = 0; p < parts_; ++p) {
        if (groups[g].file->part_rows[p] == 0 || !in_part(p)) continue;
        if (out.empty() || out.back().size() == kMaxOpenFiles) out.emplace_back();
        out.back().push_back(g * parts_ + p);
      }
    }
    return out;
  }

  Pass open_pass(const std::vector<Group>& groups, const std::vector<std::uint32_t>& slots,
                 FileKind kind) {
    std::vector<std::string> names;
    for (std::uint32_t slot : slots)
      names.push_back(part_file(groups[slot / parts_].file->stem, "", slot % parts_, parts_));
    Pass pass{FileBatch(folder_.dir, names),
              std::vector<std::uint32_t>(groups.size() * parts_, kNoFile)};
    for (std::size_t i = 0; i < slots.size(); ++i) {
      pass.file_of[slots[i]] = static_cast<std::uint32_t>(i);
      // In parts, each group's header is a file of its own (Folder::begin).
      if (parts_ == 1) folder_.header(pass.files[i].buffer(), *groups[slots[i]].file, kind);
    }
    return pass;
  }

  void prefetch_entity(std::uint32_t i) const {
    const Entity& e = g_.entities()[i];
    g_.strings().prefetch_text(e.name);
    list_fields_.prefetch(e.aliases);
    list_fields_.prefetch(e.sources);
    __builtin_prefetch(e.properties.data());
  }

  void source_row(const Group& f, const Source& s) {
    RowBuilder row(*out_);
    field(row, s.id);
    row.put(',');
    row.put(f.file->label);
    row.put(',');
    row.put(s.date);
    properties(row, f.columns, s.properties);
    row.put('\n');
  }

  void entity_row(const Group& f, std::uint32_t i) {
    const Entity& e = g_.entities()[i];
    RowBuilder row(*out_);
    row.put(ids_.id_fields, i);
    row.put(',');
    row.put(f.file->label);
    if (e.kind != kEmpty) {
      auto it = kind_labels_.find(e.kind);
      if (it == kind_labels_.end())
        it = kind_labels_.emplace(e.kind, dbcols::pascal_case(g_.str(e.kind))).first;
      if (!it->second.empty()) {
        row.put(folder_.delimiter);
        row.put(it->second);
      }
    }
    row.put(',');
    field(row, e.name);
    row.put(',');
    if (e.kind != kEmpty) field(row, e.kind);
    row.put(',');
    list_field(row, e.aliases);
    row.put(',');
    row.put(e.start);
    row.put(',');
    row.put(e.end);
    row.put(',');
    list_field(row, e.sources);
    properties(row, f.columns, e.properties);
    row.put('\n');
  }

  void relation_row(const Group& f, const Relation& r) {
    RowBuilder row(*out_);
    row.put(ids_.id_fields, r.from);
    row.put(',');
    row.put(ids_.id_fields, r.to);
    row.put(',');
    row.put(f.file->label);
    row.put(',');
    row.put(r.start);
    row.put(',');
    row.put(r.end);
    row.put(',');
    if (r.role != kEmpty) field(row, r.role);
    row.put(',');
    list_field(row, r.sources);
    properties(row, f.columns, g_.properties_of(r));
    row.put('\n');
  }

  const GraphView& view_;
  const KnowledgeGraph& g_;
  Folder& folder_;
  std::uint32_t parts_;
  std::uint32_t part_;               // the part written, or kEveryPart
  EntityIds ids_;                    // every entity id of the view as a CSV field, and its part
  dbcols::TypeSlots group_of_type_;  // relation type id -> its group while writing
  std::string* out_ = nullptr;
  std::string scratch_, number_;
  std::unordered_map<StrId, std::string> kind_labels_;  // kind -> its label
  RenderedText list_fields_{g_.lists().size()};         // array fields by list
  static constexpr std::uint8_t kKnown = 0x80;  // marks computed (the delimiters use 6 bits)
  std::vector<std::uint8_t> list_marks_of_ = std::vector<std::uint8_t>(g_.lists().size());
};

// A merge's folder, one graph at a time (Exporter::part_writer).
class Neo4jPartWriter final : public PartWriter {
 public:
  Neo4jPartWriter(const fs::path& dir, std::uint32_t parts) : folder_(dir, parts) {}
  void plan(const GraphView& view, std::uint32_t part) override {
    GraphRows(view, folder_, part).plan_elements();
  }
  void plan_sources(const GraphView& view) override {
    GraphRows(view, folder_, kEveryPart).plan_sources();
  }
  void begin() override { folder_.begin(); }
  void write(const GraphView& view, std::uint32_t part) override {
    GraphRows rows(view, folder_, part);
    rows.write_entities();
    rows.write_relations();
  }
  void write_sources(const GraphView& view) override {
    GraphRows(view, folder_, kEveryPart).write_sources();
  }
  void end() override { folder_.end(); }

 private:
  Folder folder_;
};

class Neo4jExporter final : public Exporter {
 public:
  std::string_view name() const override { return "neo4j"; }
  std::vector<std::string_view> extensions() const override { return {}; }
  bool writes_directory() const override { return true; }
  void write_directory(const GraphView& view, const std::filesystem::path& dir,
                       const ExportOptions& options) const override {
    Folder folder(dir, options.parts);
    GraphRows rows(view, folder, kEveryPart);
    rows.plan_sources();
    rows.plan_elements();
    folder.begin();
    rows.write_sources();
    rows.write_entities();
    rows.write_relations();
    folder.end();
  }
  std::unique_ptr<PartWriter> part_writer(const std::filesystem::path& dir,
                                          const ExportOptions& options) const override {
    return std::make_unique<Neo4jPartWriter>(dir, options.parts);
  }
};

}  // namespace

std::unique_ptr<Exporter> make_neo4j_exporter() { return std::make_unique<Neo4jExporter>(); }

}  // namespace kgraph
