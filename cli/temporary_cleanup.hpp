#pragma once
/// Cleaning up the temporaries of atomic outputs (cli/atomic_output.hpp) when a run does not
/// end normally:
/// - on SIGINT, SIGTERM or SIGHUP the temporaries of this run — files and directories, full or
///   empty — are removed, then the signal is raised again so the run ends as killed by it
///   (status 128+N in a shell);
/// - after SIGKILL or a crash, the next run that writes the same target removes the
///   temporaries left beside it, and only those: named `.NAME.kgraph-tmp-XXXXXX` for that
///   target, older than the run, and not locked by a live run (every run holds an flock on
///   each of its temporaries until it renames or removes it).

#include <time.h>

#include <atomic>
#include <filesystem>

#include "cli/unique_fd.hpp"

namespace kgraph::cli {

/// A temporary of this run that the signal handler removes; registered for its lifetime.
/// The path must outlive the registration (it is read from the handler).
class CleanupRegistration {
 public:
  CleanupRegistration() = default;
  /// Registers `path` (a file, or a directory removed with all it holds) and installs the
  /// signal handlers on first use (unless the signal is ignored, as under nohup).
  CleanupRegistration(const char* path, bool directory);
  ~CleanupRegistration() { release(); }
  CleanupRegistration(CleanupRegistration&& o) noexcept;
  CleanupRegistration& operator=(CleanupRegistration&& o) noexcept;
  CleanupRegistration(const CleanupRegistration&) = delete;
  CleanupRegistration& operator=(const CleanupRegistration&) = delete;

  /// Stops watching the path (after it was renamed into place or removed).
  void release();

 private:
  std::atomic<const char*>* slots_ = nullptr;  // the handler's table of files or of directories
  int slot_ = -1;
};

/// Takes the lock that marks `path` as a temporary of a live run; the lock lasts as long as
/// the returned descriptor. An empty descriptor if it cannot be taken (not fatal: the
/// temporary is then only protected by its age).
UniqueFd lock_temporary(const std::filesystem::path& path, bool directory);

/// When this run started (CLOCK_REALTIME, taken when the program is loaded).
const timespec& run_start_time();

/// Removes the temporaries that earlier runs left beside `target` (a resolved target path):
/// entries of its directory named `.NAME.kgraph-tmp-XXXXXX` for its NAME, files or
/// directories (not symbolic links), last modified before `older_than`, and not locked by a
/// live run. Errors are ignored: a temporary left over never replaces anything.
void remove_stale_temporaries(const std::filesystem::path& target,
                              const timespec& older_than = run_start_time());

}  // namespace kgraph::cli
