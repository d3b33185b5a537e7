#pragma once
/// Reads one line of an FtM file, an entity `{"id", "schema", "properties", ...}` or a delta
/// `{"op": "ADD", "entity": {...}}`, straight from RapidJSON's events into an FtmEntity whose
/// texts point into the parser's copy of the line: no tree, and no allocation once the lists
/// have grown to the size of the file's lines. (It replaced a JsonNode tree per line, which
/// took a sixth of an FtM import.) Problems are found in the order a tree would find them:
/// syntax first, then the delta's `op`, then the entity's members in document order.
///
///   FtmLineParser parser;
///   const FtmLine& got = parser.parse(R"({"id": "p1", "schema": "Person"})", file, 1);
///   if (got.what == FtmLine::What::entity) use(*got.entity);

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/diagnostics.hpp"

namespace kgraph {

struct FtmValue {
  std::string_view text;
  Location at;
};

struct FtmProperty {
  std::string_view name;
  Location at;  // where its value starts
  std::vector<FtmValue> values;
};

struct FtmEntity {
  std::string_view id;
  Location id_at;
  std::string_view schema;
  std::string_view caption;
  std::vector<FtmValue> datasets;
  std::vector<FtmValue> referents;
  /// The properties of this entity; the slots past them keep their lists' memory for the
  /// next line.
  std::span<const FtmProperty> properties() const { return {slots.data(), count}; }
  std::vector<FtmProperty> slots;
  std::size_t count = 0;
};

/// Something wrong with a line, and where.
struct FtmLineProblem {
  Location at;
  std::string message;
  std::string hint;
};

/// What a line held.
struct FtmLine {
  enum class What { entity, deleted, problem };
  What what = What::problem;
  const FtmEntity* entity = nullptr;     // What::entity
  Location at;                           // What::deleted: the op's value
  std::vector<FtmLineProblem> problems;  // What::problem: one, or two (no id and no schema)
};

class FtmLineParser {
 public:
  /// Parses `text`, line number `line` of input `file`. The result and the entity it points
  /// to are valid until the next call.
  const FtmLine& parse(std::string_view text, std::uint32_t file, std::uint32_t line);

 private:
  friend class FtmLineHandler;
  std::string buffer_;
  FtmEntity top_;     // the members of the line itself
  FtmEntity nested_;  // the members of its "entity"
  FtmLine result_;
};

}  // namespace kgraph
