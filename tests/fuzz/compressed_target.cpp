// Fuzz target `compressed`: a compressed input, as `kgraph build facts.jsonl.gz` reads it. The
// first byte picks the decompressor (gzip, bzip2, zstd), so that each one meets every input
// rather than only those that start with its magic bytes; the text it gives is then read as
// JSON Lines.
#include <istream>
#include <sstream>
#include <string>

#include "fuzz_entries.hpp"
#include "fuzz_support.hpp"
#include "importers/compressed_input.hpp"

namespace kgraph::fuzz {
void compressed(std::string_view bytes) {
  if (bytes.empty()) return;
  const Compression kinds[] = {Compression::gzip, Compression::bzip2, Compression::zstd};
  const Compression kind = kinds[static_cast<unsigned char>(bytes[0]) % 3];
  std::stringbuf raw(std::string(bytes.substr(1)), std::ios::in);
  DecompressingBuffer text(raw, kind);
  // A few kilobytes may decompress to gigabytes: the importers stream, but the fuzzer holds the
  // text, so it takes at most 1 MiB of it.
  std::string plain(std::size_t{1} << 20, '\0');
  const std::streamsize got = text.sgetn(plain.data(), static_cast<std::streamsize>(plain.size()));
  plain.resize(static_cast<std::size_t>(std::max<std::streamsize>(got, 0)));
  static_cast<void>(text.error());
  read_input("fuzz.jsonl", plain);
}
}  // namespace kgraph::fuzz
