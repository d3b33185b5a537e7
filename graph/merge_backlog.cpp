#include "graph/merge_backlog.hpp"

#include <algorithm>

namespace kgraph {

void build_properties(std::vector<KeyedValue>& pairs, PropertyList& out, const StringPool& pool) {
  out.clear();
  if (pairs.empty()) return;
  std::sort(pairs.begin(), pairs.end(), [&](const KeyedValue& a, const KeyedValue& b) {
    if (a.key != b.key) return pool.view(a.key) < pool.view(b.key);
    if (value_less(a.value, b.value, pool)) return true;
    if (value_less(b.value, a.value, pool)) return false;
    return a.order < b.order;  // equal values (0.0 and -0.0): the first to arrive is kept
  });
  std::size_t keys = 1;
  for (std::size_t i = 1; i < pairs.size(); ++i) keys += pairs[i].key != pairs[i - 1].key;
  out.reserve(keys);
  for (std::size_t i = 0; i < pairs.size();) {
    std::size_t j = i + 1;
    while (j < pairs.size() && pairs[j].key == pairs[i].key) ++j;
    Property& p = out.emplace_back(Property{pairs[i].key, {}});
    p.values.reserve(j - i);
    for (std::size_t k = i; k < j; ++k)
      if (p.values.empty() || !value_equal(p.values.back(), pairs[k].value))
        p.values.push_back(pairs[k].value);
    i = j;
  }
}

void append_pairs(const PropertyList& props, std::vector<KeyedValue>& pairs) {
  for (const Property& p : props)
    for (const Value& v : p.values)
      pairs.push_back(KeyedValue{p.key, static_cast<std::uint32_t>(pairs.size()), v});
}

std::size_t value_count(const PropertyList& props) {
  std::size_t n = 0;
  for (const Property& p : props) n += p.values.size();
  return n;
}

ListId fold_list(ListId list, std::vector<StrId>& more, StrId drop, ListPool& lists,
                 const StringPool& pool, std::vector<StrId>& scratch) {
  if (more.empty()) return list;
  scratch.assign(lists.view(list).begin(), lists.view(list).end());
  scratch.insert(scratch.end(), more.begin(), more.end());
  more.clear();
  sort_unique_by_text(scratch, pool);
  if (drop != StringPool::kMissing)
    scratch.erase(std::remove(scratch.begin(), scratch.end(), drop), scratch.end());
  return lists.intern(scratch);
}

void fold_properties(PropertyList& props, std::vector<KeyedValue>& more, const StringPool& pool,
                     std::vector<KeyedValue>& scratch) {
  if (more.empty()) return;
  // The element's own values first, so that they win over equal values that came later.
  scratch.clear();
  append_pairs(props, scratch);
  for (KeyedValue& kv : more) {
    kv.order = static_cast<std::uint32_t>(scratch.size());
    scratch.push_back(kv);
  }
  more.clear();
  build_properties(scratch, props, pool);
}

}  // namespace kgraph
