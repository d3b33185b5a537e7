// Dates written in article text, as a table: what is found, in which ISO form, where.

#include <gtest/gtest.h>

#include "importers/article_dates.hpp"

namespace kgraph {
namespace {

struct DateCase {
  const char* text;
  int year;              // the article's year, -1: unknown
  const char* expected;  // "ISO@begin-end ..." in bytes
};

std::string found(const DateCase& c) {
  std::string out;
  for (const DateMention& d : find_dates(c.text, c.year))
    out += (out.empty() ? "" : " ") + d.date.to_string() + "@" + std::to_string(d.begin) + "-" +
           std::to_string(d.end);
  return out;
}

TEST(ArticleDates, Table) {
  // clang-format off
  const DateCase cases[] = {
      {"on September 19, 2006, he", -1, "2006-09-19@3-21"},
      {"on September 19 2006", -1, "2006-09-19@3-20"},
      {"on Sept. 19 at", 2006, "2006-09-19@3-11"},
      {"on Sept. 19 at", -1, ""},                     // no year to give it
      {"Sep 19, 2006 and Oct. 3", 2006, "2006-09-19@0-12 2006-10-03@17-23"},
      {"on 19 September 2006.", -1, "2006-09-19@3-20"},
      {"the 3rd of May", 2006, ""},                    // not a form kgraph reads
      {"October 3rd, 2006", -1, "2006-10-03@0-17"},
      {"2006-09-19", -1, "2006-09-19@0-10"},
      {"in September 2006 and in July", 2006, "2006-09@3-17"},
      {"2006-13-01 and 2006-02-30", -1, ""},           // no such days
      {"September 31, 2006", -1, ""},
      {"x2006-09-19 and 12006-09-19", -1, ""},         // inside a longer word or number
      {"Mayday, May 5, 2006", -1, "2006-05-05@8-19"},
      {"April 28, 2004, written", 2006, "2004-04-28@0-14"},
      {"September\n19, 2006", -1, "2006-09-19@0-18"},  // wrapped across a line
      {"In July, China", 2006, ""},
  };
  // clang-format on
  for (const DateCase& c : cases) EXPECT_EQ(found(c), c.expected) << c.text;
}

}  // namespace
}  // namespace kgraph
