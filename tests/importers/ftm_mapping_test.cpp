// The FtM mapping compiled in (importers/assets/ftm_mapping.json) checked against FtM's own
// model (tests/data/ftm/model/defaultModel.json, see SOURCES.txt there): every schema it names
// exists, and every property it reads exists in that schema or a parent with the type it needs.

#include "importers/ftm_mapping.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "importers/json_tree.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

const JsonNode* member(const JsonNode& node, std::string_view key) {
  for (const JsonMember& m : node.members)
    if (m.key == key) return &m.value;
  return nullptr;
}

/// FtM's model: schemata with their properties and the schemata they extend.
class FtmModel {
 public:
  FtmModel() {
    text_ = test::read_file(test::test_data("ftm/model/defaultModel.json"));
    auto error = parse_json_tree(text_, root_);
    if (error) ADD_FAILURE() << "defaultModel.json: " << error->message;
  }

  const JsonNode* schema(std::string_view name) const {
    const JsonNode* schemata = member(root_, "schemata");
    return schemata ? member(*schemata, name) : nullptr;
  }

  /// The property of that name in the schema or the schemata it extends, or nullptr.
  const JsonNode* property(std::string_view schema_name, std::string_view name) const {
    const JsonNode* s = schema(schema_name);
    if (!s) return nullptr;
    if (const JsonNode* properties = member(*s, "properties"))
      if (const JsonNode* p = member(*properties, name)) return p;
    if (const JsonNode* extends = member(*s, "extends"))
      for (const JsonNode& parent : extends->items)
        if (const JsonNode* p = property(parent.text, name)) return p;
    return nullptr;
  }

  /// The property's FtM type (`entity`, `date`, `country`, ...), or "(missing)".
  std::string type_of(std::string_view schema_name, std::string_view name) const {
    const JsonNode* p = property(schema_name, name);
    const JsonNode* type = p ? member(*p, "type") : nullptr;
    return type ? type->text : "(missing)";
  }

  const JsonNode* country_values() const {
    const JsonNode* types = member(root_, "types");
    const JsonNode* country = types ? member(*types, "country") : nullptr;
    return country ? member(*country, "values") : nullptr;
  }

 private:
  std::string text_;
  JsonNode root_;
};

const FtmModel& model() {
  static const FtmModel m;
  return m;
}

using Types = std::set<std::string>;

/// Fails unless `property` of `schema` exists in the model with one of `types`.
void expect_property(std::string_view schema, std::string_view property, const Types& types,
                     std::string_view role) {
  const std::string type = model().type_of(schema, property);
  EXPECT_TRUE(types.count(type)) << schema << "." << property << " (" << role << ") has type "
                                 << type;
}

TEST(FtmMapping, BuiltinLoadsAndFitsTheBuiltinSchema) {
  const FtmMapping& m = builtin_ftm_mapping();
  Diagnostics diags;
  EXPECT_TRUE(check_ftm_mapping(m, Schema::builtin(), diags));
  EXPECT_EQ(diags.error_count(), 0u);
  for (const char* schema :
       {"Person", "Organization", "Company", "PublicBody", "LegalEntity", "Address", "Event"})
    EXPECT_NE(m.entity(schema), nullptr) << schema;
  for (const char* schema : {"Ownership", "Directorship", "Membership", "Employment", "Family",
                             "Associate", "Representation", "UnknownLink", "Payment", "Sanction"})
    EXPECT_NE(m.relation(schema), nullptr) << schema;
}

TEST(FtmMapping, EntitySchemataAndTheirPropertiesAreInTheModel) {
  const FtmMapping& m = builtin_ftm_mapping();
  for (const auto& [schema, rule] : m.entities) {
    ASSERT_NE(model().schema(schema), nullptr) << schema << " is not an FtM schema";
    for (const std::string& p : rule.names.empty() ? m.names : rule.names)
      expect_property(schema, p, {"name", "address", "string"}, "name");
    for (const std::string& p : rule.start) expect_property(schema, p, {"date"}, "start");
    for (const std::string& p : rule.end) expect_property(schema, p, {"date"}, "end");
    for (const std::string& p : m.aliases)
      if (model().property(schema, p)) expect_property(schema, p, {"name"}, "alias");
    if (!m.source_url.empty()) expect_property(schema, m.source_url, {"url"}, "source URL");
    if (!m.source_publisher.empty())
      expect_property(schema, m.source_publisher, {"string"}, "publisher");
  }
}

TEST(FtmMapping, IntervalEndpointsDatesAndRolesAreInTheModel) {
  const FtmMapping& m = builtin_ftm_mapping();
  for (const auto& [schema, rule] : m.relations) {
    const JsonNode* s = model().schema(schema);
    ASSERT_NE(s, nullptr) << schema << " is not an FtM schema";
    EXPECT_NE(model().property(schema, "startDate"), nullptr) << schema << " is not an interval";
    if (!rule.from.empty()) expect_property(schema, rule.from, {"entity"}, "from");
    expect_property(schema, rule.to, {"entity"}, "to");
    if (!rule.role.empty()) expect_property(schema, rule.role, {"string", "text"}, "role");
    for (const std::string& p : rule.start.empty() ? m.interval_start : rule.start)
      expect_property(schema, p, {"date"}, "start");
    for (const std::string& p : rule.end.empty() ? m.interval_end : rule.end)
      expect_property(schema, p, {"date"}, "end");
    if (rule.from_law) {
      for (const std::string& p : rule.from_law->id)
        expect_property(schema, p, {"string", "identifier"}, "law id");
      for (const std::string& p : rule.from_law->name)
        expect_property(schema, p, {"string", "identifier"}, "law name");
    }
    // Where the model draws the interval as an edge, the mapping keeps its direction.
    if (const JsonNode* edge = member(*s, "edge"); edge && !rule.from.empty()) {
      EXPECT_EQ(member(*edge, "source")->text, rule.from) << schema;
      EXPECT_EQ(member(*edge, "target")->text, rule.to) << schema;
    }
  }
}

TEST(FtmMapping, LinksAreEntityOrCountryPropertiesOfMappedSchemata) {
  const FtmMapping& m = builtin_ftm_mapping();
  for (const auto& [property, rule] : m.links) {
    const std::string wanted = rule.target == FtmLinkRule::Target::country ? "country" : "entity";
    std::size_t found = 0;
    for (const auto& [schema, entity] : m.entities) {
      if (!rule.relation.count(entity.type) || !model().property(schema, property)) continue;
      ++found;
      expect_property(schema, property, {wanted}, "link");
    }
    EXPECT_GT(found, 0u) << "no mapped schema has the link property " << property;
  }
}

TEST(FtmMapping, CountryNamesAreTheModels) {
  const JsonNode* values = model().country_values();
  ASSERT_NE(values, nullptr);
  ASSERT_GT(values->members.size(), 250u);
  for (const JsonMember& c : values->members)
    EXPECT_EQ(ftm_country_name(c.key), c.value.text) << c.key;
  EXPECT_EQ(ftm_country_name("de"), "Germany");
  EXPECT_EQ(ftm_country_name("zz-unknown"), "");
}

}  // namespace
}  // namespace kgraph
