#include "cli/fd_stream.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace kgraph::cli {
namespace {
constexpr std::size_t kBufferSize = 1 << 18;

/// Whether `fd` is an empty regular file: what BlockWriter writes to.
bool is_new_file(int fd) {
  struct stat st {};
  return ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0 &&
         ::lseek(fd, 0, SEEK_CUR) == 0;
}
}  // namespace

FdOutputBuffer::FdOutputBuffer(UniqueFd fd) : owned_(std::move(fd)), fd_(owned_.get()) {
  if (is_new_file(fd_)) {
    blocks_ = std::make_unique<BlockWriter>(fd_);
    setp(blocks_->block(), blocks_->block() + BlockWriter::kBlockSize);
  } else {
    data_.resize(kBufferSize);
    setp(data_.data(), data_.data() + data_.size());
  }
}

FdOutputBuffer::FdOutputBuffer(int borrowed_fd) : fd_(borrowed_fd), data_(kBufferSize) {
  setp(data_.data(), data_.data() + data_.size());
}

FdOutputBuffer::~FdOutputBuffer() = default;  // unflushed data is dropped on purpose: see finish()

int FdOutputBuffer::error() const {
  if (error_ == 0 && blocks_) return blocks_->error();
  return error_;
}

bool FdOutputBuffer::flush() {
  // A block is handed over only when full: the file's blocks stay aligned for O_DIRECT.
  if (blocks_) return error() == 0;
  const std::size_t n = static_cast<std::size_t>(pptr() - pbase());
  const bool ok = write_all(pbase(), n);
  setp(data_.data(), data_.data() + data_.size());
  return ok;
}

int FdOutputBuffer::finish() {
  if (blocks_) {
    if (error_ == 0) error_ = blocks_->finish(static_cast<std::size_t>(pptr() - pbase()));
    setp(pbase(), pbase());  // nothing more goes in
  } else if (!flush() && error_ == 0) {
    error_ = EIO;
  }
  if (owned_) {
    // fsync before the rename, so that a crash cannot leave an empty file under the target's
    // name. EINVAL/EROFS: the file (e.g. a pipe) cannot be synced, which is fine.
    if (error_ == 0 && ::fsync(fd_) != 0 && errno != EINVAL && errno != EROFS) error_ = errno;
    if (owned_.close() != 0 && error_ == 0) error_ = errno;
  }
  return error_;
}

FdOutputBuffer::int_type FdOutputBuffer::overflow(int_type ch) {
  if (blocks_) {
    if (pptr() == epptr()) {
      // Nothing goes in after finish() closed the file, nor after a failed write.
      if (!owned_ || error() != 0) return traits_type::eof();
      char* next = blocks_->submit();
      setp(next, next + BlockWriter::kBlockSize);
    }
  } else if (!flush()) {
    return traits_type::eof();
  }
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

int FdOutputBuffer::sync() { return flush() ? 0 : -1; }

std::streamsize FdOutputBuffer::xsputn(const char* s, std::streamsize n) {
  if (!blocks_ && n > static_cast<std::streamsize>(data_.size()) / 2) {
    // Large writes go straight through once the buffer is empty.
    if (!flush() || !write_all(s, static_cast<std::size_t>(n))) return 0;
    return n;
  }
  return std::streambuf::xsputn(s, n);
}

bool FdOutputBuffer::write_all(const char* p, std::size_t n) {
  if (error_ != 0) return false;
  while (n > 0) {
    const ssize_t w = ::write(fd_, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

}  // namespace kgraph::cli
