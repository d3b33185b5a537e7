#include "importers/mapping_document_reader.hpp"

namespace kgraph {

void MappingDocumentReader::error(const TextPosition& p, std::string message) {
  diags_.error(where(p), std::move(message));
  ok_ = false;
}

bool MappingDocumentReader::expect(const JsonNode& node, JsonNode::Kind kind,
                                   std::string_view what) {
  if (node.kind == kind) return true;
  error(node.at, std::string(what) + " must be " + std::string(json_kind_text(kind)) + "; found " +
                     std::string(json_kind_text(node.kind)));
  return false;
}

std::string MappingDocumentReader::text(const JsonNode& node, std::string_view what) {
  if (!expect(node, JsonNode::Kind::string, what)) return {};
  if (node.text.empty()) error(node.at, std::string(what) + " must not be empty");
  return node.text;
}

std::optional<EntityType> MappingDocumentReader::entity_type(const JsonNode& node,
                                                             std::string_view what) {
  const std::string name = text(node, what);
  if (name.empty()) return std::nullopt;
  auto type = parse_entity_type(name);
  if (!type)
    error(node.at, "unknown entity type " + quoted(name) + "; expected actor, law, event or place");
  return type;
}

}  // namespace kgraph
