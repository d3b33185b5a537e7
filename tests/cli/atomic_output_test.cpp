#include "cli/atomic_output.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <thread>

#include "cli/command_line.hpp"
#include "cli/file_size_limit.hpp"
#include "cli/special_files.hpp"
#include "support/test_support.hpp"

namespace kgraph::cli {
namespace {
namespace fs = std::filesystem;
using test::make_temp_dir;
using test::read_file;
using test::write_file;

struct stat stat_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st;
}

int status_of(const std::function<void()>& f, std::string* message = nullptr) {
  try {
    f();
  } catch (const CliError& e) {
    if (message) *message = e.what();
    return e.status();
  }
  return 0;
}

TEST(AtomicOutput, TemporaryNameIsHiddenBesideTheTarget) {
  EXPECT_EQ(temporary_name("out/graph.graphml"), fs::path("out/.graph.graphml.kgraph-tmp-XXXXXX"));
  EXPECT_EQ(temporary_name("graph.json"), fs::path("./.graph.json.kgraph-tmp-XXXXXX"));
  EXPECT_EQ(temporary_name("db", "old"), fs::path("./.db.kgraph-old-XXXXXX"));
  // Long names are cut (on a UTF-8 boundary) so the temporary stays within NAME_MAX.
  const std::string long_name =
      std::string(159, 'a') + "\xC3\xA9" + std::string(100, 'b') + ".json";
  const std::string tmp = temporary_name("d/" + long_name).filename().string();
  EXPECT_LE(tmp.size(), 255u);
  EXPECT_EQ(tmp, "." + std::string(159, 'a') + ".kgraph-tmp-XXXXXX");
}

TEST(AtomicOutput, CommitRenamesIntoPlace) {
  const fs::path dir = make_temp_dir();
  {
    OutputTransaction t;
    PendingFile& f = t.add_file(dir / "a.txt");
    f.stream() << "hello\n";
    EXPECT_FALSE(fs::exists(dir / "a.txt"));
    EXPECT_EQ(test::file_names(dir).size(), 1u);
    EXPECT_TRUE(test::file_names(dir)[0].starts_with(".a.txt.kgraph-tmp-"));
    t.commit_all();
  }
  EXPECT_EQ(read_file(dir / "a.txt"), "hello\n");
  EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"a.txt"});
}

TEST(AtomicOutput, NewFileGetsUsualMode) {
  const fs::path dir = make_temp_dir();
  const mode_t old = ::umask(022);
  {
    OutputTransaction t;
    t.add_file(dir / "a.txt").stream() << "x";
    t.commit_all();
  }
  ::umask(old);
  EXPECT_EQ(stat_of(dir / "a.txt").st_mode & 07777, 0644u);
}

TEST(AtomicOutput, ReplacingKeepsTheTargetsMode) {
  const fs::path dir = make_temp_dir();
  write_file(dir / "a.txt", "old");
  ASSERT_EQ(::chmod((dir / "a.txt").c_str(), 0640), 0);
  OutputTransaction t;
  t.add_file(dir / "a.txt").stream() << "new";
  t.commit_all();
  EXPECT_EQ(read_file(dir / "a.txt"), "new");
  EXPECT_EQ(stat_of(dir / "a.txt").st_mode & 07777, 0640u);
}

TEST(AtomicOutput, WithoutCommitNothingChanges) {
  const fs::path dir = make_temp_dir();
  write_file(dir / "existing.txt", "keep me");
  const struct stat before = stat_of(dir / "existing.txt");
  {
    OutputTransaction t;
    t.add_file(dir / "existing.txt").stream() << "replacement";
    t.add_file(dir / "new.txt").stream() << "new";
  }  // e.g. an exception passed through
  EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"existing.txt"});
  EXPECT_EQ(read_file(dir / "existing.txt"), "keep me");
  const struct stat after = stat_of(dir / "existing.txt");
  EXPECT_EQ(before.st_ino, after.st_ino);
  EXPECT_EQ(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
}

TEST(AtomicOutput, FailureMidwayLeavesNoFile) {
  const fs::path dir = make_temp_dir();
  std::string message;
  const int status = status_of(
      [&] {
        OutputTransaction t;
        t.add_file(dir / "first.txt").stream() << "first";
        t.add_file(dir / "missing" / "second.txt");  // throws: no such directory
        t.commit_all();
      },
      &message);
  EXPECT_EQ(status, exit_status::io);
  EXPECT_EQ(message, "cannot write " + (dir / "missing" / "second.txt").string() +
                         ": No such file or directory");
  EXPECT_TRUE(test::file_names(dir).empty());
}

TEST(AtomicOutput, TargetThatIsADirectory) {
  const fs::path dir = make_temp_dir();
  fs::create_directory(dir / "taken");
  std::string message;
  EXPECT_EQ(status_of([&] { PendingFile f(dir / "taken"); }, &message), exit_status::io);
  EXPECT_EQ(message, "cannot write " + (dir / "taken").string() + ": Is a directory");
  EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"taken"});
}

TEST(AtomicOutput, WriteErrorIsReportedAndCleanedUp) {
  // A file-size limit makes write() fail with EFBIG, as a full disk would with ENOSPC.
  const fs::path dir = make_temp_dir();
  std::string message;
  int status = 0;
  {
    const test::FileSizeLimit limit(4096);
    status = status_of(
        [&] {
          OutputTransaction t;
          PendingFile& f = t.add_file(dir / "big.txt");
          f.stream() << std::string(1 << 20, 'x');
          t.commit_all();
        },
        &message);
  }
  EXPECT_EQ(status, exit_status::io);
  EXPECT_EQ(message, "cannot write " + (dir / "big.txt").string() + ": File too large");
  EXPECT_TRUE(test::file_names(dir).empty());
}

TEST(AtomicOutput, SymlinkedTargetIsWrittenThrough) {
  const fs::path dir = make_temp_dir();
  fs::create_directory(dir / "real");
  write_file(dir / "real" / "v1.json", "old");
  fs::create_symlink("real/v1.json", dir / "latest.json");
  OutputTransaction t;
  t.add_file(dir / "latest.json").stream() << "new";
  t.commit_all();
  EXPECT_TRUE(fs::is_symlink(dir / "latest.json"));
  EXPECT_EQ(read_file(dir / "real" / "v1.json"), "new");
  EXPECT_EQ(test::file_names(dir / "real"), std::vector<std::string>{"v1.json"});
}

TEST(AtomicOutput, DirectoryCreated) {
  const fs::path dir = make_temp_dir();
  {
    OutputTransaction t;
    PendingDirectory& d = t.add_directory(dir / "db");
    write_file(d.path() / "nodes.csv", "id\n");
    EXPECT_FALSE(fs::exists(dir / "db"));
    t.commit_all();
  }
  EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"db"});
  EXPECT_EQ(test::file_names(dir / "db"),
            (std::vector<std::string>{kDirectoryMarker, "nodes.csv"}));
  EXPECT_EQ(read_file(dir / "db" / "nodes.csv"), "id\n");
}

TEST(AtomicOutput, DirectoryReplacesEarlierOutputAsAWhole) {
  const fs::path dir = make_temp_dir();
  for (const char* file : {"first.csv", "second.csv"}) {
    OutputTransaction t;
    write_file(t.add_directory(dir / "db").path() / file, file);
    t.commit_all();
  }
  EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"db"});
  EXPECT_EQ(test::file_names(dir / "db"),
            (std::vector<std::string>{kDirectoryMarker, "second.csv"}));
}

TEST(AtomicOutput, DirectoryNotCommittedLeavesTheOldOne) {
  const fs::path dir = make_temp_dir();
  {
    OutputTransaction t;
    write_file(t.add_directory(dir / "db").path() / "old.csv", "old");
    t.commit_all();
  }
  {
    OutputTransaction t;
    write_file(t.add_directory(dir / "db").path() / "new.csv", "new");
  }
  EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"db"});
  EXPECT_EQ(test::file_names(dir / "db"), (std::vector<std::string>{kDirectoryMarker, "old.csv"}));
}

TEST(AtomicOutput, EmptyDirectoryMayBeFilled) {
  const fs::path dir = make_temp_dir();
  fs::create_directory(dir / "db");
  OutputTransaction t;
  write_file(t.add_directory(dir / "db").path() / "a.csv", "a");
  t.commit_all();
  EXPECT_EQ(test::file_names(dir / "db"), (std::vector<std::string>{kDirectoryMarker, "a.csv"}));
}

TEST(AtomicOutput, ForeignDirectoryIsNeverReplaced) {
  const fs::path dir = make_temp_dir();
  write_file(dir / "home" / "thesis.tex", "years of work");
  std::string message;
  EXPECT_EQ(status_of([&] { PendingDirectory d(dir / "home"); }, &message), exit_status::io);
  EXPECT_EQ(message,
            "cannot write " + (dir / "home").string() +
                ": the directory exists and was not written by kgraph (no .kgraph-output in it); "
                "remove it or choose another path");
  EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"home"});
  EXPECT_EQ(read_file(dir / "home" / "thesis.tex"), "years of work");
}

TEST(AtomicOutput, DirectoryTargetThatIsAFile) {
  const fs::path dir = make_temp_dir();
  write_file(dir / "db", "a file");
  std::string message;
  EXPECT_EQ(status_of([&] { PendingDirectory d(dir / "db"); }, &message), exit_status::io);
  EXPECT_EQ(message, "cannot write " + (dir / "db").string() + ": Not a directory");
  EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"db"});
}

TEST(AtomicOutput, FilesAndDirectoriesTogether) {
  const fs::path dir = make_temp_dir();
  OutputTransaction t;
  t.add_file(dir / "g.json").stream() << "{}";
  write_file(t.add_directory(dir / "db").path() / "n.csv", "n");
  t.commit_all();
  EXPECT_EQ(test::file_names(dir), (std::vector<std::string>{"db", "g.json"}));
}

// Targets that are not regular files are written in place and never replaced. The tests use
// a FIFO and a pseudo-terminal of their own, and /dev/full, so that a failure can never
// replace a device the system needs.

TEST(AtomicOutput, FileOutputNeverReplacesANode) {
  const fs::path dir = make_temp_dir();
  test::FifoReader fifo(dir / "fifo");
  fs::create_symlink("fifo", dir / "link.json");
  for (const char* name : {"fifo", "link.json"}) {
    std::string message;
    EXPECT_EQ(status_of([&] { PendingFile f(dir / name); }, &message), exit_status::io) << name;
    EXPECT_EQ(message, "cannot write " + (dir / name).string() +
                           ": not a regular file, and kgraph replaces only regular files");
  }
  EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
  EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
  EXPECT_EQ(test::file_names(dir), (std::vector<std::string>{"fifo", "link.json"}));
  EXPECT_TRUE(test::is_character_device("/dev/null"));
}

TEST(AtomicOutput, FifoIsWrittenInPlaceAfterTheFiles) {
  const fs::path dir = make_temp_dir();
  bool file_was_there = false;
  test::FifoReader fifo(dir / "fifo", [&] { file_was_there = fs::exists(dir / "g.json"); });
  fs::create_symlink("fifo", dir / "link.json");
  test::FifoReader second(dir / "fifo2");
  {
    OutputTransaction t;
    t.add_node(dir / "link.json").stream() << "through the link\n";
    t.add_file(dir / "g.json").stream() << "{}\n";
    t.add_node(dir / "fifo2").stream() << "second\n";
    t.commit_all();
  }
  EXPECT_EQ(fifo.content(), "through the link\n");
  EXPECT_EQ(second.content(), "second\n");
  EXPECT_TRUE(file_was_there);
  EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
  EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
  EXPECT_EQ(test::file_names(dir),
            (std::vector<std::string>{"fifo", "fifo2", "g.json", "link.json"}));
}

TEST(AtomicOutput, NothingReachesAStreamWithoutCommit) {
  const fs::path dir = make_temp_dir();
  test::FifoReader fifo(dir / "fifo");
  {
    OutputTransaction t;
    t.add_node(dir / "fifo").stream() << "never\n";
  }
  EXPECT_EQ(fifo.content(), "");
}

TEST(AtomicOutput, CharacterDeviceIsWrittenInPlace) {
  test::PseudoTerminal pty;
  OutputTransaction t;
  t.add_node(pty.path()).stream() << "line one\nline two\n";
  t.commit_all();
  EXPECT_EQ(pty.read_all(), "line one\nline two\n");
  EXPECT_TRUE(test::is_character_device(pty.path()));
}

TEST(AtomicOutput, WriteErrorOnADeviceNamesIt) {
  if (!test::is_character_device("/dev/full")) GTEST_SKIP() << "no /dev/full";
  std::string message;
  const int status = status_of(
      [&] {
        OutputTransaction t;
        t.add_node("/dev/full").stream() << "graph\n";
        t.commit_all();
      },
      &message);
  EXPECT_EQ(status, exit_status::io);
  EXPECT_EQ(message, "cannot write /dev/full: No space left on device");
  EXPECT_TRUE(test::is_character_device("/dev/full"));
  EXPECT_TRUE(test::is_character_device("/dev/null"));
}

TEST(AtomicOutput, SocketIsConnectedTo) {
  const fs::path dir = make_temp_dir();
  UniqueFd listener(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string path = (dir / "sock").string();
  ASSERT_LT(path.size(), sizeof address.sun_path);
  std::copy(path.begin(), path.end(), address.sun_path);
  ASSERT_EQ(::bind(listener.get(), reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(listener.get(), 1), 0);
  std::string received;
  std::thread server([&] {
    UniqueFd peer(::accept(listener.get(), nullptr, nullptr));
    char buf[256];
    for (ssize_t n; (n = ::read(peer.get(), buf, sizeof buf)) > 0;)
      received.append(buf, static_cast<std::size_t>(n));
  });
  fs::create_symlink("sock", dir / "link.json");
  {
    OutputTransaction t;
    t.add_node(dir / "link.json").stream() << "over the socket\n";
    t.commit_all();
  }
  server.join();
  EXPECT_EQ(received, "over the socket\n");
  EXPECT_TRUE(fs::is_socket(dir / "sock"));
  EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
}

TEST(AtomicOutput, DescriptorIsWrittenThroughADuplicate) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  UniqueFd read_end(pipe_fds[0]), write_end(pipe_fds[1]);
  const std::string name = "/dev/fd/" + std::to_string(write_end.get());
  {
    OutputTransaction t;
    PendingStream& s = t.add_descriptor(name, write_end.get());
    write_end.reset();  // the output holds its own duplicate
    s.stream() << "piped\n";
    t.commit_all();
  }
  char buf[64];
  const ssize_t n = ::read(read_end.get(), buf, sizeof buf);
  ASSERT_GT(n, 0);
  EXPECT_EQ(std::string(buf, static_cast<std::size_t>(n)), "piped\n");
  EXPECT_EQ(::read(read_end.get(), buf, sizeof buf), 0);  // every copy closed: end of file
}

TEST(AtomicOutput, DescriptorThatCannotBeWritten) {
  std::string message;
  EXPECT_EQ(status_of([&] { PendingStream s("/dev/fd/987", 987); }, &message), exit_status::io);
  EXPECT_EQ(message, "cannot write /dev/fd/987: Bad file descriptor");
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  UniqueFd read_end(pipe_fds[0]), write_end(pipe_fds[1]);
  EXPECT_EQ(status_of([&] { PendingStream s("/dev/stdin", read_end.get()); }, &message),
            exit_status::io);
  EXPECT_EQ(message, "cannot write /dev/stdin: Bad file descriptor");
}

}  // namespace
}  // namespace kgraph::cli
