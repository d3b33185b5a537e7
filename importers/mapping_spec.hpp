#pragma once
/// A mapping file as loaded (importers/mapping_loader.cpp) and as used to read tables
/// (importers/mapping_table_reader.cpp): templates with the columns they name, and every
/// value's place in the mapping for the messages.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/diagnostics.hpp"
#include "graph/record.hpp"
#include "importers/csv_importer.hpp"

namespace kgraph::detail {

/// Text with `{column}` placeholders; `{{` and `}}` are literal braces.
struct Template {
  struct Part {
    std::string text;  // literal text (column < 0)
    int column = -1;   // index into MappingSpec::columns
  };
  std::vector<Part> parts;
  bool has_columns() const {
    return std::any_of(parts.begin(), parts.end(), [](const Part& p) { return p.column >= 0; });
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
  EndpointSpec from, to;          // relations only
};

struct MappingSpec {
  std::uint32_t file = 0;
  std::vector<RawRecord> sources;
  std::vector<std::string> source_ids;  // cited by everything the table makes
  std::vector<ElementSpec> entities;
  std::vector<ElementSpec> relations;
  std::vector<std::string> columns;  // every column the mapping names, once
  std::vector<Location> column_at;   // where each is first named
};

}  // namespace kgraph::detail
