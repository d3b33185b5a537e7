#pragma once
/// Targets that are not regular files, made by the tests themselves so that no test ever
/// writes to a real device: a FIFO with a reader thread, and a pseudo-terminal.

#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>

#include "cli/unique_fd.hpp"

namespace kgraph::test {

/// A FIFO at `path` and a thread that reads everything written to it. The thread's open()
/// waits for a writer; `on_open` runs as soon as one came (to see what existed then).
class FifoReader {
 public:
  explicit FifoReader(std::filesystem::path path, std::function<void()> on_open = {})
      : path_(std::move(path)) {
    if (::mkfifo(path_.c_str(), 0600) != 0 && errno != EEXIST)
      throw std::runtime_error("mkfifo failed");
    thread_ = std::thread([this, on_open = std::move(on_open)] {
      cli::UniqueFd fd(::open(path_.c_str(), O_RDONLY | O_CLOEXEC));
      opened_ = true;
      if (on_open) on_open();
      char buf[4096];
      for (ssize_t n; (n = ::read(fd.get(), buf, sizeof buf)) > 0;)
        content_.append(buf, static_cast<std::size_t>(n));
    });
  }
  ~FifoReader() { (void)content(); }
  FifoReader(const FifoReader&) = delete;
  FifoReader& operator=(const FifoReader&) = delete;

  /// Everything written, once the writer closed. If no writer ever came, opens and closes the
  /// FIFO for writing to release the thread; the content is then empty.
  const std::string& content() {
    if (thread_.joinable()) {
      // A reader waiting in open() counts as one, so this does not block; until the thread
      // got there, open() fails with ENXIO.
      while (!opened_) {
        cli::UniqueFd release(::open(path_.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC));
        if (release) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      thread_.join();
    }
    return content_;
  }
  /// Whether a writer opened the FIFO (racy before content(); for after it).
  bool opened() const { return opened_; }

 private:
  std::filesystem::path path_;
  std::thread thread_;
  std::atomic<bool> opened_{false};
  std::string content_;
};

/// A pseudo-terminal in raw mode (no newline translation): its slave is a character device
/// the test may write to; the master reads what was written.
class PseudoTerminal {
 public:
  PseudoTerminal() {
    master_ = cli::UniqueFd(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (!master_ || ::grantpt(master_.get()) != 0 || ::unlockpt(master_.get()) != 0)
      throw std::runtime_error("no pseudo-terminal");
    slave_path_ = ::ptsname(master_.get());
    slave_ = cli::UniqueFd(::open(slave_path_.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC));
    termios raw{};
    if (!slave_ || ::tcgetattr(slave_.get(), &raw) != 0)
      throw std::runtime_error("no pseudo-terminal");
    ::cfmakeraw(&raw);
    ::tcsetattr(slave_.get(), TCSANOW, &raw);
    ::fcntl(master_.get(), F_SETFL, O_NONBLOCK);
  }
  /// The slave's path, e.g. /dev/pts/3.
  const std::string& path() const { return slave_path_; }
  /// What was written to the slave so far.
  std::string read_all() {
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(master_.get(), buf, sizeof buf)) > 0;)
      out.append(buf, static_cast<std::size_t>(n));
    return out;
  }

 private:
  cli::UniqueFd master_;
  cli::UniqueFd slave_;  // kept open so that the terminal keeps its mode
  std::string slave_path_;
};

/// Whether `path` is (still) a character device.
inline bool is_character_device(const std::filesystem::path& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
}

}  // namespace kgraph::test
