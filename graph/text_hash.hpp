#pragma once
/// The hash StringPool::hash gives a text, and the word-at-a-time tests that go with it, for
/// passes over a text that do more than hash it (PackedRecords checks the text too).
///
/// Eight bytes a step: every string of the input is hashed once, on the reading thread, and a
/// byte-at-a-time hash (FNV-1a) waited on one multiplication per byte (docs/performance.md,
/// session 13).

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kgraph {
namespace text_words {

inline constexpr std::uint64_t kOnes = 0x0101010101010101u;
inline constexpr std::uint64_t kHighBits = 0x8080808080808080u;

/// The high bit of each byte of `w` below 0x20, and maybe of others where such a byte is.
inline std::uint64_t below_space(std::uint64_t w) { return (w - kOnes * 0x20) & ~w & kHighBits; }
/// The high bit of each byte of `w` equal to `b` (exact where no lower byte matched).
inline std::uint64_t equal_to(std::uint64_t w, unsigned char b) {
  const std::uint64_t x = w ^ (kOnes * b);
  return (x - kOnes) & ~x & kHighBits;
}

/// The last `n` (1 to 7) bytes of a text, at `p`, as the low bytes of a word (the first at
/// bits 0-7) whose others are zero; `begin` is where the text starts. On little-endian machines
/// in at most two loads that stay within the text, rather than a call to memcpy for a variable
/// length.
inline std::uint64_t tail_word(const char* begin, const char* p, std::size_t n) {
  if constexpr (std::endian::native == std::endian::little) {
    if (static_cast<std::size_t>(p - begin) >= 8 - n) {  // the 8 bytes ending with the text's
      std::uint64_t w;
      std::memcpy(&w, p + n - 8, 8);
      return w >> (8 * (8 - n));
    }
    if (n >= 4) {  // two loads of 4 that overlap
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      return lo | std::uint64_t{hi} << (8 * (n - 4));
    }
  }
  std::uint64_t w = 0;
  for (std::size_t i = 0; i < n; ++i)
    w |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return w;
}

/// The bytes of a word past the first `n` (1 to 7).
inline std::uint64_t past(std::size_t n) { return ~std::uint64_t{0} << (8 * n); }

}  // namespace text_words

inline std::uint32_t text_hash(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15u;
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t h = 0xBF58476D1CE4E5B9u ^ (n * kMul);
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 32;
  }
  if (n > 0) {
    h = (h ^ text_words::tail_word(s.data(), p, n)) * kMul;
    h ^= h >> 32;
  }
  // A full avalanche at the end: the low bits pick the slot.
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDu;
  h ^= h >> 33;
  return static_cast<std::uint32_t>(h);
}

}  // namespace kgraph
