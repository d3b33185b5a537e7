#pragma once
/// Writes a large file on a thread of its own, in blocks that bypass the page cache.
///
/// A buffered write() copies every byte into the kernel's page cache (on this project's
/// machines a second of CPU for a 1.3 GB GraphML file, taken from the cores that format it),
/// and the fsync before the rename then waits for all of it at the end. Here the caller fills
/// aligned blocks, and a writer thread hands each full block to the disk with O_DIRECT (where
/// the file system takes it: otherwise through the page cache as before), asking the disk to
/// keep up every few blocks, so that writing overlaps formatting. The last, partial block goes
/// through the page cache in finish(), after which the caller fsyncs as before.
///
///   BlockWriter w(fd);
///   char* block = w.block();              // BlockWriter::kBlockSize bytes to fill
///   block = w.submit();                   // hands it over; the next one to fill
///   int e = w.finish(tail_size);          // waits; errno of the first failure, or 0

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kgraph::cli {

class BlockWriter {
 public:
  /// A multiple of every block size O_DIRECT asks for on Linux (512 or 4096 bytes); at 2 MiB
  /// the disk here keeps up with formatting as well as at 4 or 16, for less memory.
  static constexpr std::size_t kBlockSize = std::size_t{2} << 20;

  /// Blocks written between two requests to the disk to catch up (fdatasync, on a thread
  /// beside the writer), so that the disk flushes as the file grows instead of all of it in
  /// the fsync at the end. Often and small: a write waits for a flush in progress, and a flush
  /// of 256 MiB held the writes for 0.12-0.14 s each time (long enough to stop formatting),
  /// where one of 8 MiB does not (export of the 1.3 GB GraphML: 1.75-1.83 s with 256 MiB,
  /// 1.41-1.55 s with 8 MiB; docs/performance.md).
  static constexpr std::size_t kBlocksPerSync = (std::size_t{8} << 20) / kBlockSize;

  /// Writes to `fd`, a regular file opened for writing and empty (written from offset 0).
  /// `bypass_cache` false writes every block through the page cache (still on the thread),
  /// and asks for no fdatasync on the way. A file that never fills a block is written by
  /// finish() alone, with no thread.
  explicit BlockWriter(int fd, bool bypass_cache = true,
                       std::size_t blocks_per_sync = kBlocksPerSync);
  /// Stops the thread (started by the first submit()); blocks not yet written are dropped.
  ~BlockWriter();
  BlockWriter(const BlockWriter&) = delete;
  BlockWriter& operator=(const BlockWriter&) = delete;

  /// Writes each block in submit(), on the caller's thread (`--threads 0`: everything on the
  /// main thread), still past the page cache but with no flushes along the way: there each
  /// would hold formatting up, and the final fsync flushes once. Export of the 1.3 GB GraphML
  /// on one thread: 2.3-2.8 s so, 3.6 s with a flush every 8 MiB, 4.8 s through the page
  /// cache. Before the first submit().
  void write_on_caller_thread() { threaded_ = false; }

  /// The block to fill: kBlockSize bytes.
  char* block() const { return filling_; }
  /// Hands the filled block to the writer thread and returns the next one to fill, waiting
  /// while every block is in flight.
  char* submit();
  /// Writes the first `tail` bytes of the current block after the others, waits for all of
  /// them, and stops the thread. Returns errno of the first failed write, or 0.
  int finish(std::size_t tail);
  /// errno of the first failed write so far, or 0 (it may lag behind the writes).
  int error();
  /// Whether blocks still bypass the page cache (false once the file system refused).
  bool bypassing_cache() const { return bypass_; }

 private:
  struct AlignedFree {
    void operator()(char* p) const;
  };
  using Block = std::unique_ptr<char, AlignedFree>;

  void run();
  void flush_behind();
  bool write_block(const char* data, std::size_t size);
  void sync_data();
  void set_error(int e);

  int fd_;
  std::vector<Block> blocks_;
  char* filling_ = nullptr;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<char*> full_;  // submitted, in file order
  std::deque<char*> free_;  // written, to be filled again
  bool stopping_ = false;
  int error_ = 0;
  bool want_bypass_;
  bool threaded_ = true;
  bool started_ = false;  // the first block was submitted
  const std::size_t blocks_per_sync_;
  std::atomic<bool> bypass_{false};  // O_DIRECT is set (by submit(); cleared if refused)
  std::size_t offset_ = 0;           // the writer thread's place in the file
  std::size_t written_blocks_ = 0;   // by the writer thread
  bool writer_done_ = false;
  std::thread writer_;   // run()
  std::thread flusher_;  // flush_behind(), while blocks bypass the cache
};

}  // namespace kgraph::cli
