#pragma once
/// Compressed inputs: gzip, bzip2 and Zstandard, told apart by their first bytes (not by the
/// file name) and decompressed as they are read, so that every importer reads the text as if
/// it had been given uncompressed, and every error position is a line and column of that text.
///
///   std::string_view head = ...;                  // the input's first bytes (4 are enough)
///   if (Compression c = detect_compression(head); c != Compression::none) {
///     DecompressingBuffer text(raw_streambuf, c);
///     std::istream in(&text);                     // the importer reads this
///     ...
///     if (!text.error().empty()) report(text.error());
///   }

#include <cstdint>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph {

enum class Compression : std::uint8_t { none, gzip, bzip2, zstd };

/// Which compression the input starting with `head` uses (by its magic bytes).
Compression detect_compression(std::string_view head);
/// "gzip", "bzip2", "zstd" (or "none").
std::string_view compression_name(Compression c);
/// The file name endings of compressed files (".gz", ".bz2", ".zst"): the importer of
/// `facts.jsonl.gz` is the one of `facts.jsonl`.
const std::vector<std::string_view>& compressed_file_endings();
/// `path` without a compressed file ending, if it has one.
std::string_view without_compressed_ending(std::string_view path);

/// Reads `source` through the decompressor of `compression` (not none). On corrupt or
/// truncated data it ends the text where the damage starts and error() says what happened;
/// a file of several concatenated members (as `cat a.gz b.gz` makes) is read whole.
class DecompressingBuffer : public std::streambuf {
 public:
  DecompressingBuffer(std::streambuf& source, Compression compression);
  ~DecompressingBuffer() override;
  DecompressingBuffer(const DecompressingBuffer&) = delete;
  DecompressingBuffer& operator=(const DecompressingBuffer&) = delete;

  /// Empty, or what went wrong ("corrupt gzip data after 1234 bytes of text: ...").
  const std::string& error() const { return error_; }

  /// One decompressor's state; defined per format in compressed_input.cpp.
  class Decoder;

 protected:
  int_type underflow() override;

 private:
  bool fill_input();
  void fail(const std::string& what);

  std::streambuf& source_;
  Compression compression_;
  std::unique_ptr<Decoder> decoder_;
  std::vector<char> in_;   // compressed bytes
  std::vector<char> out_;  // decompressed text, the get area
  const char* in_next_ = nullptr;
  const char* in_end_ = nullptr;
  bool source_done_ = false;
  bool finished_ = false;
  bool in_member_ = true;       // inside a member, whose end is still owed (else between two)
  std::uint64_t produced_ = 0;  // bytes of text handed out so far
  std::string error_;
};

}  // namespace kgraph
