#include "importers/mapping_table_reader.hpp"

#include <algorithm>
#include <unordered_map>

#include "graph/messages.hpp"
#include "graph/partial_date.hpp"
#include "graph/schema.hpp"
#include "graph/text.hpp"
#include "graph/unicode.hpp"
#include "importers/csv_reader.hpp"

namespace kgraph::detail {
namespace {

/// One table through the mapping: the header and the mapping's constants are checked once, then
/// each row makes its entities (an entity without id or name is skipped) and relations.
class TableReader {
 public:
  TableReader(const MappingSpec& spec, std::istream& in, std::uint32_t file,
              std::string_view file_name, GraphBuilder& builder)
      : spec_(spec),
        diags_(builder.diagnostics()),
        reader_(in, file, diags_),
        file_(file),
        file_name_(file_name),
        builder_(builder) {}

  void run() {
    for (const RawRecord& s : spec_.sources) builder_.add(s);
    const std::size_t errors_before = diags_.error_count();
    if (!reader_.read_row(row_)) {
      if (diags_.error_count() == errors_before)
        diags_.warning(Location{file_, 0, 0}, "empty table: no header row, so no records");
      return;
    }
    const bool constants_ok = check_constants();
    if (!row_.ok || !header() || !constants_ok) return;
    while (!diags_.too_many_errors() && reader_.read_row(row_)) {
      if (!row_.ok || row_.blank()) continue;
      if (row_.size() != width_) {
        const std::size_t n = std::min(row_.size(), width_);
        diags_.error(Location{file_, row_.cells[n < row_.size() ? n : n - 1].line,
                              static_cast<std::uint32_t>(n + 1)},
                     row_width_message(width_, row_.size()), quote_over_lines_hint(row_));
        continue;
      }
      row();
    }
  }

 private:
  bool header() {
    width_ = row_.size();
    bool ok = true;
    std::unordered_map<std::string_view, std::size_t> index;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < row_.size(); ++i) {
      const std::string_view name = row_.cell(i);
      names.emplace_back(name);
      if (name.empty()) continue;
      auto [it, fresh] = index.try_emplace(name, i);
      if (!fresh) {
        diags_.error(Location{file_, row_.cells[i].line, static_cast<std::uint32_t>(i + 1)},
                     "duplicate column " + quoted(name) + " (also column " +
                         std::to_string(it->second + 1) +
                         "); a mapping names columns by their header, so each name must be unique");
        ok = false;
      }
    }
    columns_.assign(spec_.columns.size(), 0);
    std::string listed;
    for (const auto& n : names) listed += (listed.empty() ? "" : ", ") + n;
    for (std::size_t c = 0; c < spec_.columns.size(); ++c) {
      auto it = index.find(spec_.columns[c]);
      if (it != index.end()) {
        columns_[c] = it->second;
        continue;
      }
      diags_.error(spec_.column_at[c], "column " + quoted(spec_.columns[c]) +
                                           " is not in the header of " + quoted(file_name_) +
                                           did_you_mean_suffix(spec_.columns[c], names) +
                                           " (its columns: " + listed + ")");
      ok = false;
    }
    return ok;
  }

  /// Checks the mapping's constant kinds, relation types and dates against the schema once, so
  /// that a wrong constant is one error at its place in the mapping, not one per row.
  bool check_constants() {
    const Schema& schema = builder_.schema();
    bool ok = true;
    auto constant = [](const FieldSpec& f, std::size_t k) -> const std::string* {
      const ValueSpec& v = f.values[k];
      if (v.constant || v.tmpl.has_columns() || v.tmpl.parts.size() != 1) return nullptr;
      return &v.tmpl.parts[0].text;
    };
    auto check = [&](const ElementSpec& e) {
      for (const FieldSpec& f : e.fields) {
        for (std::size_t k = 0; k < f.values.size(); ++k) {
          const std::string* text = constant(f, k);
          if (!text) continue;
          const Location at = f.values[k].at;
          if (f.key == "kind" && e.section != Section::relation) {
            const EntityType type = e.section == Section::actor   ? EntityType::actor
                                    : e.section == Section::law   ? EntityType::law
                                    : e.section == Section::event ? EntityType::event
                                                                  : EntityType::place;
            if (schema.has_kind(type, *text)) continue;
            std::vector<std::string> kinds;
            for (const auto& [kind, _] : schema.type(type).kinds) kinds.push_back(kind);
            diags_.error(at, unknown_kind_message(*text, type_name(type), kinds));
            ok = false;
          } else if (f.key == "type" && e.section == Section::relation) {
            if (schema.relation(*text)) continue;
            std::vector<std::string> names;
            for (const auto& [name, _] : schema.relations()) names.push_back(name);
            diags_.error(at, unknown_relation_type_message(*text, names));
            ok = false;
          } else if (f.key == "date" || f.key == "start" || f.key == "end") {
            if (parse_partial_date(*text)) continue;
            diags_.error(at, invalid_date_message(*text, f.key));
            ok = false;
          }
        }
      }
    };
    for (const ElementSpec& e : spec_.entities) check(e);
    for (const ElementSpec& r : spec_.relations) check(r);
    return ok;
  }

  Location cell_at(std::size_t i) const {
    return Location{file_, row_.cells[i].line, static_cast<std::uint32_t>(i + 1)};
  }

  /// Fills `out` from a template; false if a column it uses is empty in this row.
  bool expand(const ValueSpec& v, bool slugged, std::string& out, Location& where) {
    out.clear();
    where = v.at;
    bool first = true;
    for (const Template::Part& p : v.tmpl.parts) {
      if (p.column < 0) {
        out += p.text;
        continue;
      }
      const std::size_t i = columns_[static_cast<std::size_t>(p.column)];
      const std::string_view cell = row_.cell(i);
      if (cell.empty()) return false;
      if (first) where = cell_at(i);
      first = false;
      if (!slugged) {
        out += cell;
        continue;
      }
      const std::string s = slug(cell);
      if (s.empty()) {
        diags_.error(cell_at(i), "cannot make an id from " + quoted(cell) + " (column " +
                                     quoted(spec_.columns[p.column]) +
                                     "): it has no letters or digits");
        return false;
      }
      out += s;
    }
    return true;
  }

  /// Adds the field's values to `rec`; returns the first value's text (or empty if none).
  bool emit(const FieldSpec& f, bool slugged, RawRecord& rec, std::string* first_text = nullptr,
            Location* first_at = nullptr) {
    RawField* field = nullptr;
    auto start = [&](Location where) -> RawField& {
      if (!field) {
        field = &rec.add_field(f.key, where);
        field->is_list = f.list;
      }
      return *field;
    };
    Location where;
    for (const ValueSpec& v : f.values) {
      if (v.constant) {
        start(v.at).values.push_back(*v.constant);
        continue;
      }
      if (!expand(v, slugged && f.id_like, text_, where)) continue;
      if (v.split) {
        split(text_, v.separator, budget_.values_left() + 1);
        if (!budget_.add_values(items_.size(), 0)) {
          budget_.report(diags_, where);
          past_limit_ = true;
          return false;
        }
        for (std::string_view item : items_) add_value(start(where), v, item, where);
      } else {
        add_value(start(where), v, text_, where);
      }
      if (first_text && first_text->empty() && field && !field->values.empty()) {
        *first_text = field->values.front().text;
        if (first_at) *first_at = field->at;
      }
    }
    if (field && field->values.empty()) {
      --rec.field_count;
      field = nullptr;
    }
    if (field && field->values.size() > 1) field->is_list = true;
    return field != nullptr;
  }

  /// Splits on `separator` into items_, trimming spaces and tabs and dropping empty items; at
  /// most `max_items` of them, so that a cell of separators cannot claim more than a record may.
  void split(std::string_view text, std::string_view separator, std::size_t max_items) {
    items_.clear();
    while (items_.size() < max_items) {
      const std::size_t at = text.find(separator);
      std::string_view item = text.substr(0, at);
      while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
      while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
      if (!item.empty()) items_.push_back(item);
      if (at == std::string_view::npos) break;
      text.remove_prefix(at + separator.size());
    }
  }

  void add_value(RawField& field, const ValueSpec& v, std::string_view text, Location where) {
    RawScalar scalar;
    if (parse_cell(text, v.type, scalar, problem_)) {
      field.values.push_back(std::move(scalar));
      return;
    }
    const Location m = v.at;
    diags_.error(where, "invalid " + std::string(cell_type_name(v.type)) + " " + quoted(text) +
                            " for " + quoted(field.key) + " (typed " +
                            std::string(cell_type_name(v.type)) + " at " +
                            diags_.file_name(m.file) + ":" + std::to_string(m.line) + ":" +
                            std::to_string(m.column) + "); expected " + problem_);
  }

  bool required_present(const ElementSpec& e) const {
    for (int c : e.require)
      if (row_.cell(columns_[static_cast<std::size_t>(c)]).empty()) return false;
    return true;
  }

  void row() {
    ids_.assign(spec_.entities.size(), std::nullopt);
    for (std::size_t k = 0; k < spec_.entities.size(); ++k) {
      const ElementSpec& e = spec_.entities[k];
      if (!required_present(e)) continue;
      start_record();
      record_.section = e.section;
      record_.at = Location{file_, row_.line, 1};
      std::string id;
      Location id_at;
      if (!emit(e.fields[0], e.slug, record_, &id, &id_at) || id.empty())
        continue;  // no id: no entity
      bool complete = true;
      for (std::size_t i = 1; i < e.fields.size(); ++i)
        if (!emit(e.fields[i], e.slug, record_) && e.fields[i].key == "name") complete = false;
      if (!complete || past_limit_) continue;  // no name: no entity
      cite(record_);
      builder_.add(record_);
      ids_[k] = std::make_pair(std::move(id), id_at);
    }
    for (const ElementSpec& r : spec_.relations) {
      if (!required_present(r)) continue;
      start_record();
      record_.section = Section::relation;
      record_.at = Location{file_, row_.line, 1};
      if (!endpoint(r.from, "from") || !endpoint(r.to, "to")) continue;
      bool has_type = false;
      for (const FieldSpec& f : r.fields)
        if (emit(f, false, record_) && f.key == "type") has_type = true;
      if (!has_type || past_limit_) continue;
      cite(record_);
      builder_.add(record_);
    }
  }

  void start_record() {
    record_.clear();
    budget_.reset();
    past_limit_ = false;
  }

  bool endpoint(const EndpointSpec& ep, std::string_view key) {
    if (ep.entity >= 0) {
      const auto& id = ids_[static_cast<std::size_t>(ep.entity)];
      if (!id) return false;
      record_.add_field(key, id->second).values.push_back(RawScalar::of_string(id->first));
      return true;
    }
    if (!ep.id) return false;
    Location where;
    if (!expand(*ep.id, ep.slug, text_, where)) return false;
    record_.add_field(key, where).values.push_back(RawScalar::of_string(text_));
    return true;
  }

  /// Adds the mapping's sources to the record's `sources`.
  void cite(RawRecord& rec) {
    if (spec_.source_ids.empty()) return;
    for (std::size_t i = 0; i < rec.field_count; ++i) {
      if (rec.fields[i].key != "sources") continue;
      for (const std::string& s : spec_.source_ids)
        rec.fields[i].values.push_back(RawScalar::of_string(s));
      rec.fields[i].is_list = true;
      return;
    }
    RawField& f = rec.add_field("sources", rec.at);
    f.is_list = true;
    for (const std::string& s : spec_.source_ids) f.values.push_back(RawScalar::of_string(s));
  }

  const MappingSpec& spec_;
  Diagnostics& diags_;
  CsvReader reader_;
  std::uint32_t file_;
  std::string_view file_name_;
  GraphBuilder& builder_;
  CsvRow row_;
  std::size_t width_ = 0;
  std::vector<std::size_t> columns_;  // spec column -> table column
  RawRecord record_;
  RecordBudget budget_;  // the values split from cells; the rest is bounded by the row's length
  bool past_limit_ = false;
  std::vector<std::optional<std::pair<std::string, Location>>> ids_;
  std::string text_;
  std::vector<std::string_view> items_;
  std::string problem_;
};

}  // namespace

void read_mapped_table(const MappingSpec& spec, std::istream& table, std::uint32_t file,
                       std::string_view file_name, GraphBuilder& builder) {
  TableReader(spec, table, file, file_name, builder).run();
}

}  // namespace kgraph::detail
