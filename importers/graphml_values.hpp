#pragma once
/// The values of GraphML data: typed by their key's `attr.type`, and, in kgraph's own GraphML,
/// JSON array text for lists and the graph's JSON list of sources (docs/formats/graphml.md).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/record.hpp"

namespace kgraph::graphml {

/// A key's `attr.type`: `int` and `long` are integers, `float` and `double` reals.
enum class KeyType : std::uint8_t { boolean, integer, real, string };

/// `boolean`, `int`, `long`, `float`, `double`, `string`; nullopt for anything else.
std::optional<KeyType> parse_key_type(std::string_view attr_type);
/// "boolean", "an integer key (int/long)", ... for messages.
std::string_view key_type_description(KeyType t);

/// `s` without XML white space (space, tab, CR, LF) at either end.
std::string_view trim_xml_space(std::string_view s);

/// The value of `text` under a key of type `t`: booleans `true`/`false`/`1`/`0` in any case,
/// whole numbers in 64 bits, finite reals, strings as they are; white space around a
/// non-string is ignored. On failure, `problem` says what was expected ("true, false, 1 or 0").
bool parse_typed_value(KeyType t, std::string_view text, RawScalar& out, std::string& problem);

/// The items of `text` if it is a JSON array of strings, numbers and booleans of fewer than
/// kMaxRecordValues items; false (and `out` untouched) otherwise.
bool parse_json_list(std::string_view text, std::vector<RawScalar>& out);

/// Hands one source record per object of the JSON array `text` (kgraph's `g_sources` data) to
/// `add`, its fields at `at`, built in `record`. Returns what is wrong with the text
/// ("are not a JSON array of source objects"), or an empty string.
std::string read_sources_json(std::string_view text, Location at, RawRecord& record,
                              const std::function<void(const RawRecord&)>& add);

}  // namespace kgraph::graphml
