#include "importers/csv_importer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "graph/messages.hpp"
#include "graph/schema.hpp"
#include "graph/text.hpp"
#include "importers/csv_reader.hpp"

namespace kgraph {
namespace {

constexpr std::string_view kSectionPrefixes[] = {"sources", "actors", "laws",
                                                 "events",  "places", "relations"};
constexpr std::string_view kListFields[] = {"aliases", "sources", "place", "within", "part_of"};

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view base_name(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// The section given with --section ("actor" or "actors").
std::optional<Section> section_option(std::string_view s) {
  if (auto sec = parse_section(s)) return sec;
  if (s.ends_with('s')) return parse_section(s.substr(0, s.size() - 1));
  return std::nullopt;
}

struct Column {
  std::string header;  // the header cell as written, for messages
  std::string name;    // the field key
  CellType type = CellType::string;
  bool typed = false;
  bool list = false;
};

/// Appends a field to `r`, reusing the storage (and the strings) a previous row left there.
RawField& next_field(RawRecord& r, const std::string& key, Location at, bool list) {
  if (r.field_count == r.fields.size()) r.fields.emplace_back();
  RawField& f = r.fields[r.field_count++];
  if (f.key != key) f.key.assign(key);
  f.at = at;
  f.is_list = list;
  return f;
}

class CsvFile {
 public:
  CsvFile(std::istream& in, std::uint32_t file, Section section, char delimiter,
          RecordSink& builder)
      : diags_(builder.diagnostics()),
        reader_(in, file, diags_),
        file_(file),
        section_(section),
        builder_(builder) {
    reader_.set_delimiter(delimiter);
  }

  void run() {
    const std::size_t errors_before = diags_.error_count();
    if (!reader_.read_row(row_)) {
      if (diags_.error_count() == errors_before)  // not a UTF-16 file or an unclosed quote
        diags_.warning(Location{file_, 0, 0}, "empty CSV file: no header row, so no records");
      return;
    }
    if (!row_.ok || !header()) return;
    record_.section = section_;
    while (!diags_.too_many_errors() && reader_.read_row(row_)) {
      if (!row_.ok || row_.blank()) continue;
      this->row();
    }
  }

 private:
  Location at(std::size_t i) const {
    return Location{file_, row_.cells[i].line, static_cast<std::uint32_t>(i + 1)};
  }

  std::string section_plural() const { return std::string(section_name(section_)) + "s"; }

  /// Reads the header row into columns_; reports every problem with it. False if reading
  /// the rows would only repeat the header's problem on every row.
  bool header() {
    bool ok = true;
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < row_.size(); ++i) {
      const std::string_view text = row_.cell(i);
      Column col;
      col.header = std::string(text);
      std::string_view name = text;
      if (text.empty()) {
        diags_.error(
            at(i), "column " + std::to_string(i + 1) +
                       " of the header has no name; every column needs a field name (the header is "
                       "the first row)");
        ok = false;
        columns_.push_back(std::move(col));
        continue;
      }
      if (const std::size_t colon = text.rfind(':'); colon != std::string_view::npos) {
        name = text.substr(0, colon);
        std::string_view word = text.substr(colon + 1);
        if (word.ends_with("[]")) {
          col.list = true;
          word.remove_suffix(2);
        }
        const auto type = parse_cell_type(word);
        if (!type) {
          diags_.error(
              at(i),
              "unknown column type " + quoted(text.substr(colon + 1)) + " in header " +
                  quoted(text) +
                  "; types are string, int, long, float, double and boolean, each with [] for a "
                  "list (a field name containing ':' needs a type: " +
                  quoted(std::string(text) + ":string") + ")" +
                  did_you_mean_suffix(ascii_lower(text.substr(colon + 1)), cell_type_words()));
          ok = false;
        } else {
          col.type = *type;
          col.typed = true;
        }
        if (name.empty()) {
          diags_.error(at(i), "column " + std::to_string(i + 1) + " (" + quoted(text) +
                                  ") has a type but no field name; write NAME:TYPE");
          ok = false;
        }
      }
      if (!name.empty() && trim_blanks(name).size() != name.size()) {
        diags_.error(at(i), "column name " + quoted(name) + " has spaces around it; remove them (" +
                                quoted(trim_blanks(name)) + ")");
        ok = false;
      }
      col.name = std::string(name);
      if (std::find(std::begin(kListFields), std::end(kListFields), col.name) !=
          std::end(kListFields))
        col.list = true;
      if (!col.name.empty()) {
        auto [it, fresh] = seen.try_emplace(col.name, i);
        if (!fresh) {
          diags_.error(at(i),
                       "duplicate column " + quoted(col.name) + " (also column " +
                           std::to_string(it->second + 1) +
                           "); give each field one column (a list field takes several values "
                           "separated by \";\")");
          ok = false;
        }
      }
      columns_.push_back(std::move(col));
    }

    std::vector<std::string_view> needed;
    switch (section_) {
      case Section::source:
        needed = {"id"};
        break;
      case Section::relation:
        needed = {"from", "type", "to"};
        break;
      default:
        needed = {"id", "name"};
        break;
    }
    std::string need_text;
    for (std::size_t k = 0; k < needed.size(); ++k)
      need_text += (k == 0 ? "" : k + 1 == needed.size() ? " and " : ", ") + quoted(needed[k]);
    std::vector<std::string> names;
    for (const Column& c : columns_) names.push_back(c.name);
    for (std::string_view n : needed) {
      auto found = std::find(names.begin(), names.end(), n);
      if (found != names.end()) {
        required_.push_back(static_cast<std::size_t>(found - names.begin()));
        continue;
      }
      ok = false;
      if (std::any_of(names.begin(), names.end(),
                      [&](const std::string& c) { return trim_blanks(c) == n; }))
        continue;  // reported above: spaces around the name
      const std::string near = did_you_mean(n, names);
      std::size_t column = 0;
      if (!near.empty())
        column =
            static_cast<std::size_t>(std::find(names.begin(), names.end(), near) - names.begin());
      std::string message =
          "the header has no " + quoted(n) + " column; " + section_plural() + " need " + need_text;
      if (!near.empty())
        message += did_you_mean_suffix(near);
      else
        message += " (the header has: " + join_names(names) + ")";
      diags_.error(at(column), message);
    }
    return ok;
  }

  static std::string join_names(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
  }

  void row() {
    if (row_.size() != columns_.size()) {
      const std::size_t n = std::min(row_.size(), columns_.size());
      const std::uint32_t line = row_.cells[n < row_.size() ? n : n - 1].line;
      diags_.error(Location{file_, line, static_cast<std::uint32_t>(n + 1)},
                   row_width_message(columns_.size(), row_.size()), quote_over_lines_hint(row_));
      return;
    }
    for (std::size_t i : required_) {
      if (!row_.cell(i).empty()) continue;
      diags_.error(at(i), "empty " + quoted(columns_[i].name) + " cell; every " +
                              std::string(section_name(section_)) + " needs " +
                              (section_ == Section::relation ? "a " : "an ") + columns_[i].name +
                              " (the row is skipped)");
      return;
    }
    record_.clear();
    record_.at = Location{file_, row_.line, 1};
    RecordBudget budget;  // the text is bounded by the row's length; the values are counted
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const std::string_view text = row_.cell(i);
      if (text.empty()) continue;
      const Column& col = columns_[i];
      RawField& f = next_field(record_, col.name, at(i), col.list);
      bool ok = true;
      if (col.list) {
        split_list_cell(text, items_, budget.values_left() + 1);
        if (!budget.add_values(items_.size(), 0)) return budget.report(diags_, at(i));
        f.values.resize(items_.size());
        for (std::size_t k = 0; ok && k < items_.size(); ++k)
          ok = convert(col, items_[k], f.values[k], at(i));
        if (items_.empty()) ok = false;  // only separators: no values, so no field
      } else {
        f.values.resize(1);
        ok = convert(col, text, f.values[0], at(i));
      }
      if (!ok) --record_.field_count;
    }
    builder_.add(record_);
  }

  bool convert(const Column& col, std::string_view text, RawScalar& out, Location where) {
    if (parse_cell(text, col.type, out, problem_)) return true;
    diags_.error(where, "invalid " + std::string(cell_type_name(col.type)) + " " + quoted(text) +
                            " in column " + quoted(col.header) + "; expected " + problem_);
    return false;
  }

  Diagnostics& diags_;
  CsvReader reader_;
  std::uint32_t file_;
  Section section_;
  RecordSink& builder_;
  CsvRow row_;
  RawRecord record_;
  std::vector<Column> columns_;
  std::vector<std::size_t> required_;
  std::vector<std::string_view> items_;
  std::string problem_;
};

class CsvImporter final : public Importer {
 public:
  std::string_view name() const override { return "csv"; }
  std::vector<std::string_view> extensions() const override { return {".csv", ".tsv", ".tab"}; }

  void read(std::istream& in, std::uint32_t file, std::string_view file_name, RecordSink& builder,
            const ImportOptions& options) const override {
    std::optional<Section> section = section_from_csv_name(file_name);
    if (!section && !options.section.empty()) section = section_option(options.section);
    if (!section) {
      std::string stem = ascii_lower(base_name(file_name));
      if (const std::size_t dot = stem.rfind('.'); dot != std::string::npos) stem.resize(dot);
      std::vector<std::string> prefixes(std::begin(kSectionPrefixes), std::end(kSectionPrefixes));
      std::string message =
          "cannot tell the section of " + quoted(file_name) +
          " from its name; name the file actors*.csv, laws*.csv, events*.csv, places*.csv, "
          "relations*.csv or sources*.csv, or give --section SECTION";
      if (!ends_with_nocase(file_name,
                            ".csv"))  // standard input, or a file read with --input-format csv
        message = "cannot tell the section of " + quoted(file_name) +
                  ": give --section SECTION (sources, actors, laws, events, places or relations)";
      if (!options.section.empty())
        message = "unknown section " + quoted(options.section) + "; " + message;
      else if (std::string near = did_you_mean(stem, prefixes);
               !near.empty() && ends_with_nocase(file_name, ".csv"))
        message += did_you_mean_suffix(near + ".csv");
      message += "; a table in another layout is read with --mapping FILE";
      builder.diagnostics().error(Location{file, 0, 0}, message);
      return;
    }
    CsvFile(in, file, *section, is_tab_separated_name(file_name) ? '\t' : ',', builder).run();
  }
};

}  // namespace

std::unique_ptr<Importer> make_csv_importer() { return std::make_unique<CsvImporter>(); }

std::optional<Section> section_from_csv_name(std::string_view file_name) {
  const std::string base = ascii_lower(base_name(file_name));
  if (!base.ends_with(".csv") && !is_tab_separated_name(base)) return std::nullopt;
  for (std::string_view prefix : kSectionPrefixes)
    if (base.starts_with(prefix)) return section_option(prefix);
  return std::nullopt;
}

bool is_tab_separated_name(std::string_view file_name) {
  return ends_with_nocase(file_name, ".tsv") || ends_with_nocase(file_name, ".tab");
}

std::string_view cell_type_name(CellType t) {
  switch (t) {
    case CellType::string:
      return "string";
    case CellType::integer:
      return "int";
    case CellType::real:
      return "float";
    case CellType::boolean:
      return "boolean";
  }
  return "string";
}

std::optional<CellType> parse_cell_type(std::string_view word) {
  const std::string w = ascii_lower(word);
  if (w == "string") return CellType::string;
  if (w == "int" || w == "long") return CellType::integer;
  if (w == "float" || w == "double") return CellType::real;
  if (w == "boolean") return CellType::boolean;
  return std::nullopt;
}

std::vector<std::string> cell_type_words() {
  std::vector<std::string> out;
  for (const char* w : {"string", "int", "long", "float", "double", "boolean"}) {
    out.emplace_back(w);
    out.push_back(std::string(w) + "[]");
  }
  return out;
}

bool parse_cell(std::string_view text, CellType type, RawScalar& out, std::string& problem) {
  if (type == CellType::string) {
    out.kind = ValueKind::string;
    out.text.assign(text);
    return true;
  }
  const std::string_view t = trim_blanks(text);
  switch (type) {
    case CellType::integer: {
      std::string_view digits = t;
      if (digits.starts_with('+')) digits.remove_prefix(1);
      std::int64_t v = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
      if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
          digits.starts_with('+')) {
        problem = ec == std::errc::result_out_of_range
                      ? "a whole number between -9223372036854775808 and 9223372036854775807"
                      : "a whole number such as 42 or -7";
        return false;
      }
      out.kind = ValueKind::integer;
      out.integer = v;
      return true;
    }
    case CellType::real: {
      std::string_view digits = t;
      if (digits.starts_with('+')) digits.remove_prefix(1);
      double v = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v,
                                       std::chars_format::general);
      if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
          !std::isfinite(v) || digits.starts_with('+')) {
        problem = "a finite number such as 3.5, -2 or 1e6";
        return false;
      }
      out.kind = ValueKind::real;
      out.real = v;
      return true;
    }
    case CellType::boolean: {
      const std::string w = ascii_lower(t);
      if (w != "true" && w != "false") {
        problem = "true or false";
        return false;
      }
      out.kind = ValueKind::boolean;
      out.boolean = w == "true";
      return true;
    }
    case CellType::string:
      break;
  }
  return true;
}

void split_list_cell(std::string_view text, std::vector<std::string_view>& items,
                     std::size_t max_items) {
  items.clear();
  while (items.size() < max_items) {
    const std::size_t semi = text.find(';');
    const std::string_view item = trim_blanks(text.substr(0, semi));
    if (!item.empty()) items.push_back(item);
    if (semi == std::string_view::npos) break;
    text.remove_prefix(semi + 1);
  }
}

}  // namespace kgraph
