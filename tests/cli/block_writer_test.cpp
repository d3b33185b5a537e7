#include "cli/block_writer.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>

#include "cli/atomic_output.hpp"
#include "cli/command_line.hpp"
#include "cli/fd_stream.hpp"
#include "cli/file_size_limit.hpp"
#include "support/test_support.hpp"

namespace kgraph::cli {
namespace {
namespace fs = std::filesystem;
using test::make_temp_dir;
using test::read_file;

constexpr std::size_t kBlock = BlockWriter::kBlockSize;

/// `size` bytes that differ from block to block and within one, so that a block written
/// twice, out of order or at the wrong place shows.
std::string pattern(std::size_t size) {
  std::string s(size, '\0');
  std::mt19937 rng(static_cast<unsigned>(size));
  for (char& c : s) c = static_cast<char>('a' + rng() % 26);
  return s;
}

UniqueFd create(const fs::path& path) {
  return UniqueFd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
}

/// Fills `w` with `text` through block() and submit(), as FdOutputBuffer does.
int write_through(BlockWriter& w, std::string_view text) {
  char* block = w.block();
  while (text.size() > kBlock) {
    std::memcpy(block, text.data(), kBlock);
    text.remove_prefix(kBlock);
    block = w.submit();
  }
  std::memcpy(block, text.data(), text.size());
  return w.finish(text.size());
}

class BlockWriterSizes : public ::testing::TestWithParam<std::size_t> {};

TEST_P(BlockWriterSizes, FileHoldsWhatWasWrittenBypassingTheCacheOrNotOnAnyThread) {
  const fs::path dir = make_temp_dir();
  const std::string text = pattern(GetParam());
  struct Mode {
    const char* name;
    bool bypass;
    bool threaded;
  };
  for (const Mode mode :
       {Mode{"direct", true, true}, Mode{"cached", false, true}, Mode{"caller", true, false}}) {
    // A sync after every block: the flusher runs beside the writer as often as it can.
    const fs::path path = dir / mode.name;
    UniqueFd fd = create(path);
    ASSERT_TRUE(fd);
    BlockWriter w(fd.get(), mode.bypass, 1);
    if (!mode.threaded) w.write_on_caller_thread();
    EXPECT_EQ(write_through(w, text), 0);
    if (!mode.bypass) {
      EXPECT_FALSE(w.bypassing_cache());
    }
    ASSERT_EQ(fd.close(), 0);
    EXPECT_EQ(read_file(path), text) << mode.name;
  }
}

// Empty; within one block; a block's edges; past the four blocks kept, so they are reused.
INSTANTIATE_TEST_SUITE_P(Sizes, BlockWriterSizes,
                         ::testing::Values(0, 1, 4095, kBlock - 1, kBlock, kBlock + 1,
                                           5 * kBlock + 12345, 9 * kBlock));

TEST(BlockWriter, SmallFileStartsNoThreadAndKeepsTheCache) {
  const fs::path dir = make_temp_dir();
  UniqueFd fd = create(dir / "small");
  BlockWriter w(fd.get());
  std::memcpy(w.block(), "abc", 3);
  EXPECT_EQ(w.finish(3), 0);
  EXPECT_FALSE(w.bypassing_cache());
  EXPECT_EQ(::fcntl(fd.get(), F_GETFL) & O_DIRECT, 0);
  ASSERT_EQ(fd.close(), 0);
  EXPECT_EQ(read_file(dir / "small"), "abc");
}

TEST(BlockWriter, LargeFileLeavesTheDescriptorWithoutODirect) {
  // finish() writes the unaligned tail through the page cache: O_DIRECT must be off by then,
  // whether or not this file system took it.
  const fs::path dir = make_temp_dir();
  UniqueFd fd = create(dir / "large");
  BlockWriter w(fd.get());
  EXPECT_EQ(write_through(w, pattern(2 * kBlock + 7)), 0);
  EXPECT_EQ(::fcntl(fd.get(), F_GETFL) & O_DIRECT, 0);
}

/// Threads of this process now (Linux: an entry per thread in /proc/self/task).
std::size_t thread_count() {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator("/proc/self/task")) ++n;
  return n;
}

TEST(BlockWriter, OnTheCallersThreadItStartsNone) {
  // `--threads 0` promises everything on the main thread: the blocks too.
  const fs::path dir = make_temp_dir();
  for (const bool caller : {true, false}) {
    const fs::path path = dir / (caller ? "caller" : "threads");
    UniqueFd fd = create(path);
    BlockWriter w(fd.get());
    if (caller) w.write_on_caller_thread();
    const std::size_t before = thread_count();
    std::memset(w.block(), 'y', kBlock);
    std::memset(w.submit(), 'z', 10);
    const std::size_t during = thread_count();
    EXPECT_EQ(w.finish(10), 0);
    if (caller) {
      EXPECT_EQ(during, before);
    } else {
      EXPECT_GT(during, before);
    }
    ASSERT_EQ(fd.close(), 0);
    EXPECT_EQ(read_file(path), std::string(kBlock, 'y') + std::string(10, 'z')) << caller;
  }
}

TEST(BlockWriter, DroppedWithoutFinishStopsItsThreads) {
  // As when an exporter throws: blocks still queued are dropped, and the threads are joined
  // (a thread left running would end the program here).
  const fs::path dir = make_temp_dir();
  UniqueFd fd = create(dir / "dropped");
  {
    BlockWriter w(fd.get(), true, 1);
    for (int i = 0; i < 6; ++i) std::memset(w.submit(), 'x', kBlock);
  }
  EXPECT_LE(fs::file_size(dir / "dropped"), 6 * kBlock);
  EXPECT_EQ(fs::file_size(dir / "dropped") % kBlock, 0u);
}

TEST(FdOutputBuffer, NewFileThroughBlocksMixedWriteSizes) {
  const fs::path dir = make_temp_dir();
  const std::string text = pattern(3 * kBlock + 999);
  {
    FdOutputBuffer buffer(create(dir / "out"));
    std::ostream out(&buffer);
    std::size_t i = 0;
    std::mt19937 rng(7);
    while (i < text.size()) {
      // single characters, and pieces up to one and a half blocks
      const std::size_t wanted = rng() % 3 == 0 ? 1 : rng() % (kBlock + kBlock / 2);
      const std::size_t n = std::min(text.size() - i, wanted);
      if (n == 1)
        out.put(text[i]);
      else
        out.write(text.data() + i, static_cast<std::streamsize>(n));
      i += n;
      if (rng() % 8 == 0) out.flush();  // flushes never hand over a partial block
    }
    ASSERT_TRUE(out);
    EXPECT_EQ(buffer.finish(), 0);
  }
  EXPECT_EQ(read_file(dir / "out"), text);
}

TEST(FdOutputBuffer, NothingGoesInAfterFinish) {
  const fs::path dir = make_temp_dir();
  FdOutputBuffer buffer(create(dir / "out"));
  std::ostream out(&buffer);
  out << "abc";
  ASSERT_EQ(buffer.finish(), 0);
  out << "more";
  out.flush();
  EXPECT_FALSE(out);
  EXPECT_EQ(read_file(dir / "out"), "abc");
}

TEST(BlockWriterErrors, WriteErrorOnTheWriterThreadIsReportedAndCleanedUp) {
  // Past the first block the writes happen on the writer thread: its EFBIG (a full disk's
  // ENOSPC alike) must reach the message, and no file is left.
  const fs::path dir = make_temp_dir();
  std::string message;
  int status = 0;
  try {
    const test::FileSizeLimit limit(kBlock + 4096);
    OutputTransaction t;
    PendingFile& f = t.add_file(dir / "big.txt");
    const std::string piece(1 << 20, 'x');
    for (int i = 0; i < 12 && f.stream(); ++i) f.stream() << piece;
    t.commit_all();
  } catch (const CliError& e) {
    status = e.status();
    message = e.what();
  }
  EXPECT_EQ(status, exit_status::io);
  EXPECT_EQ(message, "cannot write " + (dir / "big.txt").string() + ": File too large");
  EXPECT_TRUE(fs::is_empty(dir));
}

}  // namespace
}  // namespace kgraph::cli
