// The entities articles look for: names shared by several entities, an id known twice, names
// that fold to nothing.

#include <gtest/gtest.h>

#include "importers/article_gazetteer.hpp"

namespace kgraph {
namespace {

std::vector<std::string> ids_named(const ArticleGazetteer& g, std::string_view text) {
  std::vector<std::string> ids;
  for (const Mention& m : g.matcher().find(text))
    for (const std::uint32_t e : g.entities_named(m.name)) ids.push_back(g.entity(e).entity.id);
  return ids;
}

TEST(ArticleGazetteer, SharedNamesNameEveryEntity) {
  ArticleGazetteer g;
  g.add({{"georgia-country", EntityType::place, "country", {"Georgia"}},
         {"georgia-state", EntityType::place, "province", {"Georgia", "GA"}}},
        ArticleGazetteer::Origin::graph);
  EXPECT_EQ(ids_named(g, "Georgia and GA"),
            (std::vector<std::string>{"georgia-country", "georgia-state", "georgia-state"}));
}

TEST(ArticleGazetteer, AnIdKnownTwiceKeepsItsFirstOriginAndAddsNames) {
  ArticleGazetteer g;
  g.add({{"un", EntityType::actor, "", {"United Nations"}}}, ArticleGazetteer::Origin::graph);
  g.add({{"un", EntityType::actor, "international_organization", {"UN"}},
         {"unhcr", EntityType::actor, "", {"UNHCR"}}},
        ArticleGazetteer::Origin::gazetteer);
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g.entity(0).origin, ArticleGazetteer::Origin::graph);
  EXPECT_EQ(g.entity(0).entity.names, (std::vector<std::string>{"United Nations", "UN"}));
  EXPECT_EQ(g.entity(1).origin, ArticleGazetteer::Origin::gazetteer);
  EXPECT_EQ(ids_named(g, "the UN, UNHCR and the United Nations"),
            (std::vector<std::string>{"un", "unhcr", "un"}));
}

TEST(ArticleGazetteer, NamesThatFoldToNothingAreLeftOut) {
  ArticleGazetteer g;
  g.add({{"dash", EntityType::actor, "", {"  \xCC\x81 ", "Dash"}}},
        ArticleGazetteer::Origin::graph);
  EXPECT_EQ(g.entity(0).entity.names, std::vector<std::string>{"Dash"});
}

}  // namespace
}  // namespace kgraph
