#include "importers/json_record_messages.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kgraph::json_records {
namespace {

struct MessageCase {
  std::string message;
  const char* expected;
};

TEST(JsonRecordMessages, ReadAsDocumented) {
  const MessageCase cases[] = {
      {not_a_document_message(),
       "a JSON document must be an object with the arrays \"sources\", \"actors\", \"laws\", "
       "\"events\", "
       "\"places\" and \"relations\""},
      {not_a_line_message(), "each line must be a JSON object with a \"record\" field"},
      {unknown_section_key_message("palces"),
       "unknown top-level key \"palces\" (expected sources, actors, laws, events, places or "
       "relations); did "
       "you mean \"places\"?"},
      {unknown_section_key_message("zzzzzzzz"),
       "unknown top-level key \"zzzzzzzz\" (expected sources, actors, laws, events, places or "
       "relations)"},
      {duplicate_section_message("laws"), "duplicate key \"laws\""},
      {not_array_message(Section::relation), "\"relations\" must be an array of objects"},
      {element_message(Section::source), "each element of \"sources\" must be an object"},
      {duplicate_field_message("id"), "duplicate field \"id\""},
      {value_message("when"),
       "field \"when\": a value must be a string, number, boolean, or a list of those"},
      {bad_record_type_message(),
       "\"record\" must be one of source, actor, law, event, place or relation"},
      {unknown_record_type_message("evnt"),
       "unknown record type \"evnt\" (expected source, actor, law, event, place or relation); did "
       "you mean "
       "\"event\"?"},
      {missing_record_type_message(),
       "missing \"record\" (one of source, actor, law, event, place or relation)"},
      {lone_surrogate_message(), "invalid JSON: a string escapes half of a UTF-16 surrogate pair"},
      {unexpected_token_message(), "internal error: unexpected JSON token"},
  };
  for (const MessageCase& c : cases) EXPECT_EQ(c.message, c.expected);
}

struct SyntaxCase {
  const char* name;
  std::string text;  // the input from the error on
  rapidjson::ParseErrorCode code;
  bool at_nul_byte;
  bool lines;
  const char* message;
  const char* hint;
};

TEST(JsonRecordMessages, SyntaxErrorsPickTheirMessage) {
  const SyntaxCase cases[] = {
      {"RapidJSON's own", "}", rapidjson::kParseErrorValueInvalid, false, false,
       "invalid JSON: invalid value", ""},
      {"a byte-order mark first", "\xEF\xBB\xBF{}", rapidjson::kParseErrorValueInvalid, false, true,
       "a byte-order mark (U+FEFF) in the middle of the file; only the very start of a file may "
       "have one",
       "remove it"},
      {"a NUL byte", std::string("\0x", 2), rapidjson::kParseErrorDocumentRootNotSingular, true,
       true, "unexpected NUL byte", ""},
      {"two values on a line", "{}", rapidjson::kParseErrorDocumentRootNotSingular, false, true,
       "invalid JSON Lines: more than one value on a line", ""},
      {"two values in a document", "{}", rapidjson::kParseErrorDocumentRootNotSingular, false,
       false, "invalid JSON: the document root must not be followed by other values", ""},
  };
  for (const SyntaxCase& c : cases) {
    Diagnostics diags;
    const std::uint32_t file = diags.add_file("input");
    report_syntax_error(diags, {file, 2, 3}, c.text.data(), c.text.data() + c.text.size(), c.code,
                        c.at_nul_byte, c.lines);
    const std::vector<Diagnostic> found = diags.sorted();
    ASSERT_EQ(found.size(), 1u) << c.name;
    EXPECT_EQ(found[0].where.line, 2u) << c.name;
    EXPECT_EQ(found[0].message.substr(0, std::string(c.message).size()), c.message) << c.name;
    EXPECT_EQ(found[0].hint.substr(0, std::string(c.hint).size()), c.hint) << c.name;
    EXPECT_EQ(found[0].hint.empty(), *c.hint == '\0') << c.name;
  }
}

}  // namespace
}  // namespace kgraph::json_records
