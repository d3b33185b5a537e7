#include "exporters/rdf_schema_org.hpp"

#include <gtest/gtest.h>

namespace kgraph::rdf {
namespace {

TEST(RdfSchemaOrg, ClassesByTypeAndKind) {
  using V = std::vector<std::string_view>;
  EXPECT_EQ(schema_classes(EntityType::actor, "person"), (V{"Person"}));
  EXPECT_EQ(schema_classes(EntityType::actor, "government"),
            (V{"Organization", "GovernmentOrganization"}));
  EXPECT_EQ(schema_classes(EntityType::actor, "media"),
            (V{"Organization", "NewsMediaOrganization"}));
  EXPECT_EQ(schema_classes(EntityType::actor, "group"), V{});
  EXPECT_EQ(schema_classes(EntityType::actor, ""), V{});
  EXPECT_EQ(schema_classes(EntityType::law, "treaty_article"), (V{"Legislation"}));
  EXPECT_EQ(schema_classes(EntityType::event, "anything"), (V{"Event"}));
  EXPECT_EQ(schema_classes(EntityType::place, "building"), (V{"Place"}));
  EXPECT_EQ(schema_classes(EntityType::place, "province"), (V{"Place", "AdministrativeArea"}));
}

TEST(RdfSchemaOrg, RolesFollowTheClasses) {
  EXPECT_EQ(schema_role(EntityType::actor, "person"), SchemaRole::person);
  EXPECT_EQ(schema_role(EntityType::actor, "ngo"), SchemaRole::organization);
  EXPECT_EQ(schema_role(EntityType::actor, "group"), SchemaRole::other);
  EXPECT_EQ(schema_role(EntityType::place, "city"), SchemaRole::other);
}

TEST(RdfSchemaOrg, RelationsRestatedWhereAPropertyFits) {
  constexpr auto org = SchemaRole::organization, person = SchemaRole::person,
                 other = SchemaRole::other;
  const auto actor = EntityType::actor, place = EntityType::place, law = EntityType::law,
             event = EntityType::event;
  EXPECT_EQ(schema_relation_property("part_of", law, other, law, other), "isPartOf");
  EXPECT_EQ(schema_relation_property("part_of", place, other, place, other), "containedInPlace");
  EXPECT_EQ(schema_relation_property("part_of", actor, org, actor, org), "parentOrganization");
  EXPECT_EQ(schema_relation_property("part_of", actor, person, actor, org), "");
  EXPECT_EQ(schema_relation_property("located_in", actor, org, place, other), "location");
  EXPECT_EQ(schema_relation_property("located_in", actor, person, place, other), "");
  EXPECT_EQ(schema_relation_property("occurred_in", event, other, place, other), "location");
  EXPECT_EQ(schema_relation_property("member_of", actor, person, actor, org), "memberOf");
  EXPECT_EQ(schema_relation_property("member_of", actor, other, actor, org), "");
  EXPECT_EQ(schema_relation_property("related_to", actor, org, actor, org), "");
}

}  // namespace
}  // namespace kgraph::rdf
