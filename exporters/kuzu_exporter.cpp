// `kuzu:DIR`: a Kuzu / LadybugDB database as schema.cypher (node and relationship tables), CSV
// files in Kuzu's COPY dialect (with an escaped CSV file beside one for the rows that dialect
// cannot carry, kuzu_escaped.hpp), load.cypher (the COPY statements) and load.mjs, which runs
// both with the kuzu or LadybugDB npm package. With `--parts N` each table's rows are split into
// N part files (part_files.hpp). See docs/formats/kuzu.md. This file writes the data files;
// kuzu_cypher.cpp the Cypher files; kuzu_tables.cpp the first pass that finds the tables; load.mjs
// and README.md are exporters/assets/kuzu, compiled in.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "exporters/csv_text.hpp"
#include "exporters/date_text.hpp"
#include "exporters/exporter.hpp"
#include "exporters/kuzu_escaped.hpp"
#include "exporters/kuzu_tables.hpp"
#include "exporters/part_files.hpp"
#include "exporters/property_columns.hpp"
#include "exporters/rendered_fields.hpp"
#include "exporters/row_builder.hpp"
#include "graph/graph_view.hpp"

namespace kgraph {

// exporters/assets/kuzu/load.mjs and README.md, compiled in (exporters/CMakeLists.txt).
extern const char* const kKuzuLoadScript;
extern const char* const kKuzuReadme;

namespace {

namespace fs = std::filesystem;
using dbcols::ColumnType;
using dbcols::PropertyColumn;
using kuzu::FileRows;
using kuzu::NodeTable;
using kuzu::pair_index;
using kuzu::RelPair;
using kuzu::RelTable;

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/// Whether Kuzu's list syntax `[a,b]` gives the string back exactly: its list reader trims
/// ASCII spaces around items, splits on `,`, nests on `[ ] { }`, keeps quotes as characters,
/// and reads an empty item as null.
bool list_item_safe(std::string_view s) {
  if (s.empty() || is_ascii_space(s.front()) || is_ascii_space(s.back())) return false;
  for (char c : s)
    if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '\'' || c == '"')
      return false;
  return true;
}

/// list_item_safe() for a pooled string whose character classes are known.
bool list_item_safe(std::string_view s, CharClasses classes) {
  if (s.empty() || (classes & (chars::kListSyntax | chars::kEdgeSpace))) return false;
  if (classes & chars::kControl) return list_item_safe(s);  // line breaks are spaces too
  return true;
}

/// The files that depend on every row: schema.cypher, load.cypher, load.mjs and the README.
/// The loader and the README are the same for every folder: exporters/assets/kuzu, compiled in.
void write_folder_files(const fs::path& dir, const kuzu::Tables& tables) {
  kuzu::write_schema(dir, tables.sources, tables.nodes, tables.relations);
  kuzu::write_load(dir, tables.sources, tables.nodes, tables.relations, tables.parts);
  csv::write_text_file(dir / "load.mjs", kKuzuLoadScript, true);
  csv::write_text_file(dir / "README.md", kKuzuReadme);
}

// The rows one graph gives a folder: of every part (kEveryPart), or of one part of a merge.
class Writer {
 public:
  Writer(const GraphView& view, const fs::path& dir, kuzu::Tables& tables, std::uint32_t part)
      : view_(view),
        g_(view.graph()),
        dir_(dir),
        tables_(tables),
        index_(view, tables.parts),
        parts_(tables.parts),
        part_(part) {}

  /// First pass: what the tables need of this graph's rows.
  void plan_elements() { kuzu::plan_elements(tables_, view_, index_, part_); }

  /// Second pass: the rows of the entities and relations.
  void write_elements() {
    index_.find_tables(tables_, g_.strings());
    write_node_files();
    write_rel_files();
  }

  void write_sources() { write_source_file(); }

 private:
  static constexpr std::uint32_t kAhead = kuzu::kPrefetchAhead;
  // At most this many files (each with an escaped companion) are open at once; more tables or
  // parts take more passes.
  static constexpr std::size_t kMaxOpenFiles = 128;
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  // ---- rows -----------------------------------------------------------------------------
  //
  // A row goes to the plain CSV file unless one of its values is something Kuzu's CSV reader
  // would not give back exactly (an empty string, a list item list_item_safe() rejects); such
  // rows go to the escaped CSV file of the same table (kuzu_escaped.hpp), which load.cypher
  // decodes exactly. Both files have the same columns.

  /// Whether an interned list can be written in Kuzu's list syntax (worked out once per list).
  bool list_fits_csv(ListId list) {
    if (list == 0) return true;
    std::uint8_t& state = list_state_[list];
    if (state == kUnknown) {
      state = kFits;
      for (StrId s : g_.list(list)) {
        const CharClasses classes = g_.strings().classes(s);
        if (!list_item_safe(g_.str(s), classes)) state = kDoesNotFit;
        if (classes & chars::kLineBreak) state |= kLineBreaks;
      }
    }
    return (state & ~kLineBreaks) == kFits;
  }

  bool properties_fit_csv(const std::vector<PropertyColumn>& columns, const PropertyList& props) {
    if (props.empty()) return true;
    bool fits = true;
    dbcols::for_each_cell(columns, props, [&](const PropertyColumn& c, const Property* p) {
      if (!p || !fits || c.type != ColumnType::string) return;
      // Numbers and booleans in a string column are written as their canonical text, which is
      // never empty and holds none of the list syntax.
      for (const Value& v : p->values) {
        if (v.kind != ValueKind::string) continue;
        const std::string_view text = g_.str(v.string);
        if (c.list ? !list_item_safe(text, g_.strings().classes(v.string)) : text.empty())
          fits = false;
      }
    });
    return fits;
  }

  // The cells of an escaped row, each preceded by its comma (but the first).

  void begin_escaped_row() { first_ = true; }
  void separator() {
    if (!first_) *out_ += ',';
    first_ = false;
  }
  /// One escaped string cell, quoted as a CSV field where needed.
  void escaped_cell(std::string_view text) {
    separator();
    scratch_.clear();
    kuzu::append_escaped(scratch_, text);
    csv::append_field(*out_, scratch_);
  }
  void escaped_cell(StrId s, bool present = true) {
    if (present)
      escaped_cell(g_.str(s));
    else
      separator();
  }
  void escaped_date(const PartialDate& d) {
    if (!d.present()) return separator();
    date_ = date_text(d);
    escaped_cell(date_);
  }
  void escaped_list(ListId list) {
    separator();
    if (list == 0) return;
    scratch_.clear();
    for (StrId s : g_.list(list)) {
      if (scratch_.size()) scratch_ += '|';
      kuzu::append_escaped(scratch_, g_.str(s));
    }
    csv::append_field(*out_, scratch_);
  }

  static std::string date_text(const PartialDate& d) {
    std::string text;
    append_date(text, d);
    return text;
  }

  /// A list cell in Kuzu's `[a,b]` syntax, rendered once per list with whether it spans lines.
  void csv_list(RowBuilder& row, ListId list) {
    if (list == 0) return;
    const std::string_view field = list_cells_.get(list, [&](std::string& text) {
      scratch_.assign(1, '[');
      for (StrId s : g_.list(list)) {
        if (scratch_.size() > 1) scratch_ += ',';
        scratch_ += g_.str(s);
      }
      scratch_ += ']';
      csv::append_field(text, scratch_);
    });
    row.put(field);
    list_fits_csv(list);  // known already (the row is in CSV because of it); says if it spans lines
    if (list_state_[list] & kLineBreaks) file_->line_breaks = true;
  }

  /// csv_list() for a list that is seldom shared (an entity's aliases or sources), written
  /// directly. The row fits the CSV file, so no item holds a comma or a quote: the cell needs
  /// quotes only around several items or a line break.
  void csv_list_once(RowBuilder& row, ListId list) {
    if (list == 0) return;
    const std::span<const StrId> items = g_.list(list);
    const bool line_breaks = list_state_[list] & kLineBreaks;  // found by list_fits_csv()
    const bool quoted = items.size() > 1 || line_breaks;
    if (quoted) row.put('"');
    row.put('[');
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) row.put(',');
      row.put(g_.str(items[i]));
    }
    row.put(']');
    if (quoted) row.put('"');
    if (line_breaks) file_->line_breaks = true;
  }

  /// A pooled string as a CSV cell.
  void csv_string(RowBuilder& row, StrId s) {
    const CharClasses classes = g_.strings().classes(s);
    if (row.put_field(g_.str(s), classes) && (classes & chars::kLineBreak))
      file_->line_breaks = true;
  }

  /// The property cells of a plain CSV row: commas alone when the element has none.
  void csv_properties(RowBuilder& row, const std::vector<PropertyColumn>& columns,
                      const PropertyList& props) {
    if (props.empty()) {
      for (std::size_t i = 0; i < columns.size(); ++i) row.put(',');
      return;
    }
    out_ = &row.output();
    properties(columns, props, false);
  }

  /// The property cells of a row (plain or escaped), each after its comma.
  void properties(const std::vector<PropertyColumn>& columns, const PropertyList& props,
                  bool escaped) {
    if (props.empty()) {  // most relations, many entities
      out_->append(columns.size(), ',');
      return;
    }
    dbcols::for_each_cell(columns, props, [&](const PropertyColumn& c, const Property* p) {
      *out_ += ',';
      if (!p) return;
      if (escaped && c.type == ColumnType::string) {
        scratch_.clear();
        for (std::size_t i = 0; i < p->values.size(); ++i) {
          if (i) scratch_ += '|';
          kuzu::append_escaped(scratch_, text_of(p->values[i], c.type));
        }
        csv::append_field(*out_, scratch_);
        return;
      }
      // Numbers and booleans read the same from both files; plain strings hold no line break
      // once escaped, so only the plain file marks them.
      if (!c.list) {
        const std::string_view text = text_of(p->values.front(), c.type);
        if (csv::append_field(*out_, text) && csv::has_line_break(text)) file_->line_breaks = true;
        return;
      }
      scratch_.assign(1, '[');
      for (std::size_t i = 0; i < p->values.size(); ++i) {
        if (i) scratch_ += ',';
        scratch_ += text_of(p->values[i], c.type);
      }
      scratch_ += ']';
      if (csv::append_field(*out_, scratch_) && csv::has_line_break(scratch_))
        file_->line_breaks = true;
    });
  }

  std::string where() const {
    if (at_.id) return "node " + std::string(g_.str(*at_.id));
    const Relation& r = *at_.relation;
    return "relation " + std::string(g_.str(g_.entities()[r.from].id)) + " " + at_.table->type +
           " " + std::string(g_.str(g_.entities()[r.to].id));
  }

  std::string_view text_of(const Value& v, ColumnType type) {
    if (v.kind == ValueKind::real && !std::isfinite(v.real)) {
      throw ExportError("cannot write Kuzu files: " + where() +
                        " has a property value that is not a finite number (" +
                        std::string(dbcols::value_text(v, type, g_.strings(), number_)) +
                        "), which Kuzu cannot load");
    }
    return dbcols::value_text(v, type, g_.strings(), number_);
  }

  // ---- files ----------------------------------------------------------------------------

  /// A table (or pair) as written: its file stem, where its rows went, its header row.
  struct Group {
    std::string stem;
    FileRows* rows;
    std::string header;
  };

  /// One part of a group: a plain CSV file and, opened when first needed, its escaped
  /// companion, both starting with the header row.
  class TableFiles {
   public:
    TableFiles(const fs::path& dir, const Group& group, std::uint32_t part, std::uint32_t parts,
               std::size_t block)
        : escaped_path_(dir / part_file(group.stem, "-escaped", part, parts)),
          header_(group.header),
          block_(block),
          csv_(dir / part_file(group.stem, "", part, parts), block) {
      csv_.buffer() += header_;
    }
    std::string& csv() { return csv_.buffer(); }
    std::string& escaped() {
      if (!escaped_) {
        escaped_.emplace(escaped_path_, block_);
        escaped_->buffer() += header_;
      }
      return escaped_->buffer();
    }
    void maybe_flush() {
      csv_.maybe_flush();
      if (escaped_) escaped_->maybe_flush();
    }
    /// Closes both; removes the CSV file if it got no row.
    void close() {
      csv_.close();
      if (escaped_) escaped_->close();
      if (csv_rows == 0) fs::remove(csv_.path());
    }
    std::uint64_t csv_rows = 0;

   private:
    fs::path escaped_path_;
    const std::string& header_;
    std::size_t block_;
    csv::OutputFile csv_;
    std::optional<csv::OutputFile> escaped_;
  };

  /// The files of one pass: at most kMaxOpenFiles (group, part) slots. `file_of` maps a slot,
  /// group index * parts + part, to its file, or kNone when the slot is in another pass.
  struct Pass {
    std::vector<std::unique_ptr<TableFiles>> files;
    std::vector<FileRows*> rows;
    std::vector<std::uint32_t> file_of;
    void close() {
      for (auto& f : files) f->close();
    }
  };

  /// Writes the files of `groups`, every part of each that this writer writes, in as many
  /// passes as kMaxOpenFiles needs; `write_rows(pass)` writes the rows of the files of one pass.
  template <class WriteRows>
  void write_groups(const std::vector<Group>& groups, WriteRows&& write_rows) {
    const std::size_t slots = groups.size() * parts_;
    std::vector<std::size_t> written;  // the slots of the parts written, in order
    for (std::size_t s = 0; s < slots; ++s)
      if (part_ == kEveryPart || s % parts_ == part_) written.push_back(s);
    for (std::size_t first = 0; first < written.size(); first += kMaxOpenFiles) {
      const std::size_t last = std::min(written.size(), first + kMaxOpenFiles);
      const std::size_t block = csv::block_bytes_for(last - first);
      Pass pass;
      pass.file_of.assign(slots, kNone);
      for (std::size_t k = first; k < last; ++k) {
        const std::size_t s = written[k];
        const Group& g = groups[s / parts_];
        pass.file_of[s] = static_cast<std::uint32_t>(k - first);
        pass.files.push_back(std::make_unique<TableFiles>(
            dir_, g, static_cast<std::uint32_t>(s % parts_), parts_, block));
        pass.rows.push_back(g.rows);
      }
      write_rows(pass);
      pass.close();
    }
  }

  /// Points the row writer at one file of a pass.
  void target(Pass& pass, std::uint32_t file, bool escaped) {
    file_ = pass.rows[file];
    TableFiles& f = *pass.files[file];
    out_ = escaped ? &f.escaped() : &f.csv();
    if (escaped) {
      ++file_->escaped_rows;
    } else {
      ++file_->csv_rows;
      ++f.csv_rows;
    }
  }

  static std::string header(std::string_view fixed, const std::vector<PropertyColumn>& columns) {
    std::string out(fixed);
    for (const PropertyColumn& c : columns) {
      out += ',';
      csv::append_field(out, c.name);
    }
    out += '\n';
    return out;
  }

  static constexpr std::string_view kSourceHeader = "id,date";
  static constexpr std::string_view kNodeHeader = "id,name,kind,aliases,start,end,sources";
  static constexpr std::string_view kRelationHeader = "from,to,start,end,role,sources";

  /// A table's columns keyed by this graph's strings, to walk its properties.
  std::vector<PropertyColumn> keyed(const std::vector<PropertyColumn>& columns) const {
    return dbcols::keyed_in(columns, tables_.keys, g_.strings());
  }

  void write_source_file() {
    if (view_.sources().empty()) return;
    NodeTable& t = tables_.sources;
    const std::vector<PropertyColumn> columns = keyed(t.columns);
    write_groups({{t.stem, &t, header(kSourceHeader, t.columns)}}, [&](Pass& pass) {
      for (std::uint32_t i : view_.sources()) {
        const Source& s = g_.sources()[i];
        const std::uint32_t file = pass.file_of[part_of(g_.str(s.id), parts_)];
        if (file == kNone) continue;
        at_ = {&s.id, nullptr, nullptr};
        const bool escaped = !properties_fit_csv(columns, s.properties);
        target(pass, file, escaped);
        if (escaped) {
          begin_escaped_row();
          escaped_cell(s.id);
          escaped_date(s.date);
        } else {
          csv_string(s.id);
          *out_ += ',';
          append_date(*out_, s.date);
        }
        properties(columns, s.properties, escaped);
        *out_ += '\n';
        pass.files[file]->maybe_flush();
      }
    });
  }

  void csv_string(StrId s) {
    RowBuilder row(*out_);
    csv_string(row, s);
  }

  void write_node_files() {
    std::vector<Group> groups;
    std::array<std::vector<PropertyColumn>, 4> columns;
    for (NodeTable& n : tables_.nodes) {
      columns[&n - tables_.nodes.data()] = keyed(n.columns);
      groups.push_back({n.stem, &n, header(kNodeHeader, n.columns)});
    }
    const IndexSet& entities = view_.entities();
    write_groups(groups, [&](Pass& pass) {
      for (std::uint32_t k = 0; k < entities.size(); ++k) {
        if (k + 2 * kAhead < entities.size())
          g_.strings().prefetch(g_.entities()[entities[k + 2 * kAhead]].name);
        if (k + kAhead < entities.size()) {
          const std::uint32_t next = entities[k + kAhead];
          const Entity& e = g_.entities()[next];
          index_.id_fields.prefetch(next);
          g_.strings().prefetch_text(e.name);
          __builtin_prefetch(&list_state_[e.aliases]);
          __builtin_prefetch(&list_state_[e.sources]);
          __builtin_prefetch(e.properties.data());
        }
        const std::uint32_t i = entities[k];
        const Entity& e = g_.entities()[i];
        const std::uint32_t file =
            pass.file_of[static_cast<int>(e.type) * parts_ + index_.entity_part(i)];
        if (file == kNone) continue;
        write_node_row(pass, file, columns[static_cast<int>(e.type)], i);
      }
    });
  }

  void write_node_row(Pass& pass, std::uint32_t file, const std::vector<PropertyColumn>& columns,
                      std::uint32_t i) {
    const Entity& e = g_.entities()[i];
    at_ = {&e.id, nullptr, nullptr};
    const bool escaped = g_.str(e.name).empty() || !list_fits_csv(e.aliases) ||
                         !list_fits_csv(e.sources) || !properties_fit_csv(columns, e.properties);
    target(pass, file, escaped);
    if (!escaped) {
      // The common row, written positionally.
      {
        RowBuilder row(*out_);
        row.put(index_.id_fields, i);
        row.put(',');
        csv_string(row, e.name);
        row.put(',');
        if (e.kind != kEmpty) csv_string(row, e.kind);
        row.put(',');
        csv_list_once(row, e.aliases);
        row.put(',');
        row.put(e.start);
        row.put(',');
        row.put(e.end);
        row.put(',');
        csv_list_once(row, e.sources);
        csv_properties(row, columns, e.properties);
        row.put('\n');
      }
      pass.files[file]->maybe_flush();
      return;
    }
    begin_escaped_row();
    escaped_cell(e.id);
    escaped_cell(e.name);
    escaped_cell(e.kind, e.kind != kEmpty);
    escaped_list(e.aliases);
    escaped_date(e.start);
    escaped_date(e.end);
    escaped_list(e.sources);
    properties(columns, e.properties, true);
    *out_ += '\n';
    pass.files[file]->maybe_flush();
  }

  void write_rel_files() {
    // Every pair with relations is a group of files.
    std::vector<Group> groups;
    std::vector<std::uint32_t> group_of(tables_.relations.size() * 16, kNone);
    std::vector<std::vector<PropertyColumn>> columns;
    for (std::uint32_t t = 0; t < tables_.relations.size(); ++t) {
      RelTable& table = tables_.relations[t];
      columns.push_back(keyed(table.columns));
      for (int p = 0; p < 16; ++p) {
        RelPair& pair = table.pairs[p];
        if (pair.count == 0) continue;
        group_of[t * 16 + p] = static_cast<std::uint32_t>(groups.size());
        groups.push_back({pair.stem, &pair, header(kRelationHeader, table.columns)});
      }
    }
    const IndexSet& relations = view_.relations();
    write_groups(groups, [&](Pass& pass) {
      for (std::uint32_t k = 0; k < relations.size(); ++k) {
        if (k + 2 * kAhead < relations.size()) {
          const Relation& next = g_.relations()[relations[k + 2 * kAhead]];
          list_cells_.prefetch(next.sources);
          __builtin_prefetch(&list_state_[next.sources]);
          __builtin_prefetch(&g_.properties_of(next));
        }
        if (k + kAhead < relations.size()) {
          const Relation& next = g_.relations()[relations[k + kAhead]];
          index_.id_fields.prefetch(next.to);
          list_cells_.prefetch_text(next.sources);
          __builtin_prefetch(g_.properties_of(next).data());
        }
        const Relation& r = g_.relations()[relations[k]];
        const std::uint32_t table = index_.table_of_type[r.type];
        const std::uint32_t group = group_of[table * 16 + index_.pair_of(r)];
        const std::uint32_t file = pass.file_of[group * parts_ + index_.entity_part(r.from)];
        if (file == kNone) continue;
        write_relation_row(pass, file, tables_.relations[table], columns[table], r);
      }
    });
  }

  void write_relation_row(Pass& pass, std::uint32_t file, const RelTable& t,
                          const std::vector<PropertyColumn>& columns, const Relation& r) {
    const PropertyList& props = g_.properties_of(r);
    at_ = {nullptr, &r, &t};
    const bool escaped = !list_fits_csv(r.sources) || !properties_fit_csv(columns, props);
    target(pass, file, escaped);
    if (!escaped) {
      // The common row, written positionally.
      {
        RowBuilder row(*out_);
        row.put(index_.id_fields, r.from);
        row.put(',');
        row.put(index_.id_fields, r.to);
        row.put(',');
        row.put(r.start);
        row.put(',');
        row.put(r.end);
        row.put(',');
        if (r.role != kEmpty) csv_string(row, r.role);
        row.put(',');
        csv_list(row, r.sources);
        csv_properties(row, columns, props);
        row.put('\n');
      }
      pass.files[file]->maybe_flush();
      return;
    }
    begin_escaped_row();
    escaped_cell(g_.entities()[r.from].id);
    escaped_cell(g_.entities()[r.to].id);
    escaped_date(r.start);
    escaped_date(r.end);
    escaped_cell(r.role, r.role != kEmpty);
    escaped_list(r.sources);
    properties(columns, props, true);
    *out_ += '\n';
    pass.files[file]->maybe_flush();
  }

  const GraphView& view_;
  const KnowledgeGraph& g_;
  fs::path dir_;
  kuzu::Tables& tables_;
  kuzu::GraphIndex index_;
  std::uint32_t parts_;
  std::uint32_t part_;                          // the part written, or kEveryPart
  RenderedText list_cells_{g_.lists().size()};  // CSV list cells by list
  static constexpr std::uint8_t kUnknown = 0, kFits = 1, kDoesNotFit = 2, kLineBreaks = 4;
  std::vector<std::uint8_t> list_state_ = std::vector<std::uint8_t>(g_.lists().size());  // by list
  std::string* out_ = nullptr;
  FileRows* file_ = nullptr;  // the table (pair) the row goes to
  bool first_ = true;         // no cell of the escaped row written yet
  // The element being written, for error messages.
  struct At {
    const StrId* id = nullptr;  // node key
    const Relation* relation = nullptr;
    const RelTable* table = nullptr;
  } at_;
  std::string scratch_, number_, date_;
};

// A merge's folder, one graph at a time (Exporter::part_writer). The tables start from the
// schema of the first graph: every graph of a merge has the same.
class KuzuPartWriter final : public PartWriter {
 public:
  KuzuPartWriter(fs::path dir, std::uint32_t parts) : dir_(std::move(dir)), parts_(parts) {}
  void plan(const GraphView& view, std::uint32_t part) override {
    kuzu::plan_elements(tables(view), view, kuzu::GraphIndex(view, parts_), part);
  }
  void plan_sources(const GraphView& view) override { kuzu::plan_sources(tables(view), view); }
  void begin() override {
    if (tables_) tables_->begin();
  }
  void write(const GraphView& view, std::uint32_t part) override {
    Writer(view, dir_, tables(view), part).write_elements();
  }
  void write_sources(const GraphView& view) override {
    Writer(view, dir_, tables(view), kEveryPart).write_sources();
  }
  void end() override {
    if (tables_) write_folder_files(dir_, *tables_);
  }

 private:
  kuzu::Tables& tables(const GraphView& view) {
    if (!tables_) tables_.emplace(view.graph().schema(), parts_);
    return *tables_;
  }

  fs::path dir_;
  std::uint32_t parts_;
  std::optional<kuzu::Tables> tables_;
};

class KuzuExporter final : public Exporter {
 public:
  std::string_view name() const override { return "kuzu"; }
  std::vector<std::string_view> extensions() const override { return {}; }
  bool writes_directory() const override { return true; }
  void write_directory(const GraphView& view, const std::filesystem::path& dir,
                       const ExportOptions& options) const override {
    kuzu::Tables tables(view.graph().schema(), options.parts);
    Writer rows(view, dir, tables, kEveryPart);
    rows.plan_elements();
    kuzu::plan_sources(tables, view);
    tables.begin();
    rows.write_sources();
    rows.write_elements();
    write_folder_files(dir, tables);
  }
  std::unique_ptr<PartWriter> part_writer(const std::filesystem::path& dir,
                                          const ExportOptions& options) const override {
    return std::make_unique<KuzuPartWriter>(dir, options.parts);
  }
};

}  // namespace

std::unique_ptr<Exporter> make_kuzu_exporter() { return std::make_unique<KuzuExporter>(); }

}  // namespace kgraph
