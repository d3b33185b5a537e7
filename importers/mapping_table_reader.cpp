#include "importers/mapping_table_reader.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

#include "graph/messages.hpp"
#include "graph/partial_date.hpp"
#include "graph/schema.hpp"
#include "graph/text.hpp"
#include "graph/unicode.hpp"
#include "importers/csv_reader.hpp"
#include "importers/json_tree.hpp"
#include "importers/line_reader.hpp"

namespace kgraph::detail {
namespace {

/// The name a table's "files" pattern and `{$file}` see: without folders, and without the
/// ending of a compressed file (`status.csv.gz` is `status.csv`).
std::string table_file_name(std::string_view file_name) {
  std::string name(file_name.substr(file_name.rfind('/') + 1));  // npos + 1 == 0
  for (std::string_view z : {".gz", ".bz2", ".zst"})
    if (name.size() > z.size() && ends_with_nocase(name, z)) name.resize(name.size() - z.size());
  return name;
}

/// One table through the mapping: the header and the mapping's constants are checked once, then
/// each row makes its entities (an entity without id or name is skipped) and relations.
class TableReader {
 public:
  TableReader(const MappingDocument& doc, const MappingSpec& spec, std::istream& in,
              std::uint32_t file, std::string_view file_name, RecordSink& builder)
      : doc_(doc),
        spec_(spec),
        diags_(builder.diagnostics()),
        in_(in),
        reader_(in, file, diags_),
        file_(file),
        file_name_(file_name),
        builder_(builder) {
    const char tab_or_comma = is_tab_separated_name(table_file_name(file_name)) ? '\t' : ',';
    reader_.set_delimiter(spec.delimiter.value_or(tab_or_comma));
    const std::string name = table_file_name(file_name);
    variables_ = {name, name.substr(0, std::min(name.rfind('.'), name.size()))};
    if (spec.files) {
      std::vector<std::string> groups;
      spec.files->matches_whole(name, groups);
      for (std::string& g : groups) variables_.push_back(std::move(g));
    }
    cells_.assign(spec.columns.size(), std::string_view());
    cell_at_.assign(spec.columns.size(), Location{file, 0, 0});
  }

  void run() {
    for (const RawRecord& s : spec_.sources) builder_.add(s);
    const bool constants_ok = check_constants();
    if (spec_.jsonl) {
      if (!constants_ok) return;
      read_lines(in_, file_, diags_,
                 [&](std::string_view text, std::uint32_t line) { json_row(text, line); });
      return;
    }
    const std::size_t errors_before = diags_.error_count();
    const bool has_header = spec_.header.empty();
    if (!reader_.read_row(row_)) {
      if (diags_.error_count() == errors_before)
        diags_.warning(Location{file_, 0, 0}, has_header
                                                  ? "empty table: no header row, so no records"
                                                  : "empty table: no rows, so no records");
      return;
    }
    if (!row_.ok || !header() || !constants_ok) return;
    if (!has_header) table_row();  // the first row is data
    while (!diags_.too_many_errors() && reader_.read_row(row_)) table_row();
  }

 private:
  void table_row() {
    if (!row_.ok || row_.blank()) return;
    if (row_.size() != width_) {
      const std::size_t n = std::min(row_.size(), width_);
      diags_.error(Location{file_, row_.cells[n < row_.size() ? n : n - 1].line,
                            static_cast<std::uint32_t>(n + 1)},
                   row_width_message(width_, row_.size()), quote_over_lines_hint(row_));
      return;
    }
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      cells_[c] = row_.cell(columns_[c]);
      cell_at_[c] = cell_at(columns_[c]);
    }
    line_ = row_.line;
    row();
  }

  /// A JSON Lines record: each column of the mapping is a JSON Pointer into it.
  void json_row(std::string_view text, std::uint32_t line) {
    json_ = JsonNode{};
    if (auto problem = parse_json_tree(text, json_)) {
      diags_.error(Location{file_, line, problem->at.column}, problem->message);
      return;
    }
    if (json_.kind != JsonNode::Kind::object) {
      diags_.error(
          Location{file_, line, json_.at.column},
          "expected a JSON object on each line; found " + std::string(json_kind_text(json_.kind)));
      return;
    }
    json_cells_.resize(spec_.columns.size());
    for (std::size_t c = 0; c < spec_.columns.size(); ++c) {
      const JsonNode* node = resolve_pointer(json_, spec_.columns[c]);
      std::string& cell = json_cells_[c];
      cell.clear();
      cell_at_[c] = Location{file_, line, node ? node->at.column : 1};
      if (!node) continue;
      switch (node->kind) {
        case JsonNode::Kind::null:
          break;
        case JsonNode::Kind::string:
          cell = node->text;
          break;
        case JsonNode::Kind::boolean:
          cell = node->boolean ? "true" : "false";
          break;
        case JsonNode::Kind::integer:
          cell = std::to_string(node->integer);
          break;
        case JsonNode::Kind::real: {
          char buf[32];
          const auto r = std::to_chars(buf, buf + sizeof buf, node->real);
          cell.assign(buf, r.ptr);
          break;
        }
        default:
          diags_.error(cell_at_[c], "the value at " + spec_.columns[c] + " is " +
                                        std::string(json_kind_text(node->kind)) +
                                        "; a placeholder takes a string, number or boolean");
          return;
      }
    }
    for (std::size_t c = 0; c < spec_.columns.size(); ++c) cells_[c] = json_cells_[c];
    line_ = line;
    row();
  }

  /// The value a JSON Pointer (RFC 6901) names in `root`, or nullptr.
  static const JsonNode* resolve_pointer(const JsonNode& root, std::string_view pointer) {
    const JsonNode* node = &root;
    std::string token;
    std::size_t at = 1;  // after the leading "/"
    while (node && at <= pointer.size()) {
      const std::size_t end = std::min(pointer.find('/', at), pointer.size());
      token.clear();
      for (std::size_t i = at; i < end; ++i) {
        if (pointer[i] == '~' && i + 1 < end) {
          token += pointer[++i] == '0' ? '~' : '/';
        } else {
          token += pointer[i];
        }
      }
      at = end + 1;
      const JsonNode* next = nullptr;
      if (node->kind == JsonNode::Kind::object) {
        for (const JsonMember& m : node->members)
          if (m.key == token) next = &m.value;  // the last of duplicate keys, as JSON parsers do
      } else if (node->kind == JsonNode::Kind::array && !token.empty() &&
                 token.find_first_not_of("0123456789") == std::string::npos &&
                 (token.size() == 1 || token[0] != '0') && token.size() < 10) {
        const std::size_t i = std::stoul(token);
        if (i < node->items.size()) next = &node->items[i];
      }
      node = next;
    }
    return node;
  }

  bool header() {
    const bool has_header = spec_.header.empty();
    width_ = has_header ? row_.size() : spec_.header.size();
    bool ok = true;
    std::unordered_map<std::string_view, std::size_t> index;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < width_; ++i) {
      const std::string_view name = has_header ? row_.cell(i) : std::string_view(spec_.header[i]);
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
      diags_.error(spec_.column_at[c],
                   "column " + quoted(spec_.columns[c]) +
                       (has_header ? " is not in the header of " + quoted(file_name_)
                                   : std::string(" is not in \"columns\"")) +
                       did_you_mean_suffix(spec_.columns[c], names) + " (its columns: " + listed +
                       ")");
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
      if (v.constant || v.tmpl.has_placeholders() || v.tmpl.parts.size() != 1 || v.date_format)
        return nullptr;
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

  /// Where table column `i` of the current CSV row is.
  Location cell_at(std::size_t i) const {
    return Location{file_, row_.cells[i].line, static_cast<std::uint32_t>(i + 1)};
  }

  /// Fills `out` from a template; false if a placeholder it uses is empty in this row (or its
  /// lookup has no value for it, which is reported).
  bool expand(const ValueSpec& v, bool slugged, std::string& out, Location& where) {
    out.clear();
    where = v.at;
    bool first = true;
    for (const Template::Part& p : v.tmpl.parts) {
      if (p.literal()) {
        out += p.text;
        continue;
      }
      std::string_view text;
      Location at = v.at;
      if (p.variable >= 0) {
        text = variables_[static_cast<std::size_t>(p.variable)];
      } else {
        const auto c = static_cast<std::size_t>(p.column);
        text = cells_[c];
        at = cell_at_[c];
      }
      if (!text.empty() && p.lookup >= 0 && !look_up(p, text, at)) return false;
      if (text.empty()) return false;
      if (first) where = at;
      first = false;
      if (!slugged) {
        out += text;
        continue;
      }
      const std::string s = slug(text);
      if (s.empty()) {
        diags_.error(at, "cannot make an id from " + quoted(text) + " (" + placeholder_name(p) +
                             "): it has no letters or digits");
        return false;
      }
      out += s;
    }
    return true;
  }

  /// Replaces `text` (a cell) by its value in the part's lookup; false (reported) if it has none.
  bool look_up(const Template::Part& p, std::string_view& text, Location at) {
    const LookupSpec& l = doc_.lookups[static_cast<std::size_t>(p.lookup)];
    if (const auto it = l.values.find(text); it != l.values.end()) {
      text = it->second;
      return true;
    }
    if (l.fallback) {
      text = *l.fallback;
      return true;
    }
    // A file placeholder is the same on every row: said once, of the file.
    if (p.variable >= 0 && !missing_file_keys_.insert(&p).second) return false;
    diags_.error(p.variable >= 0 ? Location{file_, 0, 0} : at,
                 "no " + quoted(text) + " in lookup " + quoted(l.name) + " (" + of_what(p) +
                     "); add the key, or give the lookup a \"default\"");
    return false;
  }

  /// What a placeholder takes its text from: `column "x"` or `placeholder {$x}`.
  std::string of_what(const Template::Part& p) const {
    if (p.variable >= 0)
      return "placeholder {$" + spec_.variables[static_cast<std::size_t>(p.variable)] + "}";
    return "column " + quoted(spec_.columns[static_cast<std::size_t>(p.column)]);
  }

  std::string placeholder_name(const Template::Part& p) const {
    if (p.lookup >= 0)
      return "lookup " + quoted(doc_.lookups[static_cast<std::size_t>(p.lookup)].name) + " of " +
             of_what(p);
    return of_what(p);
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
    // Where the value is typed in the mapping, for messages only.
    auto place = [&] {
      return diags_.file_name(v.at.file) + ":" + std::to_string(v.at.line) + ":" +
             std::to_string(v.at.column);
    };
    std::string_view cell = text;
    if (v.date_format) {
      if (!v.date_format->read(text, converted_, problem_)) {
        diags_.error(where, "invalid date " + quoted(text) + " for " + quoted(field.key) +
                                " (format " + quoted(v.date_format->text()) + " at " + place() +
                                "); expected " + problem_);
        return;
      }
      cell = converted_;
    }
    RawScalar scalar;
    bool ok = false;
    if (v.type == CellType::boolean) {
      const std::optional<bool> b = lenient_boolean(cell);
      ok = b.has_value();
      scalar.kind = ValueKind::boolean;
      scalar.boolean = b.value_or(false);
      if (!ok) problem_ = "yes or no, true or false, 1 or 0, or x (yes)";
    } else {
      std::optional<std::string> plain;
      if (!v.thousands.empty() && !(plain = without_thousands(cell, v.thousands))) {
        problem_ = "a number with " + quoted(v.thousands) + " between groups of three digits";
      } else {
        ok = parse_cell(plain ? std::string_view(*plain) : cell, v.type, scalar, problem_);
      }
    }
    if (ok) {
      field.values.push_back(std::move(scalar));
      return;
    }
    diags_.error(where, "invalid " + std::string(cell_type_name(v.type)) + " " + quoted(text) +
                            " for " + quoted(field.key) + " (typed " +
                            std::string(cell_type_name(v.type)) + " at " + place() +
                            "); expected " + problem_);
  }

  /// Whether the row makes `e`: its required cells are there and its condition holds.
  bool made_here(const ElementSpec& e) const {
    for (int c : e.require)
      if (cells_[static_cast<std::size_t>(c)].empty()) return false;
    return !e.when || holds(*e.when);
  }

  bool holds(const Condition& c) const {
    const auto cell = [&] { return cells_[static_cast<std::size_t>(c.column)]; };
    switch (c.kind) {
      case Condition::Kind::equals:
        return cell() == c.values.front();
      case Condition::Kind::one_of:
        return std::find(c.values.begin(), c.values.end(), cell()) != c.values.end();
      case Condition::Kind::match:
        return c.regex->matches_whole(cell());
      case Condition::Kind::negation:
        return !holds(c.children.front());
      case Condition::Kind::all:
        return std::all_of(c.children.begin(), c.children.end(),
                           [&](const Condition& x) { return holds(x); });
      case Condition::Kind::any:
        return std::any_of(c.children.begin(), c.children.end(),
                           [&](const Condition& x) { return holds(x); });
    }
    return false;
  }

  void row() {
    ids_.assign(spec_.entities.size(), std::nullopt);
    for (std::size_t k = 0; k < spec_.entities.size(); ++k) {
      const ElementSpec& e = spec_.entities[k];
      if (!made_here(e)) continue;
      start_record();
      record_.section = e.section;
      record_.at = Location{file_, line_, 1};
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
      if (!made_here(r)) continue;
      start_record();
      record_.section = Section::relation;
      record_.at = Location{file_, line_, 1};
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
    if (spec_.source_ids.empty() || rec.section == Section::source) return;
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

  const MappingDocument& doc_;
  const MappingSpec& spec_;
  Diagnostics& diags_;
  std::istream& in_;
  CsvReader reader_;
  std::uint32_t file_;
  std::string_view file_name_;
  RecordSink& builder_;
  CsvRow row_;
  std::size_t width_ = 0;
  std::vector<std::size_t> columns_;  // spec column -> table column
  // The row as the mapping sees it: each of the mapping's columns, and where it is.
  std::vector<std::string_view> cells_;
  std::vector<Location> cell_at_;
  std::uint32_t line_ = 0;
  std::vector<std::string> variables_;  // spec_.variables' values for this file
  JsonNode json_;                       // a JSON Lines record
  std::vector<std::string> json_cells_;
  std::string converted_;
  std::unordered_set<const Template::Part*> missing_file_keys_;
  RawRecord record_;
  RecordBudget budget_;  // the values split from cells; the rest is bounded by the row's length
  bool past_limit_ = false;
  std::vector<std::optional<std::pair<std::string, Location>>> ids_;
  std::string text_;
  std::vector<std::string_view> items_;
  std::string problem_;
};

}  // namespace

const MappingSpec* table_for(const MappingDocument& doc, std::string_view file_name) {
  const std::string name = table_file_name(file_name);
  for (const MappingSpec& t : doc.tables)
    if (!t.files || t.files->matches_whole(name)) return &t;
  return nullptr;
}

void read_mapped_table(const MappingDocument& doc, std::istream& table, std::uint32_t file,
                       std::string_view file_name, RecordSink& builder) {
  const MappingSpec* spec = table_for(doc, file_name);
  if (!spec) {
    std::string patterns;
    for (const MappingSpec& t : doc.tables)
      patterns += (patterns.empty() ? "" : ", ") + quoted(t.files_pattern);
    builder.diagnostics().error(
        Location{file, 0, 0},
        "no table of the mapping " + quoted(builder.diagnostics().file_name(doc.file)) + " reads " +
            quoted(table_file_name(file_name)) + "; their \"files\" patterns: " + patterns);
    return;
  }
  TableReader(doc, *spec, table, file, file_name, builder).run();
}

}  // namespace kgraph::detail
