#include "importers/graphml_settings.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace kgraph::graphml {
namespace {

constexpr std::array<std::string_view, 6> kSettingNames = {
    "type", "kind", "name", "relation", "default-type", "default-relation"};

}  // namespace

bool read_settings(const ImportOptions& options, std::uint32_t file, Diagnostics& diags,
                   GraphmlSettings& s) {
  bool ok = true;
  const Location at{file, 0, 0};
  for (const auto& [key, value] : options.settings) {
    if (!key.starts_with("graphml.")) continue;
    const std::string_view name = std::string_view(key).substr(8);
    if (std::find(kSettingNames.begin(), kSettingNames.end(), name) == kSettingNames.end()) {
      diags.error(at, "unknown input option \"" + key + "\"",
                  "GraphML takes graphml.type, graphml.kind, graphml.name, graphml.relation, "
                  "graphml.default-type and graphml.default-relation");
      ok = false;
    } else if (value.empty()) {
      diags.error(at, "input option \"" + key + "\" needs a value");
      ok = false;
    } else if (name == "type") {
      s.type_attr = value;
    } else if (name == "kind") {
      s.kind_attr = value;
    } else if (name == "name") {
      s.name_attr = value;
    } else if (name == "relation") {
      s.relation_attr = value;
    } else if (name == "default-type") {
      s.default_type = parse_entity_type(value);
      if (!s.default_type) {
        diags.error(at,
                    "input option graphml.default-type: \"" + value + "\" is not an entity type",
                    "one of actor, law, event, place");
        ok = false;
      }
    } else {
      s.default_relation = value;
    }
  }
  return ok;
}

}  // namespace kgraph::graphml
