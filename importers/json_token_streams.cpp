#include "importers/json_token_streams.hpp"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kgraph::json_records {

namespace {

/// One bit per byte of the 64 at `p`: set where the byte is a continuation byte (10xxxxxx).
std::uint64_t continuation_word(const char* p) {
#if defined(__SSE2__)
  const __m128i top = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i cont = _mm_set1_epi8(static_cast<char>(0x80));
  std::uint64_t word = 0;
  for (int i = 0; i < 4; ++i) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    const auto bits =
        static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, top), cont)));
    word |= std::uint64_t{bits} << (16 * i);
  }
  return word;
#else
  std::uint64_t word = 0;
  for (int i = 0; i < 64; ++i) word |= std::uint64_t{is_continuation(p[i])} << i;
  return word;
#endif
}

}  // namespace

void ContinuationBits::scan(const char* begin, const char* end) {
  std::uint32_t total = 0;
  for (const char* p = begin; p < end; p += 64) {
    std::uint64_t word;
    if (end - p >= 64) {
      word = continuation_word(p);
    } else {  // the last bytes, copied so that no load goes past the line
      char last[64] = {};
      std::memcpy(last, p, static_cast<std::size_t>(end - p));
      word = continuation_word(last);
    }
    words_.push_back(word);
    before_.push_back(total);
    total += static_cast<std::uint32_t>(__builtin_popcountll(word));
  }
}

DocumentStream::DocumentStream(std::istream& in, std::size_t chunk, std::uint32_t file)
    : in_(in), chunk_(std::max(chunk, kMinChunk)), file_(file), buf_(chunk_ + kPadding) {
  cur_ = end_ = buf_.data();
  prev_ = cursor_.at = buf_.data();
  refill();
  if (std::string_view(cur_, static_cast<std::size_t>(end_ - cur_)).starts_with(kBom)) {
    cur_ += kBom.size();
    prev_ = cursor_.at = cur_;
    if (cur_ == end_ && !eof_) refill();
  }
}

void DocumentStream::refill() {
  cursor_.advance_to(prev_);
  const auto keep_from = static_cast<std::size_t>(prev_ - buf_.data());
  const auto kept = static_cast<std::size_t>(end_ - prev_);
  if (kept > kMaxTokenBytes) {  // read no more: RapidJSON meets the NUL at end_ and stops
    too_long_ = true;
    eof_ = true;
    last_ = end_;
    return;
  }
  if (buf_.size() < kept + chunk_ + kPadding) {
    std::vector<char> bigger(std::max(buf_.size() * 2, kept + chunk_ + kPadding));
    std::memcpy(bigger.data(), prev_, kept);
    buf_.swap(bigger);
  } else if (keep_from > 0) {
    std::memmove(buf_.data(), prev_, kept);
  }
  base_ += keep_from;
  prev_ = cursor_.at = buf_.data();
  cur_ = buf_.data() + kept;
  const std::streamsize got = in_.rdbuf()->sgetn(cur_, static_cast<std::streamsize>(chunk_));
  end_ = cur_ + std::max<std::streamsize>(got, 0);
  *end_ = '\0';  // what RapidJSON sees at the end of input
  eof_ = got <= 0;
  last_ = eof_ ? end_ : end_ - 1;
}

}  // namespace kgraph::json_records
