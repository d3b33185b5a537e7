#pragma once
/// Exporters build their text in a std::string and hand it to the stream in large blocks, so
/// that no per-character stream call sits on the hot path.

#include <cstddef>
#include <ostream>
#include <string>

namespace kgraph {

/// How much text an exporter gathers before writing it out.
inline constexpr std::size_t kOutputBlockBytes = std::size_t{1} << 20;

/// Writes all of `buffer` (a std::string or a TextBuffer) to `out` and empties it.
template <class Buffer>
void write_out(Buffer& buffer, std::ostream& out) {
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

/// Writes `buffer` out once it holds `threshold` bytes; false once the stream has failed.
inline bool flush_if_full(std::string& buffer, std::ostream& out,
                          std::size_t threshold = kOutputBlockBytes) {
  if (buffer.size() >= threshold) write_out(buffer, out);
  return static_cast<bool>(out);
}

}  // namespace kgraph
