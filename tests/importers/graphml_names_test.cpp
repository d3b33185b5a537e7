// The GraphML importer's naming rules: snake_case, labels to type and kind, relation types,
// and kgraph's escaped attribute names read back.

#include "importers/graphml_names.hpp"

#include <gtest/gtest.h>

#include "exporters/graphml_exporter.hpp"

namespace kgraph::graphml {
namespace {

TEST(GraphmlNames, SnakeCase) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"GovernmentBody", "government_body"},
      {"government-body", "government_body"},
      {"GOVERNMENT BODY", "government_body"},
      {"LOCATED_IN", "located_in"},
      {"locatedIn", "located_in"},
      {"HTTPServer", "http_server"},
      {"person", "person"},
      {"  Person  ", "person"},
      {"Article33", "article33"},
      {"", ""},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(snake_case(in), out) << in;
}

TEST(GraphmlNames, Labels) {
  struct Case {
    std::string text;
    std::optional<EntityType> type;
    std::string kind;
    bool complete;
  };
  const std::vector<Case> cases = {
      {":Actor:GovernmentBody", EntityType::actor, "government_body", true},
      {":Person", EntityType::actor, "person", true},
      {"person", EntityType::actor, "person", true},
      {":Place:City", EntityType::place, "city", true},
      {"place", EntityType::place, "", true},
      {":Actor:Telescope", EntityType::actor, "", false},
      {":Telescope", std::nullopt, "", false},
      {":Person:Media", EntityType::actor, "person", false},  // one kind is taken
      {"", std::nullopt, "", true},
  };
  const Schema schema = Schema::builtin();
  for (const Case& c : cases) {
    const LabelMeaning m = read_labels(c.text, schema);
    EXPECT_EQ(m.type, c.type) << c.text;
    EXPECT_EQ(m.kind, c.kind) << c.text;
    EXPECT_EQ(m.complete, c.complete) << c.text;
    EXPECT_FALSE(m.conflicting) << c.text;
  }
  const LabelMeaning two = read_labels(":Actor:Place", schema);
  EXPECT_EQ(two.type, EntityType::actor);
  EXPECT_EQ(two.conflicting, EntityType::place);
}

TEST(GraphmlNames, RelationTypes) {
  const Schema schema = Schema::builtin();
  EXPECT_EQ(relation_type_of("LOCATED_IN", schema), "located_in");
  EXPECT_EQ(relation_type_of(":locatedIn", schema), "located_in");
  EXPECT_EQ(relation_type_of("member_of", schema), "member_of");
  EXPECT_EQ(relation_type_of("KNOWS", schema), "KNOWS");  // undeclared: the builder says so
}

// Every name the exporter writes decodes to the property name it came from.
TEST(GraphmlNames, ExporterNamesDecode) {
  for (const char* name : {"date of birth", "名前", "labels", "_labels", "__type", ".x", "-a.20b",
                           "plain", "label", "id", "a/b", "_id"}) {
    EXPECT_EQ(decode_attr_name(property_attr_name(name, true), true), name) << name;
    EXPECT_EQ(decode_attr_name(property_attr_name(name, false), false), name) << name;
  }
  EXPECT_EQ(decode_attr_name("-bad.Z1", true), "-bad.Z1");  // not an escape: as written
}

}  // namespace
}  // namespace kgraph::graphml
