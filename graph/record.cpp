#include "graph/record.hpp"

namespace kgraph {
namespace {
constexpr std::string_view kSectionNames[] = {"source", "actor", "law",
                                              "event",  "place", "relation"};
}

std::string_view section_name(Section s) { return kSectionNames[static_cast<int>(s)]; }

std::optional<Section> parse_section(std::string_view singular) {
  for (int i = 0; i < 6; ++i)
    if (kSectionNames[i] == singular) return static_cast<Section>(i);
  return std::nullopt;
}

}  // namespace kgraph
