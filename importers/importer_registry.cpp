#include "graph/text.hpp"
#include "importers/compressed_input.hpp"
#include "importers/importer.hpp"

namespace kgraph {
void ImporterRegistry::add(std::unique_ptr<Importer> importer) {
  importers_.push_back(std::move(importer));
}

// The longest ending wins, so that `.ftm.json` is FollowTheMoney although `.json` also matches.
// A compressed file is read by the importer of the name without its `.gz` (or `.bz2`, `.zst`).
const Importer* ImporterRegistry::for_path(std::string_view path) const {
  path = without_compressed_ending(path);
  const Importer* best = nullptr;
  std::size_t best_length = 0;
  for (const auto& imp : importers_)
    for (std::string_view ext : imp->extensions())
      if (ext.size() > best_length && ends_with_nocase(path, ext)) {
        best = imp.get();
        best_length = ext.size();
      }
  return best;
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
