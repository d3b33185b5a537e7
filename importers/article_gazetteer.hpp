#pragma once
/// The entities articles look for (`--input-format text`), with one MentionMatcher over all of
/// their names and aliases: made once per build, after every other input is read, from the
/// entities the builder holds and those of the `--gazetteer` files.
///
///   ArticleGazetteer g;
///   g.add(builder.named_entities(), ArticleGazetteer::Origin::graph);
///   g.add(gazetteer_builder.named_entities(), ArticleGazetteer::Origin::gazetteer);
///   for (const Mention& m : g.matcher().find(text))
///     for (std::uint32_t e : g.entities_named(m.name)) ...  // g.entity(e).id

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/graph_builder.hpp"
#include "graph/mention_matcher.hpp"

namespace kgraph {

class ArticleGazetteer {
 public:
  /// Where an entity was known from. A gazetteer's entity is not in the graph until an article
  /// names it; the article then adds it with its id, type, kind and name.
  enum class Origin : std::uint8_t { graph, gazetteer };

  struct Known {
    NamedEntity entity;
    Origin origin = Origin::graph;
  };

  /// Adds entities; an id already added keeps its first origin and adds its names.
  void add(std::vector<NamedEntity> entities, Origin origin);

  const MentionMatcher& matcher() const { return matcher_; }
  /// The entities (indexes for entity()) one name number of the matcher stands for, in the
  /// order added: several when entities share a name.
  std::span<const std::uint32_t> entities_named(std::uint32_t name) const;
  const Known& entity(std::uint32_t index) const { return known_[index]; }
  std::size_t size() const { return known_.size(); }

 private:
  MentionMatcher matcher_;
  std::vector<Known> known_;
  std::unordered_map<std::string, std::uint32_t> index_of_id_;
  std::vector<std::vector<std::uint32_t>> entities_of_name_;
};

}  // namespace kgraph
