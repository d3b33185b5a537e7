#pragma once
/// The vocabulary: kinds per entity type, and relation types with the endpoints they may join.
/// It is data (graph/default_schema.json, compiled in); `--schema FILE` extends it.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/diagnostics.hpp"
#include "graph/messages.hpp"  // did_you_mean, which users of the schema need

namespace kgraph {

enum class EntityType : std::uint8_t { actor, law, event, place };
inline constexpr std::array<EntityType, 4> kEntityTypes = {EntityType::actor, EntityType::law,
                                                           EntityType::event, EntityType::place};

/// "actor", "law", "event", "place".
std::string_view type_name(EntityType t);
/// "actors", "laws", ... (JSON document sections).
std::string_view type_plural(EntityType t);
std::optional<EntityType> parse_entity_type(std::string_view name);

/// One end of an allowed relation: a type (or any type), optionally narrowed to one kind.
struct Endpoint {
  std::optional<EntityType> type;  // nullopt: any type
  std::string kind;                // empty: any kind of that type
  /// "actor", "actor/person" or "any".
  std::string to_string() const;
  bool admits(EntityType t, std::string_view kind) const;
  friend bool operator==(const Endpoint&, const Endpoint&) = default;
};

struct RelationRule {
  Endpoint from;
  Endpoint to;
  friend bool operator==(const RelationRule&, const RelationRule&) = default;
};

struct RelationType {
  std::string name;
  std::string label;
  std::vector<RelationRule> allowed;
};

struct TypeInfo {
  std::string label;
  std::map<std::string, std::string> kinds;  // kind -> label
};

class Schema {
 public:
  /// The built-in vocabulary.
  static Schema builtin();

  /// Adds the kinds and relation types of a schema document (same shape as the built-in one).
  /// Problems go to `diags` against `file`; returns false if there were any.
  bool extend(std::string_view json_text, std::uint32_t file, Diagnostics& diags);

  const TypeInfo& type(EntityType t) const { return types_[static_cast<int>(t)]; }
  bool has_kind(EntityType t, std::string_view kind) const;
  /// Label for a type/kind pair, for legends and diagrams ("Government body").
  std::string kind_label(EntityType t, std::string_view kind) const;

  const RelationType* relation(std::string_view name) const;
  const std::map<std::string, RelationType, std::less<>>& relations() const { return relations_; }

  /// Whether `rel` may join an entity of (from_type, from_kind) to one of (to_type, to_kind).
  static bool allows(const RelationType& rel, EntityType from_type, std::string_view from_kind,
                     EntityType to_type, std::string_view to_kind);

  /// The effective schema as a JSON document (sorted keys, two-space indent).
  std::string to_json() const;

 private:
  std::array<TypeInfo, 4> types_;
  std::map<std::string, RelationType, std::less<>> relations_;
};

}  // namespace kgraph
