#include "cli/block_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <new>

namespace kgraph::cli {
namespace {
/// Blocks in all: one being filled, the others queued or being written. Four keep the
/// formatting threads from waiting on a disk that is briefly slower than they are.
constexpr std::size_t kBlocks = 4;
constexpr std::size_t kAlignment = 4096;

/// pwrite() of all of [data, data + size) at `offset`; errno on failure, 0 on success.
int write_at(int fd, const char* data, std::size_t size, std::size_t offset) {
  while (size > 0) {
    const ssize_t w = ::pwrite(fd, data, size, static_cast<off_t>(offset));
    if (w < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (w == 0) return EIO;
    data += w;
    size -= static_cast<std::size_t>(w);
    offset += static_cast<std::size_t>(w);
  }
  return 0;
}

/// Sets or clears O_DIRECT on `fd`; false if the file system refuses it.
bool set_direct(int fd, bool on) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return false;
  const int wanted = on ? (flags | O_DIRECT) : (flags & ~O_DIRECT);
  return wanted == flags || ::fcntl(fd, F_SETFL, wanted) == 0;
}
}  // namespace

void BlockWriter::AlignedFree::operator()(char* p) const { std::free(p); }

BlockWriter::BlockWriter(int fd, bool bypass_cache, std::size_t blocks_per_sync)
    : fd_(fd), want_bypass_(bypass_cache), blocks_per_sync_(blocks_per_sync) {
  void* p = std::aligned_alloc(kAlignment, kBlockSize);
  if (!p) throw std::bad_alloc();
  blocks_.emplace_back(static_cast<char*>(p));
  filling_ = blocks_.back().get();
}

BlockWriter::~BlockWriter() {
  if (!writer_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    full_.clear();
  }
  changed_.notify_all();
  writer_.join();
  if (flusher_.joinable()) flusher_.join();
}

char* BlockWriter::submit() {
  if (!started_) {
    started_ = true;
    // O_DIRECT only for files that fill a block: small ones stay in the page cache.
    bypass_ = want_bypass_ && set_direct(fd_, true);
    if (threaded_) {
      writer_ = std::thread([this] { run(); });
      if (bypass_ && blocks_per_sync_ > 0) flusher_ = std::thread([this] { flush_behind(); });
    }
  }
  if (!threaded_) {
    if (error() == 0) write_block(filling_, kBlockSize);
    return filling_;
  }
  std::unique_lock lock(mutex_);
  full_.push_back(filling_);
  changed_.notify_all();
  if (free_.empty() && blocks_.size() < kBlocks) {
    void* p = std::aligned_alloc(kAlignment, kBlockSize);
    if (!p) throw std::bad_alloc();
    blocks_.emplace_back(static_cast<char*>(p));
    filling_ = blocks_.back().get();
    return filling_;
  }
  changed_.wait(lock, [&] { return !free_.empty(); });
  filling_ = free_.front();
  free_.pop_front();
  return filling_;
}

void BlockWriter::run() {
  for (;;) {
    char* data = nullptr;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || !full_.empty(); });
      if (full_.empty()) {
        writer_done_ = true;
        changed_.notify_all();
        return;
      }
      data = full_.front();
      full_.pop_front();
    }
    // After a failure the rest is dropped: the output is never renamed into place.
    const bool written = error() == 0 && write_block(data, kBlockSize);
    {
      std::lock_guard lock(mutex_);
      free_.push_back(data);
      if (written) ++written_blocks_;
    }
    changed_.notify_all();
  }
}

void BlockWriter::flush_behind() {
  std::size_t synced = 0;
  for (;;) {
    std::size_t target = 0;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock,
                    [&] { return writer_done_ || written_blocks_ - synced >= blocks_per_sync_; });
      if (writer_done_) return;
      target = written_blocks_;
    }
    sync_data();
    synced = target;
  }
}

void BlockWriter::sync_data() {
  if (::fdatasync(fd_) != 0 && errno != EINVAL && errno != EROFS) set_error(errno);
}

bool BlockWriter::write_block(const char* data, std::size_t size) {
  int e = write_at(fd_, data, size, offset_);
  if (e == EINVAL && bypass_) {
    // The file system took O_DIRECT but not these writes (alignment, or no support after
    // all): this block and the rest go through the page cache. A short direct write leaves
    // the file as a plain write would, so writing the whole block again is right.
    bypass_ = false;
    e = set_direct(fd_, false) ? write_at(fd_, data, size, offset_) : EINVAL;
  }
  if (e != 0) {
    set_error(e);
    return false;
  }
  offset_ += size;
  return true;
}

int BlockWriter::finish(std::size_t tail) {
  if (writer_.joinable()) {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    writer_.join();  // writes what was queued first: run() stops when the queue is empty
    if (flusher_.joinable()) flusher_.join();
  }
  // The tail is not a multiple of the block size O_DIRECT asks for.
  if (bypass_ && !set_direct(fd_, false)) set_error(errno);
  if (tail > 0 && error() == 0) {
    const int e = write_at(fd_, filling_, tail, offset_);
    if (e != 0) set_error(e);
    offset_ += tail;
  }
  return error();
}

int BlockWriter::error() {
  std::lock_guard lock(mutex_);
  return error_;
}

void BlockWriter::set_error(int e) {
  std::lock_guard lock(mutex_);
  if (error_ == 0) error_ = e;
}

}  // namespace kgraph::cli
