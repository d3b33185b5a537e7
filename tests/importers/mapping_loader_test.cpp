// Loading mapping files: their shape, and every problem at its line and column
// (importers/mapping_loader.cpp).

#include "importers/mapping_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "graph/messages.hpp"
#include "importers/mapping.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using Strings = std::vector<std::string>;

/// The messages of loading `mapping` as "map.json"; empty if it loaded.
Strings load_messages(const std::string& mapping) {
  Diagnostics diags;
  const auto m = TableMapping::load(mapping, diags.add_file("map.json"), diags);
  Strings out;
  for (const Diagnostic& d : diags.sorted()) out.push_back(diags.format(d));
  EXPECT_EQ(m.has_value(), out.empty()) << testing::PrintToString(out);
  return out;
}

/// `count` entities on one line, `before` first in the name of the first one.
std::string one_line_mapping(std::size_t count, const std::string& before) {
  std::string s = "{\"entities\": {";
  for (std::size_t i = 0; i < count; ++i) {
    if (i) s += ", ";
    s += "\"" + (i == 0 ? before : std::string()) + "e" + std::to_string(i) +
         "\": {\"type\": \"actor\", \"id\": \"a-" + std::to_string(i) +
         "-{x}\", \"name\": \"{x}\"}";
  }
  return s;
}

struct LoadError {
  const char* name;
  std::string mapping;
  Strings messages;
};

const LoadError kLoadErrors[] = {
    {"syntax",
     "{\"entities\": {\n  \"a\": {\"type\": \"actor\",}\n}}",
     {"map.json:2:25: error: invalid JSON: missing a name for object member"}},
    {"not an object",
     "[]",
     {"map.json:1:1: error: a mapping is a JSON object with \"entities\" and optionally "
      "\"relations\" and \"sources\", or with \"tables\""}},
    {"no entities",
     "{}",
     {"map.json:1:1: error: the mapping has no \"entities\"; it needs an object of entity name "
      "-> {\"type\", \"id\", \"name\", ...}"}},
    {"unknown top-level key",
     "{\"entities\": {}, \"relation\": []}",
     {"map.json:1:18: error: unknown key \"relation\" in the mapping; did you mean \"relations\"?; "
      "the keys are \"entities\", \"relations\", \"sources\", \"lookups\", \"files\", "
      "\"format\", \"delimiter\", \"columns\", \"tables\" and \"description\""}},
    {"unknown entity type",
     "{\"entities\": {\"a\": {\"type\": \"person\", \"id\": \"{x}\", \"name\": \"{x}\"}}}",
     {"map.json:1:29: error: unknown entity type \"person\"; the types are actor, law, event, "
      "place (a subtype is a "
      "\"kind\")"}},
    {"entity without id and name",
     "{\"entities\": {\n  \"a\": {\"type\": \"law\"}}}",
     {"map.json:2:8: error: entity \"a\" has no \"id\"; give a template such as \"country-{name}\"",
      "map.json:2:8: error: entity \"a\" has no \"name\"; give a column such as \"{name}\""}},
    {"unknown entity key",
     "{\"entities\": {\"a\": {\"type\": \"law\", \"id\": \"x\", \"name\": \"x\", \"alias\": "
     "\"y\"}}}",
     {"map.json:1:60: error: unknown key \"alias\" in entity \"a\"; did you mean \"aliases\"?; "
      "further fields go under "
      "\"properties\""}},
    {"bad templates",
     "{\"entities\": {\"a\": {\"type\": \"law\", \"id\": \"x-{y\", \"name\": \"a}b\"}}}",
     {"map.json:1:42: error: unclosed \"{\" in template \"x-{y\"; write {column} or a literal "
      "brace as \"{{\"",
      "map.json:1:58: error: unmatched \"}\" in template \"a}b\"; write a literal brace as "
      "\"}}\""}},
    {"unknown value type",
     "{\"entities\": {\"a\": {\"type\": \"law\", \"id\": \"x\", \"name\": \"x\",\n"
     " \"properties\": {\"n\": {\"column\": \"n\", \"type\": \"integer\"}}}}}",
     {"map.json:2:46: error: unknown type \"integer\"; types: string, int, long, float, double, "
      "boolean"}},
    {"number as a name",
     "{\"entities\": {\"a\": {\"type\": \"law\", \"id\": \"x\", \"name\": 5}}}",
     {"map.json:1:55: error: expected text for \"name\" (a template string), found a number"}},
    {"duplicate key",
     "{\"entities\": {\"a\": {\"type\": \"law\", \"id\": \"x\", \"id\": \"y\", \"name\": \"x\"}}}",
     {"map.json:1:47: error: duplicate key \"id\" (first at line 1)"}},
    {"relation to an unknown entity",
     "{\"entities\": {\"gov\": {\"type\": \"actor\", \"id\": \"x\", \"name\": \"x\"}},\n"
     " \"relations\": [{\"type\": \"signed\", \"from\": \"gov\", \"to\": \"treaty\"}]}",
     {"map.json:2:56: error: \"to\" of relations[0] names no entity of this mapping: \"treaty\" "
      "(entities: gov); for a "
      "fixed id write {\"id\": \"...\"}"}},
    {"relation without type and from",
     "{\"entities\": {},\n \"relations\": [\n  {\"to\": {\"id\": \"x\"}}]}",
     {"map.json:3:3: error: relations[0] has no \"from\"",
      "map.json:3:3: error: relations[0] has no \"type\" (e.g. \"party_to\")"}},
    {"property that is a field",
     "{\"entities\": {\"a\": {\"type\": \"law\", \"id\": \"x\", \"name\": \"x\", "
     "\"properties\": {\"kind\": \"treaty\"}}}}",
     {"map.json:1:75: error: \"kind\" is a field, not a property; write it beside \"properties\""}},
    {"non-ascii columns count code points",
     "{\"entities\": {\"é\": {\"type\": \"lw\", \"id\": \"x\", \"name\": \"x\"}}}",
     {"map.json:1:29: error: unknown entity type \"lw\"; did you mean \"law\"?; the types are "
      "actor, law, event, place "
      "(a subtype is a \"kind\")"}},
};

TEST(MappingLoader, MappingErrorsHavePositions) {
  for (const LoadError& c : kLoadErrors) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(load_messages(c.mapping), c.messages);
  }
}

TEST(MappingLoader, BrokenMappingsAreReportedNeverCrash) {
  // Every one-character deletion or replacement of a valid mapping either loads or reports
  // errors, each with a line and column inside the mapping.
  const std::string good =
      test::read_file(test::source_path("examples/treaty-status/mapping.json"));
  const std::size_t lines =
      static_cast<std::size_t>(std::count(good.begin(), good.end(), '\n')) + 1;
  for (std::size_t i = 0; i < good.size(); ++i) {
    for (const std::string& bad :
         {good.substr(0, i) + good.substr(i + 1), good.substr(0, i) + "{" + good.substr(i + 1)}) {
      Diagnostics diags;
      const auto m = TableMapping::load(bad, diags.add_file("map.json"), diags);
      if (m) continue;
      ASSERT_TRUE(diags.has_errors());
      for (const Diagnostic& d : diags.sorted()) {
        EXPECT_GE(d.where.line, 1u) << diags.format(d);
        EXPECT_LE(d.where.line, lines) << diags.format(d);
        EXPECT_GE(d.where.column, 1u) << diags.format(d);
      }
    }
  }
}

TEST(MappingLoader, NestingUpToTheLimitIsAShapeProblemOnly) {
  std::string deep = "{\"entities\": {}, \"description\": ";
  deep += std::string(kMaxJsonNesting - 1, '[') + std::string(kMaxJsonNesting - 1, ']') + "}";
  EXPECT_EQ(load_messages(deep), Strings{});
}

TEST(MappingLoader, NestingDeeperThanTheLimitIsAnErrorAtItsBracket) {
  std::string deep = "{\"entities\": {}, \"description\": ";
  deep += std::string(kMaxJsonNesting, '[') + std::string(kMaxJsonNesting, ']') + "}";
  EXPECT_EQ(load_messages(deep), Strings{"map.json:1:544: error: nesting deeper than 512"});
}

TEST(MappingLoader, VeryDeepNestingIsAnErrorNotACrash) {
  // 100,000 nested objects overflowed the stack (SIGSEGV) before there was a limit.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
  deep += "1" + std::string(100000, '}');
  EXPECT_EQ(load_messages(deep), Strings{"map.json:1:2561: error: nesting deeper than 512"});
}

TEST(MappingLoader, ColumnsOnOneLongLineAreRightAndCheap) {
  // A generated mapping on one line: 40,000 entities took 32 s when each value's column was
  // counted from the start of the line (bench/adversarial_growth.py, mapping_one_line, shows
  // the time now). "Zürich" before them: columns count code points.
  auto mapping_of = [](std::size_t n) {
    return one_line_mapping(n, "Zürich-") +
           ", \"x\": {\"type\": \"actr\", \"id\": \"{x}\", \"name\": \"{x}\"}}}";
  };
  const std::string mapping = mapping_of(40000);
  const std::size_t type = mapping.find("\"actr\"");
  // 1-based: the byte offset plus one, less one for the second byte of "ü".
  EXPECT_EQ(
      load_messages(mapping),
      Strings{
          "map.json:1:" + std::to_string(type) +
          ": error: unknown entity type \"actr\"; did you mean \"actor\"?; the types are actor, "
          "law, event, place (a subtype is a \"kind\")"});
}

TEST(MappingLoader, ManyEntitiesAndRelationsLoadInLinearTime) {
  // Duplicate keys and entity names were found by comparing each with every other.
  auto mapping_of = [](std::size_t n) {
    std::string mapping = one_line_mapping(n, "");
    mapping += "}, \"relations\": [";
    for (std::size_t i = 0; i < n; ++i)
      mapping += std::string(i ? ", " : "") + "{\"type\": \"member_of\", \"from\": \"e" +
                 std::to_string(i) + "\", \"to\": \"e" + std::to_string(n - 1 - i) + "\"}";
    return mapping + "]}";
  };
  Diagnostics diags;
  const auto m = TableMapping::load(mapping_of(40000), diags.add_file("map.json"), diags);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->entity_count(), 40000u);
  EXPECT_EQ(m->relation_count(), 40000u);
}

}  // namespace
}  // namespace kgraph
