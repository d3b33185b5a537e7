#include "graph/partial_date.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace kgraph {
namespace {

TEST(PartialDate, ParsesTheThreePrecisions) {
  EXPECT_EQ(parse_partial_date("2006")->precision(), DatePrecision::year);
  EXPECT_EQ(parse_partial_date("2006-09")->precision(), DatePrecision::month);
  EXPECT_EQ(parse_partial_date("2006-09-19")->precision(), DatePrecision::day);
  EXPECT_EQ(parse_partial_date("2006-09-19")->to_string(), "2006-09-19");
  EXPECT_EQ(parse_partial_date("0999")->to_string(), "0999");
}

TEST(PartialDate, RejectsWhatIsNotACalendarDate) {
  for (const char* bad :
       {"2006-13-01", "2006-00", "2006-02-30", "2005-02-29", "19 Sept", "", "06", "2006-9",
        "2006-09-1", "2006/09/19", "2006-09-19T00:00", " 2006", "-2006", "२००६"})
    EXPECT_FALSE(parse_partial_date(bad)) << bad;
  EXPECT_TRUE(parse_partial_date("2004-02-29"));
  EXPECT_TRUE(parse_partial_date("2000-02-29"));
  EXPECT_FALSE(parse_partial_date("1900-02-29"));
}

TEST(PartialDate, WidensToTheWholePeriod) {
  EXPECT_EQ(parse_partial_date("2006")->first_day(), 20060101u);
  EXPECT_EQ(parse_partial_date("2006")->last_day(), 20061231u);
  EXPECT_EQ(parse_partial_date("2004-02")->last_day(), 20040229u);
  EXPECT_EQ(parse_partial_date("2006-09-19")->last_day(), 20060919u);
}

TEST(PartialDate, OrdersLessPreciseFirst) {
  EXPECT_LT(PartialDate{}, *parse_partial_date("0001"));
  EXPECT_LT(*parse_partial_date("2006"), *parse_partial_date("2006-01"));
  EXPECT_LT(*parse_partial_date("2006-01"), *parse_partial_date("2006-01-01"));
}

// to_string writes digits by hand: it must read back, and agree with printf's zero padding.
TEST(PartialDate, WritesWhatItReads) {
  char expected[32];
  for (const int year : {0, 7, 42, 999, 1000, 2006, 9999}) {
    std::snprintf(expected, sizeof expected, "%04d", year);
    EXPECT_EQ(parse_partial_date(expected)->to_string(), expected);
    for (const int month : {1, 9, 10, 12}) {
      std::snprintf(expected, sizeof expected, "%04d-%02d", year, month);
      EXPECT_EQ(parse_partial_date(expected)->to_string(), expected);
      for (const int day : {1, 9, 10, 28}) {
        std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", year, month, day);
        EXPECT_EQ(parse_partial_date(expected)->to_string(), expected);
      }
    }
  }
  PartialDate far;  // beyond four digits: only a date set directly can be
  far.year = 12345;
  far.month = 6;
  EXPECT_EQ(far.to_string(), "12345-06");
  EXPECT_EQ(PartialDate{}.to_string(), "");
}

}  // namespace
}  // namespace kgraph
