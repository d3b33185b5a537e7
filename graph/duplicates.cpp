#include "graph/duplicates.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <ostream>
#include <unordered_map>

#include "graph/diagnostics.hpp"
#include "graph/unicode.hpp"
#include "graph/union_find.hpp"

namespace kgraph {
namespace {

/// A folded name and the entity that has it.
struct Label {
  std::string key;
  std::uint32_t entity;
  StrId text;
};

}  // namespace

std::vector<DuplicateGroup> find_duplicates(const KnowledgeGraph& graph) {
  const auto& entities = graph.entities();
  UnionFind sets(entities.size());
  std::vector<Label> labels;
  // (type, key) -> first entity seen with it
  std::unordered_map<std::string, std::uint32_t> first;
  auto add = [&](std::uint32_t e, StrId text) {
    std::string key = match_key(graph.str(text));
    if (key.empty()) return;
    std::string typed =
        std::string(1, static_cast<char>('0' + static_cast<int>(entities[e].type))) + key;
    auto [it, fresh] = first.try_emplace(std::move(typed), e);
    if (!fresh) sets.join(it->second, e);
    labels.push_back({std::move(key), e, text});
  };
  for (std::uint32_t e = 0; e < entities.size(); ++e) {
    add(e, entities[e].name);
    for (StrId alias : graph.list(entities[e].aliases)) add(e, alias);
  }

  // Keys held by two or more different entities of one group.
  std::sort(labels.begin(), labels.end(), [&](const Label& a, const Label& b) {
    const std::uint32_t ra = sets.find(a.entity), rb = sets.find(b.entity);
    if (ra != rb) return ra < rb;
    if (a.key != b.key) return a.key < b.key;
    if (a.entity != b.entity) return a.entity < b.entity;
    return graph.str(a.text) < graph.str(b.text);
  });
  std::unordered_map<std::uint32_t, DuplicateGroup> by_root;
  std::unordered_map<std::uint64_t, std::vector<std::string>> matched;  // (root, entity) unused key
  for (std::size_t i = 0; i < labels.size();) {
    std::size_t j = i;
    const std::uint32_t root = sets.find(labels[i].entity);
    while (j < labels.size() && sets.find(labels[j].entity) == root &&
           labels[j].key == labels[i].key)
      ++j;
    bool shared = false;
    for (std::size_t k = i + 1; k < j; ++k) shared = shared || labels[k].entity != labels[i].entity;
    if (shared) {
      DuplicateGroup& g = by_root[root];
      if (g.key.empty() || labels[i].key < g.key) g.key = labels[i].key;
      for (std::size_t k = i; k < j; ++k) {
        auto& names = matched[(std::uint64_t{root} << 32) | labels[k].entity];
        names.emplace_back(graph.str(labels[k].text));
      }
    }
    i = j;
  }

  std::vector<DuplicateGroup> groups;
  for (auto& [root, g] : by_root) {
    g.type = entities[root].type;
    for (std::uint32_t e = root; e < entities.size(); ++e) {
      if (sets.find(e) != root) continue;
      DuplicateMember m;
      m.entity = e;
      if (auto it = matched.find((std::uint64_t{root} << 32) | e); it != matched.end()) {
        m.matched = std::move(it->second);
        std::sort(m.matched.begin(), m.matched.end());
        m.matched.erase(std::unique(m.matched.begin(), m.matched.end()), m.matched.end());
      }
      g.members.push_back(std::move(m));
    }
    groups.push_back(std::move(g));
  }
  std::sort(groups.begin(), groups.end(), [](const DuplicateGroup& a, const DuplicateGroup& b) {
    if (a.type != b.type) return a.type < b.type;
    return a.members.front().entity < b.members.front().entity;
  });
  return groups;
}

void write_duplicates_text(std::ostream& out, const KnowledgeGraph& graph,
                           const std::vector<DuplicateGroup>& groups) {
  if (groups.empty()) {
    out << "no possible duplicates\n";
    return;
  }
  out << groups.size() << (groups.size() == 1 ? " group" : " groups")
      << " of possible duplicates (entities of one type whose names or aliases match once case, "
         "accents,\n"
         "punctuation and spacing are ignored; nothing was merged):\n";
  for (const DuplicateGroup& g : groups) {
    out << '\n'
        << type_name(g.type) << ' ' << quoted(g.key) << ": " << g.members.size() << " entities\n";
    for (const DuplicateMember& m : g.members) {
      const Entity& e = graph.entities()[m.entity];
      out << "  " << graph.str(e.id) << "  " << quoted(graph.str(e.name));
      if (e.kind != kEmpty) out << "  kind " << graph.str(e.kind);
      out << '\n';
      if (!m.matched.empty()) {
        out << "    matched:";
        for (const std::string& s : m.matched) out << ' ' << quoted(s);
        out << '\n';
      }
      out << "    sources:";
      const auto sources = graph.list(e.sources);
      if (sources.empty()) out << " (none cited)";
      for (StrId s : sources) out << ' ' << graph.str(s);
      out << '\n';
    }
  }
}

void write_duplicates_json(std::ostream& out, const KnowledgeGraph& graph,
                           const std::vector<DuplicateGroup>& groups) {
  rapidjson::OStreamWrapper stream(out);
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> w(stream);
  w.SetIndent(' ', 2);
  auto str = [&](std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  };
  w.StartObject();
  str("groups");
  w.StartArray();
  for (const DuplicateGroup& g : groups) {
    w.StartObject();
    str("type");
    str(type_name(g.type));
    str("key");
    str(g.key);
    str("entities");
    w.StartArray();
    for (const DuplicateMember& m : g.members) {
      const Entity& e = graph.entities()[m.entity];
      w.StartObject();
      str("id");
      str(graph.str(e.id));
      str("name");
      str(graph.str(e.name));
      if (e.kind != kEmpty) {
        str("kind");
        str(graph.str(e.kind));
      }
      str("matched");
      w.StartArray();
      for (const std::string& s : m.matched) str(s);
      w.EndArray();
      str("sources");
      w.StartArray();
      for (StrId s : graph.list(e.sources)) str(graph.str(s));
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << '\n';
}

}  // namespace kgraph
