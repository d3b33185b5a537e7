#pragma once
/// A mapping file as loaded (importers/mapping_loader.cpp) and as used to read tables
/// (importers/mapping_table_reader.cpp): templates with the columns they name, and every
/// value's place in the mapping for the messages.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/diagnostics.hpp"
#include "graph/record.hpp"
#include "importers/cell_formats.hpp"
#include "importers/csv_importer.hpp"
#include "importers/regex.hpp"

namespace kgraph::detail {

/// Text with placeholders: `{column}` (a JSON Pointer `{/a/b}` in a JSON Lines table), `{$name}`
/// (the table's file: `$file`, `$stem`, or a named group of its `files` pattern) and
/// `{lookup:NAME:column}`; `{{` and `}}` are literal braces.
struct Template {
  struct Part {
    std::string text;   // literal text (when column < 0 and variable < 0)
    int column = -1;    // index into MappingSpec::columns
    int variable = -1;  // index into MappingSpec::variables
    int lookup = -1;    // with column: index into MappingDocument::lookups
    bool literal() const { return column < 0 && variable < 0; }
  };
  std::vector<Part> parts;
  bool has_placeholders() const {
    return std::any_of(parts.begin(), parts.end(), [](const Part& p) { return !p.literal(); });
  }
};

/// One value of a field: a template (optionally typed and split) or a JSON constant.
struct ValueSpec {
  Location at;  // in the mapping file
  Template tmpl;
  std::optional<RawScalar> constant;  // a JSON number or boolean
  CellType type = CellType::string;
  bool split = false;
  std::string separator = ";";
  std::optional<DateFormat> date_format;  // "format": the cell is a date written so
  std::string thousands;                  // "thousands": a separator to drop from numbers
};

/// A `when` condition on a row.
struct Condition {
  enum class Kind : std::uint8_t { equals, one_of, match, negation, all, any };
  Kind kind = Kind::all;
  Location at;
  int column = -1;                  // equals, one_of, match
  std::vector<std::string> values;  // equals (one), one_of
  std::shared_ptr<const Regex> regex;
  std::vector<Condition> children;  // negation (one), all, any
};

/// Hashes std::string and std::string_view alike, so that a cell is looked up without a copy.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// A value table (`"lookups"`): key -> value, and what a missing key gives.
struct LookupSpec {
  std::string name;
  Location at;
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> values;
  std::optional<std::string> fallback;  // "default"
};

struct FieldSpec {
  std::string key;
  bool list = false;     // always written as a list (aliases, sources, shorthands, arrays, split)
  bool id_like = false;  // placeholders are slugged (id, place, within, part_of)
  std::vector<ValueSpec> values;
};

/// A relation's `from` or `to`: one of the row's entities, or an id template.
struct EndpointSpec {
  int entity = -1;  // index into MappingSpec::entities
  std::optional<ValueSpec> id;
  bool slug = true;
};

/// What one row makes: an entity or a relation.
struct ElementSpec {
  std::string name;  // the entity's key in "entities", or "relations[N]"
  Location at;
  Section section = Section::actor;
  bool slug = true;
  std::vector<FieldSpec> fields;  // for entities fields[0] is "id"
  std::vector<int> require;       // columns that must be non-empty
  std::optional<Condition> when;  // rows it is made for
  EndpointSpec from, to;          // relations only
};

/// One table layout: which files it reads, how, and what each row makes.
struct MappingSpec {
  std::uint32_t file = 0;
  Location at;                         // the table's object in the mapping
  std::shared_ptr<const Regex> files;  // "files": the file names it reads (all if none)
  std::string files_pattern;
  bool jsonl = false;               // "format": "jsonl" (columns are JSON Pointers)
  std::optional<char> delimiter;    // "delimiter"; else by the file's extension
  std::vector<std::string> header;  // "columns": the table has no header row
  std::vector<std::string> variables = {"file", "stem"};  // then the named groups of "files"
  std::vector<RawRecord> sources;
  std::vector<std::string> source_ids;  // cited by everything the table makes
  std::vector<ElementSpec> entities;
  std::vector<ElementSpec> relations;
  std::vector<std::string> columns;  // every column the mapping names, once
  std::vector<Location> column_at;   // where each is first named
};

/// A mapping file: one table layout, or several (`"tables"`), and the lookups they share.
struct MappingDocument {
  std::uint32_t file = 0;
  std::vector<MappingSpec> tables;
  std::vector<LookupSpec> lookups;
};

}  // namespace kgraph::detail
