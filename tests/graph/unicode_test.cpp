#include "graph/unicode.hpp"

#include <gtest/gtest.h>

namespace kgraph {
namespace {

TEST(MatchKey, FoldsCaseAccentsPunctuationAndSpacing) {
  EXPECT_EQ(match_key("U.S. Consulate-General, Shenyang"), "usconsulategeneralshenyang");
  EXPECT_EQ(match_key("US consulate general  Shenyang"), "usconsulategeneralshenyang");
  EXPECT_EQ(match_key("Côte d'Ivoire"), match_key("COTE D’IVOIRE"));
  EXPECT_EQ(match_key("Straße"), "strasse");
  EXPECT_EQ(match_key("ＵＮＨＣＲ"), "unhcr");  // fullwidth: compatibility decomposition
  EXPECT_EQ(match_key("ﬁle №５"), "fileno5");   // ligature and compatibility characters
  EXPECT_EQ(match_key("秦刚"), "秦刚");
  EXPECT_EQ(match_key("Qin\u200BGang"), "qingang");  // format characters go
  EXPECT_EQ(match_key("«—»"), "");
  EXPECT_EQ(match_key("C++"), "c++");  // symbols stay
  EXPECT_EQ(match_key(std::string("a\xFF"
                                  "b")),
            "a\uFFFDb");
}

TEST(Slug, MakesReadableIds) {
  EXPECT_EQ(slug("Côte d'Ivoire"), "cote-d-ivoire");
  EXPECT_EQ(slug("Türkiye"), "turkiye");
  EXPECT_EQ(slug("Netherlands (Kingdom of the)"), "netherlands-kingdom-of-the");
  EXPECT_EQ(slug("  United Kingdom of Great Britain and Northern Ireland "),
            "united-kingdom-of-great-britain-and-northern-ireland");
  EXPECT_EQ(slug("中国"), "中国");
  EXPECT_EQ(slug("Republic of Korea"), "republic-of-korea");
  EXPECT_EQ(slug("1951"), "1951");
  EXPECT_EQ(slug("---"), "");
}

}  // namespace
}  // namespace kgraph
