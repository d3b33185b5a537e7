#include "exporters/rdf_schema_org.hpp"

namespace kgraph::rdf {
namespace {

// schema.org classes by type and kind; kinds not listed get the type's general class only
// (actors: none, since an actor of unknown kind may be a person or an organization).
struct ClassRow {
  EntityType type;
  std::string_view kind;
  std::string_view general;
  std::string_view specific;  // empty: none
};

constexpr ClassRow kClassTable[] = {
    {EntityType::actor, "person", "Person", ""},
    {EntityType::actor, "organization", "Organization", ""},
    {EntityType::actor, "international_organization", "Organization", ""},
    {EntityType::actor, "government", "Organization", "GovernmentOrganization"},
    {EntityType::actor, "government_body", "Organization", "GovernmentOrganization"},
    {EntityType::actor, "diplomatic_mission", "Organization", "GovernmentOrganization"},
    {EntityType::actor, "court", "Organization", "GovernmentOrganization"},
    {EntityType::actor, "media", "Organization", "NewsMediaOrganization"},
    {EntityType::actor, "company", "Organization", "Corporation"},
    {EntityType::actor, "ngo", "Organization", "NGO"},
    {EntityType::actor, "political_party", "Organization", ""},
    {EntityType::actor, "armed_group", "Organization", ""},
    {EntityType::place, "country", "Place", "Country"},
    {EntityType::place, "city", "Place", "City"},
    {EntityType::place, "province", "Place", "AdministrativeArea"},
    {EntityType::place, "region", "Place", "AdministrativeArea"},
    {EntityType::place, "district", "Place", "AdministrativeArea"},
};

}  // namespace

std::vector<std::string_view> schema_classes(EntityType type, std::string_view kind) {
  for (const ClassRow& row : kClassTable) {
    if (row.type != type || row.kind != kind) continue;
    if (row.specific.empty()) return {row.general};
    return {row.general, row.specific};
  }
  switch (type) {
    case EntityType::actor:
      return {};
    case EntityType::law:
      return {"Legislation"};
    case EntityType::event:
      return {"Event"};
    case EntityType::place:
      return {"Place"};
  }
  return {};
}

SchemaRole schema_role(EntityType type, std::string_view kind) {
  const auto classes = schema_classes(type, kind);
  if (classes.empty()) return SchemaRole::other;
  if (classes.front() == "Organization") return SchemaRole::organization;
  return classes.front() == "Person" ? SchemaRole::person : SchemaRole::other;
}

std::string_view schema_relation_property(std::string_view type, EntityType from,
                                          SchemaRole from_role, EntityType to, SchemaRole to_role) {
  const bool org_from = from_role == SchemaRole::organization,
             org_to = to_role == SchemaRole::organization;
  if (type == "part_of") {
    if (from == EntityType::law && to == EntityType::law) return "isPartOf";
    if (from == EntityType::place && to == EntityType::place) return "containedInPlace";
    if (from == EntityType::event && to == EntityType::event) return "superEvent";
    if (org_from && org_to) return "parentOrganization";
    return {};
  }
  if (type == "located_in") {
    if (from == EntityType::place && to == EntityType::place) return "containedInPlace";
    if (org_from && to == EntityType::place) return "location";
    return {};
  }
  if (type == "occurred_in" && from == EntityType::event && to == EntityType::place)
    return "location";
  if (type == "member_of" && from_role != SchemaRole::other && org_to) return "memberOf";
  return {};
}

}  // namespace kgraph::rdf
