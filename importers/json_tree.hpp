#pragma once
/// A JSON document held whole as a tree in which every value and key knows its line and
/// column, for readers that check a small document and report each problem at its place
/// (mapping files; the record readers stream instead).
///
///   JsonNode root;
///   if (auto error = parse_json_tree(text, root))
///     diags.error(Location{file, error->at.line, error->at.column}, error->message);
///
/// Comments are allowed; nesting deeper than kMaxJsonNesting is an error, reported at the
/// bracket that goes too deep. Positions are counted once, in document order, so a document
/// on one line costs no more than the same document on many.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph {

/// A place in the text: 1-based line and column, the column counted in Unicode code points.
struct TextPosition {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

struct JsonMember;

/// One value and where it starts (its first character: a quote, a bracket, a digit, ...).
struct JsonNode {
  enum class Kind : std::uint8_t { null, boolean, integer, real, string, array, object };
  Kind kind = Kind::null;
  TextPosition at;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  std::string text;
  std::vector<JsonNode> items;      // arrays
  std::vector<JsonMember> members;  // objects, in document order, duplicates kept
};

struct JsonMember {
  std::string key;
  TextPosition key_at;
  JsonNode value;
};

/// "a string", "an object", ... for messages that say what was found.
std::string_view json_kind_text(JsonNode::Kind kind);

/// Why a document could not be read, and where.
struct JsonTreeError {
  TextPosition at;
  std::string message;
};

/// Parses `text` into `root`; the first problem (syntax, invalid UTF-8, a NUL byte, nesting
/// too deep) if there is one, after which `root` holds part of the document.
std::optional<JsonTreeError> parse_json_tree(std::string_view text, JsonNode& root);

}  // namespace kgraph
