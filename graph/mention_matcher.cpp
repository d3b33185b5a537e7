#include "graph/mention_matcher.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace kgraph {
namespace {

const icu::Normalizer2& nfd() {
  static const icu::Normalizer2* const n = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* got = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || !got)
      throw std::runtime_error(std::string("ICU NFD unavailable: ") + u_errorName(status));
    return got;
  }();
  return *n;
}

/// Scripts written without spaces between words (and Korean, whose particles cling to nouns):
/// names in them match without word boundaries.
bool is_cjk(char32_t c) {
  if (c < 0x1100) return false;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_SUCCESS(status) && (s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA ||
                               s == USCRIPT_HANGUL);
}

bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c)) != 0;
}

/// Apostrophes and hyphens as one of each, so that "Korea’s" and "Korea's" read the same.
char32_t unify_punctuation(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x02BC:
    case 0xFF07:
      return '\'';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
      return '-';
    default:
      return c;
  }
}

void append_folded(char32_t c, std::size_t source, MentionMatcher::Folded& out) {
  auto push = [&](char32_t f) {
    out.text.push_back(f);
    out.source.push_back(source);
  };
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      if (!out.text.empty() && out.text.back() != ' ') push(' ');
    } else {
      push(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return;
  }
  if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
    if (!out.text.empty() && out.text.back() != ' ') push(' ');
    return;
  }
  c = unify_punctuation(c);
  icu::UnicodeString parts;
  if (!nfd().getDecomposition(static_cast<UChar32>(c), parts))
    parts = icu::UnicodeString(static_cast<UChar32>(c));
  for (int32_t i = 0; i < parts.length();) {
    const UChar32 p = parts.char32At(i);
    i += U16_LENGTH(p);
    if (u_charType(p) == U_NON_SPACING_MARK) continue;  // accents: "Zürich" reads "zurich"
    push(static_cast<char32_t>(u_foldCase(p, U_FOLD_CASE_DEFAULT)));
  }
}

}  // namespace

MentionMatcher::Folded MentionMatcher::fold(std::string_view text) {
  Folded out;
  out.text.reserve(text.size());
  out.source.reserve(text.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  std::size_t index = 0;
  for (int32_t i = 0; i < length; ++index) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    append_folded(c < 0 ? 0xFFFD : static_cast<char32_t>(c), index, out);
  }
  out.source_length = index;
  return out;
}

namespace {
std::size_t slot_of(std::uint64_t key, std::size_t mask) {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 29) & mask;
}
}  // namespace

std::uint32_t MentionMatcher::child(std::uint32_t node, char32_t c) const {
  const std::uint64_t key = (std::uint64_t{node} << 21 | c) + 1;
  const std::size_t mask = edge_keys_.size() - 1;
  for (std::size_t i = slot_of(key, mask);; i = (i + 1) & mask) {
    if (edge_keys_[i] == key) return edge_nodes_[i];
    if (edge_keys_[i] == 0) return kNone;
  }
}

std::uint32_t MentionMatcher::add_child(std::uint32_t node, char32_t c) {
  if (const std::uint32_t existing = child(node, c); existing != kNone) return existing;
  if (2 * (edges_ + 1) > edge_keys_.size()) {  // at most half full, so that probes stay short
    std::vector<std::uint64_t> keys(edge_keys_.size() * 2, 0);
    std::vector<std::uint32_t> values(keys.size(), 0);
    const std::size_t mask = keys.size() - 1;
    for (std::size_t j = 0; j < edge_keys_.size(); ++j) {
      if (edge_keys_[j] == 0) continue;
      std::size_t i = slot_of(edge_keys_[j], mask);
      while (keys[i] != 0) i = (i + 1) & mask;
      keys[i] = edge_keys_[j];
      values[i] = edge_nodes_[j];
    }
    edge_keys_.swap(keys);
    edge_nodes_.swap(values);
  }
  const std::uint64_t key = (std::uint64_t{node} << 21 | c) + 1;
  const std::size_t mask = edge_keys_.size() - 1;
  std::size_t i = slot_of(key, mask);
  while (edge_keys_[i] != 0) i = (i + 1) & mask;
  const auto created = static_cast<std::uint32_t>(nodes_.size());
  nodes_.emplace_back();
  edge_keys_[i] = key;
  edge_nodes_[i] = created;
  ++edges_;
  return created;
}

std::uint32_t MentionMatcher::add(std::string_view name) {
  Folded f = fold(name);
  while (!f.text.empty() && f.text.back() == ' ') f.text.pop_back();
  std::size_t first = 0;
  while (first < f.text.size() && f.text[first] == ' ') ++first;
  if (first == f.text.size()) return kNone;
  std::uint32_t node = kRoot;
  for (std::size_t i = first; i < f.text.size(); ++i) node = add_child(node, f.text[i]);
  Node& end = nodes_[node];
  if (end.name == kNone) {
    end.name = names_++;
    end.cjk = is_cjk(f.text.back());
  }
  return end.name;
}

std::vector<Mention> MentionMatcher::find(std::string_view text) const {
  const Folded f = fold(text);
  const std::u32string& t = f.text;
  const std::size_t n = t.size();
  // Where the text goes on after a name ending at `j`: `j` itself at a word boundary, past a
  // plural's "s" or "es" before one; or nothing (npos) in the middle of a word.
  auto name_end = [&](std::size_t j, bool cjk) -> std::size_t {
    if (j == n || cjk || !is_word_char(t[j]) || is_cjk(t[j])) return j;
    if (t[j] == 's' && (j + 1 == n || !is_word_char(t[j + 1]))) return j + 1;
    if (t[j] == 'e' && j + 1 < n && t[j + 1] == 's' && (j + 2 == n || !is_word_char(t[j + 2])))
      return j + 2;
    return std::string_view::npos;
  };
  std::vector<Mention> out;
  for (std::size_t i = 0; i < n;) {
    const bool word_start = i == 0 || !is_word_char(t[i - 1]) || is_cjk(t[i]) || is_cjk(t[i - 1]);
    std::size_t best_end = std::string_view::npos;
    std::uint32_t best_name = kNone;
    if (word_start) {
      std::uint32_t node = kRoot;
      for (std::size_t j = i; j < n;) {
        node = child(node, t[j]);
        if (node == kNone) break;
        ++j;
        const Node& here = nodes_[node];
        if (here.name == kNone) continue;
        const std::size_t end = name_end(j, here.cjk);
        if (end != std::string_view::npos) {
          best_end = end;
          best_name = here.name;
        }
      }
    }
    if (best_name == kNone) {
      ++i;
      continue;
    }
    out.push_back({best_name, f.source[i], best_end < n ? f.source[best_end] : f.source_length});
    i = best_end;
  }
  return out;
}

}  // namespace kgraph
