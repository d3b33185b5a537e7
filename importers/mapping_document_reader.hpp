#pragma once
/// The checks the compiled-in mappings (FtM, Wikidata) make of their JSON documents, each
/// problem reported at its place; a mapping's own reader derives from it and adds its rules.
///
///   class MappingReader : public MappingDocumentReader { ... };
///   members(root, "the mapping", [&](const std::string& key, const JsonNode& v) { ... });

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "graph/diagnostics.hpp"
#include "graph/schema.hpp"
#include "importers/json_tree.hpp"

namespace kgraph {

class MappingDocumentReader {
 public:
  MappingDocumentReader(std::uint32_t file, Diagnostics& diags) : file_(file), diags_(diags) {}

  /// False once any problem has been reported.
  bool ok() const { return ok_; }

  Location where(const TextPosition& p) const { return Location{file_, p.line, p.column}; }

  void error(const TextPosition& p, std::string message);

  /// Whether `node` is of `kind`; reports it if not (`what` names it: "\"names\"").
  bool expect(const JsonNode& node, JsonNode::Kind kind, std::string_view what);

  /// A string that must not be empty; "" after reporting a problem.
  std::string text(const JsonNode& node, std::string_view what);

  /// actor, law, event or place; nullopt after reporting a problem.
  std::optional<EntityType> entity_type(const JsonNode& node, std::string_view what);

  /// Calls `take(key, value)`, or `take(key, key_at, value)`, for each member of an object;
  /// reports a key given twice or one that `take` does not know (it returns false).
  template <typename Take>
  void members(const JsonNode& node, std::string_view what, Take take) {
    if (!expect(node, JsonNode::Kind::object, what)) return;
    for (std::size_t i = 0; i < node.members.size(); ++i) {
      const JsonMember& m = node.members[i];
      for (std::size_t j = 0; j < i; ++j)
        if (node.members[j].key == m.key) error(m.key_at, "key " + quoted(m.key) + " given twice");
      bool known = false;
      if constexpr (std::is_invocable_v<Take, const std::string&, const TextPosition&,
                                        const JsonNode&>)
        known = take(m.key, m.key_at, m.value);
      else
        known = take(m.key, m.value);
      if (!known) error(m.key_at, "unknown key " + quoted(m.key) + " in " + std::string(what));
    }
  }

 private:
  std::uint32_t file_;
  Diagnostics& diags_;
  bool ok_ = true;
};

}  // namespace kgraph
