#pragma once
/// The messages of the JSON record readers (json_record_reader.cpp, json_record_handler.hpp):
/// the shape a JSON document or a JSON Lines record must have, and the syntax errors RapidJSON
/// stops at. Each is built here only; the readers add the place.

#include <rapidjson/error/error.h>

#include <array>
#include <string>
#include <string_view>

#include "graph/diagnostics.hpp"
#include "graph/record.hpp"

namespace kgraph::json_records {

/// The arrays of a JSON document, in Section order, so that the index of a key is its section.
inline constexpr std::array<std::string_view, 6> kSectionKeys = {"sources", "actors", "laws",
                                                                 "events",  "places", "relations"};

/// The root of a JSON document is not an object.
std::string not_a_document_message();
/// A line of JSON Lines is not an object.
std::string not_a_line_message();
/// `unknown top-level key "x" (expected sources, ...); did you mean "y"?`
std::string unknown_section_key_message(std::string_view key);
/// A section key written twice in a document.
std::string duplicate_section_message(std::string_view key);
/// A section that is neither an array nor null.
std::string not_array_message(Section s);
/// An element of a section that is not an object.
std::string element_message(Section s);
/// A field key written twice in a record (`"record"` too).
std::string duplicate_field_message(std::string_view key);
/// A field value that is an object, or a list holding an object, a list or null.
std::string value_message(std::string_view key);
/// `"record"` whose value is not a string.
std::string bad_record_type_message();
/// `unknown record type "x" (expected source, ...); did you mean "y"?`
std::string unknown_record_type_message(std::string_view type);
/// A JSON Lines record without `"record"`.
std::string missing_record_type_message();
/// A string whose escapes decode to half of a UTF-16 surrogate pair.
std::string lone_surrogate_message();
/// A token the state machine has no case for: our bug, not the input's.
std::string unexpected_token_message();
/// A JSON Lines line longer than kMaxLineBytes (json_token_streams.hpp), at its start.
std::string line_too_long_message();
/// A single value of a JSON document (or the space before it) longer than kMaxTokenBytes.
std::string token_too_long_message();

/// Reports the RapidJSON error `code` at `where`, whose byte in the input is `at` (`end` is the
/// end of what is buffered). A byte-order mark there (files joined with their marks) gets its
/// own message and hint, a NUL byte (`at_nul_byte`) its own, two values on a line of JSON Lines
/// (`lines`) its own; anything else json_syntax_message's.
void report_syntax_error(Diagnostics& diags, Location where, const char* at, const char* end,
                         rapidjson::ParseErrorCode code, bool at_nul_byte, bool lines);

}  // namespace kgraph::json_records
