#include "graph/string_pool.hpp"

#include <array>
#include <cstring>
#include <functional>
#include <stdexcept>

#include "graph/flat_index.hpp"
#include "graph/text_hash.hpp"

namespace kgraph {
namespace {
constexpr std::size_t kChunkSize = 1 << 20;

constexpr std::array<std::uint8_t, 256> kClassOfByte = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = chars::kControl;
  t[0x7F] = chars::kControl;
  for (int c = 0x1C; c <= 0x1F; ++c) t[c] |= chars::kInfoSeparator;
  t['\r'] |= chars::kLineBreak | chars::kCsvSpecial;
  t['\n'] |= chars::kLineBreak | chars::kCsvSpecial;
  t[';'] = chars::kSemicolon;
  t['|'] = chars::kPipe;
  t[','] = chars::kCsvSpecial | chars::kListSyntax;
  t['"'] = chars::kCsvSpecial | chars::kMarkup | chars::kListSyntax;
  t['<'] = t['>'] = t['&'] = chars::kMarkup;
  t['\''] = chars::kMarkup | chars::kListSyntax;
  t['['] = t[']'] = t['{'] = t['}'] = chars::kListSyntax;
  return t;
}();

}  // namespace

CharClasses chars::classes_of(std::string_view s) {
  CharClasses c = 0;
  for (unsigned char b : s) c |= kClassOfByte[b];
  const auto edge = [](char b) { return b == ' ' || b == '\t'; };
  if (!s.empty() && (edge(s.front()) || edge(s.back()))) c |= kEdgeSpace;
  return c;
}

StringPool::StringPool() : index_(1024, Slot{0, kMissing}) { intern(""); }

std::size_t StringPool::slot_for(std::string_view s, std::uint32_t hash) const {
  const std::size_t n = index_.size();
  for (std::size_t slot = detail::home_slot(hash, n);; slot = detail::next_slot(slot, n)) {
    const Slot& candidate = index_[slot];
    if (candidate.id == kMissing) return slot;
    if (candidate.hash == hash && view(candidate.id) == s) return slot;
  }
}

std::uint32_t StringPool::hash(std::string_view s) { return text_hash(s); }

void StringPool::prefetch_entry(std::uint32_t hash) const {
  const std::size_t n = index_.size();
  std::size_t slot = detail::home_slot(hash, n);
  // A few slots only, as FlatIndex::first_with_hash: probes are almost always this short.
  for (int probe = 0; probe < 4; ++probe, slot = detail::next_slot(slot, n)) {
    const Slot& s = index_[slot];
    if (s.id == kMissing) return;
    if (s.hash == hash) return __builtin_prefetch(&entries_[s.id]);
  }
}

StrId StringPool::find(std::string_view s) const { return index_[slot_for(s, text_hash(s))].id; }

StrId StringPool::intern(std::string_view s, std::uint32_t hash) {
  std::size_t slot = slot_for(s, hash);
  if (index_[slot].id != kMissing) return index_[slot].id;
  if (s.size() > 0xFFFFFFF0u) throw std::length_error("string too long to intern");

  if (chunks_.empty() || chunks_.back().capacity() - chunks_.back().size() < s.size()) {
    if (chunks_.size() >= (std::size_t{1} << 20)) throw std::length_error("string pool full");
    chunks_.emplace_back();
    chunks_.back().reserve(std::max(kChunkSize, s.size()));
  }
  std::vector<char>& chunk = chunks_.back();
  const auto offset = static_cast<std::uint32_t>(chunk.size());
  chunk.insert(chunk.end(), s.begin(), s.end());
  const auto id = static_cast<StrId>(entries_.size());
  entries_.push_back({static_cast<std::uint32_t>(chunks_.size() - 1), chars::classes_of(s), offset,
                      static_cast<std::uint32_t>(s.size())});
  index_[slot] = Slot{hash, id};
  if (detail::table_too_full(entries_.size(), index_.size()))
    grow_index(detail::grown_slots(index_.size()));
  return id;
}

void StringPool::expect(std::size_t more) {
  std::size_t slots = index_.size();
  while (detail::table_too_full(entries_.size() + more, slots)) slots = detail::grown_slots(slots);
  if (slots != index_.size()) grow_index(slots);
}

void StringPool::grow_index(std::size_t slots) {
  // From the old slots, which hold each string's hash: the entries need not keep it.
  std::vector<Slot> bigger(slots, Slot{0, kMissing});
  const std::size_t n = bigger.size();
  for (const Slot& old : index_) {
    if (old.id == kMissing) continue;
    std::size_t slot = detail::home_slot(old.hash, n);
    while (bigger[slot].id != kMissing) slot = detail::next_slot(slot, n);
    bigger[slot] = old;
  }
  index_.swap(bigger);
}

std::size_t StringPool::memory_bytes() const {
  std::size_t total = entries_.capacity() * sizeof(Entry) + index_.capacity() * sizeof(Slot);
  for (const auto& c : chunks_) total += c.capacity();
  return total;
}

}  // namespace kgraph
