#include "importers/ftm_line_parser.hpp"

#include <rapidjson/reader.h>

#include <algorithm>

#include "graph/messages.hpp"
#include "importers/json_positions.hpp"
#include "importers/json_tree.hpp"

namespace kgraph {

using Kind = JsonNode::Kind;

/// RapidJSON's handler: fills the parser's two entities and notes what the line's own members
/// (`op`, `entity`) were. A problem is kept, not reported, because which entity the line is
/// (its own members, or its "entity") is only known at its end, and a syntax error anywhere
/// comes before any of them.
class FtmLineHandler {
 public:
  FtmLineHandler(FtmLineParser& parser, std::string_view text, const JsonInsituStream& stream,
                 std::uint32_t file, std::uint32_t line)
      : parser_(parser), text_(text), stream_(stream), positions_(text), file_(file), line_(line) {}

  /// What one entity object held while it was read.
  struct EntityState {
    FtmEntity* entity = nullptr;
    std::optional<FtmLineProblem> problem;  // the first, in document order
    bool has_id = false;
    bool has_schema = false;
    Location at;  // its opening brace
    std::size_t properties = 0;

    void reset(FtmEntity& e, Location where) {
      *this = EntityState{};
      entity = &e;
      at = where;
      e.id = e.schema = e.caption = {};
      e.id_at = where;
      e.datasets.clear();
      e.referents.clear();
      e.count = 0;
    }
  };

  // SAX events.
  bool Null() { return value(Kind::null, literal_start(), {}); }
  bool Bool(bool) { return value(Kind::boolean, literal_start(), {}); }
  bool Int(int) { return value(Kind::integer, literal_start(), {}); }
  bool Uint(unsigned) { return value(Kind::integer, literal_start(), {}); }
  bool Int64(std::int64_t) { return value(Kind::integer, literal_start(), {}); }
  bool Uint64(std::uint64_t) { return value(Kind::integer, literal_start(), {}); }
  bool Double(double) { return value(Kind::real, literal_start(), {}); }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    return value(Kind::string, json_string_start(stream_, s), std::string_view(s, n));
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    key_ = std::string_view(s, n);
    return true;
  }
  bool StartObject() { return value(Kind::object, stream_.Tell() - 1, {}); }
  bool StartArray() { return value(Kind::array, stream_.Tell() - 1, {}); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  std::optional<Location> too_deep;
  Kind root_kind = Kind::null;
  Location root_at;
  bool op_seen = false;
  Kind op_kind = Kind::null;
  Location op_at;
  std::string_view op;
  bool entity_seen = false;
  Kind entity_kind = Kind::null;
  Location entity_at;
  EntityState top;
  EntityState nested;

  Location at(std::size_t offset) { return Location{file_, line_, positions_.at(offset).column}; }

 private:
  enum class FrameKind : std::uint8_t { skip, entity, list, properties };
  struct Frame {
    FrameKind kind = FrameKind::skip;
    bool root = false;
    EntityState* owner = nullptr;
    std::vector<FtmValue>* list = nullptr;
    std::string_view what;  // a list's name in messages: "\"datasets\"", "property "
    std::string_view name;  // and the property's name, if it is one
  };

  static bool is_container(Kind k) { return k == Kind::object || k == Kind::array; }

  std::size_t literal_start() const { return json_literal_start(text_, stream_.Tell()); }

  bool close() {
    frames_.pop_back();
    return true;
  }

  /// Opens a container the value starts (every container is a frame, skipped or not).
  bool open(Kind kind, std::size_t offset, Frame frame) {
    if (frames_.size() >= kMaxJsonNesting) {
      too_deep = at(offset);
      return false;
    }
    (void)kind;
    frames_.push_back(frame);
    return true;
  }
  bool skip(Kind kind, std::size_t offset) {
    return is_container(kind) ? open(kind, offset, Frame{}) : true;
  }

  void problem(EntityState& s, std::size_t offset, std::string message) {
    if (!s.problem) s.problem = FtmLineProblem{at(offset), std::move(message), {}};
  }

  bool value(Kind kind, std::size_t offset, std::string_view text) {
    if (frames_.empty()) {  // the line's value
      root_kind = kind;
      root_at = at(offset);
      if (kind != Kind::object) return skip(kind, offset);
      top.reset(parser_.top_, root_at);
      return open(kind, offset, Frame{FrameKind::entity, true, &top, nullptr, {}, {}});
    }
    const Frame frame = frames_.back();  // a copy: open() may grow frames_
    switch (frame.kind) {
      case FrameKind::skip:
        return skip(kind, offset);
      case FrameKind::entity:
        return member(frame, kind, offset, text);
      case FrameKind::list:
        if (!frame.owner->problem && kind == Kind::string) {
          frame.list->push_back(FtmValue{text, at(offset)});
        } else if (!frame.owner->problem) {
          problem(*frame.owner, offset,
                  std::string(frame.what) + (frame.name.empty() ? "" : quoted(frame.name)) +
                      " must hold strings; found " + std::string(json_kind_text(kind)));
        }
        return skip(kind, offset);
      case FrameKind::properties:
        return property(*frame.owner, kind, offset, text);
    }
    return true;
  }

  /// A member of an entity object (or of the line's object, which may also be a delta).
  bool member(const Frame& frame, Kind kind, std::size_t offset, std::string_view text) {
    if (frame.root && key_ == "op") {
      op_seen = true;
      op_kind = kind;
      op_at = at(offset);
      op = text;
      return skip(kind, offset);
    }
    if (frame.root && key_ == "entity") {
      entity_seen = true;
      entity_kind = kind;
      entity_at = at(offset);
      if (kind != Kind::object) return skip(kind, offset);
      nested.reset(parser_.nested_, entity_at);
      return open(kind, offset, Frame{FrameKind::entity, false, &nested, nullptr, {}, {}});
    }
    EntityState& s = *frame.owner;
    FtmEntity& e = *s.entity;
    if (s.problem) return skip(kind, offset);
    const bool id = key_ == "id", schema = key_ == "schema";
    if (id || schema || key_ == "caption") {
      if (kind != Kind::string) {
        problem(s, offset,
                quoted(key_) + " must be a string; found " + std::string(json_kind_text(kind)));
        return skip(kind, offset);
      }
      if (id) {
        e.id = text;
        e.id_at = at(offset);
        s.has_id = true;
      } else if (schema) {
        e.schema = text;
        s.has_schema = true;
      } else {
        e.caption = text;
      }
      return true;
    }
    const bool datasets = key_ == "datasets";
    if (datasets || key_ == "referents") {
      std::vector<FtmValue>& list = datasets ? e.datasets : e.referents;
      const std::string_view what = datasets ? "\"datasets\"" : "\"referents\"";
      list.clear();
      if (kind == Kind::string) list.push_back(FtmValue{text, at(offset)});
      if (kind == Kind::array)
        return open(kind, offset, Frame{FrameKind::list, false, &s, &list, what, {}});
      if (kind != Kind::string && kind != Kind::null)
        problem(s, offset,
                std::string(what) + " must be a list of strings; found " +
                    std::string(json_kind_text(kind)));
      return skip(kind, offset);
    }
    if (key_ == "properties") {
      if (kind == Kind::object)
        return open(kind, offset, Frame{FrameKind::properties, false, &s, nullptr, {}, {}});
      problem(s, offset,
              "\"properties\" must be an object; found " + std::string(json_kind_text(kind)));
      return skip(kind, offset);
    }
    return skip(kind, offset);  // members FtM has and kgraph does not use
  }

  /// One member of "properties": a string, null, or a list of strings.
  bool property(EntityState& s, Kind kind, std::size_t offset, std::string_view text) {
    if (s.problem) return skip(kind, offset);
    if (kind != Kind::string && kind != Kind::null && kind != Kind::array) {
      problem(s, offset,
              "property " + quoted(key_) + " must be a list of strings; found " +
                  std::string(json_kind_text(kind)));
      return skip(kind, offset);
    }
    FtmEntity& e = *s.entity;
    if (s.properties == e.slots.size()) e.slots.emplace_back();
    FtmProperty& p = e.slots[s.properties++];
    e.count = s.properties;
    p.name = key_;
    p.at = at(offset);
    p.values.clear();
    if (kind == Kind::string) p.values.push_back(FtmValue{text, p.at});
    if (kind != Kind::array) return true;
    return open(kind, offset, Frame{FrameKind::list, false, &s, &p.values, "property ", p.name});
  }

  FtmLineParser& parser_;
  std::string_view text_;
  const JsonInsituStream& stream_;
  JsonPositionCounter positions_;
  std::uint32_t file_;
  std::uint32_t line_;
  std::vector<Frame> frames_;
  std::string_view key_;
};

const FtmLine& FtmLineParser::parse(std::string_view text, std::uint32_t file, std::uint32_t line) {
  result_.what = FtmLine::What::problem;
  result_.entity = nullptr;
  result_.problems.clear();
  auto fail = [&](Location at, std::string message, std::string hint = {}) -> const FtmLine& {
    result_.problems.push_back(FtmLineProblem{at, std::move(message), std::move(hint)});
    return result_;
  };

  // RapidJSON decodes strings over the copy (and reads up to a NUL).
  JsonInsituStream stream = JsonInsituStream::over_copy(text, buffer_);
  FtmLineHandler h(*this, text, stream, file, line);
  rapidjson::Reader reader;
  const rapidjson::ParseResult r =
      reader.Parse<rapidjson::kParseInsituFlag | rapidjson::kParseValidateEncodingFlag |
                   rapidjson::kParseCommentsFlag>(stream, h);
  if (!r) {
    if (h.too_deep) return fail(*h.too_deep, nesting_too_deep_message());
    const std::size_t offset = std::min(r.Offset(), text.size());
    if (offset < text.size() && text[offset] == '\0') return fail(h.at(offset), nul_byte_message());
    return fail(h.at(offset), json_syntax_message(r.Code()));
  }
  if (stream.Tell() < text.size()) return fail(h.at(stream.Tell()), nul_byte_message());

  if (h.root_kind != Kind::object)
    return fail(h.root_at,
                "expected an FtM entity {\"id\", \"schema\", \"properties\"} or a delta "
                "{\"op\", \"entity\"}; found " +
                    std::string(json_kind_text(h.root_kind)),
                "FtM files hold one JSON object per line");
  FtmLineHandler::EntityState* state = &h.top;
  if (h.op_seen) {  // a delta line: {"op": "ADD", "entity": {...}}
    if (h.op_kind != Kind::string)
      return fail(h.op_at,
                  "\"op\" must be a string; found " + std::string(json_kind_text(h.op_kind)));
    if (h.op != "ADD" && h.op != "MOD" && h.op != "DEL")
      return fail(h.op_at,
                  "unknown delta operation " + quoted(h.op) + "; expected ADD, MOD or DEL");
    if (!h.entity_seen) return fail(h.root_at, "delta line without \"entity\"");
    if (h.op == "DEL") {
      result_.what = FtmLine::What::deleted;
      result_.at = h.op_at;
      return result_;
    }
    if (h.entity_kind != Kind::object)
      return fail(h.entity_at, "\"entity\" must be an object; found " +
                                   std::string(json_kind_text(h.entity_kind)));
    state = &h.nested;
  }
  if (state->problem) {
    result_.problems.push_back(std::move(*state->problem));
    return result_;
  }
  if (!state->has_id) fail(state->at, "FtM entity without \"id\"");
  if (!state->has_schema) fail(state->at, "FtM entity without \"schema\"");
  if (!result_.problems.empty()) return result_;
  result_.what = FtmLine::What::entity;
  result_.entity = state->entity;
  return result_;
}

}  // namespace kgraph
