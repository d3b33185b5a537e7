#include "cli/entity_label.hpp"

namespace kgraph::cli {

std::string entity_label(const KnowledgeGraph& g, std::uint32_t e) {
  const Entity& entity = g.entities()[e];
  return std::string(g.str(entity.name)) + " [" + std::string(g.str(entity.id)) + "]";
}

}  // namespace kgraph::cli
