#include "importers/article_gazetteer.hpp"

#include <algorithm>

namespace kgraph {

void ArticleGazetteer::add(std::vector<NamedEntity> entities, Origin origin) {
  for (NamedEntity& e : entities) {
    auto [it, fresh] = index_of_id_.try_emplace(e.id, static_cast<std::uint32_t>(known_.size()));
    if (fresh) known_.push_back(Known{NamedEntity{e.id, e.type, e.kind, {}}, origin});
    const std::uint32_t index = it->second;
    for (std::string& name : e.names) {
      const std::uint32_t number = matcher_.add(name);
      if (number == MentionMatcher::kNone) continue;
      if (number >= entities_of_name_.size()) entities_of_name_.resize(number + 1);
      std::vector<std::uint32_t>& named = entities_of_name_[number];
      if (std::find(named.begin(), named.end(), index) == named.end()) named.push_back(index);
      known_[index].entity.names.push_back(std::move(name));
    }
  }
}

std::span<const std::uint32_t> ArticleGazetteer::entities_named(std::uint32_t name) const {
  if (name >= entities_of_name_.size()) return {};
  return entities_of_name_[name];
}

}  // namespace kgraph
