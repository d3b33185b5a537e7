#pragma once
/// User-facing messages that more than one reader writes, built in one place so that the same
/// problem reads the same wherever it is found (the place is the Diagnostic's, not the text's).
///
///   diags.error(at, unknown_kind_message(kind, "place", kinds));
///   // unknown kind "contry" for place; did you mean "country"? (allowed: city, country, ...)

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph {

/// The deepest nesting of arrays and objects that a JSON reader accepts (records, mappings,
/// schemas); deeper input is an error at the bracket that opens level kMaxJsonNesting + 1.
inline constexpr std::size_t kMaxJsonNesting = 512;

class Diagnostics;
struct Location;

/// `FILE:LINE` (or `FILE` for line 0): where something seen earlier is, inside a message about
/// something else ("... is already used by another relation at facts.jsonl:12").
std::string place_text(const Diagnostics& diags, Location at);

/// The closest candidate to `word` by edit distance, or empty if nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
/// `; did you mean "x"?` for the closest candidate, or empty.
std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string>& candidates);
/// `; did you mean "x"?` for a suggestion already chosen, or empty if it is empty.
std::string did_you_mean_suffix(std::string_view suggestion);

/// `unknown kind "x" for TYPE; did you mean "y"? (allowed: a, b, c)`; `kinds` in the order to list.
std::string unknown_kind_message(std::string_view kind, std::string_view type_name,
                                 const std::vector<std::string>& kinds);
/// `unknown relation type "x"; did you mean "y"? (see `kgraph schema` ...)`. `context` (such as
/// "in --relations") follows the name when the place alone does not say where it was written.
std::string unknown_relation_type_message(std::string_view type,
                                          const std::vector<std::string>& types,
                                          std::string_view context = {});
/// `invalid date "x" in field "date"; expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)`.
std::string invalid_date_message(std::string_view text, std::string_view field);
/// `invalid date "x" for --since; expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)`.
std::string invalid_date_option_message(std::string_view text, std::string_view option);
/// A table row with another number of fields than its header.
std::string row_width_message(std::size_t expected, std::size_t found);

/// `invalid JSON: ...` for a rapidjson::ParseErrorCode (an int here, so that this header needs
/// no RapidJSON).
std::string json_syntax_message(int rapidjson_error_code);
/// A NUL byte in JSON text, where RapidJSON sees the end of its input.
std::string nul_byte_message();
/// JSON nested deeper than kMaxJsonNesting.
std::string nesting_too_deep_message();
/// A UTF-8 byte-order mark anywhere but at the very start of a file; with its hint.
std::string byte_order_mark_message();
std::string byte_order_mark_hint();

}  // namespace kgraph
