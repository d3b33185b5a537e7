#pragma once
/// The naming rules of the GraphML importer: what a node's labels say about its type and kind,
/// which declared relation type an edge label names, and how kgraph's own escaped attribute
/// names read back (docs/formats/graphml.md, "Reading GraphML").

#include <optional>
#include <string>
#include <string_view>

#include "graph/schema.hpp"

namespace kgraph::graphml {

/// `GovernmentBody`, `government-body`, `GOVERNMENT BODY` -> `government_body`: words split at
/// lower-to-upper case changes and at ASCII punctuation or spaces, lower-cased, joined by `_`.
std::string snake_case(std::string_view word);

/// What a label text (`:Actor:Person`, `Person`, `place`) says.
struct LabelMeaning {
  std::optional<EntityType> type;
  std::string kind;  // a kind the schema declares for `type`, as the schema spells it
  /// More than one type named (`:Actor:Place`): the first and the second.
  std::optional<EntityType> conflicting;
  /// Every part named a type or a declared kind.
  bool complete = true;
};

/// Reads a label text: parts separated by `:`; a part naming a type (any case, `Actor`) gives the
/// type, a part naming a kind the schema declares (as written or in snake_case) gives the kind,
/// and, when no part names a type, the type of that kind (if exactly one type declares it).
LabelMeaning read_labels(std::string_view text, const Schema& schema);

/// The relation type a label names: as written if the schema declares it, else its snake_case
/// form if declared (`LOCATED_IN`, `locatedIn` -> `located_in`), else the text as written (the
/// builder then reports it as undeclared). A leading `:` is dropped.
std::string relation_type_of(std::string_view label, const Schema& schema);

/// The field name kgraph's GraphML exporter wrote as `attr.name`: a `-` token decoded
/// (`-date.20of.20birth` -> `date of birth`), then one leading `_` removed from a name that,
/// without its leading underscores, is a built-in of its domain (`_labels` -> `labels`).
/// A name that does not decode is returned as it is.
std::string decode_attr_name(std::string_view attr_name, bool for_node);

}  // namespace kgraph::graphml
