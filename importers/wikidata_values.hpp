#pragma once
/// Wikidata's value encodings (https://www.mediawiki.org/wiki/Wikibase/DataModel/JSON): time
/// values as kgraph partial dates, and item references as ids.
///
///   WikidataTime t = read_wikidata_time("+1952-10-07T00:00:00Z", 11, kGregorian);
///   // t.date->to_string() == "1952-10-07"; t.problem empty

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "graph/partial_date.hpp"
#include "importers/json_tree.hpp"

namespace kgraph {

/// The calendar models of Wikidata time values.
inline constexpr std::string_view kWikidataGregorian = "http://www.wikidata.org/entity/Q1985727";
inline constexpr std::string_view kWikidataJulian = "http://www.wikidata.org/entity/Q1985786";

/// A time value read: the date, or why it was refused.
struct WikidataTime {
  std::optional<PartialDate> date;
  std::string problem;  // set when `date` is absent
};

/// Reads a time value with its precision (9 year, 10 month, 11 day) and calendar model.
/// Precisions below a year and dates before the year 1 are refused: kgraph's dates are years,
/// months and days of the common era. A Julian day is converted to the Gregorian calendar;
/// a Julian year or month is kept as written.
WikidataTime read_wikidata_time(std::string_view time, std::int64_t precision,
                                std::string_view calendar);

/// The member `key` of an object, or nullptr (also when `node` is no object).
const JsonNode* json_member(const JsonNode& node, std::string_view key);

/// The item id of an entity-id value (`{"entity-type": "item", "id": "Q5"}`; older dumps give
/// only `"numeric-id": 5`), or empty when the value does not name an item.
std::string wikidata_item_id(const JsonNode& value);

/// True for `Q42`: the letter, then a number without leading zeros (at most 18 digits).
bool is_wikidata_id(std::string_view s, char letter);

}  // namespace kgraph
