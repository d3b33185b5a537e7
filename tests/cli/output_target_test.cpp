#include "cli/output_target.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "cli/unique_fd.hpp"
#include "support/test_support.hpp"

namespace kgraph::cli {
namespace {
namespace fs = std::filesystem;
using test::make_temp_dir;
using test::write_file;

TEST(OutputTarget, DescriptorsNamedByTheirPaths) {
  const std::string pid = std::to_string(::getpid());
  const struct {
    std::string path;
    std::optional<int> fd;
  } cases[] = {
      {"/dev/stdout", 1},
      {"/dev/stderr", 2},
      {"/dev/stdin", 0},
      {"/dev/fd/1", 1},
      {"/dev/fd/7", 7},
      {"/proc/self/fd/1", 1},
      {"/proc/thread-self/fd/4", 4},
      {"/proc/" + pid + "/fd/3", 3},
      {"/dev/../dev/stdout", 1},
      {"/dev/./fd/5", 5},
      {"/proc/1/fd/1", std::nullopt},  // another process's
      {"/dev/fd/x", std::nullopt},
      {"/dev/fd", std::nullopt},
      {"/dev/null", std::nullopt},
      {"/tmp/stdout", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(descriptor_named_by(c.path), c.fd) << c.path;
}

TEST(OutputTarget, DescriptorsThroughSymbolicLinks) {
  const fs::path dir = make_temp_dir();
  fs::create_symlink("/dev/stdout", dir / "out.json");
  fs::create_symlink("/proc/self/fd/1", dir / "direct.json");
  fs::create_symlink("out.json", dir / "relative.json");  // a chain of links
  fs::create_directory(dir / "sub");
  fs::create_symlink("../out.json", dir / "sub" / "up.json");
  fs::create_symlink("/dev/fd", dir / "fds");  // a linked directory on the way
  fs::create_symlink("/dev", dir / "devlink");
  EXPECT_EQ(descriptor_named_by(dir / "out.json"), 1);
  EXPECT_EQ(descriptor_named_by(dir / "direct.json"), 1);
  EXPECT_EQ(descriptor_named_by(dir / "relative.json"), 1);
  EXPECT_EQ(descriptor_named_by(dir / "sub" / "up.json"), 1);
  EXPECT_EQ(descriptor_named_by(dir / "fds" / "3"), 3);
  EXPECT_EQ(descriptor_named_by(dir / "devlink" / "stderr"), 2);
  // `..` after a linked directory goes up from where the link leads (/proc/PID), as the
  // kernel does, not lexically (which would give /dev/stdout).
  EXPECT_EQ(descriptor_named_by(dir / "devlink" / "fd" / ".." / "stdout"), std::nullopt);
  EXPECT_EQ(descriptor_named_by(dir / "devlink" / "fd" / ".." / "fd" / "1"), 1);
  write_file(dir / "plain.json", "x");
  EXPECT_EQ(descriptor_named_by(dir / "plain.json"), std::nullopt);
  EXPECT_EQ(descriptor_named_by(dir / "missing.json"), std::nullopt);
  fs::create_symlink("loop", dir / "loop");
  EXPECT_EQ(descriptor_named_by(dir / "loop"), std::nullopt);
}

TEST(OutputTarget, Kinds) {
  const fs::path dir = make_temp_dir();
  write_file(dir / "file.json", "x");
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  fs::create_symlink(dir / "fifo", dir / "to-fifo.json");
  fs::create_symlink("/dev/full", dir / "to-full.json");
  // A listening Unix socket.
  UniqueFd sock(::socket(AF_UNIX, SOCK_STREAM, 0));
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string socket_path = (dir / "sock").string();
  ASSERT_LT(socket_path.size(), sizeof address.sun_path);
  std::copy(socket_path.begin(), socket_path.end(), address.sun_path);
  ASSERT_EQ(::bind(sock.get(), reinterpret_cast<sockaddr*>(&address), sizeof address), 0);

  const struct {
    fs::path path;
    TargetKind kind;
    std::string what;
  } cases[] = {
      {"-", TargetKind::standard_output, "standard output"},
      {"/dev/stdout", TargetKind::standard_output, "standard output"},
      {"/dev/fd/3", TargetKind::descriptor, "descriptor 3"},
      {dir / "file.json", TargetKind::replaced, ""},
      {dir / "missing.json", TargetKind::replaced, ""},
      {dir, TargetKind::replaced, ""},
      {dir / "fifo", TargetKind::node, "a FIFO"},
      {dir / "to-fifo.json", TargetKind::node, "a FIFO"},
      {dir / "sock", TargetKind::node, "a socket"},
      {"/dev/full", TargetKind::node, "a character device"},
      {dir / "to-full.json", TargetKind::node, "a character device"},
  };
  for (const auto& c : cases) {
    const OutputTarget t = classify_output(c.path);
    EXPECT_EQ(t.kind, c.kind) << c.path;
    EXPECT_EQ(t.what, c.what) << c.path;
    EXPECT_EQ(t.written_in_place(), c.kind != TargetKind::replaced) << c.path;
  }
  EXPECT_EQ(classify_output("/dev/fd/3").fd, 3);
}

}  // namespace
}  // namespace kgraph::cli
