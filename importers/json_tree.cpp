#include "importers/json_tree.hpp"

#include <rapidjson/reader.h>

#include <climits>

#include "graph/messages.hpp"
#include "importers/json_positions.hpp"

namespace kgraph {
namespace {

/// Builds a JsonNode tree from RapidJSON's SAX events. RapidJSON reports a value once it has
/// read it, so starts are found by looking back from the stream's position. Events come in
/// document order, so their starts only move forward and the PositionCounter stays linear.
class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, const JsonInsituStream& stream, JsonNode& root)
      : text_(text), stream_(stream), positions_(text), root_(root) {}

  bool Null() {
    add(JsonNode::Kind::null, literal_start());
    return true;
  }
  bool Bool(bool b) {
    add(JsonNode::Kind::boolean, literal_start()).boolean = b;
    return true;
  }
  bool Int(int i) { return Int64(i); }
  bool Uint(unsigned u) { return Int64(u); }
  bool Int64(std::int64_t i) {
    add(JsonNode::Kind::integer, literal_start()).integer = i;
    return true;
  }
  bool Uint64(std::uint64_t u) {
    if (u > static_cast<std::uint64_t>(INT64_MAX)) return Double(static_cast<double>(u));
    return Int64(static_cast<std::int64_t>(u));
  }
  bool Double(double d) {
    add(JsonNode::Kind::real, literal_start()).real = d;
    return true;
  }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    add(JsonNode::Kind::string, string_start(s)).text.assign(s, n);
    return true;
  }
  bool StartObject() { return open(JsonNode::Kind::object); }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    key_.assign(s, n);
    key_at_ = positions_.at(string_start(s));
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    stack_.pop_back();
    return true;
  }
  bool StartArray() { return open(JsonNode::Kind::array); }
  bool EndArray(rapidjson::SizeType) {
    stack_.pop_back();
    return true;
  }

  /// Where the bracket that went too deep is, once a Start event returned false for it.
  const std::optional<TextPosition>& too_deep() const { return too_deep_; }
  TextPosition at(std::size_t offset) { return positions_.at(offset); }

 private:
  // RapidJSON (without kParseIterativeFlag) recurses once per level; stopping it here keeps
  // that recursion, and the tree's, within kMaxJsonNesting whatever the input.
  bool open(JsonNode::Kind kind) {
    const std::size_t bracket = stream_.Tell() - 1;  // the bracket was just taken
    if (stack_.size() >= kMaxJsonNesting) {
      too_deep_ = positions_.at(bracket);
      return false;
    }
    stack_.push_back(&add(kind, bracket));
    return true;
  }

  JsonNode& add(JsonNode::Kind kind, std::size_t offset) {
    JsonNode* n;
    if (stack_.empty()) {
      n = &root_;
    } else if (stack_.back()->kind == JsonNode::Kind::array) {
      n = &stack_.back()->items.emplace_back();
    } else {
      JsonMember& m = stack_.back()->members.emplace_back();
      m.key = std::move(key_);
      m.key_at = key_at_;
      n = &m.value;
    }
    n->kind = kind;
    n->at = positions_.at(offset);
    return *n;
  }
  std::size_t string_start(const char* decoded) const {
    return json_string_start(stream_, decoded);
  }
  std::size_t literal_start() const { return json_literal_start(text_, stream_.Tell()); }

  std::string_view text_;
  const JsonInsituStream& stream_;
  JsonPositionCounter positions_;
  JsonNode& root_;
  std::vector<JsonNode*> stack_;
  std::string key_;
  TextPosition key_at_;
  std::optional<TextPosition> too_deep_;
};

}  // namespace

std::string_view json_kind_text(JsonNode::Kind kind) {
  switch (kind) {
    case JsonNode::Kind::null:
      return "null";
    case JsonNode::Kind::boolean:
      return "a boolean";
    case JsonNode::Kind::integer:
    case JsonNode::Kind::real:
      return "a number";
    case JsonNode::Kind::string:
      return "a string";
    case JsonNode::Kind::array:
      return "an array";
    case JsonNode::Kind::object:
      return "an object";
  }
  return "a value";
}

std::optional<JsonTreeError> parse_json_tree(std::string_view json_text, JsonNode& root) {
  std::string buffer;  // RapidJSON decodes strings over it (and reads up to a NUL)
  JsonInsituStream stream = JsonInsituStream::over_copy(json_text, buffer);
  TreeBuilder builder(json_text, stream, root);
  rapidjson::Reader reader;
  const rapidjson::ParseResult r =
      reader.Parse<rapidjson::kParseInsituFlag | rapidjson::kParseValidateEncodingFlag |
                   rapidjson::kParseCommentsFlag>(stream, builder);
  if (r) {
    if (stream.Tell() < json_text.size())
      return JsonTreeError{builder.at(stream.Tell()), nul_byte_message()};
    return std::nullopt;
  }
  if (builder.too_deep()) return JsonTreeError{*builder.too_deep(), nesting_too_deep_message()};
  const std::size_t offset = std::min(r.Offset(), json_text.size());
  if (offset < json_text.size() && json_text[offset] == '\0')
    return JsonTreeError{builder.at(offset), nul_byte_message()};
  return JsonTreeError{builder.at(offset), json_syntax_message(r.Code())};
}

}  // namespace kgraph
