#include "cli/temporary_cleanup.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>
#include <utility>

#include "cli/atomic_output.hpp"

namespace kgraph::cli {
namespace fs = std::filesystem;
namespace {

// The handler may only use async-signal-safe calls: no allocation, no locks, no iostreams.
// Slots are lock-free atomics; a path is removed with unlinkat/openat/getdents64 and stack
// buffers.

constexpr int kSlots = 64;
std::atomic<const char*> g_files[kSlots];
std::atomic<const char*> g_directories[kSlots];

/// Deepest level of a temporary directory the handler descends to (exporters write flat
/// folders; a deeper tree is left, as after SIGKILL, for the next run to remove).
constexpr int kMaxDepth = 8;

void remove_tree_at(int parent, const char* name, int depth) {
  if (::unlinkat(parent, name, 0) == 0 || (errno != EISDIR && errno != EPERM)) return;
  const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    alignas(dirent64) char buffer[4096];
    // Removing entries while reading may make getdents skip some: read again until a pass
    // removes nothing.
    for (int pass = 0; pass < 16; ++pass) {
      bool removed = false;
      ::lseek(fd, 0, SEEK_SET);
      for (;;) {
        const ssize_t n = ::getdents64(fd, buffer, sizeof buffer);
        if (n <= 0) break;
        for (ssize_t at = 0; at < n;) {
          const auto* entry = reinterpret_cast<const dirent64*>(buffer + at);
          at += entry->d_reclen;
          const char* child = entry->d_name;
          if (std::strcmp(child, ".") == 0 || std::strcmp(child, "..") == 0) continue;
          if (depth < kMaxDepth) {
            remove_tree_at(fd, child, depth + 1);
            removed = true;
          }
        }
      }
      if (!removed) break;
    }
    ::close(fd);
  }
  ::unlinkat(parent, name, AT_REMOVEDIR);
}

extern "C" void remove_temporaries_and_die(int sig) {
  const int saved = errno;
  for (auto& slot : g_files)
    if (const char* path = slot.load()) ::unlink(path);
  for (auto& slot : g_directories)
    if (const char* path = slot.load()) remove_tree_at(AT_FDCWD, path, 0);
  errno = saved;
  ::signal(sig, SIG_DFL);
  ::raise(sig);  // delivered when the handler returns: the run ends as killed by `sig`
}

void install_handlers() {
  static const bool installed = [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction old {};
      if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL)
        continue;  // e.g. nohup
      struct sigaction sa {};
      sa.sa_handler = remove_temporaries_and_die;
      sigemptyset(&sa.sa_mask);
      for (int other : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&sa.sa_mask, other);
      ::sigaction(sig, &sa, nullptr);
    }
    return true;
  }();
  (void)installed;
}

timespec now_realtime() {
  timespec t{};
  ::clock_gettime(CLOCK_REALTIME, &t);
  return t;
}

const timespec g_run_start = now_realtime();

bool before(const timespec& a, const timespec& b) {
  return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

/// Whether `name` is `PREFIX` followed by the six letters or digits mkstemp/mkdtemp put there.
bool is_temporary_of(const std::string& name, const std::string& prefix) {
  if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) return false;
  for (std::size_t i = prefix.size(); i < name.size(); ++i) {
    const char c = name[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

}  // namespace

CleanupRegistration::CleanupRegistration(const char* path, bool directory)
    : slots_(directory ? g_directories : g_files) {
  install_handlers();
  for (int i = 0; i < kSlots; ++i) {
    const char* expected = nullptr;
    if (slots_[i].compare_exchange_strong(expected, path)) {
      slot_ = i;
      return;
    }
  }
}

CleanupRegistration::CleanupRegistration(CleanupRegistration&& o) noexcept
    : slots_(o.slots_), slot_(std::exchange(o.slot_, -1)) {}

CleanupRegistration& CleanupRegistration::operator=(CleanupRegistration&& o) noexcept {
  if (this != &o) {
    release();
    slots_ = o.slots_;
    slot_ = std::exchange(o.slot_, -1);
  }
  return *this;
}

void CleanupRegistration::release() {
  if (slot_ >= 0) slots_[slot_].store(nullptr);
  slot_ = -1;
}

UniqueFd lock_temporary(const fs::path& path, bool directory) {
  UniqueFd fd(
      ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | (directory ? O_DIRECTORY : 0)));
  if (fd && ::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) fd.reset();
  return fd;
}

const timespec& run_start_time() { return g_run_start; }

void remove_stale_temporaries(const fs::path& target, const timespec& older_than) {
  const fs::path pattern = temporary_name(target);
  std::string prefix = pattern.filename().string();
  prefix.resize(prefix.size() - 6);  // without "XXXXXX"
  const fs::path dir = pattern.parent_path();

  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path candidate = it->path();
    if (!is_temporary_of(candidate.filename().string(), prefix)) continue;
    struct stat st {};
    if (::lstat(candidate.c_str(), &st) != 0) continue;
    const bool directory = S_ISDIR(st.st_mode);
    if (!directory && !S_ISREG(st.st_mode)) continue;
    if (!before(st.st_mtim, older_than)) continue;  // perhaps a run that started after this one
    const UniqueFd lock = lock_temporary(candidate, directory);
    if (!lock) continue;  // a live run's, or not ours to open
    std::error_code remove_ec;
    if (directory)
      fs::remove_all(candidate, remove_ec);
    else
      fs::remove(candidate, remove_ec);
  }
}

}  // namespace kgraph::cli
