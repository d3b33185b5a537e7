#include "importers/wikidata_values.hpp"

#include <charconv>

namespace kgraph {
namespace {

std::string_view precision_name(std::int64_t precision) {
  switch (precision) {
    case 0:
      return "billion years";
    case 1:
      return "hundred million years";
    case 2:
      return "ten million years";
    case 3:
      return "million years";
    case 4:
      return "hundred thousand years";
    case 5:
      return "ten thousand years";
    case 6:
      return "millennium";
    case 7:
      return "century";
    case 8:
      return "decade";
    case 12:
      return "hour";
    case 13:
      return "minute";
    case 14:
      return "second";
    default:
      return "unknown";
  }
}

/// Days since a fixed origin (the Julian Day Number) of a Julian calendar date, and back to a
/// Gregorian one (the integer algorithms of Richards, "Mapping Time", 1998).
std::int64_t julian_day_number(std::int64_t y, std::int64_t m, std::int64_t d) {
  const std::int64_t a = (14 - m) / 12, yy = y + 4800 - a, mm = m + 12 * a - 3;
  return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - 32083;
}

PartialDate gregorian_of(std::int64_t jdn) {
  const std::int64_t a = jdn + 32044, b = (4 * a + 3) / 146097, c = a - 146097 * b / 4;
  const std::int64_t d = (4 * c + 3) / 1461, e = c - 1461 * d / 4, m = (5 * e + 2) / 153;
  PartialDate out;
  out.day = static_cast<std::uint8_t>(e - (153 * m + 2) / 5 + 1);
  out.month = static_cast<std::uint8_t>(m + 3 - 12 * (m / 10));
  out.year = static_cast<std::int16_t>(100 * b + d - 4800 + m / 10);
  return out;
}

bool digits(std::string_view s, std::int64_t& out) {
  if (s.empty() || s.size() > 12) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

bool is_wikidata_id(std::string_view s, char letter) {
  if (s.size() < 2 || s.size() > 19 || s[0] != letter || s[1] == '0') return false;
  for (char c : s.substr(1))
    if (c < '0' || c > '9') return false;
  return true;
}

WikidataTime read_wikidata_time(std::string_view time, std::int64_t precision,
                                std::string_view calendar) {
  WikidataTime out;
  const std::string shown = "time " + std::string(time);
  // "+1952-10-07T00:00:00Z": a sign, the year (4 digits or more), month, day; the clock time
  // is always midnight for the precisions kgraph keeps.
  const std::size_t t = time.find('T');
  const std::string_view date = time.substr(0, t);
  const std::size_t month_dash = date.size() >= 6 ? date.size() - 6 : std::string_view::npos;
  std::int64_t year = 0, month = 0, day = 0;
  if (time.empty() || (time[0] != '+' && time[0] != '-') || month_dash == std::string_view::npos ||
      month_dash < 2 || date[month_dash] != '-' || date[month_dash + 3] != '-' ||
      !digits(date.substr(1, month_dash - 1), year) ||
      !digits(date.substr(month_dash + 1, 2), month) ||
      !digits(date.substr(month_dash + 4, 2), day)) {
    out.problem = shown + " is not a Wikidata time (+YYYY-MM-DDT00:00:00Z)";
    return out;
  }
  if (time[0] == '-' || year == 0) {
    out.problem = shown + " is before the common era; kgraph dates start at the year 1";
    return out;
  }
  if (precision < 9 || precision > 11) {
    out.problem = shown + " has precision " + std::to_string(precision) + " (" +
                  std::string(precision_name(precision)) +
                  "); kgraph keeps precision 9 (year), 10 (month) and 11 (day)";
    return out;
  }
  if (year > 9999) {
    out.problem = shown + " is after the year 9999";
    return out;
  }
  if (calendar != kWikidataGregorian && calendar != kWikidataJulian && !calendar.empty()) {
    out.problem = shown + " is in the calendar " + std::string(calendar) +
                  "; expected the Gregorian (Q1985727) or the Julian (Q1985786)";
    return out;
  }
  std::string text = std::to_string(year);
  text.insert(0, 4 - std::min<std::size_t>(4, text.size()), '0');
  auto two = [](std::int64_t n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  if (precision >= 10) text += "-" + two(month);
  if (precision == 11) text += "-" + two(day);
  out.date = parse_partial_date(text);
  if (!out.date) {
    out.date.reset();
    out.problem =
        shown + " with precision " + std::to_string(precision) + " is not a calendar date";
    return out;
  }
  if (precision == 11 && calendar == kWikidataJulian)
    out.date = gregorian_of(julian_day_number(year, month, day));
  if (out.date->year > 9999 || out.date->year < 1) {
    out.date.reset();
    out.problem = shown + " is outside the years 1 to 9999 in the Gregorian calendar";
  }
  return out;
}

const JsonNode* json_member(const JsonNode& node, std::string_view key) {
  if (node.kind != JsonNode::Kind::object) return nullptr;
  for (const JsonMember& m : node.members)
    if (m.key == key) return &m.value;
  return nullptr;
}

std::string wikidata_item_id(const JsonNode& value) {
  if (const JsonNode* type = json_member(value, "entity-type");
      type && (type->kind != JsonNode::Kind::string || type->text != "item"))
    return {};
  if (const JsonNode* id = json_member(value, "id")) {
    if (id->kind == JsonNode::Kind::string && is_wikidata_id(id->text, 'Q')) return id->text;
    return {};
  }
  if (const JsonNode* n = json_member(value, "numeric-id");
      n && n->kind == JsonNode::Kind::integer && n->integer > 0)
    return "Q" + std::to_string(n->integer);
  return {};
}

}  // namespace kgraph
