// `kuzu:DIR`: a Kuzu / LadybugDB database as schema.cypher (node and relationship tables), CSV
// files in Kuzu's COPY dialect (with a JSON Lines file beside one for the rows that dialect cannot
// carry), load.cypher (the COPY statements) and load.mjs, which runs both with the kuzu npm
// package. See docs/formats/kuzu.md. This file writes the data files; kuzu_cypher.cpp the
// Cypher files; kuzu_tables.cpp the first pass that finds the tables; load.mjs and README.md are
// exporters/assets/kuzu, compiled in.

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
#include <vector>

#include "exporters/csv_text.hpp"
#include "exporters/date_text.hpp"
#include "exporters/exporter.hpp"
#include "exporters/json_text.hpp"
#include "exporters/kuzu_tables.hpp"
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

std::string table_file_stem(EntityType t) { return std::string(type_name(t)); }

class Writer {
 public:
  Writer(const GraphView& view, const fs::path& dir) : view_(view), g_(view.graph()), dir_(dir) {}

  void write() {
    write_data_files();
    kuzu::write_schema(dir_, tables_.sources, tables_.nodes, tables_.relations);
    kuzu::write_load(dir_, tables_.sources, tables_.nodes, tables_.relations);
    write_loader();
    write_readme();
  }

 private:
  static constexpr std::uint32_t kAhead = kuzu::kPrefetchAhead;
  // At most this many pair files (each with a JSON companion) are open at once.
  static constexpr std::size_t kMaxOpenFiles = 128;
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  // ---- rows -----------------------------------------------------------------------------
  //
  // A row goes to the CSV file unless one of its values is something Kuzu's CSV reader would
  // not give back exactly (an empty string, a list item list_item_safe() rejects); such rows go
  // to a JSON Lines file of the same table, which Kuzu's COPY reads exactly.

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

  /// Starts a row: CSV cells are positional, JSON members are named and only written when present.
  void begin_row(bool json) {
    json_ = json;
    first_ = true;
    if (json_) *out_ += '{';
  }
  void end_row() { *out_ += json_ ? "}\n" : "\n"; }

  /// Separator and, for JSON, the member name.
  void key(std::string_view name) {
    if (json_) {
      if (!first_) *out_ += ',';
      append_json_string(*out_, name);
      *out_ += ':';
    } else if (!first_) {
      *out_ += ',';
    }
    first_ = false;
  }
  void absent(std::string_view name) {
    if (json_) return;
    key(name);
  }

  void string_cell(std::string_view name, std::string_view text) {
    key(name);
    if (json_) {
      append_json_string(*out_, text);
    } else if (csv::append_field(*out_, text) && csv::has_line_break(text)) {
      file_->line_breaks = true;
    }
  }
  /// A pooled string; its character classes say whether the CSV field needs quotes.
  void string_cell(std::string_view name, StrId s) {
    key(name);
    if (json_)
      append_json_string(*out_, g_.str(s));
    else
      csv_string(s);
  }
  void csv_string(StrId s) {
    RowBuilder row(*out_);
    csv_string(row, s);
  }
  void string_cell(std::string_view name, StrId s, bool present) {
    if (present)
      string_cell(name, s);
    else
      absent(name);
  }
  void date_cell(std::string_view name, const PartialDate& d) {
    if (!d.present()) return absent(name);
    key(name);
    if (json_) *out_ += '"';
    append_date(*out_, d);
    if (json_) *out_ += '"';
  }
  void list_cell(std::string_view name, ListId list) {
    if (list == 0) return absent(name);
    key(name);
    if (json_) {
      append_json_string_list(*out_, g_.list(list), g_.strings());
      return;
    }
    RowBuilder row(*out_);
    csv_list(row, list);
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

  /// The property cells of a CSV row: commas alone when the element has none.
  void csv_properties(RowBuilder& row, const std::vector<PropertyColumn>& columns,
                      const PropertyList& props) {
    if (props.empty()) {
      for (std::size_t i = 0; i < columns.size(); ++i) row.put(',');
      return;
    }
    out_ = &row.output();
    first_ = false;
    properties(columns, props);
  }

  void value(const Value& v, ColumnType type) {
    const std::string_view text = text_of(v, type);
    if (json_ && type == ColumnType::string)
      append_json_string(*out_, text);
    else
      *out_ += text;  // numbers and booleans are the same in JSON and in Kuzu's CSV
  }

  void properties(const std::vector<PropertyColumn>& columns, const PropertyList& props) {
    if (props.empty()) {  // most relations, many entities
      if (!json_) out_->append(columns.size(), ',');
      return;
    }
    dbcols::for_each_cell(columns, props, [&](const PropertyColumn& c, const Property* p) {
      if (!p) return absent(c.name);
      key(c.name);
      if (json_) {
        if (c.list) *out_ += '[';
        for (std::size_t i = 0; i < p->values.size(); ++i) {
          if (i) *out_ += ',';
          value(p->values[i], c.type);
        }
        if (c.list) *out_ += ']';
        return;
      }
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

  /// A CSV file and, opened when first needed, its JSON Lines companion.
  class TableFiles {
   public:
    TableFiles(const fs::path& dir, const std::string& stem, std::size_t block)
        : dir_(dir), stem_(stem), block_(block), csv_(dir / (stem + ".csv"), block) {}
    std::string& csv() { return csv_.buffer(); }
    std::string& json() {
      if (!json_) json_.emplace(dir_ / (stem_ + ".json"), block_);
      return json_->buffer();
    }
    void maybe_flush() {
      csv_.maybe_flush();
      if (json_) json_->maybe_flush();
    }
    /// Closes both; removes the CSV file if it got no row.
    void close(std::uint64_t csv_rows) {
      csv_.close();
      if (json_) json_->close();
      if (csv_rows == 0) fs::remove(csv_.path());
    }

   private:
    fs::path dir_;
    std::string stem_;
    std::size_t block_;
    csv::OutputFile csv_;
    std::optional<csv::OutputFile> json_;
  };

  /// The files of one pass: one TableFiles per table or pair, headers written.
  struct Batch {
    std::vector<std::unique_ptr<TableFiles>> files;
    std::vector<FileRows*> rows;
    void close() {
      for (std::size_t i = 0; i < files.size(); ++i) files[i]->close(rows[i]->csv_rows);
    }
  };

  void open(Batch& batch, const std::string& stem, FileRows& rows, std::string_view fixed,
            const std::vector<PropertyColumn>& columns, std::size_t block) {
    batch.files.push_back(std::make_unique<TableFiles>(dir_, stem, block));
    batch.rows.push_back(&rows);
    header(batch.files.back()->csv(), fixed, columns);
  }

  /// Points the row writer at one file of a batch.
  void target(Batch& batch, std::size_t i, bool json) {
    file_ = batch.rows[i];
    out_ = json ? &batch.files[i]->json() : &batch.files[i]->csv();
    ++(json ? file_->json_rows : file_->csv_rows);
  }

  void write_data_files() {
    write_source_file();
    write_node_files();
    for (RelTable& t : tables_.relations) {
      for (EntityType from : kEntityTypes) {
        for (EntityType to : kEntityTypes) {
          RelPair& p = t.pairs[pair_index(from, to)];
          if (p.count > 0)
            p.stem = "rel_" + t.type + "_" + table_file_stem(from) + "_" + table_file_stem(to);
        }
      }
    }
    write_rel_files();
  }

  void header(std::string& out, std::string_view fixed,
              const std::vector<PropertyColumn>& columns) {
    out += fixed;
    for (const PropertyColumn& c : columns) {
      out += ',';
      csv::append_field(out, c.name);
    }
    out += '\n';
  }

  static constexpr std::string_view kSourceHeader = "id,date";
  static constexpr std::string_view kNodeHeader = "id,name,kind,aliases,start,end,sources";
  static constexpr std::string_view kRelationHeader = "from,to,start,end,role,sources";

  void write_source_file() {
    if (view_.sources().empty()) return;
    Batch batch;
    open(batch, tables_.sources.stem, tables_.sources, kSourceHeader, tables_.sources.columns,
         kOutputBlockBytes);
    for (std::uint32_t i : view_.sources()) {
      const Source& s = g_.sources()[i];
      at_ = {&s.id, nullptr, nullptr};
      const bool json = !properties_fit_csv(tables_.sources.columns, s.properties);
      target(batch, 0, json);
      begin_row(json);
      string_cell("id", s.id);
      date_cell("date", s.date);
      properties(tables_.sources.columns, s.properties);
      end_row();
      batch.files[0]->maybe_flush();
    }
    batch.close();
  }

  void write_node_files() {
    Batch batch;
    std::array<std::uint32_t, 4> file_of{};
    for (NodeTable& n : tables_.nodes) {
      file_of[&n - tables_.nodes.data()] = static_cast<std::uint32_t>(batch.files.size());
      open(batch, n.stem, n, kNodeHeader, n.columns, csv::block_bytes_for(tables_.nodes.size()));
    }
    const IndexSet& entities = view_.entities();
    for (std::uint32_t k = 0; k < entities.size(); ++k) {
      if (k + 2 * kAhead < entities.size())
        g_.strings().prefetch(g_.entities()[entities[k + 2 * kAhead]].name);
      if (k + kAhead < entities.size()) {
        const std::uint32_t next = entities[k + kAhead];
        const Entity& e = g_.entities()[next];
        tables_.id_fields.prefetch(next);
        g_.strings().prefetch_text(e.name);
        __builtin_prefetch(&list_state_[e.aliases]);
        __builtin_prefetch(&list_state_[e.sources]);
        __builtin_prefetch(e.properties.data());
      }
      const std::uint32_t i = entities[k];
      const Entity& e = g_.entities()[i];
      const NodeTable& n = tables_.nodes[static_cast<int>(e.type)];
      at_ = {&e.id, nullptr, nullptr};
      const bool json = g_.str(e.name).empty() || !list_fits_csv(e.aliases) ||
                        !list_fits_csv(e.sources) || !properties_fit_csv(n.columns, e.properties);
      const std::uint32_t file = file_of[static_cast<int>(e.type)];
      target(batch, file, json);
      begin_row(json);
      if (!json) {
        // The common row, written positionally.
        {
          RowBuilder row(*out_);
          row.put(tables_.id_fields, i);
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
          csv_properties(row, n.columns, e.properties);
          row.put('\n');
        }
        batch.files[file]->maybe_flush();
        continue;
      }
      string_cell("id", e.id);
      string_cell("name", e.name);
      string_cell("kind", e.kind, e.kind != kEmpty);
      list_cell("aliases", e.aliases);
      date_cell("start", e.start);
      date_cell("end", e.end);
      list_cell("sources", e.sources);
      properties(n.columns, e.properties);
      end_row();
      batch.files[file]->maybe_flush();
    }
    batch.close();
  }

  void write_rel_files() {
    // Every pair with relations is a file; at most kMaxOpenFiles pairs are written per pass.
    std::vector<std::pair<std::uint32_t, int>> pairs;  // (table, pair index)
    for (std::uint32_t t = 0; t < tables_.relations.size(); ++t)
      for (int p = 0; p < 16; ++p)
        if (tables_.relations[t].pairs[p].count > 0) pairs.emplace_back(t, p);
    std::vector<std::uint32_t> file_of(tables_.relations.size() * 16, kNone);
    const IndexSet& relations = view_.relations();
    for (std::size_t first = 0; first < pairs.size(); first += kMaxOpenFiles) {
      const std::size_t last = std::min(pairs.size(), first + kMaxOpenFiles);
      Batch batch;
      std::fill(file_of.begin(), file_of.end(), kNone);
      for (std::size_t i = first; i < last; ++i) {
        RelTable& t = tables_.relations[pairs[i].first];
        RelPair& p = t.pairs[pairs[i].second];
        file_of[pairs[i].first * 16 + pairs[i].second] = static_cast<std::uint32_t>(i - first);
        open(batch, p.stem, p, kRelationHeader, t.columns, csv::block_bytes_for(last - first));
      }
      for (std::uint32_t k = 0; k < relations.size(); ++k) {
        if (k + 2 * kAhead < relations.size()) {
          const Relation& next = g_.relations()[relations[k + 2 * kAhead]];
          list_cells_.prefetch(next.sources);
          __builtin_prefetch(&list_state_[next.sources]);
          __builtin_prefetch(&g_.properties_of(next));
        }
        if (k + kAhead < relations.size()) {
          const Relation& next = g_.relations()[relations[k + kAhead]];
          tables_.id_fields.prefetch(next.to);
          list_cells_.prefetch_text(next.sources);
          __builtin_prefetch(g_.properties_of(next).data());
        }
        const Relation& r = g_.relations()[relations[k]];
        const std::uint32_t table = tables_.table_of_type[r.type];
        const std::uint32_t file = file_of[table * 16 + tables_.pair_of(r)];
        if (file == kNone) continue;
        write_relation_row(batch, file, tables_.relations[table], r);
      }
      batch.close();
    }
  }

  void write_relation_row(Batch& batch, std::uint32_t file, const RelTable& t, const Relation& r) {
    const PropertyList& props = g_.properties_of(r);
    at_ = {nullptr, &r, &t};
    const bool json = !list_fits_csv(r.sources) || !properties_fit_csv(t.columns, props);
    target(batch, file, json);
    begin_row(json);
    if (!json) {
      // The common row, written positionally.
      {
        RowBuilder row(*out_);
        row.put(tables_.id_fields, r.from);
        row.put(',');
        row.put(tables_.id_fields, r.to);
        row.put(',');
        row.put(r.start);
        row.put(',');
        row.put(r.end);
        row.put(',');
        if (r.role != kEmpty) csv_string(row, r.role);
        row.put(',');
        csv_list(row, r.sources);
        csv_properties(row, t.columns, props);
        row.put('\n');
      }
      batch.files[file]->maybe_flush();
      return;
    }
    string_cell("from", g_.entities()[r.from].id);
    string_cell("to", g_.entities()[r.to].id);
    date_cell("start", r.start);
    date_cell("end", r.end);
    string_cell("role", r.role, r.role != kEmpty);
    list_cell("sources", r.sources);
    properties(t.columns, props);
    end_row();
    batch.files[file]->maybe_flush();
  }

  // The loader and the README are the same for every folder: exporters/assets/kuzu, compiled in.
  void write_loader() const { csv::write_text_file(dir_ / "load.mjs", kKuzuLoadScript, true); }
  void write_readme() const { csv::write_text_file(dir_ / "README.md", kKuzuReadme); }

  const GraphView& view_;
  const KnowledgeGraph& g_;
  fs::path dir_;
  kuzu::Tables tables_{view_};
  RenderedText list_cells_{g_.lists().size()};  // CSV list cells by list
  static constexpr std::uint8_t kUnknown = 0, kFits = 1, kDoesNotFit = 2, kLineBreaks = 4;
  std::vector<std::uint8_t> list_state_ = std::vector<std::uint8_t>(g_.lists().size());  // by list
  std::string* out_ = nullptr;
  FileRows* file_ = nullptr;  // the file (pair) the row goes to
  bool json_ = false;         // the row being written goes to the JSON file
  bool first_ = true;         // no cell of the row written yet
  // The element being written, for error messages.
  struct At {
    const StrId* id = nullptr;  // node key
    const Relation* relation = nullptr;
    const RelTable* table = nullptr;
  } at_;
  std::string scratch_, number_;
};

class KuzuExporter final : public Exporter {
 public:
  std::string_view name() const override { return "kuzu"; }
  std::vector<std::string_view> extensions() const override { return {}; }
  bool writes_directory() const override { return true; }
  void write_directory(const GraphView& view, const std::filesystem::path& dir,
                       const ExportOptions&) const override {
    Writer(view, dir).write();
  }
};

}  // namespace

std::unique_ptr<Exporter> make_kuzu_exporter() { return std::make_unique<KuzuExporter>(); }

}  // namespace kgraph
