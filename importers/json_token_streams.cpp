#include "importers/json_token_streams.hpp"

#include <cstring>

namespace kgraph::json_records {

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
