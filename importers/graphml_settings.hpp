#pragma once
/// The GraphML importer's input options, `--input-option graphml.NAME=VALUE`
/// (docs/formats/graphml.md, "Foreign GraphML"): which data hold a node's type, kind and name
/// and an edge's relation type, and the types to give when none can be told.

#include <cstdint>
#include <optional>
#include <string>

#include "graph/diagnostics.hpp"
#include "graph/schema.hpp"
#include "importers/importer.hpp"

namespace kgraph::graphml {

/// The `graphml.*` settings, with their defaults.
struct GraphmlSettings {
  std::optional<std::string> type_attr;      // graphml.type; default: labels, label, type
  std::string kind_attr = "kind";            // graphml.kind
  std::string name_attr = "name";            // graphml.name
  std::optional<std::string> relation_attr;  // graphml.relation; default: labels, label, type
  std::optional<EntityType> default_type;    // graphml.default-type
  std::string default_relation;              // graphml.default-relation
};

/// Reads the `graphml.*` settings of `options` into `settings`; reports an unknown name, an
/// empty value or a default type that is no type against `file` (no line), and returns false
/// if it did.
bool read_settings(const ImportOptions& options, std::uint32_t file, Diagnostics& diags,
                   GraphmlSettings& settings);

}  // namespace kgraph::graphml
