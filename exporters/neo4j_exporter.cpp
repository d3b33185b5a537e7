// `neo4j:DIR`: CSV files for `neo4j-admin database import full` (Neo4j 5), an import.sh with the
// exact command, and a README. The encoding is described in docs/formats/neo4j.md.

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "exporters/csv_text.hpp"
#include "exporters/exporter.hpp"
#include "exporters/property_columns.hpp"
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

/// How the delimiter is spelled on neo4j-admin's command line (shell-quoted where needed).
std::string delimiter_option(char d) {
  if (d == ';') return "';'";
  if (d == '|') return "'|'";
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto c = static_cast<unsigned char>(d);
  return std::string("U+00") + kHex[c >> 4] + kHex[c & 0xF];
}

constexpr std::array<std::string_view, 7> kNodeBuiltins = {"id", "name", "kind", "aliases", "start", "end", "sources"};
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

// One output file: its elements (indices into entities, relations or sources) and columns.
struct FileGroup {
  std::string file;
  std::string label;  // node label of the type, or relationship type
  std::vector<std::uint32_t> items;
  ColumnCollector collector{&kDelimiterMarks};
  std::vector<PropertyColumn> columns;
};

class Writer {
 public:
  Writer(const GraphView& view, const fs::path& dir) : view_(view), g_(view.graph()), dir_(dir) {}

  void write() {
    collect();
    choose_delimiter();
    if (!sources_.items.empty()) write_file(sources_, FileKind::source);
    for (FileGroup& f : entities_)
      if (!f.items.empty()) write_file(f, FileKind::entity);
    for (FileGroup& f : relations_) write_file(f, FileKind::relation);
    write_script();
    write_readme();
  }

 private:
  enum class FileKind : std::uint8_t { source, entity, relation };

  // ---- first pass: group elements and type their properties -----------------------------

  void collect() {
    const StringPool& pool = g_.strings();
    sources_.file = "sources.csv";
    sources_.label = "Source";
    for (std::uint32_t i : view_.sources()) {
      sources_.items.push_back(i);
      sources_.collector.add(g_.sources()[i].properties, pool);
    }
    for (EntityType t : kEntityTypes) {
      FileGroup& f = entities_[static_cast<int>(t)];
      f.file = std::string(type_plural(t)) + ".csv";
      f.label = dbcols::pascal_case(type_name(t));
    }
    for (std::uint32_t i : view_.entities()) {
      const Entity& e = g_.entities()[i];
      FileGroup& f = entities_[static_cast<int>(e.type)];
      f.items.push_back(i);
      f.collector.add(e.properties, pool);
      list_marks_ |= list_marks(e.aliases) | list_marks(e.sources);
    }
    // Entity ids rendered once as CSV fields, so that relation rows copy them from one place.
    id_fields_.resize(g_.entities().size());
    for (std::uint32_t i : view_.entities()) {
      const std::size_t at = id_text_.size();
      csv::append_field(id_text_, g_.str(g_.entities()[i].id));
      id_fields_[i] = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(id_text_.size() - at)};
      max_field_ = std::max<std::size_t>(max_field_, id_fields_[i].size);
    }
    std::unordered_map<StrId, std::uint32_t> by_type;
    for (std::uint32_t i : view_.relations()) {
      const Relation& r = g_.relations()[i];
      auto [it, fresh] = by_type.try_emplace(r.type, static_cast<std::uint32_t>(relations_.size()));
      if (fresh) {
        relations_.emplace_back();
        relations_.back().label = dbcols::upper_snake(g_.str(r.type));
        relations_.back().file = "rel_" + std::string(g_.str(r.type)) + ".csv";
      }
      FileGroup& f = relations_[it->second];
      f.items.push_back(i);
      f.collector.add(g_.properties_of(r), pool);
      list_marks_ |= list_marks(r.sources);
    }
    // Files in order of relation type name, not of first appearance.
    std::sort(relations_.begin(), relations_.end(),
              [](const FileGroup& a, const FileGroup& b) { return a.file < b.file; });

    name_columns(sources_, kSourceBuiltins);
    for (FileGroup& f : entities_) name_columns(f, kNodeBuiltins);
    for (FileGroup& f : relations_) name_columns(f, kRelationBuiltins);
  }

  std::uint8_t list_marks(ListId list) const {
    std::uint8_t m = 0;
    for (StrId s : g_.list(list)) m |= marks_of(g_.str(s));
    return m;
  }

  template <std::size_t N>
  void name_columns(FileGroup& f, const std::array<std::string_view, N>& builtins) {
    f.columns = f.collector.columns(g_.strings());
    dbcols::NamingRules rules;
    rules.builtins = builtins;
    rules.sanitize = sanitize_header_name;
    dbcols::assign_names(f.columns, g_.strings(), rules);
    for (const PropertyColumn& c : f.columns)
      if (c.list && c.type == dbcols::ColumnType::string) list_marks_ |= c.marks;
  }

  void choose_delimiter() {
    for (std::size_t i = 0; i < kDelimiters.size(); ++i) {
      if (!(list_marks_ & (1u << i))) {
        delimiter_ = kDelimiters[i];
        return;
      }
    }
    throw ExportError(
        "cannot write Neo4j CSV: list values contain every usable array delimiter (; | and U+001C to U+001F)");
  }

  // ---- fields ---------------------------------------------------------------------------

  void field(std::string_view s) {
    if (csv::append_field(*out_, s) && csv::has_line_break(s)) multiline_ = true;
    max_field_ = std::max(max_field_, s.size());
  }

  void list_field(std::span<const StrId> items) {
    if (items.empty()) return;
    scratch_.clear();
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) scratch_ += delimiter_;
      scratch_ += g_.str(items[i]);
    }
    field(scratch_);
  }

  void date_field(const PartialDate& d) {
    if (!d.present()) return;
    out_->append(d.to_string());
  }

  void properties(const std::vector<PropertyColumn>& columns, const PropertyList& props) {
    dbcols::for_each_cell(columns, props, [&](const PropertyColumn& c, const Property* p) {
      *out_ += ',';
      if (!p) return;
      if (!c.list) {
        field(dbcols::value_text(p->values.front(), c.type, g_.strings(), number_));
        return;
      }
      scratch_.clear();
      for (std::size_t i = 0; i < p->values.size(); ++i) {
        if (i) scratch_ += delimiter_;
        scratch_ += dbcols::value_text(p->values[i], c.type, g_.strings(), number_);
      }
      field(scratch_);
    });
  }

  // ---- files ----------------------------------------------------------------------------

  void header_cell(std::string_view name, std::string_view type, bool list) {
    std::string h(name);
    h += ':';
    h += type;
    if (list) h += "[]";
    *out_ += ',';
    csv::append_field(*out_, h);
  }

  void header(const FileGroup& f, FileKind kind) {
    std::string& o = *out_;
    switch (kind) {
      case FileKind::source:
        o += "id:ID(Source),:LABEL,date:string";
        break;
      case FileKind::entity:
        o += "id:ID(Entity),:LABEL,name:string,kind:string,aliases:string[],start:string,end:string,sources:string[]";
        break;
      case FileKind::relation:
        o += ":START_ID(Entity),:END_ID(Entity),:TYPE,start:string,end:string,role:string,sources:string[]";
        break;
    }
    for (const PropertyColumn& c : f.columns) header_cell(c.name, dbcols::neo4j_type_name(c.type), c.list);
    o += '\n';
  }

  void write_file(const FileGroup& f, FileKind kind) {
    csv::OutputFile file(dir_ / f.file);
    out_ = &file.buffer();
    header(f, kind);
    for (std::uint32_t i : f.items) {
      switch (kind) {
        case FileKind::source: source_row(f, g_.sources()[i]); break;
        case FileKind::entity: entity_row(f, g_.entities()[i]); break;
        case FileKind::relation: relation_row(f, g_.relations()[i]); break;
      }
      file.maybe_flush();
    }
    file.close();
    out_ = nullptr;
    (kind == FileKind::relation ? relation_files_ : node_files_).push_back(f.file);
  }

  void source_row(const FileGroup& f, const Source& s) {
    field(g_.str(s.id));
    *out_ += ',';
    *out_ += f.label;
    *out_ += ',';
    date_field(s.date);
    properties(f.columns, s.properties);
    *out_ += '\n';
  }

  void entity_row(const FileGroup& f, const Entity& e) {
    field(g_.str(e.id));
    *out_ += ',';
    *out_ += f.label;
    if (e.kind != kEmpty) {
      auto it = kind_labels_.find(e.kind);
      if (it == kind_labels_.end()) it = kind_labels_.emplace(e.kind, dbcols::pascal_case(g_.str(e.kind))).first;
      if (!it->second.empty()) {
        *out_ += delimiter_;
        *out_ += it->second;
      }
    }
    *out_ += ',';
    field(g_.str(e.name));
    *out_ += ',';
    if (e.kind != kEmpty) field(g_.str(e.kind));
    *out_ += ',';
    list_field(g_.list(e.aliases));
    *out_ += ',';
    date_field(e.start);
    *out_ += ',';
    date_field(e.end);
    *out_ += ',';
    list_field(g_.list(e.sources));
    properties(f.columns, e.properties);
    *out_ += '\n';
  }

  void id_field(std::uint32_t entity) {
    const IdField& id = id_fields_[entity];
    out_->append(id_text_, id.offset, id.size);
  }

  void relation_row(const FileGroup& f, const Relation& r) {
    id_field(r.from);
    *out_ += ',';
    id_field(r.to);
    *out_ += ',';
    *out_ += f.label;
    *out_ += ',';
    date_field(r.start);
    *out_ += ',';
    date_field(r.end);
    *out_ += ',';
    if (r.role != kEmpty) field(g_.str(r.role));
    *out_ += ',';
    list_field(g_.list(r.sources));
    properties(f.columns, g_.properties_of(r));
    *out_ += '\n';
  }

  // ---- script and README ----------------------------------------------------------------

  /// The neo4j-admin options, one per line, as import.sh passes them.
  std::vector<std::string> options() const {
    std::vector<std::string> o = {"--id-type=string", "--array-delimiter=" + delimiter_option(delimiter_)};
    if (multiline_) o.emplace_back("--multiline-fields=true");
    // neo4j-admin's read buffer (4 MiB by default) must hold the largest single field.
    constexpr std::size_t kMiB = std::size_t{1} << 20;
    if (max_field_ > 2 * kMiB) {
      std::size_t size = 8 * kMiB;
      while (size < 2 * max_field_) size *= 2;
      o.push_back("--read-buffer-size=" + std::to_string(size / kMiB) + "m");
    }
    for (const std::string& f : node_files_) o.push_back("--nodes=\"$here/" + f + "\"");
    for (const std::string& f : relation_files_) o.push_back("--relationships=\"$here/" + f + "\"");
    return o;
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
        "exec \"$admin\" database import full \\\n";
    for (const std::string& o : options()) s += "  " + o + " \\\n";
    s += "  \"$@\" \"$database\"\n";
    csv::write_text_file(dir_ / "import.sh", s, true);
  }

  void write_readme() const {
    std::string s =
        "# Neo4j import files\n\n"
        "Written by kgraph for `neo4j-admin database import full` (Neo4j 5). Import into a stopped or new\n"
        "database with:\n\n"
        "    ./import.sh [DATABASE] [more neo4j-admin options, e.g. --overwrite-destination]\n\n"
        "Files:\n\n";
    for (const std::string& f : node_files_) s += "- `" + f + "`: nodes\n";
    for (const std::string& f : relation_files_) s += "- `" + f + "`: relationships\n";
    s += "\n"
         "Nodes carry their type and kind as labels (`Actor;Person`), their id in `id` (id spaces `Entity` and\n"
         "`Source`), and `name`, `kind`, `aliases`, `start`, `end`, `sources` and their properties. Lists are\n"
         "arrays, split on the array delimiter given in import.sh (`--array-delimiter=";
    s += delimiter_option(delimiter_);
    s += "`). Relationship\n"
         "types are the relation types in upper case (`located_in` -> `LOCATED_IN`); `start`, `end`, `role`,\n"
         "`sources` and properties (`quote`, ...) are relationship properties. Dates are kept as the text\n"
         "they were given in (`2006`, `2006-09`, `2006-09-19`). Source documents are `Source` nodes; entities\n"
         "and relationships name them by id in `sources`.\n\n"
         "See docs/formats/neo4j.md in the kgraph sources for the full description.\n";
    csv::write_text_file(dir_ / "README.md", s);
  }

  const GraphView& view_;
  const KnowledgeGraph& g_;
  fs::path dir_;
  FileGroup sources_;
  std::array<FileGroup, 4> entities_;
  std::vector<FileGroup> relations_;
  std::uint8_t list_marks_ = 0;
  char delimiter_ = ';';
  bool multiline_ = false;
  std::size_t max_field_ = 0;
  std::vector<std::string> node_files_, relation_files_;
  std::string* out_ = nullptr;
  std::string scratch_, number_;
  std::unordered_map<StrId, std::string> kind_labels_;  // kind -> its label
  struct IdField {
    std::uint32_t offset = 0, size = 0;
  };
  std::string id_text_;               // every entity id of the view as a CSV field
  std::vector<IdField> id_fields_;    // by entity index
};

class Neo4jExporter final : public Exporter {
 public:
  std::string_view name() const override { return "neo4j"; }
  std::vector<std::string_view> extensions() const override { return {}; }
  bool writes_directory() const override { return true; }
  void write_directory(const GraphView& view, const std::filesystem::path& dir, const ExportOptions&) const override {
    Writer(view, dir).write();
  }
};

}  // namespace

std::unique_ptr<Exporter> make_neo4j_exporter() { return std::make_unique<Neo4jExporter>(); }

}  // namespace kgraph
