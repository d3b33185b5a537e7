// Wikidata time values as kgraph dates (importers/wikidata_values.hpp): each precision kgraph
// keeps, the ones it refuses, BCE, the Julian calendar, and malformed times.

#include "importers/wikidata_values.hpp"

#include <gtest/gtest.h>

namespace kgraph {
namespace {

constexpr std::string_view kGregorian = kWikidataGregorian;
constexpr std::string_view kJulian = kWikidataJulian;

struct TimeCase {
  std::string_view time;
  std::int64_t precision;
  std::string_view calendar;
  std::string_view date;     // empty: refused
  std::string_view problem;  // a part of the message when refused
};

TEST(WikidataTime, KeepsYearMonthAndDayPrecisionAndRefusesTheRest) {
  const TimeCase cases[] = {
      {"+1952-10-07T00:00:00Z", 11, kGregorian, "1952-10-07", ""},
      {"+1952-10-00T00:00:00Z", 10, kGregorian, "1952-10", ""},
      {"+1952-00-00T00:00:00Z", 9, kGregorian, "1952", ""},
      {"+1952-10-07T00:00:00Z", 9, kGregorian, "1952", ""},  // the precision says what counts
      {"+0800-00-00T00:00:00Z", 9, kGregorian, "0800", ""},
      {"+00000001911-02-23T00:00:00Z", 11, kGregorian, "1911-02-23", ""},  // long years
      {"+1952-10-07T00:00:00Z", 11, "", "1952-10-07", ""},
      // The October Revolution: 25 October 1917 in the Julian calendar is 7 November.
      {"+1917-10-25T00:00:00Z", 11, kJulian, "1917-11-07", ""},
      {"+1700-02-28T00:00:00Z", 11, kJulian, "1700-03-10", ""},
      {"+1917-10-00T00:00:00Z", 10, kJulian, "1917-10", ""},  // kept as written
      {"+1950-00-00T00:00:00Z", 8, kGregorian, "", "precision 8 (decade)"},
      {"+1901-00-00T00:00:00Z", 7, kGregorian, "", "precision 7 (century)"},
      {"+2001-00-00T00:00:00Z", 6, kGregorian, "", "precision 6 (millennium)"},
      {"+1952-10-07T12:30:00Z", 13, kGregorian, "", "precision 13 (minute)"},
      {"-0044-03-15T00:00:00Z", 11, kJulian, "", "before the common era"},
      {"+0000-00-00T00:00:00Z", 9, kGregorian, "", "before the common era"},
      {"+13798000000-00-00T00:00:00Z", 9, kGregorian, "", "after the year 9999"},
      {"+1952-13-01T00:00:00Z", 11, kGregorian, "", "not a calendar date"},
      {"+1952-02-30T00:00:00Z", 11, kGregorian, "", "not a calendar date"},
      {"+1952-02-00T00:00:00Z", 11, kGregorian, "", "not a calendar date"},
      {"1952-10-07", 11, kGregorian, "", "not a Wikidata time"},
      {"+1952-1-07T00:00:00Z", 11, kGregorian, "", "not a Wikidata time"},
      {"+", 11, kGregorian, "", "not a Wikidata time"},
      {"", 11, kGregorian, "", "not a Wikidata time"},
      {"+1952-10-07T00:00:00Z", 11, "http://www.wikidata.org/entity/Q12138", "", "in the calendar"},
  };
  for (const TimeCase& c : cases) {
    const WikidataTime t = read_wikidata_time(c.time, c.precision, c.calendar);
    if (c.date.empty()) {
      EXPECT_FALSE(t.date) << c.time;
      EXPECT_NE(t.problem.find(c.problem), std::string::npos) << c.time << ": " << t.problem;
      EXPECT_NE(t.problem.find(std::string(c.time)), std::string::npos) << t.problem;
    } else {
      ASSERT_TRUE(t.date) << c.time << ": " << t.problem;
      EXPECT_EQ(t.date->to_string(), c.date) << c.time;
      EXPECT_EQ(t.problem, "");
    }
  }
}

TEST(WikidataValues, ItemIdsAndPropertyIds) {
  auto id_of = [](std::string_view json) {
    JsonNode node;
    EXPECT_FALSE(parse_json_tree(json, node)) << json;
    return wikidata_item_id(node);
  };
  EXPECT_EQ(id_of(R"({"entity-type": "item", "numeric-id": 5, "id": "Q5"})"), "Q5");
  EXPECT_EQ(id_of(R"({"entity-type": "item", "numeric-id": 42})"), "Q42");
  EXPECT_EQ(id_of(R"({"entity-type": "property", "id": "P31"})"), "");
  EXPECT_EQ(id_of(R"({"id": "Q0"})"), "");
  EXPECT_EQ(id_of(R"({"id": 5})"), "");
  EXPECT_EQ(id_of(R"("Q5")"), "");
  EXPECT_TRUE(is_wikidata_id("Q42", 'Q'));
  EXPECT_TRUE(is_wikidata_id("Q123456789012345678", 'Q'));  // numeric ids are 64-bit
  EXPECT_FALSE(is_wikidata_id("Q1234567890123456789", 'Q'));
  EXPECT_FALSE(is_wikidata_id("Q042", 'Q'));
  EXPECT_FALSE(is_wikidata_id("P31", 'Q'));
  EXPECT_FALSE(is_wikidata_id("Q", 'Q'));
  EXPECT_FALSE(is_wikidata_id("Q1x", 'Q'));
}

}  // namespace
}  // namespace kgraph
