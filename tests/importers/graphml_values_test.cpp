// The JSON lists inside kgraph's own GraphML values: numbers are read exactly, and a zero with an
// exponent is zero (RapidJSON's full-precision conversion read `0e40` as garbage, and the
// sanitizer build stopped at its undefined shifts).
#include "importers/graphml_values.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kgraph::graphml {
namespace {

TEST(GraphmlValues, JsonListNumbersAreExact) {
  std::vector<RawScalar> out;
  ASSERT_TRUE(
      parse_json_list("[0e40, -0.000, 0.1, 1e308, 9007199254740993, 2.5e-324, \"x\", true]", out));
  ASSERT_EQ(out.size(), 8u);
  EXPECT_EQ(out[0].kind, ValueKind::real);
  EXPECT_EQ(out[0].real, 0.0);
  EXPECT_EQ(out[1].real, 0.0);
  EXPECT_EQ(out[2].real, 0.1);
  EXPECT_EQ(out[3].real, 1e308);
  EXPECT_EQ(out[4].kind, ValueKind::integer);
  EXPECT_EQ(out[4].integer, 9007199254740993);
  EXPECT_EQ(out[5].real, 5e-324);  // rounds to the smallest denormal, as strtod does
  EXPECT_EQ(out[6].text, "x");
  EXPECT_TRUE(out[7].boolean);
}

TEST(GraphmlValues, NotAListOfScalarsIsNotAList) {
  std::vector<RawScalar> out;
  for (const char* text : {"[1e999]", "[1,", "{\"a\": 1}", "[[1]]", "[01]", ""})
    EXPECT_FALSE(parse_json_list(text, out)) << text;
}

}  // namespace
}  // namespace kgraph::graphml
