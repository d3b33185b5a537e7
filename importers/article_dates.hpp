#pragma once
/// Dates written in an article's text: "September 19, 2006", "19 September 2006",
/// "Sept. 19", "September 2006", "2006-09-19". A day without a year takes `year` (the
/// article's own), or is left out when that is unknown.

#include <string_view>
#include <vector>

#include "graph/partial_date.hpp"

namespace kgraph {

/// One date found, with where it is written (byte offsets into the text).
struct DateMention {
  PartialDate date;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Every date in `text`, in order. `year` < 0: unknown.
std::vector<DateMention> find_dates(std::string_view text, int year);

}  // namespace kgraph
