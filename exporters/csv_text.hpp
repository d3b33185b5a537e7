#pragma once
/// RFC 4180 CSV fields, and a buffered output file for exporters that write a directory of
/// CSV files (Neo4j, Kuzu).

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "exporters/output_buffer.hpp"
#include "graph/string_pool.hpp"

namespace kgraph::csv {

/// Whether a field must be quoted: it is empty (an empty unquoted field reads as "no value"),
/// holds a comma, a double quote, CR or LF, or begins or ends with a space or tab (which some
/// readers trim).
bool needs_quotes(std::string_view s);

/// Whether `s` holds CR or LF, i.e. the field spans lines once quoted.
bool has_line_break(std::string_view s);

/// Appends `s` as one field: as it is, or in double quotes with each inner quote doubled.
/// Backslashes are ordinary characters. Returns true if the field was quoted.
bool append_field(std::string& out, std::string_view s);

/// Appends `s` in double quotes with each inner quote doubled.
void append_quoted(std::string& out, std::string_view s);

/// needs_quotes() for a pooled string whose character classes are known, without scanning it.
inline bool needs_quotes(std::string_view s, CharClasses classes) {
  return s.empty() || (classes & (chars::kCsvSpecial | chars::kEdgeSpace));
}

/// append_field() for a pooled string whose character classes are known, without scanning it.
inline bool append_field(std::string& out, std::string_view s, CharClasses classes) {
  if (needs_quotes(s, classes)) {
    append_quoted(out, s);
    return true;
  }
  out.append(s);
  return false;
}

/// A file written through a large in-memory buffer. Write errors throw
/// std::filesystem::filesystem_error naming the file.
///
///   csv::OutputFile f(dir / "actors.csv");
///   f.buffer() += "id\n";
///   f.maybe_flush();
///   f.close();
class OutputFile {
 public:
  /// `block_bytes`: how much text is gathered before each write.
  explicit OutputFile(std::filesystem::path path, std::size_t block_bytes = kOutputBlockBytes);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  /// The pending text; append to it, then call maybe_flush() now and then.
  std::string& buffer() { return buffer_; }
  /// Writes the buffer out once it holds a block.
  void maybe_flush() {
    if (buffer_.size() >= block_bytes_) flush();
  }
  /// Writes what is left and closes the file.
  void close();
  /// Bytes written so far (all of them after close()).
  std::uint64_t bytes_written() const { return written_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  void flush();
  [[noreturn]] void fail(std::string_view what, int err) const;

  std::filesystem::path path_;
  std::string buffer_;
  std::uint64_t written_ = 0;
  std::size_t block_bytes_;
  int fd_ = -1;
};

/// The block size for each of `files` files written side by side: smaller blocks for many
/// files, so that their buffers stay near 8 MB together.
inline std::size_t block_bytes_for(std::size_t files) {
  const std::size_t each = 8 * kOutputBlockBytes / (files == 0 ? 1 : files);
  return each < (std::size_t{64} << 10) ? (std::size_t{64} << 10)
         : each > kOutputBlockBytes     ? kOutputBlockBytes
                                        : each;
}

/// Writes a small text file whole (scripts, READMEs); `executable` sets mode 0755.
void write_text_file(const std::filesystem::path& path, std::string_view text,
                     bool executable = false);

}  // namespace kgraph::csv
