#include "graph/duplicates.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

using Strings = std::vector<std::string>;

/// Each group as "type: id(matched|matched), id(...)".
Strings summary(const KnowledgeGraph& g, const std::vector<DuplicateGroup>& groups) {
  Strings out;
  for (const DuplicateGroup& group : groups) {
    std::string s = std::string(type_name(group.type)) + ":";
    for (const DuplicateMember& m : group.members) {
      s.append(" ").append(g.str(g.entities()[m.entity].id)).append("(");
      for (std::size_t i = 0; i < m.matched.size(); ++i)
        s.append(i ? "|" : "").append(m.matched[i]);
      s.append(")");
    }
    out.push_back(s);
  }
  return out;
}

const char* const kGraph = R"json({
  "sources": [{"id": "cecc"}, {"id": "untc"}],
  "actors": [
    {"id": "us-consulate", "name": "U.S. Consulate General, Shenyang", "kind": "diplomatic_mission", "sources": ["cecc"]},
    {"id": "usc-shenyang", "name": "US consulate-general Shenyang", "sources": ["untc", "cecc"]},
    {"id": "qin-gang", "name": "Qin Gang", "kind": "person"},
    {"id": "spokesman-qin", "name": "MFA spokesman", "aliases": ["QIN  GANG"]},
    {"id": "mfa", "name": "Ministry of Foreign Affairs", "aliases": ["MFA", "MFA."]},
    {"id": "government-cote-d-ivoire", "name": "Côte d'Ivoire", "kind": "government"},
    {"id": "civ", "name": "Cote dIvoire"},
    {"id": "ivory-coast", "name": "Ivory Coast", "aliases": ["COTE D’IVOIRE"]},
    {"id": "unhcr", "name": "UNHCR"},
    {"id": "unhcr-fullwidth", "name": "ＵＮＨＣＲ"}
  ],
  "places": [
    {"id": "china", "name": "China"},
    {"id": "prc", "name": "People's Republic of China", "aliases": ["china"]}
  ],
  "events": [
    {"id": "e1", "name": "China"}
  ]
})json";

TEST(Duplicates, GroupsEntitiesOfOneTypeWhoseNamesFoldTogether) {
  const KnowledgeGraph g = test::graph_from_json(kGraph);
  EXPECT_EQ(summary(g, find_duplicates(g)),
            (Strings{
                // Transitive: civ ~ government-cote-d-ivoire by name, ivory-coast by alias.
                "actor: civ(Cote dIvoire) government-cote-d-ivoire(Côte d'Ivoire) ivory-coast(COTE "
                "D’IVOIRE)",
                "actor: qin-gang(Qin Gang) spokesman-qin(QIN  GANG)",
                "actor: unhcr(UNHCR) unhcr-fullwidth(ＵＮＨＣＲ)",
                "actor: us-consulate(U.S. Consulate General, Shenyang) usc-shenyang(US "
                "consulate-general Shenyang)",
                // The event named China is another type: not in the group.
                "place: china(China) prc(china)",
            }));
}

TEST(Duplicates, NothingToReview) {
  const KnowledgeGraph g = test::graph_from_json(R"json({"actors": [
    {"id": "a", "name": "MFA", "aliases": ["M.F.A."]}, {"id": "b", "name": "UNHCR"}]})json");
  const auto groups = find_duplicates(g);
  EXPECT_TRUE(groups.empty());
  std::ostringstream text, json;
  write_duplicates_text(text, g, groups);
  write_duplicates_json(json, g, groups);
  EXPECT_EQ(text.str(), "no possible duplicates\n");
  EXPECT_EQ(json.str(), "{\n  \"groups\": []\n}\n");
}

TEST(Duplicates, TextAndJsonReports) {
  const KnowledgeGraph g =
      test::graph_from_json(R"json({"sources": [{"id": "cecc"}, {"id": "untc"}], "actors": [
    {"id": "us-consulate", "name": "U.S. Consulate General", "kind": "diplomatic_mission", "sources": ["cecc"]},
    {"id": "usc", "name": "US Consulate-General", "sources": ["untc", "cecc"]}]})json");
  const auto groups = find_duplicates(g);
  std::ostringstream text, json;
  write_duplicates_text(text, g, groups);
  write_duplicates_json(json, g, groups);
  EXPECT_EQ(text.str(),
            "1 group of possible duplicates (entities of one type whose names or aliases match "
            "once case, accents,\n"
            "punctuation and spacing are ignored; nothing was merged):\n"
            "\n"
            "actor \"usconsulategeneral\": 2 entities\n"
            "  us-consulate  \"U.S. Consulate General\"  kind diplomatic_mission\n"
            "    matched: \"U.S. Consulate General\"\n"
            "    sources: cecc\n"
            "  usc  \"US Consulate-General\"\n"
            "    matched: \"US Consulate-General\"\n"
            "    sources: cecc untc\n");
  EXPECT_EQ(json.str(), R"json({
  "groups": [
    {
      "type": "actor",
      "key": "usconsulategeneral",
      "entities": [
        {
          "id": "us-consulate",
          "name": "U.S. Consulate General",
          "kind": "diplomatic_mission",
          "matched": [
            "U.S. Consulate General"
          ],
          "sources": [
            "cecc"
          ]
        },
        {
          "id": "usc",
          "name": "US Consulate-General",
          "matched": [
            "US Consulate-General"
          ],
          "sources": [
            "cecc",
            "untc"
          ]
        }
      ]
    }
  ]
}
)json");
}

TEST(Duplicates, OrderIndependent) {
  const KnowledgeGraph a = test::graph_from_json(R"json({"actors": [
    {"id": "x", "name": "Qin Gang"}, {"id": "y", "name": "qin gang"}, {"id": "z", "name": "QIN-GANG"}]})json");
  const KnowledgeGraph b = test::graph_from_json(R"json({"actors": [
    {"id": "z", "name": "QIN-GANG"}, {"id": "y", "name": "qin gang"}, {"id": "x", "name": "Qin Gang"}]})json");
  std::ostringstream ta, tb;
  write_duplicates_json(ta, a, find_duplicates(a));
  write_duplicates_json(tb, b, find_duplicates(b));
  EXPECT_EQ(ta.str(), tb.str());
}

}  // namespace
}  // namespace kgraph
