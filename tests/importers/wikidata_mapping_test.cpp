// The Wikidata mapping (importers/wikidata_mapping.hpp): the one compiled in loads and fits the
// default schema; a mapping file's mistakes are reported at their places.

#include "importers/wikidata_mapping.hpp"

#include <gtest/gtest.h>

namespace kgraph {
namespace {

using Strings = std::vector<std::string>;

Strings problems(const std::string& text) {
  Diagnostics diags;
  const std::uint32_t file = diags.add_file("m.json");
  auto mapping = load_wikidata_mapping(text, file, diags);
  if (mapping) check_wikidata_mapping(*mapping, Schema::builtin(), diags);
  Strings out;
  for (const Diagnostic& d : diags.sorted()) out.push_back(diags.format(d));
  return out;
}

TEST(WikidataMapping, TheBuiltinMappingFitsTheDefaultSchema) {
  Diagnostics diags;
  EXPECT_TRUE(check_wikidata_mapping(builtin_wikidata_mapping(), Schema::builtin(), diags));
  EXPECT_EQ(diags.error_count(), 0u);
  const WikidataMapping& m = builtin_wikidata_mapping();
  // The classes and properties issue #12 names, with what they become.
  struct ClassCase {
    std::string_view qid;
    EntityType type;
    std::string_view kind;
  };
  const ClassCase classes[] = {{"Q5", EntityType::actor, "person"},
                               {"Q7278", EntityType::actor, "political_party"},
                               {"Q6256", EntityType::place, "country"},
                               {"Q3624078", EntityType::place, "country"},  // a subclass listed
                               {"Q93288", EntityType::law, "treaty"},
                               {"Q820655", EntityType::law, "statute"},
                               {"Q1190554", EntityType::event, ""}};
  for (const ClassCase& c : classes) {
    const WikidataClassRule* rule = m.class_rule(c.qid);
    ASSERT_TRUE(rule) << c.qid;
    EXPECT_EQ(rule->type, c.type) << c.qid;
    EXPECT_EQ(rule->kind.text, c.kind) << c.qid;
  }
  for (std::string_view pid : {"P39", "P102", "P27", "P17", "P131", "P463", "P22", "P25", "P26",
                               "P40", "P3373", "P108", "P793"})
    EXPECT_TRUE(m.property(pid)) << pid;
  EXPECT_TRUE(m.property("P22")->reverse);
  EXPECT_TRUE(m.property("P26")->symmetric);
  EXPECT_EQ(m.property("P17")->relation.at(EntityType::event).text, "occurred_in");
  EXPECT_FALSE(m.property("P22")->stub);
  EXPECT_EQ(m.property("P27")->stub->kind.text, "country");
  EXPECT_EQ(m.qualifier_start, Strings{"P580"});
  EXPECT_EQ(m.reference_url, Strings{"P854"});
}

TEST(WikidataMapping, MistakesAreReportedAtTheirPlaces) {
  struct Case {
    std::string text;
    Strings expected;
  };
  const Case cases[] = {
      {"{\"classes\": {\"Q5\": {\"kind\": \"person\"}}}",
       {"m.json:1:20: error: a class rule needs \"type\""}},
      {"{\"classes\": {\"5\": {\"type\": \"actor\"}}}",
       {"m.json:1:14: error: class \"5\" is not an item id such as Q5"}},
      {"{\"classes\": {\"Q5\": {\"type\": \"agent\"}}}",
       {"m.json:1:29: error: unknown entity type \"agent\"; expected actor, law, event or place"}},
      {"{\"classes\": {\"Q5\": {\"type\": \"actor\", \"kind\": \"human\"}}}",
       {"m.json:1:46: error: kind \"human\" is not declared for actors in the schema"}},
      {"{\"classes\": {\"Q5\": {\"type\": \"actor\"}, \"Q6\": {\"type\": \"actor\", "
       "\"subclasses\": [\"Q5\"]}}}",
       {"m.json:1:78: error: class \"Q5\" is mapped twice"}},
      {"{\"properties\": {\"P26\": {\"relation\": \"married_to\"}}}",
       {"m.json:1:37: error: relation type \"married_to\" is not declared in the schema"}},
      {"{\"properties\": {\"P26\": {\"reverse\": true}}}",
       {"m.json:1:24: error: a property rule needs \"relation\""}},
      {"{\"properties\": {\"P26\": {\"relation\": \"spouse_of\", \"reverse\": true, "
       "\"symmetric\": true}}}",
       {"m.json:1:24: error: a property rule cannot be both \"reverse\" and \"symmetric\""}},
      {"{\"properties\": {\"X26\": {\"relation\": \"spouse_of\"}}}",
       {"m.json:1:17: error: property \"X26\" is not a property id such as P31"}},
      {"{\"properties\": {\"P27\": {\"relation\": \"citizen_of\", \"stub\": {\"type\": "
       "\"place\", \"kind\": \"nation\"}}}}",
       {"m.json:1:85: error: kind \"nation\" is not declared for places in the schema"}},
      {"{\"qualifiers\": {\"start\": [\"Q580\"]}}",
       {"m.json:1:27: error: \"start\" holds \"Q580\", which is not a property id such as P31"}},
      {"{\"dates\": {\"role\": [\"P2868\"]}}",
       {"m.json:1:12: error: unknown key \"role\" in \"dates\""}},
      {"{\"source\": {\"title\": \"Wikidata\"}}", {"m.json:1:1: error: \"source\" needs \"id\""}},
      {"{\"classes\": []}", {"m.json:1:13: error: \"classes\" must be an object; found an array"}},
      {"{\"colours\": {}}", {"m.json:1:2: error: unknown key \"colours\" in the mapping"}},
      {"{\"classes\": {}",
       {"m.json:1:15: error: invalid JSON: missing a comma or '}' after an object member"}},
  };
  for (const Case& c : cases) EXPECT_EQ(problems(c.text), c.expected) << c.text;
}

}  // namespace
}  // namespace kgraph
