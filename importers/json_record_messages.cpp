#include "importers/json_record_messages.hpp"

#include <vector>

#include "graph/messages.hpp"
#include "importers/json_token_streams.hpp"

namespace kgraph::json_records {
namespace {

constexpr std::string_view kRecordTypes = "source, actor, law, event, place or relation";

const std::vector<std::string>& section_key_candidates() {
  static const std::vector<std::string> keys(kSectionKeys.begin(), kSectionKeys.end());
  return keys;
}

const std::vector<std::string>& record_type_candidates() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    out.reserve(std::size(kSectionKeys));
    for (std::string_view key : kSectionKeys) out.emplace_back(key.substr(0, key.size() - 1));
    return out;
  }();
  return names;
}

std::string_view section_key(Section s) { return kSectionKeys[static_cast<int>(s)]; }

}  // namespace

std::string not_a_document_message() {
  return "a JSON document must be an object with the arrays \"sources\", \"actors\", \"laws\", "
         "\"events\", \"places\" and \"relations\"";
}

std::string not_a_line_message() {
  return "each line must be a JSON object with a \"record\" field";
}

std::string unknown_section_key_message(std::string_view key) {
  return "unknown top-level key " + quoted(key) +
         " (expected sources, actors, laws, events, places or relations)" +
         did_you_mean_suffix(key, section_key_candidates());
}

std::string duplicate_section_message(std::string_view key) {
  return "duplicate key " + quoted(key);
}

std::string not_array_message(Section s) {
  return quoted(section_key(s)) + " must be an array of objects";
}

std::string element_message(Section s) {
  return "each element of " + quoted(section_key(s)) + " must be an object";
}

std::string duplicate_field_message(std::string_view key) {
  return "duplicate field " + quoted(key);
}

std::string value_message(std::string_view key) {
  return "field " + quoted(key) + ": a value must be a string, number, boolean, or a list of those";
}

std::string bad_record_type_message() {
  return "\"record\" must be one of " + std::string(kRecordTypes);
}

std::string unknown_record_type_message(std::string_view type) {
  return "unknown record type " + quoted(type) + " (expected " + std::string(kRecordTypes) + ")" +
         did_you_mean_suffix(type, record_type_candidates());
}

std::string missing_record_type_message() {
  return "missing \"record\" (one of " + std::string(kRecordTypes) + ")";
}

std::string lone_surrogate_message() {
  return "invalid JSON: a string escapes half of a UTF-16 surrogate pair";
}

std::string unexpected_token_message() { return "internal error: unexpected JSON token"; }

void report_syntax_error(Diagnostics& diags, Location where, const char* at, const char* end,
                         rapidjson::ParseErrorCode code, bool at_nul_byte, bool lines) {
  if (std::string_view(at, static_cast<std::size_t>(end - at)).starts_with(kBom))
    diags.error(where, byte_order_mark_message(), byte_order_mark_hint());
  else if (at_nul_byte)
    diags.error(where, nul_byte_message());
  else if (lines && code == rapidjson::kParseErrorDocumentRootNotSingular)
    diags.error(where, "invalid JSON Lines: more than one value on a line");
  else
    diags.error(where, json_syntax_message(code));
}

std::string line_too_long_message() {
  return "line longer than " + std::to_string(kMaxLineBytes >> 20) +
         " MiB; a line of JSON Lines holds one record, which may hold at most " +
         std::to_string(kMaxRecordTextBytes >> 20) + " MiB of text (the line is skipped)";
}

std::string token_too_long_message() {
  return "the value starting here is longer than " + std::to_string(kMaxTokenBytes >> 20) +
         " MiB; most likely a quote is never closed";
}

}  // namespace kgraph::json_records
