#pragma once
/// A buffered output stream buffer over a POSIX file descriptor that remembers why a write
/// failed (errno), which std::ofstream does not tell. A new regular file it owns is written
/// by a BlockWriter (on a thread of its own, bypassing the page cache once it is large).

#include <memory>
#include <streambuf>
#include <vector>

#include "cli/block_writer.hpp"
#include "cli/unique_fd.hpp"

namespace kgraph::cli {

class FdOutputBuffer : public std::streambuf {
 public:
  /// Writes to `fd` and closes it in finish() or the destructor.
  explicit FdOutputBuffer(UniqueFd fd);
  /// Writes to a descriptor it does not own (standard output).
  explicit FdOutputBuffer(int borrowed_fd);
  ~FdOutputBuffer() override;

  int fd() const { return fd_; }
  /// errno of the first failed write, or 0.
  int error() const;
  /// Writes out the buffer, or hands it to the block writer; false on failure (see error()).
  bool flush();
  /// Writes on the calling thread only (see BlockWriter::write_on_caller_thread); before the
  /// first block is full.
  void write_on_this_thread() {
    if (blocks_) blocks_->write_on_caller_thread();
  }
  /// Flushes, fsyncs and closes an owned descriptor; returns errno of the first failure or 0.
  int finish();

 protected:
  int_type overflow(int_type ch) override;
  int sync() override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  bool write_all(const char* p, std::size_t n);

  UniqueFd owned_;
  int fd_;
  std::vector<char> data_;
  std::unique_ptr<BlockWriter> blocks_;  // a new regular file's: its blocks are the buffer
  int error_ = 0;
};

}  // namespace kgraph::cli
