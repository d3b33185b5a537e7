#include "cli/output_target.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <string_view>
#include <vector>

namespace kgraph::cli {
namespace fs = std::filesystem;
namespace {

/// N if `text` is all digits (and fits an int).
std::optional<int> number(std::string_view text) {
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n < 0)
    return std::nullopt;
  return n;
}

/// The descriptor an absolute, symlink-free-up-to-its-last-component path names by its text.
std::optional<int> descriptor_by_name(const fs::path& p) {
  const std::string s = p.string();
  if (s == "/dev/stdin") return 0;
  if (s == "/dev/stdout") return 1;
  if (s == "/dev/stderr") return 2;
  const fs::path dir = p.parent_path();
  const std::string name = p.filename().string();
  const fs::path own = fs::path("/proc") / std::to_string(::getpid());
  if (dir == "/dev/fd" || dir == "/proc/self/fd" || dir == "/proc/thread-self/fd" ||
      dir == own / "fd")
    return number(name);
  // /proc/thread-self leads to /proc/PID/task/TID.
  if (dir.filename() == "fd" && dir.parent_path().parent_path() == own / "task" &&
      number(dir.parent_path().filename().string()))
    return number(name);
  return std::nullopt;
}

}  // namespace

std::optional<int> descriptor_named_by(const fs::path& path) {
  if (path.empty()) return std::nullopt;
  // Components still to walk, last first; `done` is the symlink-free prefix walked so far.
  std::vector<fs::path> todo;
  std::error_code ec;
  const fs::path start = path.is_absolute() ? path : fs::current_path(ec) / path;
  if (ec) return std::nullopt;
  for (const fs::path& c : start.relative_path()) todo.insert(todo.begin(), c);
  fs::path done = "/";
  int links = 0;
  while (!todo.empty()) {
    const fs::path c = todo.back();
    todo.pop_back();
    if (c.empty() || c == ".") continue;
    if (c == "..") {
      done = done.parent_path();
      continue;
    }
    const fs::path next = done / c;
    if (todo.empty())
      if (const auto fd = descriptor_by_name(next)) return fd;
    struct stat st {};
    if (::lstat(next.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
      done = next;
      continue;
    }
    if (++links > 40) return std::nullopt;  // a loop: not ours to report here
    std::string target(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 255) + 1, '\0');
    const ssize_t n = ::readlink(next.c_str(), target.data(), target.size());
    if (n < 0 || static_cast<std::size_t>(n) >= target.size()) return std::nullopt;
    target.resize(static_cast<std::size_t>(n));
    const fs::path link(target);
    if (link.is_absolute()) done = "/";
    std::vector<fs::path> parts;
    for (const fs::path& part : link.relative_path()) parts.push_back(part);
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) todo.push_back(*it);
  }
  return descriptor_by_name(done);
}

OutputTarget classify_output(const fs::path& path) {
  OutputTarget t;
  if (path == "-") {
    t.kind = TargetKind::standard_output;
    t.what = "standard output";
    return t;
  }
  if (const auto fd = descriptor_named_by(path)) {
    t.kind = *fd == STDOUT_FILENO ? TargetKind::standard_output : TargetKind::descriptor;
    t.fd = *fd;
    t.what = *fd == STDOUT_FILENO ? "standard output" : "descriptor " + std::to_string(*fd);
    return t;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return t;  // new, or a dangling link: replaced (or reported then)
  if (S_ISCHR(st.st_mode))
    t.what = "a character device";
  else if (S_ISFIFO(st.st_mode))
    t.what = "a FIFO";
  else if (S_ISSOCK(st.st_mode))
    t.what = "a socket";
  else if (S_ISBLK(st.st_mode))
    t.what = "a block device";
  if (t.what.empty()) return t;  // a regular file or a directory
  t.kind = S_ISBLK(st.st_mode) ? TargetKind::unusable : TargetKind::node;
  return t;
}

}  // namespace kgraph::cli
