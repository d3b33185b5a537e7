#include "graph/text.hpp"
#include "importers/importer.hpp"

namespace kgraph {
void ImporterRegistry::add(std::unique_ptr<Importer> importer) {
  importers_.push_back(std::move(importer));
}

const Importer* ImporterRegistry::for_path(std::string_view path) const {
  for (const auto& imp : importers_)
    for (std::string_view ext : imp->extensions())
      if (ends_with_nocase(path, ext)) return imp.get();
  return nullptr;
}

const Importer* ImporterRegistry::named(std::string_view name) const {
  for (const auto& imp : importers_)
    if (imp->name() == name) return imp.get();
  return nullptr;
}

std::vector<std::string> ImporterRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& imp : importers_) out.emplace_back(imp->name());
  return out;
}

}  // namespace kgraph
