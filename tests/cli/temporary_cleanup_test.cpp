#include "cli/temporary_cleanup.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include "cli/atomic_output.hpp"
#include "support/test_support.hpp"

namespace kgraph::cli {
namespace {
namespace fs = std::filesystem;
using test::make_temp_dir;
using test::write_file;

timespec seconds_from_now(long seconds) {
  timespec t{};
  ::clock_gettime(CLOCK_REALTIME, &t);
  t.tv_sec += seconds;
  return t;
}

/// Sets the modification time of `path` (not following a link).
void set_mtime(const fs::path& path, timespec when) {
  const timespec times[2] = {when, when};
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW), 0) << path;
}

/// A file left an hour ago.
void leave(const fs::path& path) {
  write_file(path, "partial");
  set_mtime(path, seconds_from_now(-3600));
}

TEST(TemporaryCleanup, StaleTemporariesOfTheTargetAreRemoved) {
  const fs::path dir = make_temp_dir();
  leave(dir / ".g.json.kgraph-tmp-a1B2c3");
  leave(dir / ".g.json.kgraph-tmp-zzzzzz");
  fs::create_directory(dir / ".g.json.kgraph-tmp-Dir123");  // a directory output's, with content
  leave(dir / ".g.json.kgraph-tmp-Dir123" / "actors.csv");
  set_mtime(dir / ".g.json.kgraph-tmp-Dir123", seconds_from_now(-3600));
  remove_stale_temporaries(dir / "g.json");
  EXPECT_TRUE(test::file_names(dir).empty());
}

TEST(TemporaryCleanup, OnlyOursOldAndUnlocked) {
  const fs::path dir = make_temp_dir();
  const std::vector<std::string> kept = {
      ".h.json.kgraph-tmp-a1B2c3",   // another target's
      ".gg.json.kgraph-tmp-a1B2c3",  // another target's, sharing the end of the name
      ".g.json.kgraph-tmp-a1B2c",    // not mkstemp's six characters
      ".g.json.kgraph-tmp-a1B2c34", ".g.json.kgraph-tmp-a1B2c-",
      ".g.json.kgraph-old-a1B2c3",  // may hold the previous output after a crash mid-swap
      "g.json.kgraph-tmp-a1B2c3",   "g.json",
  };
  for (const std::string& name : kept) leave(dir / name);
  // A symbolic link with our name is not ours.
  fs::create_symlink("g.json", dir / ".g.json.kgraph-tmp-link00");
  // Newer than the run: perhaps a run that started after this one.
  write_file(dir / ".g.json.kgraph-tmp-newer0", "live");
  // Locked: a live run's.
  leave(dir / ".g.json.kgraph-tmp-locked");
  const UniqueFd lock = lock_temporary(dir / ".g.json.kgraph-tmp-locked", false);
  ASSERT_TRUE(lock);

  remove_stale_temporaries(dir / "g.json", seconds_from_now(-60));
  std::vector<std::string> expected = kept;
  expected.insert(expected.end(), {".g.json.kgraph-tmp-link00", ".g.json.kgraph-tmp-newer0",
                                   ".g.json.kgraph-tmp-locked"});
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(test::file_names(dir), expected);
}

TEST(TemporaryCleanup, NewOutputsRemoveStaleTemporariesOfTheirTargets) {
  const fs::path dir = make_temp_dir();
  leave(dir / ".g.json.kgraph-tmp-AAAAAA");
  leave(dir / ".db.kgraph-tmp-BBBBBB");
  leave(dir / ".other.json.kgraph-tmp-CCCCCC");
  {
    OutputTransaction t;
    t.add_file(dir / "g.json").stream() << "{}\n";
    t.add_directory(dir / "db");
    t.commit_all();
  }
  EXPECT_EQ(test::file_names(dir),
            (std::vector<std::string>{".other.json.kgraph-tmp-CCCCCC", "db", "g.json"}));
}

TEST(TemporaryCleanup, TemporariesOfALiveTransactionAreLocked) {
  const fs::path dir = make_temp_dir();
  OutputTransaction t;
  PendingFile& f = t.add_file(dir / "g.json");
  PendingDirectory& d = t.add_directory(dir / "db");
  // Even when old, another run must not take them.
  set_mtime(f.temp_path(), seconds_from_now(-3600));
  set_mtime(d.path(), seconds_from_now(-3600));
  remove_stale_temporaries(dir / "g.json");
  remove_stale_temporaries(dir / "db");
  EXPECT_TRUE(fs::exists(f.temp_path()));
  EXPECT_TRUE(fs::exists(d.path()));
}

/// Runs `body` in a child process that then raises `sig`; returns the wait status.
int in_child_killed_by(int sig, const std::function<void()>& body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    body();
    ::raise(sig);
    ::_exit(99);  // not reached: the handler raises the signal again with its default action
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

TEST(TemporaryCleanup, SignalRemovesTemporaryFilesAndDirectories) {
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
    const fs::path dir = make_temp_dir();
    const int status = in_child_killed_by(sig, [&] {
      static OutputTransaction t;  // alive when the signal comes
      t.add_file(dir / "g.json").stream() << "partial";
      t.add_directory(dir / "empty-db");
      const fs::path full = t.add_directory(dir / "db").path();
      write_file(full / "actors.csv", "id\n");
      write_file(full / "nested" / "deeper" / "x.csv", "x\n");
    });
    EXPECT_TRUE(WIFSIGNALED(status)) << sig;
    EXPECT_EQ(WTERMSIG(status), sig);
    EXPECT_TRUE(test::file_names(dir).empty())
        << sig << ": " << testing::PrintToString(test::file_names(dir));
  }
}

TEST(TemporaryCleanup, SignalLeavesCommittedOutputs) {
  const fs::path dir = make_temp_dir();
  const int status = in_child_killed_by(SIGTERM, [&] {
    static OutputTransaction t;
    t.add_file(dir / "g.json").stream() << "done\n";
    t.add_directory(dir / "db");
    t.commit_all();
  });
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(test::file_names(dir), (std::vector<std::string>{"db", "g.json"}));
  EXPECT_EQ(test::read_file(dir / "g.json"), "done\n");
}

}  // namespace
}  // namespace kgraph::cli
