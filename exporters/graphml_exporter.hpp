#pragma once
/// GraphML 1.1 output (docs/formats/graphml.md): typed keys, one node per entity, one edge per
/// relation, Neo4j APOC `labels`/`label` data. The naming rules are public so that tests and a
/// future GraphML importer can apply them.

#include <memory>
#include <string>
#include <string_view>

#include "exporters/exporter.hpp"
#include "graph/schema.hpp"

namespace kgraph {

/// The GraphML exporter (`.graphml`).
std::unique_ptr<Exporter> make_graphml_exporter();

namespace graphml {

/// Whether `s` is written as it is where GraphML wants an NMTOKEN (node ids, attr.name):
/// non-empty, only `A-Z a-z 0-9 _ . : -`, and not starting with `.`, `:` or `-`.
bool is_plain_token(std::string_view s);

/// `s` itself when is_plain_token(s); otherwise `-` followed by `s` with every byte outside
/// `A-Z a-z 0-9 _ : -` written as `.XX` (two upper-case hex digits). Injective, and never equal
/// to a plain token, since a plain token cannot start with `-`. E.g. `Kim Jong-il` ->
/// `-Kim.20Jong-il`.
std::string token(std::string_view s);
void append_token(std::string& out, std::string_view s);

/// The attr.name under which a property key is written. A key that, stripped of its leading
/// underscores, is a built-in name of its domain gets one more leading `_` (`labels` ->
/// `_labels`, `_labels` -> `__labels`); the result is then passed through token().
/// Node built-ins: id type kind name aliases start end sources labels.
/// Edge built-ins: type label start end role sources (`id` and `quote` are relation properties
/// and are written under the built-in keys of those names).
std::string property_attr_name(std::string_view key, bool for_node);

/// Neo4j APOC node labels, e.g. `:Actor:GovernmentBody` (type, then the kind in PascalCase).
std::string neo4j_labels(EntityType type, std::string_view kind);

/// Neo4j relationship type: the relation type upper-cased, other ASCII punctuation as `_`,
/// e.g. `located_in` -> `LOCATED_IN`.
std::string neo4j_relationship_type(std::string_view type);

}  // namespace graphml
}  // namespace kgraph
