#pragma once
/// Small text helpers shared by every layer.

#include <string>
#include <string_view>

namespace kgraph {

/// Whether `s` ends with `suffix`, ignoring ASCII case (file extensions).
bool ends_with_nocase(std::string_view s, std::string_view suffix);

/// Whether `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view s);

/// Number of code points in `s` (counting each byte of malformed UTF-8 as one), for columns.
std::size_t count_code_points(std::string_view s);

/// Whether `s` contains a C0 control character or DEL.
bool has_control_character(std::string_view s);

/// A problem that no output format could carry, or null: C0 controls other than tab, newline
/// and carriage return, and the non-characters U+FFFE/U+FFFF (both excluded from XML 1.0).
const char* text_problem(std::string_view s);

}  // namespace kgraph
