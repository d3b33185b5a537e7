#pragma once
/// The hash StringPool::hash gives a text, computed a byte at a time, for passes over a text
/// that do more than hash it (PackedRecords checks the text in the same pass).
///
///   TextHasher h;
///   for (unsigned char c : text) h.add(c);
///   assert(h.value() == StringPool::hash(text));

#include <cstdint>

namespace kgraph {

class TextHasher {
 public:
  // FNV-1a over the bytes.
  void add(unsigned char c) {
    h_ ^= c;
    h_ *= 1099511628211ull;
  }
  std::uint32_t value() const {
    // Finished with a full avalanche: FNV's low bits, which pick the slot, mix poorly.
    std::uint64_t h = h_;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return static_cast<std::uint32_t>(h);
  }

 private:
  std::uint64_t h_ = 1469598103934665603ull;
};

}  // namespace kgraph
