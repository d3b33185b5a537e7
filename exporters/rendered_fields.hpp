#pragma once
/// Text rendered once and copied many times, for the database exporters' hot loops: every
/// relation row names two entities by id and most cite a source list, and on a large graph
/// looking those strings up (and escaping them) again per row costs more than the row itself.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/csv_text.hpp"
#include "graph/string_pool.hpp"

namespace kgraph {

/// One rendered field per entity (its id, escaped for the format), in fixed 32-byte slots so
/// that copying one into a row touches one cache line, which prefetch() can bring in early.
/// Fields longer than fit in a slot live in a side buffer.
class EntityFields {
 public:
  explicit EntityFields(std::size_t entities) : slots_(entities) {}

  /// Stores the field of `entity`, and a byte the caller wants beside it (its type, say).
  void set(std::uint32_t entity, std::string_view text, std::uint8_t tag = 0) {
    Slot& s = slots_[entity];
    s.tag = tag;
    if (text.size() < sizeof s.text) {
      std::memcpy(s.text, text.data(), text.size());
      s.size = static_cast<std::uint8_t>(text.size());
      return;
    }
    const Long spill{long_.size(), text.size()};
    long_.append(text);
    std::memcpy(s.text, &spill, sizeof spill);
    s.size = kSpilled;
  }

  /// Stores the pooled string `text` as a CSV field (quoted only where it must be).
  void set_csv(std::uint32_t entity, const StringPool& pool, StrId text, std::uint8_t tag = 0) {
    scratch_.clear();
    csv::append_field(scratch_, pool.view(text), pool.classes(text));
    set(entity, scratch_, tag);
  }

  void prefetch(std::uint32_t entity) const { __builtin_prefetch(&slots_[entity]); }

  std::uint8_t tag(std::uint32_t entity) const { return slots_[entity].tag; }

  /// Bytes a caller's buffer must have free for put().
  static constexpr std::size_t kPutBytes = 32;
  /// Copies the field of `entity` to `out`, which must have kPutBytes free (a fixed-size copy,
  /// cheaper than a call for a short field), and returns its end. Fields kept beside the slots
  /// return nullptr: copy get() instead.
  char* put(char* out, std::uint32_t entity) const {
    const Slot& s = slots_[entity];
    if (s.size == kSpilled) return nullptr;
    std::memcpy(out, &s, kPutBytes);
    return out + s.size;
  }

  /// Appends the fields of `a` and `b`, each followed by `separator`, as one append.
  void append_pair(std::string& out, std::uint32_t a, std::uint32_t b, char separator) const {
    char buffer[2 * kPutBytes + 2];
    char* end = put(buffer, a);
    if (end) {
      *end++ = separator;
      end = put(end, b);
    }
    if (!end) {  // a field too long for its slot
      out.append(get(a));
      out += separator;
      out.append(get(b));
      out += separator;
      return;
    }
    *end++ = separator;
    out.append(buffer, static_cast<std::size_t>(end - buffer));
  }

  std::string_view get(std::uint32_t entity) const {
    const Slot& s = slots_[entity];
    if (s.size != kSpilled) return {s.text, s.size};
    Long spill;
    std::memcpy(&spill, s.text, sizeof spill);
    return {long_.data() + spill.offset, spill.size};
  }

 private:
  static constexpr std::uint8_t kSpilled = 0xFF;
  struct alignas(32) Slot {
    char text[30];
    std::uint8_t tag = 0;
    std::uint8_t size = 0;
  };
  struct Long {
    std::size_t offset, size;
  };
  static_assert(sizeof(Long) <= sizeof(Slot::text));
  static_assert(sizeof(Slot) == kPutBytes && offsetof(Slot, text) == 0);

  std::vector<Slot> slots_;
  std::string long_;
  std::string scratch_;
};

/// Text rendered on first use per small integer key (an interned list, say), then reused.
///
///   RenderedText by_list(pool.lists());
///   out += by_list.get(list, [&](std::string& text) { render(text, list); });
class RenderedText {
 public:
  explicit RenderedText(std::size_t keys) : spans_(keys) {}

  /// The text of `key`; `render(std::string& text)` appends it the first time. The view is
  /// valid until the next call.
  template <typename Render>
  std::string_view get(std::uint32_t key, Render&& render) {
    Span& s = spans_[key];
    if (s.size != kUnset) return {text_.data() + s.offset, s.size};
    const std::size_t at = text_.size();
    render(text_);
    const std::size_t size = text_.size() - at;
    if (text_.size() < kUnset) {
      s.offset = static_cast<std::uint32_t>(at);
      s.size = static_cast<std::uint32_t>(size);
      return {text_.data() + at, size};
    }
    // Past 4 GiB of rendered text nothing more is kept; render again next time.
    uncached_.assign(text_, at, size);
    text_.resize(at);
    return uncached_;
  }

  void prefetch(std::uint32_t key) const { __builtin_prefetch(&spans_[key]); }
  /// Starts loading the text of `key` if it was rendered (reads its span: prefetch() that first).
  void prefetch_text(std::uint32_t key) const {
    if (spans_[key].size != kUnset) __builtin_prefetch(text_.data() + spans_[key].offset);
  }

 private:
  static constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();
  struct Span {
    std::uint32_t offset = 0;  // in text_; past 4 GiB of text, rendered anew each time
    std::uint32_t size = kUnset;
  };
  std::vector<Span> spans_;
  std::string text_;
  std::string uncached_;
};

}  // namespace kgraph
