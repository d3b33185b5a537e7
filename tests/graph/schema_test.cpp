#include "graph/schema.hpp"

#include <gtest/gtest.h>

namespace kgraph {
namespace {

TEST(Schema, BuiltinCoversTheFieldOfSpec) {
  const Schema s = Schema::builtin();
  for (auto k : {"person", "organization", "government", "government_body", "group", "media"})
    EXPECT_TRUE(s.has_kind(EntityType::actor, k)) << k;
  for (auto k :
       {"treaty", "treaty_article", "protocol", "statute", "agreement", "regulation", "policy"})
    EXPECT_TRUE(s.has_kind(EntityType::law, k)) << k;
  for (auto k : {"press_conference", "statement", "repatriation", "detention", "arrest", "trial",
                 "asylum_attempt", "meeting", "protest"})
    EXPECT_TRUE(s.has_kind(EntityType::event, k)) << k;
  for (auto k : {"country", "province", "city", "site", "building"})
    EXPECT_TRUE(s.has_kind(EntityType::place, k)) << k;
  for (auto r : {"part_of", "member_of", "spokesperson_of", "leader_of", "located_in",
                 "occurred_in", "participated_in", "party_to", "signed", "enacted", "violates",
                 "cites", "reported", "stated", "detained", "repatriated", "entered", "related_to"})
    EXPECT_NE(s.relation(r), nullptr) << r;
}

TEST(Schema, AllowsOnlyDeclaredEndpoints) {
  const Schema s = Schema::builtin();
  const RelationType& spokes = *s.relation("spokesperson_of");
  EXPECT_TRUE(
      Schema::allows(spokes, EntityType::actor, "person", EntityType::actor, "government_body"));
  EXPECT_FALSE(Schema::allows(spokes, EntityType::actor, "group", EntityType::actor, ""));
  EXPECT_FALSE(Schema::allows(spokes, EntityType::actor, "", EntityType::actor, ""));
  const RelationType& related = *s.relation("related_to");
  EXPECT_TRUE(Schema::allows(related, EntityType::law, "", EntityType::place, "city"));
  const RelationType& violates = *s.relation("violates");
  EXPECT_TRUE(Schema::allows(violates, EntityType::event, "repatriation", EntityType::law,
                             "treaty_article"));
  EXPECT_FALSE(Schema::allows(violates, EntityType::place, "", EntityType::law, ""));
}

TEST(Schema, ExtendsWithAUserFile) {
  Schema s = Schema::builtin();
  Diagnostics diags;
  const auto file = diags.add_file("extra.json");
  ASSERT_TRUE(s.extend(R"({"types": {"actor": {"kinds": ["militia"]}},
    "relations": {"funded": {"label": "funded", "allowed": [{"from": "actor", "to": "actor/militia"}]},
                  "entered": {"allowed": [{"from": "actor", "to": "actor/diplomatic_mission"}]}}})",
                       file, diags));
  EXPECT_TRUE(s.has_kind(EntityType::actor, "militia"));
  EXPECT_EQ(s.kind_label(EntityType::actor, "militia"), "Militia");
  ASSERT_NE(s.relation("funded"), nullptr);
  EXPECT_TRUE(Schema::allows(*s.relation("entered"), EntityType::actor, "", EntityType::actor,
                             "diplomatic_mission"));
  EXPECT_TRUE(Schema::allows(*s.relation("entered"), EntityType::actor, "", EntityType::place, ""));
  EXPECT_NE(s.to_json().find("\"militia\": \"Militia\""), std::string::npos);
}

TEST(Schema, ReportsBadSchemasAndChangesNothing) {
  struct Case {
    const char* text;
    const char* fragment;
    std::uint32_t line, column;
  };
  const Case cases[] = {
      {"{\"types\": {\"actr\": {}}}",
       "unknown entity type \"actr\"; the types are actor, law, event, place; did you mean "
       "\"actor\"?",
       0, 0},
      {"{\"relations\": {\"x\": {\"allowed\": [{\"from\": \"actor/persn\", \"to\": \"any\"}]}}}",
       "did you mean \"person\"?", 0, 0},
      {"{\"relation\": {}}", "did you mean \"relations\"?", 0, 0},
      {"{\n  \"types\": [,]\n}", "invalid JSON", 2, 13},
      {"{\"relations\": {\"new_rel\": {\"label\": \"x\"}}}", "needs at least one \"allowed\" rule",
       0, 0},
      // The text ends inside a UTF-8 sequence: RapidJSON's validation reads its tail unchecked.
      {"{\"description\": \"ab\xF0", "UTF-8", 1, 20},
  };
  for (const Case& c : cases) {
    Schema s = Schema::builtin();
    Diagnostics diags;
    EXPECT_FALSE(s.extend(c.text, diags.add_file("bad.json"), diags)) << c.text;
    ASSERT_EQ(diags.error_count(), 1u) << c.text;
    const Diagnostic d = diags.sorted()[0];
    EXPECT_NE(d.message.find(c.fragment), std::string::npos) << d.message;
    EXPECT_EQ(d.where.line, c.line) << c.text;
    EXPECT_EQ(d.where.column, c.column) << c.text;
    EXPECT_EQ(s.to_json(), Schema::builtin().to_json());
  }
}

// RapidJSON recurses once per level of nesting; deep enough, that overflowed the stack.

std::string schema_nested(std::size_t levels) {
  return "{\"types\": {}, \"description\": " + std::string(levels, '[') + std::string(levels, ']') +
         "}";
}

/// The errors of extending the built-in schema with `text`, as "line:column: message".
std::vector<std::string> extend_errors(const std::string& text) {
  Schema s = Schema::builtin();
  Diagnostics diags;
  s.extend(text, diags.add_file("deep.json"), diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.sorted())
    out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " +
                  d.message);
  return out;
}

TEST(Schema, NestingUpToTheLimitIsRead) {
  EXPECT_EQ(extend_errors(schema_nested(kMaxJsonNesting - 1)),
            std::vector<std::string>{});  // with the root
}

TEST(Schema, NestingDeeperIsAnErrorAtTheBracketThatGoesTooDeep) {
  EXPECT_EQ(extend_errors(schema_nested(kMaxJsonNesting)),
            std::vector<std::string>{"1:541: nesting deeper than 512"});
}

TEST(Schema, VeryDeepNestingIsAnErrorNotACrash) {
  EXPECT_EQ(extend_errors(schema_nested(100000)),
            std::vector<std::string>{"1:541: nesting deeper than 512"});
  // The DOM parser's frames are small: 2,000,000 levels were needed to crash a release build.
  EXPECT_EQ(extend_errors(schema_nested(2000000)),
            std::vector<std::string>{"1:541: nesting deeper than 512"});
  std::string objects = "{\"description\": ";
  for (int i = 0; i < 100000; ++i) objects += "{\"a\": ";
  objects += "1" + std::string(100001, '}');
  EXPECT_EQ(extend_errors(objects), std::vector<std::string>{"1:3083: nesting deeper than 512"});
}

TEST(DidYouMean, PicksTheClosestOrNothing) {
  EXPECT_EQ(did_you_mean("locatd_in", {"located_in", "occurred_in"}), "located_in");
  EXPECT_EQ(did_you_mean("zzzzzz", {"located_in", "occurred_in"}), "");
}

}  // namespace
}  // namespace kgraph
