#include "importers/line_reader.hpp"

#include <string>

#include "importers/json_record_messages.hpp"
#include "importers/json_token_streams.hpp"

namespace kgraph {

void read_lines(std::istream& in, std::uint32_t file, Diagnostics& diags, const LineHandler& handle,
                const LineReading& reading) {
  using json_records::kMaxLineBytes;
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  std::string pending;  // the start of a line the last chunk did not finish
  std::string chunk(kChunk, '\0');
  std::uint32_t line = 0;
  bool skipping = false;  // inside a line that was too long
  bool first = true;
  auto take = [&](std::string_view text) {
    ++line;
    if (!reading.keep_layout && !text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (first) {
      first = false;
      if (text.substr(0, json_records::kBom.size()) == json_records::kBom)
        text.remove_prefix(json_records::kBom.size());
    }
    if (!reading.keep_layout && text.find_first_not_of(" \t") == std::string_view::npos)
      return;  // blank lines are fine
    handle(text, line);
  };
  while (in && !diags.too_many_errors()) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const std::string_view got(chunk.data(), static_cast<std::size_t>(in.gcount()));
    std::size_t start = 0;
    for (std::size_t nl; (nl = got.find('\n', start)) != std::string_view::npos; start = nl + 1) {
      if (skipping) {
        skipping = false;
        continue;
      }
      if (pending.empty()) {
        take(got.substr(start, nl - start));
      } else {
        pending.append(got.substr(start, nl - start));
        take(pending);
        pending.clear();
      }
      if (diags.too_many_errors()) return;
    }
    if (skipping) continue;
    pending.append(got.substr(start));
    if (pending.size() > kMaxLineBytes) {
      ++line;
      first = false;
      diags.error(Location{file, line, 1}, json_records::line_too_long_message());
      if (reading.too_long) reading.too_long(line);
      pending.clear();
      pending.shrink_to_fit();
      skipping = true;
    }
  }
  if (!skipping && !pending.empty()) take(pending);  // the last line may lack its line break
}

}  // namespace kgraph
