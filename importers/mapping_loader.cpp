#include "importers/mapping_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <sstream>
#include <unordered_map>

#include "graph/messages.hpp"
#include "graph/schema.hpp"
#include "importers/csv_reader.hpp"
#include "importers/json_tree.hpp"

namespace kgraph::detail {
namespace {

constexpr std::string_view kEntityKeys[] = {
    "type",    "kind",  "id",     "name",    "aliases",    "description", "date", "start", "end",
    "sources", "place", "within", "part_of", "properties", "require",     "slug", "when"};
constexpr std::string_view kRelationKeys[] = {"type",       "from",    "to",   "id",    "date",
                                              "start",      "end",     "role", "quote", "sources",
                                              "properties", "require", "when"};
constexpr std::string_view kSourceKeys[] = {"title", "publisher", "url", "date"};
constexpr std::string_view kListKeys[] = {"aliases", "sources", "place", "within", "part_of"};
constexpr std::string_view kIdKeys[] = {"id", "place", "within", "part_of"};

template <std::size_t N>
bool one_of(std::string_view s, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), s) != std::end(set);
}
template <std::size_t N>
std::vector<std::string> words(const std::string_view (&set)[N]) {
  return {std::begin(set), std::end(set)};
}

constexpr std::string_view kTableKeys[] = {"entities", "relations", "sources", "files",
                                           "format",   "delimiter", "columns"};
constexpr std::string_view kDocumentKeys[] = {"entities", "relations",  "sources", "files",
                                              "format",   "delimiter",  "columns", "lookups",
                                              "tables",   "description"};

/// Turns the JsonNode tree into a MappingDocument, reporting every problem at its place.
class Loader {
 public:
  Loader(std::uint32_t file, Diagnostics& diags, MappingDocument& doc,
         const LookupFileReader& read_file)
      : diags_(diags), doc_(doc), read_file_(read_file) {
    doc_.file = file;
  }

  Location at(TextPosition p) const { return Location{doc_.file, p.line, p.column}; }

  void load(const JsonNode& root) {
    if (root.kind != JsonNode::Kind::object) {
      error(root.at,
            "a mapping is a JSON object with \"entities\" and optionally \"relations\" and "
            "\"sources\", or with \"tables\"");
      return;
    }
    const auto top = members(root);
    const JsonMember* tables = nullptr;
    for (const JsonMember& m : top) {
      if (m.key == "lookups") lookups(m.value);
      if (m.key == "tables") tables = &m;
    }
    if (!tables) {
      table(root, {}, true);
      return;
    }
    // Several layouts: the top holds what they share.
    const JsonNode* shared_sources = nullptr;
    for (const JsonMember& m : top) {
      if (m.key == "sources") {
        shared_sources = &m.value;
      } else if (one_of(m.key, kTableKeys)) {
        error(m.key_at, kgraph::quoted(m.key) +
                            " belongs to each table of \"tables\" in a mapping that has them");
      } else if (m.key != "lookups" && m.key != "tables" && m.key != "description" &&
                 m.key != "$comment") {
        error(m.key_at,
              "unknown key " + kgraph::quoted(m.key) + " in the mapping" +
                  did_you_mean_suffix(m.key, {"tables", "lookups", "sources", "description"}) +
                  "; beside \"tables\" the keys are \"lookups\", \"sources\" and "
                  "\"description\"");
      }
    }
    if (tables->value.kind != JsonNode::Kind::array || tables->value.items.empty())
      return expected(tables->value, "a non-empty array of tables {\"files\", \"entities\", ...}");
    for (const JsonNode& t : tables->value.items) {
      if (t.kind != JsonNode::Kind::object) {
        expected(t, "a table {\"files\", \"entities\", ...}");
        continue;
      }
      table(t, shared_sources, false);
      if (!doc_.tables.empty() && !doc_.tables.back().files)
        error(t.at,
              "a table of \"tables\" needs \"files\": the pattern of the file names it reads");
    }
  }

  bool ok() const { return ok_; }

 private:
  /// One table layout: the document itself (`root`), or an item of "tables".
  void table(const JsonNode& n, const JsonNode* shared_sources, bool root) {
    MappingSpec& spec = doc_.tables.emplace_back();
    spec.file = doc_.file;
    spec.at = at(n.at);
    spec_ = &spec;
    column_index_.clear();
    entity_index_.clear();
    const JsonNode* entities = nullptr;
    const JsonNode* relations = nullptr;
    const auto unique = members(n);
    // The layout first: the placeholders of the templates depend on it.
    for (const JsonMember& m : unique) {
      if (m.key == "files")
        files(m.value);
      else if (m.key == "format")
        format(m.value);
      else if (m.key == "delimiter")
        delimiter(m.value);
      else if (m.key == "columns")
        header(m.value);
    }
    if (shared_sources) sources(*shared_sources);
    for (const JsonMember& m : unique) {
      if (m.key == "entities")
        entities = &m.value;
      else if (m.key == "relations")
        relations = &m.value;
      else if (m.key == "sources")
        sources(m.value);
      else if (m.key == "description" || m.key == "$comment" || one_of(m.key, kTableKeys) ||
               (root && m.key == "lookups"))
        continue;
      else if (m.key == "lookups")
        error(m.key_at, "\"lookups\" are declared once, at the top of the mapping");
      else if (root)
        error(m.key_at, "unknown key " + kgraph::quoted(m.key) + " in the mapping" +
                            did_you_mean_suffix(m.key, words(kDocumentKeys)) +
                            "; the keys are \"entities\", \"relations\", \"sources\", "
                            "\"lookups\", \"files\", \"format\", \"delimiter\", \"columns\", "
                            "\"tables\" and \"description\"");
      else
        error(m.key_at, "unknown key " + kgraph::quoted(m.key) + " in a table" +
                            did_you_mean_suffix(m.key, words(kTableKeys)) +
                            "; a table's keys are \"files\", \"entities\", \"relations\", "
                            "\"sources\", \"format\", \"delimiter\", \"columns\" and "
                            "\"description\"");
    }
    if (!entities) {
      error(n.at, std::string(root ? "the mapping" : "the table") +
                      " has no \"entities\"; it needs an object of entity name -> "
                      "{\"type\", \"id\", \"name\", ...}");
    } else if (entities->kind != JsonNode::Kind::object) {
      expected(*entities, "an object of entity name -> {\"type\", \"id\", \"name\", ...}");
    } else {
      for (const JsonMember& m : members(*entities)) entity(m);
    }
    if (relations) {
      if (relations->kind != JsonNode::Kind::array)
        expected(*relations, "an array of relations");
      else
        for (std::size_t i = 0; i < relations->items.size(); ++i) relation(relations->items[i], i);
    }
  }

  void files(const JsonNode& n) {
    if (n.kind != JsonNode::Kind::string || n.text.empty())
      return expected(
          n, "a regular expression for the file names, such as \"status_(?<treaty>.+)\\\\.csv\"");
    std::string problem;
    auto re = Regex::compile(n.text, problem);
    if (!re)
      return error(n.at, "invalid regular expression " + kgraph::quoted(n.text) + ": " + problem);
    for (const std::string& g : re->group_names()) spec_->variables.push_back(g);
    spec_->files = std::make_shared<const Regex>(std::move(*re));
    spec_->files_pattern = n.text;
  }

  void format(const JsonNode& n) {
    if (n.kind == JsonNode::Kind::string && (n.text == "csv" || n.text == "jsonl")) {
      spec_->jsonl = n.text == "jsonl";
      return;
    }
    expected(n, "\"csv\" (also for tab-separated tables) or \"jsonl\"");
  }

  void delimiter(const JsonNode& n) {
    if (n.kind == JsonNode::Kind::string && n.text.size() == 1 && n.text[0] != '"' &&
        n.text[0] != '\n' && n.text[0] != '\r') {
      spec_->delimiter = n.text[0];
      return;
    }
    expected(n, "one character, such as \"\\t\" or \";\"");
  }

  void header(const JsonNode& n) {
    if (n.kind != JsonNode::Kind::array || n.items.empty())
      return expected(n,
                      "the names of the table's columns, in order (the table has no header row)");
    std::unordered_map<std::string_view, TextPosition> seen;
    for (const JsonNode& c : n.items) {
      if (c.kind != JsonNode::Kind::string || c.text.empty()) {
        expected(c, "a column name");
        continue;
      }
      if (auto [it, fresh] = seen.try_emplace(c.text, c.at); !fresh) {
        error(c.at, "duplicate column " + kgraph::quoted(c.text) + " (first at line " +
                        std::to_string(it->second.line) + ")");
        continue;
      }
      spec_->header.push_back(c.text);
    }
  }

  void lookups(const JsonNode& n) {
    if (n.kind != JsonNode::Kind::object)
      return expected(
          n, "an object of lookup name -> {\"values\": {...}} or {\"file\", \"key\", \"value\"}");
    for (const JsonMember& m : members(n)) {
      if (m.key.empty() || m.key.find(':') != std::string::npos) {
        error(m.key_at, "a lookup's name must be non-empty and without \":\"");
        continue;
      }
      if (m.value.kind != JsonNode::Kind::object) {
        expected(m.value, "a lookup {\"values\": {...}} or {\"file\", \"key\", \"value\"}");
        continue;
      }
      LookupSpec l;
      l.name = m.key;
      l.at = at(m.value.at);
      const JsonNode *values = nullptr, *file = nullptr, *key = nullptr, *value = nullptr,
                     *separator = nullptr;
      for (const JsonMember& f : members(m.value)) {
        if (f.key == "values")
          values = &f.value;
        else if (f.key == "file")
          file = &f.value;
        else if (f.key == "key")
          key = &f.value;
        else if (f.key == "value")
          value = &f.value;
        else if (f.key == "delimiter")
          separator = &f.value;
        else if (f.key == "default") {
          if (f.value.kind == JsonNode::Kind::string)
            l.fallback = f.value.text;
          else
            expected(f.value, "the text a missing key gives");
        } else {
          error(f.key_at,
                "unknown key " + kgraph::quoted(f.key) + " in lookup " + kgraph::quoted(l.name) +
                    did_you_mean_suffix(
                        f.key, {"values", "file", "key", "value", "delimiter", "default"}) +
                    "; a lookup is {\"values\": {...}} or {\"file\", \"key\", "
                    "\"value\", \"delimiter\"}, and \"default\"");
        }
      }
      if (values && file) {
        error(m.value.at,
              "lookup " + kgraph::quoted(l.name) + ": give \"values\" or \"file\", not both");
      } else if (values) {
        if (values->kind != JsonNode::Kind::object) {
          expected(*values, "an object of key -> value");
        } else {
          for (const JsonMember& v : members(*values)) {
            if (v.value.kind != JsonNode::Kind::string)
              expected(v.value, "the value of key " + kgraph::quoted(v.key) + " (a string)");
            else
              l.values.emplace(v.key, v.value.text);
          }
        }
      } else if (file) {
        lookup_file(l, m.value, *file, key, value, separator);
      } else {
        error(m.value.at, "lookup " + kgraph::quoted(l.name) + " needs \"values\" or \"file\"");
      }
      doc_.lookups.push_back(std::move(l));
    }
  }

  /// A lookup read from a CSV or tab-separated file beside the mapping.
  void lookup_file(LookupSpec& l, const JsonNode& n, const JsonNode& file, const JsonNode* key,
                   const JsonNode* value, const JsonNode* separator) {
    if (file.kind != JsonNode::Kind::string || file.text.empty())
      return expected(file, "a file name (relative to the mapping file)");
    if (!key || key->kind != JsonNode::Kind::string || key->text.empty())
      return key ? expected(*key, "the name of the key column")
                 : error(n.at, "lookup " + kgraph::quoted(l.name) +
                                   " needs \"key\": the column of the keys");
    if (!value || value->kind != JsonNode::Kind::string || value->text.empty())
      return value ? expected(*value, "the name of the value column")
                   : error(n.at, "lookup " + kgraph::quoted(l.name) +
                                     " needs \"value\": the column of the values");
    char delim = ',';
    const std::filesystem::path path =
        std::filesystem::path(diags_.file_name(doc_.file)).parent_path() / file.text;
    const std::string name = path.lexically_normal().string();
    if (is_tab_separated_name(name) || name.ends_with(".txt")) delim = '\t';
    if (separator) {
      if (separator->kind != JsonNode::Kind::string || separator->text.size() != 1)
        return expected(*separator, "one character, such as \"\\t\" or \",\"");
      delim = separator->text[0];
    }
    const std::optional<std::string> text = read_file_(name);
    if (!text) return error(file.at, "cannot read lookup file " + kgraph::quoted(name));
    const std::uint32_t lookup_file = diags_.add_file(name);
    std::istringstream in(*text);
    CsvReader reader(in, lookup_file, diags_);
    reader.set_delimiter(delim);
    CsvRow row;
    const std::size_t errors = diags_.error_count();
    if (!reader.read_row(row)) {
      if (diags_.error_count() == errors)
        error(file.at, "lookup file " + kgraph::quoted(name) + " is empty");
      ok_ = false;
      return;
    }
    std::optional<std::size_t> key_column, value_column;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < row.size(); ++i) {
      names.emplace_back(row.cell(i));
      if (row.cell(i) == key->text && !key_column) key_column = i;
      if (row.cell(i) == value->text && !value_column) value_column = i;
    }
    std::string listed;
    for (const auto& c : names) listed += (listed.empty() ? "" : ", ") + c;
    if (!key_column)
      error(key->at, "column " + kgraph::quoted(key->text) + " is not in the header of " +
                         kgraph::quoted(name) + did_you_mean_suffix(key->text, names) +
                         " (its columns: " + listed + ")");
    if (!value_column)
      error(value->at, "column " + kgraph::quoted(value->text) + " is not in the header of " +
                           kgraph::quoted(name) + did_you_mean_suffix(value->text, names) +
                           " (its columns: " + listed + ")");
    if (!key_column || !value_column) return;
    const std::size_t need = std::max(*key_column, *value_column);
    while (!diags_.too_many_errors() && reader.read_row(row)) {
      if (!row.ok || row.blank()) continue;
      if (row.size() <= need) {
        diags_.error(Location{lookup_file, row.line, static_cast<std::uint32_t>(row.size())},
                     "the row has " + std::to_string(row.size()) +
                         " fields; the key and value "
                         "columns need " +
                         std::to_string(need + 1));
        ok_ = false;
        continue;
      }
      const std::string_view k = row.cell(*key_column), v = row.cell(*value_column);
      if (k.empty()) continue;
      auto [it, fresh] = l.values.try_emplace(std::string(k), std::string(v));
      if (!fresh && it->second != v) {
        diags_.error(Location{lookup_file, row.line, static_cast<std::uint32_t>(*key_column + 1)},
                     "key " + kgraph::quoted(k) + " again, with another value: " +
                         kgraph::quoted(v) + " (before: " + kgraph::quoted(it->second) + ")");
        ok_ = false;
      }
    }
    if (diags_.error_count() != errors) ok_ = false;
  }

  /// A `when` condition (docs/formats/mapping.md, "Conditions").
  std::optional<Condition> condition(const JsonNode& n) {
    if (n.kind != JsonNode::Kind::object || n.members.empty()) {
      expected(n,
               "a condition such as {\"signatory\": \"1\"}, {\"not\": ...}, {\"all\": [...]}, "
               "{\"any\": [...]} or {\"match\": {\"column\": \"regex\"}}");
      return std::nullopt;
    }
    Condition all;
    all.kind = Condition::Kind::all;
    all.at = at(n.at);
    bool ok = true;
    for (const JsonMember& m : members(n)) {
      if (m.key == "not") {
        auto child = condition(m.value);
        if (!child) {
          ok = false;
          continue;
        }
        Condition c;
        c.kind = Condition::Kind::negation;
        c.at = at(m.key_at);
        c.children.push_back(std::move(*child));
        all.children.push_back(std::move(c));
      } else if (m.key == "all" || m.key == "any") {
        if (m.value.kind != JsonNode::Kind::array || m.value.items.empty()) {
          expected(m.value, "a non-empty array of conditions");
          ok = false;
          continue;
        }
        Condition c;
        c.kind = m.key == "all" ? Condition::Kind::all : Condition::Kind::any;
        c.at = at(m.key_at);
        for (const JsonNode& item : m.value.items) {
          auto child = condition(item);
          if (child)
            c.children.push_back(std::move(*child));
          else
            ok = false;
        }
        all.children.push_back(std::move(c));
      } else if (m.key == "match") {
        if (m.value.kind != JsonNode::Kind::object || m.value.members.empty()) {
          expected(m.value, "an object of column -> regular expression");
          ok = false;
          continue;
        }
        for (const JsonMember& p : members(m.value)) {
          if (p.value.kind != JsonNode::Kind::string) {
            expected(p.value, "a regular expression (a string)");
            ok = false;
            continue;
          }
          std::string problem;
          auto re = Regex::compile(p.value.text, problem);
          if (!re) {
            error(p.value.at,
                  "invalid regular expression " + kgraph::quoted(p.value.text) + ": " + problem);
            ok = false;
            continue;
          }
          Condition c;
          c.kind = Condition::Kind::match;
          c.at = at(p.key_at);
          c.column = column(p.key, p.key_at);
          c.regex = std::make_shared<const Regex>(std::move(*re));
          all.children.push_back(std::move(c));
        }
      } else {
        Condition c;
        c.at = at(m.key_at);
        c.column = column(m.key, m.key_at);
        auto text = [&](const JsonNode& v, std::string& out) {
          if (v.kind == JsonNode::Kind::string)
            out = v.text;
          else if (v.kind == JsonNode::Kind::integer)
            out = std::to_string(v.integer);
          else if (v.kind == JsonNode::Kind::boolean)
            out = v.boolean ? "true" : "false";
          else
            return false;
          return true;
        };
        if (m.value.kind == JsonNode::Kind::array) {
          c.kind = Condition::Kind::one_of;
          for (const JsonNode& v : m.value.items) {
            if (!text(v, c.values.emplace_back())) {
              expected(v, "a cell's text");
              ok = false;
            }
          }
          if (m.value.items.empty()) {
            expected(m.value, "at least one cell text");
            ok = false;
          }
        } else {
          c.kind = Condition::Kind::equals;
          if (!text(m.value, c.values.emplace_back())) {
            expected(m.value, "a cell's text (\"\" for an empty cell) or a list of them");
            ok = false;
            continue;
          }
        }
        all.children.push_back(std::move(c));
      }
    }
    if (!ok) return std::nullopt;
    if (all.children.size() == 1) return std::move(all.children.front());
    return all;
  }
  void error(TextPosition p, std::string message) {
    diags_.error(at(p), std::move(message));
    ok_ = false;
  }
  void expected(const JsonNode& n, std::string_view what) {
    error(n.at, "expected " + std::string(what) + ", found " + std::string(json_kind_text(n.kind)));
  }
  /// The members of `object`, the first of each key only; reports the others. (Linear: the
  /// "entities" of a generated mapping may have many thousand members.)
  std::vector<std::reference_wrapper<const JsonMember>> members(const JsonNode& object) {
    std::vector<std::reference_wrapper<const JsonMember>> out;
    out.reserve(object.members.size());
    std::unordered_map<std::string_view, TextPosition> first;
    for (const JsonMember& m : object.members) {
      auto [it, fresh] = first.try_emplace(m.key, m.key_at);
      if (fresh) {
        out.emplace_back(m);
        continue;
      }
      error(m.key_at, "duplicate key " + kgraph::quoted(m.key) + " (first at line " +
                          std::to_string(it->second.line) + ")");
    }
    return out;
  }

  int column(std::string_view name, TextPosition p) {
    if (spec_->jsonl && !name.empty() && !valid_pointer(name))
      error(p,
            "in a JSON Lines table (\"format\": \"jsonl\") a column is a JSON Pointer such as "
            "\"/actor/name\"; " +
                kgraph::quoted(name) + " is not one");
    auto [it, fresh] =
        column_index_.try_emplace(std::string(name), static_cast<int>(spec_->columns.size()));
    if (fresh) {
      spec_->columns.emplace_back(name);
      spec_->column_at.push_back(at(p));
    }
    return it->second;
  }

  /// RFC 6901: "/" then tokens in which "~" is followed by 0 or 1.
  static bool valid_pointer(std::string_view p) {
    if (p.front() != '/') return false;
    for (std::size_t i = 0; i < p.size(); ++i)
      if (p[i] == '~' && (i + 1 == p.size() || (p[i + 1] != '0' && p[i + 1] != '1'))) return false;
    return true;
  }

  /// A placeholder's part: `{column}`, `{$variable}` or `{lookup:NAME:column}`.
  bool placeholder(const JsonNode& n, std::string_view name, Template::Part& part) {
    if (name.front() == '$') {
      const std::string_view v = name.substr(1);
      const auto& vars = spec_->variables;
      const auto it = std::find(vars.begin(), vars.end(), v);
      if (it != vars.end()) {
        part.variable = static_cast<int>(it - vars.begin());
        return true;
      }
      std::string listed;
      for (const std::string& x : vars) listed += (listed.empty() ? "{$" : ", {$") + x + "}";
      error(n.at, "unknown placeholder {" + std::string(name) + "} in template " +
                      kgraph::quoted(n.text) + did_you_mean_suffix(v, vars) +
                      "; the file's placeholders are " + listed +
                      " (named groups of \"files\" add more)");
      return false;
    }
    if (name.starts_with("lookup:")) {
      const std::string_view rest = name.substr(7);
      const std::size_t colon = rest.find(':');
      const std::string_view lookup = rest.substr(0, colon);
      if (colon == std::string_view::npos || colon + 1 == rest.size()) {
        error(n.at, "placeholder {" + std::string(name) + "} in template " +
                        kgraph::quoted(n.text) + " needs a column: write {lookup:NAME:column}");
        return false;
      }
      std::vector<std::string> names;
      for (std::size_t i = 0; i < doc_.lookups.size(); ++i) {
        names.push_back(doc_.lookups[i].name);
        if (doc_.lookups[i].name == lookup) part.lookup = static_cast<int>(i);
      }
      if (part.lookup < 0) {
        error(n.at, "unknown lookup " + kgraph::quoted(lookup) + " in template " +
                        kgraph::quoted(n.text) + did_you_mean_suffix(lookup, names) +
                        (names.empty() ? "; declare it under \"lookups\" at the top of the mapping"
                                       : "; the lookups are declared under \"lookups\""));
        return false;
      }
      const std::string_view of = rest.substr(colon + 1);
      if (of.front() == '$') return placeholder(n, of, part);  // a lookup of a file placeholder
      part.column = column(of, n.at);
      return true;
    }
    part.column = column(name, n.at);
    return true;
  }

  bool parse_template(const JsonNode& n, Template& t) {
    const std::string& s = n.text;
    std::string literal;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c == '{' && i + 1 < s.size() && s[i + 1] == '{') {
        literal += '{';
        ++i;
      } else if (c == '}' && i + 1 < s.size() && s[i + 1] == '}') {
        literal += '}';
        ++i;
      } else if (c == '}') {
        error(n.at, "unmatched \"}\" in template " + kgraph::quoted(s) +
                        "; write a literal brace as \"}}\"");
        return false;
      } else if (c == '{') {
        const std::size_t close = s.find('}', i + 1);
        if (close == std::string::npos) {
          error(n.at, "unclosed \"{\" in template " + kgraph::quoted(s) +
                          "; write {column} or a literal brace as \"{{\"");
          return false;
        }
        const std::string_view name = std::string_view(s).substr(i + 1, close - i - 1);
        if (name.empty()) {
          error(n.at,
                "empty placeholder \"{}\" in template " + kgraph::quoted(s) + "; write {column}");
          return false;
        }
        if (!literal.empty()) t.parts.push_back({std::move(literal)});
        literal.clear();
        Template::Part part;
        if (!placeholder(n, name, part)) return false;
        t.parts.push_back(std::move(part));
        i = close;
      } else {
        literal += c;
      }
    }
    if (!literal.empty()) t.parts.push_back({std::move(literal)});
    return true;
  }

  /// One value: "template", a number or boolean constant, or {"column"|"template", "type", "split"}.
  bool value(const JsonNode& n, ValueSpec& v, std::string_view text_only = {}) {
    v.at = at(n.at);
    switch (n.kind) {
      case JsonNode::Kind::string:
        return parse_template(n, v.tmpl);
      case JsonNode::Kind::integer:
      case JsonNode::Kind::real:
      case JsonNode::Kind::boolean: {
        if (!text_only.empty()) {
          expected(n, "text for " + kgraph::quoted(text_only) + " (a template string)");
          return false;
        }
        RawScalar c;
        c.kind = n.kind == JsonNode::Kind::integer ? ValueKind::integer
                 : n.kind == JsonNode::Kind::real  ? ValueKind::real
                                                   : ValueKind::boolean;
        c.integer = n.integer;
        c.real = n.real;
        c.boolean = n.boolean;
        v.constant = c;
        return true;
      }
      case JsonNode::Kind::object:
        break;
      default:
        expected(n,
                 "a template string such as \"{column}\", a number, a boolean, or an object "
                 "{\"column\": ..., \"type\": ..., \"split\": ...}");
        return false;
    }
    const auto unique_members = members(n);
    bool ok = unique_members.size() == n.members.size(), source = false;
    TextPosition thousands_at;
    for (const JsonMember& m : unique_members) {
      if (m.key == "column" || m.key == "template") {
        if (source) {
          error(m.key_at, "give either \"column\" or \"template\", not both");
          ok = false;
          continue;
        }
        source = true;
        if (m.value.kind != JsonNode::Kind::string) {
          expected(m.value, "a string");
          ok = false;
          continue;
        }
        if (m.key == "column") {
          if (m.value.text.empty()) {
            error(m.value.at, "the column name is empty");
            ok = false;
            continue;
          }
          Template::Part part;
          part.column = column(m.value.text, m.value.at);
          v.tmpl.parts.push_back(std::move(part));
        } else {
          ok = parse_template(m.value, v.tmpl) && ok;
        }
      } else if (m.key == "type") {
        if (m.value.kind != JsonNode::Kind::string) {
          expected(m.value, "a type name");
          ok = false;
          continue;
        }
        const auto t = parse_cell_type(m.value.text);
        if (!t) {
          error(m.value.at, "unknown type " + kgraph::quoted(m.value.text) +
                                did_you_mean_suffix(m.value.text, {"string", "int", "long", "float",
                                                                   "double", "boolean"}) +
                                "; types: string, int, long, float, double, boolean");
          ok = false;
          continue;
        }
        v.type = *t;
      } else if (m.key == "split") {
        if (m.value.kind == JsonNode::Kind::boolean) {
          v.split = m.value.boolean;
        } else if (m.value.kind == JsonNode::Kind::string && !m.value.text.empty()) {
          v.split = true;
          v.separator = m.value.text;
        } else {
          expected(m.value, "true (split on \";\") or a non-empty separator string");
          ok = false;
        }
      } else if (m.key == "format") {
        std::string problem;
        if (m.value.kind != JsonNode::Kind::string) {
          expected(m.value, "a date format such as \"%d/%m/%Y\", or \"excel\"");
          ok = false;
        } else if (auto f = DateFormat::parse(m.value.text, problem)) {
          v.date_format = std::move(*f);
        } else {
          error(m.value.at, "invalid date format " + kgraph::quoted(m.value.text) + ": " + problem);
          ok = false;
        }
      } else if (m.key == "thousands") {
        if (m.value.kind != JsonNode::Kind::string || m.value.text.empty()) {
          expected(m.value, "the thousands separator, such as \",\"");
          ok = false;
        } else {
          v.thousands = m.value.text;
          thousands_at = m.key_at;
        }
      } else {
        error(m.key_at, "unknown key " + kgraph::quoted(m.key) + " in a value" +
                            did_you_mean_suffix(m.key, {"column", "template", "type", "split",
                                                        "format", "thousands"}) +
                            "; a value is {\"column\" or \"template\", \"type\", \"split\", "
                            "\"format\", \"thousands\"}");
        ok = false;
      }
    }
    if (!source && ok) {
      error(n.at, "a value object needs \"column\" or \"template\"");
      ok = false;
    }
    if (!v.thousands.empty() && v.type != CellType::integer && v.type != CellType::real) {
      error(thousands_at, "\"thousands\" applies to numbers: give \"type\": \"int\" or \"float\"");
      ok = false;
    }
    return ok;
  }

  /// A field: one value, or an array of values (then written as a list).
  void field(std::vector<FieldSpec>& fields, std::string key, const JsonNode& n, bool list_ok) {
    FieldSpec f;
    f.key = std::move(key);
    f.list = one_of(f.key, kListKeys);
    f.id_like = one_of(f.key, kIdKeys);
    const std::string_view text_only =
        f.id_like || f.key == "name" || f.key == "type" || f.key == "kind" ? std::string_view(f.key)
                                                                           : std::string_view();
    if (n.kind == JsonNode::Kind::array) {
      if (!list_ok) {
        expected(n, "one value (not an array) for " + kgraph::quoted(f.key));
        return;
      }
      f.list = true;
      for (const JsonNode& item : n.items) {
        if (item.kind == JsonNode::Kind::array) {
          expected(item, "a value (arrays do not nest)");
          continue;
        }
        ValueSpec v;
        if (value(item, v, text_only)) f.values.push_back(std::move(v));
      }
      if (n.items.empty()) expected(n, "at least one value");
    } else {
      ValueSpec v;
      if (!value(n, v, text_only)) return;
      if (v.split) {
        if (!list_ok) {
          error(n.at, kgraph::quoted(f.key) + " takes one value, so it cannot be split");
          return;
        }
        f.list = true;
      }
      f.values.push_back(std::move(v));
    }
    fields.push_back(std::move(f));
  }

  void properties(ElementSpec& e, const JsonNode& n, const std::string_view* reserved,
                  std::size_t reserved_count) {
    if (n.kind != JsonNode::Kind::object) return expected(n, "an object of property name -> value");
    for (const JsonMember& m : members(n)) {
      if (std::find(reserved, reserved + reserved_count, m.key) != reserved + reserved_count ||
          m.key == "record" || m.key == "from" || m.key == "to") {
        error(m.key_at, kgraph::quoted(m.key) +
                            " is a field, not a property; write it beside \"properties\"");
        continue;
      }
      if (m.key.empty()) {
        error(m.key_at, "a property name must not be empty");
        continue;
      }
      field(e.fields, m.key, m.value, true);
    }
  }

  void require(ElementSpec& e, const JsonNode& n) {
    auto one = [&](const JsonNode& c) {
      if (c.kind != JsonNode::Kind::string || c.text.empty()) return expected(c, "a column name");
      e.require.push_back(column(c.text, c.at));
    };
    if (n.kind == JsonNode::Kind::array)
      for (const JsonNode& c : n.items) one(c);
    else
      one(n);
  }

  void entity(const JsonMember& m) {
    const JsonNode& n = m.value;
    if (n.kind != JsonNode::Kind::object)
      return expected(n, "an object {\"type\", \"id\", \"name\", ...}");
    if (m.key.empty()) return error(m.key_at, "an entity's name in \"entities\" must not be empty");
    ElementSpec e;
    e.name = m.key;
    e.at = at(n.at);
    const JsonNode *type = nullptr, *id = nullptr, *name = nullptr;
    const auto unique = members(n);
    bool source = false;  // a source record the row makes: its keys are a source's
    for (const JsonMember& f : unique)
      if (f.key == "type")
        source = f.value.kind == JsonNode::Kind::string && f.value.text == "source";
    for (const JsonMember& f : unique) {
      if (source && one_of(f.key, kSourceKeys)) {
        field(e.fields, f.key, f.value, false);
      } else if (source && one_of(f.key, kEntityKeys) && f.key != "type" && f.key != "id" &&
                 f.key != "properties" && f.key != "require" && f.key != "when") {
        error(f.key_at, "a source has no " + kgraph::quoted(f.key) +
                            "; its fields are \"id\", \"title\", \"publisher\", \"url\", "
                            "\"date\" and \"properties\"");
      } else if (f.key == "type")
        type = &f.value;
      else if (f.key == "id")
        id = &f.value;
      else if (f.key == "name")
        name = &f.value;
      else if (f.key == "properties")
        properties(e, f.value, kEntityKeys, std::size(kEntityKeys));
      else if (f.key == "require")
        require(e, f.value);
      else if (f.key == "when")
        e.when = condition(f.value);
      else if (f.key == "slug") {
        if (f.value.kind != JsonNode::Kind::boolean)
          expected(f.value, "true or false");
        else
          e.slug = f.value.boolean;
      } else if (one_of(f.key, kEntityKeys)) {
        field(e.fields, f.key, f.value, one_of(f.key, kListKeys) || f.key == "description");
      } else {
        error(f.key_at, "unknown key " + kgraph::quoted(f.key) + " in entity " +
                            kgraph::quoted(e.name) +
                            did_you_mean_suffix(f.key, words(kEntityKeys)) +
                            "; further fields go under \"properties\"");
      }
    }
    if (!type) {
      error(n.at, "entity " + kgraph::quoted(e.name) +
                      " has no \"type\"; give one of actor, law, event, place (or source)");
    } else if (source) {
      e.section = Section::source;
    } else if (type->kind != JsonNode::Kind::string) {
      expected(*type, "an entity type: actor, law, event or place");
    } else if (const auto t = parse_entity_type(type->text)) {
      e.section = *t == EntityType::actor   ? Section::actor
                  : *t == EntityType::law   ? Section::law
                  : *t == EntityType::event ? Section::event
                                            : Section::place;
    } else {
      error(type->at, "unknown entity type " + kgraph::quoted(type->text) +
                          did_you_mean_suffix(type->text, {"actor", "law", "event", "place"}) +
                          "; the types are actor, law, event, place (a subtype is a \"kind\")");
    }
    std::vector<FieldSpec> head;
    if (!id)
      error(n.at, "entity " + kgraph::quoted(e.name) +
                      " has no \"id\"; give a template such as \"country-{name}\"");
    else
      field(head, "id", *id, false);
    if (name)
      field(head, "name", *name, false);
    else if (!source)
      error(n.at, "entity " + kgraph::quoted(e.name) +
                      " has no \"name\"; give a column such as \"{name}\"");
    e.fields.insert(e.fields.begin(), std::make_move_iterator(head.begin()),
                    std::make_move_iterator(head.end()));
    entity_index_.emplace(e.name, static_cast<int>(spec_->entities.size()));
    spec_->entities.push_back(std::move(e));
  }

  void endpoint(const JsonNode& n, EndpointSpec& ep, std::string_view which,
                const std::string& rel) {
    if (n.kind == JsonNode::Kind::string) {
      if (const auto it = entity_index_.find(n.text); it != entity_index_.end()) {
        ep.entity = it->second;
        if (spec_->entities[static_cast<std::size_t>(it->second)].section == Section::source)
          error(n.at, kgraph::quoted(which) + " of " + rel + " is the source " +
                          kgraph::quoted(n.text) +
                          "; relations join actors, laws, events and places (cite a source "
                          "with \"sources\")");
      } else {
        std::vector<std::string> names;
        std::string listed;
        for (const ElementSpec& e : spec_->entities) {
          names.push_back(e.name);
          listed += (listed.empty() ? "" : ", ") + e.name;
        }
        error(n.at, kgraph::quoted(which) + " of " + rel + " names no entity of this mapping: " +
                        kgraph::quoted(n.text) + did_you_mean_suffix(n.text, names) +
                        " (entities: " + (listed.empty() ? "none" : listed) +
                        "); for a fixed id write {\"id\": \"...\"}");
      }
      return;
    }
    if (n.kind != JsonNode::Kind::object) {
      return expected(n, "the name of one of the mapping's entities, or {\"id\": \"template\"}");
    }
    for (const JsonMember& m : members(n)) {
      if (m.key == "id") {
        ValueSpec v;
        if (m.value.kind != JsonNode::Kind::string)
          expected(m.value, "an id template");
        else if (value(m.value, v))
          ep.id = std::move(v);
      } else if (m.key == "slug") {
        if (m.value.kind != JsonNode::Kind::boolean)
          expected(m.value, "true or false");
        else
          ep.slug = m.value.boolean;
      } else {
        error(m.key_at, "unknown key " + kgraph::quoted(m.key) + " in " + kgraph::quoted(which) +
                            did_you_mean_suffix(m.key, {"id", "slug"}) +
                            "; write {\"id\": \"template\"}");
      }
    }
    if (!ep.id) error(n.at, kgraph::quoted(which) + " of " + rel + " needs \"id\"");
  }

  void relation(const JsonNode& n, std::size_t index) {
    ElementSpec r;
    r.section = Section::relation;
    r.name = "relations[" + std::to_string(index) + "]";
    r.at = at(n.at);
    if (n.kind != JsonNode::Kind::object)
      return expected(n, "an object {\"type\", \"from\", \"to\", ...}");
    const JsonNode *from = nullptr, *to = nullptr;
    bool has_type = false;
    for (const JsonMember& f : members(n)) {
      if (f.key == "from")
        from = &f.value;
      else if (f.key == "to")
        to = &f.value;
      else if (f.key == "properties")
        properties(r, f.value, kRelationKeys, std::size(kRelationKeys));
      else if (f.key == "require")
        require(r, f.value);
      else if (f.key == "when")
        r.when = condition(f.value);
      else if (one_of(f.key, kRelationKeys)) {
        has_type = has_type || f.key == "type";
        field(r.fields, f.key, f.value, f.key == "sources" || f.key == "quote");
      } else {
        error(f.key_at, "unknown key " + kgraph::quoted(f.key) + " in " + r.name +
                            did_you_mean_suffix(f.key, words(kRelationKeys)) +
                            "; further fields go under \"properties\"");
      }
    }
    // The "id" of a relation is its own id property, not an entity id: never slugged.
    for (FieldSpec& f : r.fields)
      if (f.key == "id") f.id_like = false;
    if (!has_type) error(n.at, r.name + " has no \"type\" (e.g. \"party_to\")");
    if (!from)
      error(n.at, r.name + " has no \"from\"");
    else
      endpoint(*from, r.from, "from", r.name);
    if (!to)
      error(n.at, r.name + " has no \"to\"");
    else
      endpoint(*to, r.to, "to", r.name);
    spec_->relations.push_back(std::move(r));
  }

  void sources(const JsonNode& n) {
    if (n.kind != JsonNode::Kind::array)
      return expected(n, "an array of source objects {\"id\", \"title\", ...}");
    for (const JsonNode& s : n.items) {
      if (s.kind != JsonNode::Kind::object) {
        expected(s, "a source object {\"id\", \"title\", ...}");
        continue;
      }
      RawRecord rec;
      rec.section = Section::source;
      rec.at = at(s.at);
      bool has_id = false;
      for (const JsonMember& m : members(s)) {
        RawField& f = rec.add_field(m.key, at(m.value.at));
        if (!constant(m.value, f)) continue;
        if (m.key == "id") {
          if (m.value.kind != JsonNode::Kind::string)
            expected(m.value, "a source id string");
          else if (!m.value.text.empty()) {
            has_id = true;
            spec_->source_ids.push_back(m.value.text);
          }
        }
      }
      if (!has_id) error(s.at, "a source needs an \"id\"");
      spec_->sources.push_back(std::move(rec));
    }
  }

  /// A JSON scalar or array of scalars as a field value.
  bool constant(const JsonNode& n, RawField& f) {
    auto scalar = [&](const JsonNode& v, RawScalar& out) {
      switch (v.kind) {
        case JsonNode::Kind::string:
          out = RawScalar::of_string(v.text);
          return true;
        case JsonNode::Kind::integer:
          out.kind = ValueKind::integer;
          out.integer = v.integer;
          return true;
        case JsonNode::Kind::real:
          out.kind = ValueKind::real;
          out.real = v.real;
          return true;
        case JsonNode::Kind::boolean:
          out.kind = ValueKind::boolean;
          out.boolean = v.boolean;
          return true;
        default:
          expected(v, "a string, number or boolean");
          return false;
      }
    };
    if (n.kind == JsonNode::Kind::array) {
      f.is_list = true;
      for (const JsonNode& item : n.items)
        if (!scalar(item, f.values.emplace_back())) return false;
      return true;
    }
    return scalar(n, f.values.emplace_back());
  }

  Diagnostics& diags_;
  MappingDocument& doc_;
  const LookupFileReader& read_file_;
  MappingSpec* spec_ = nullptr;                        // the table being read
  std::unordered_map<std::string, int> column_index_;  // spec_->columns -> their index
  std::unordered_map<std::string, int> entity_index_;  // spec_->entities by name
  bool ok_ = true;
};

}  // namespace

bool load_mapping(std::string_view json_text, std::uint32_t file, Diagnostics& diags,
                  MappingDocument& doc, const LookupFileReader& read_file) {
  Loader loader(file, diags, doc, read_file);
  JsonNode root;
  if (const auto error = parse_json_tree(json_text, root)) {
    diags.error(loader.at(error->at), error->message);
    return false;
  }
  loader.load(root);
  return loader.ok();
}

}  // namespace kgraph::detail
