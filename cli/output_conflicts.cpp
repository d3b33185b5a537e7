#include "cli/output_conflicts.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <optional>

#include "cli/command_line.hpp"

namespace kgraph::cli {
namespace fs = std::filesystem;
namespace {

struct FileId {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FileId&) const = default;
};

/// The identity of what `path` names (links followed), if it is a regular file or directory.
std::optional<FileId> identity_of(const struct stat& st) {
  if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

std::optional<FileId> identity_of_path(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return identity_of(st);
}

/// What an output writes to now: for standard output and descriptors, the open file.
std::optional<FileId> identity_of_output(const OutputSpec& o) {
  const int fd = o.target.kind == TargetKind::standard_output ? 1
                 : o.target.kind == TargetKind::descriptor    ? o.target.fd
                                                              : -1;
  if (fd < 0) return identity_of_path(o.path);
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::nullopt;
  return identity_of(st);
}

/// `p` with symbolic links and `..` resolved as far as it exists (weakly_canonical).
fs::path canonical_as_far_as_exists(const fs::path& p) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(p, ec);
  const fs::path r = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : r;
}

/// Where `p` is, its own name kept even if it is a symbolic link: the directory resolved,
/// the last name as given.
fs::path location(const fs::path& p) {
  const fs::path name = p.filename();
  if (name.empty() || name == "." || name == "..") return canonical_as_far_as_exists(p);
  std::error_code ec;
  return canonical_as_far_as_exists(fs::absolute(p, ec).parent_path()) / name;
}

/// `p` with every symbolic link and `..` resolved, a dangling last link included (it leads
/// to where a write creates the file).
fs::path resolved(const fs::path& p) {
  fs::path at = location(p);
  for (int links = 0; links < 40; ++links) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(at, ec))) break;
    const fs::path target = fs::read_symlink(at, ec);
    if (ec) break;
    at = location(target.is_absolute() ? target : at.parent_path() / target);
  }
  return at;
}

/// Whether `p` lies strictly below directory `dir` (both resolved).
bool inside(const fs::path& dir, const fs::path& p) {
  auto d = dir.begin(), q = p.begin();
  for (; d != dir.end(); ++d, ++q) {
    if (d->empty()) continue;  // a trailing separator
    if (q == p.end() || *d != *q) return false;
  }
  return q != p.end();
}

}  // namespace

void check_outputs_against_inputs(const std::vector<OutputSpec>& outputs, const RunInputs& inputs) {
  // Every input that exists as a file or directory: as named, and what it is.
  struct Input {
    std::string name;
    fs::path path;
    FileId id;
    bool directory = false;
    bool walked = false;  // found in a directory walk, not named
  };
  std::vector<Input> all;
  auto add = [&](const std::string& name, const fs::path& path, bool walked) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return;  // reported when it is read
    if (const auto id = identity_of(st))
      all.push_back({name, path, *id, S_ISDIR(st.st_mode), walked});
  };
  for (const std::string& a : inputs.arguments)
    if (a != "-" && !a.empty()) add(a, a, false);
  for (const InputFile& f : inputs.files)
    if (!f.is_stdin()) add(f.name, f.path, true);
  for (const std::string& d : inputs.documents) add(d, d, false);

  for (const OutputSpec& o : outputs) {
    const std::string out = o.path.string();
    const bool directory_output = o.exporter->writes_directory();
    if (o.target.kind == TargetKind::replaced) {
      const fs::path here = location(o.path), there = resolved(o.path);
      for (const Input& in : all) {
        if (!in.directory) continue;
        const fs::path dir = resolved(in.path);
        const bool below = inside(dir, here) || inside(dir, there);
        if (!below) continue;
        if (directory_output)
          throw UsageError("output '" + out + "' is inside the input directory '" + in.name +
                           "', where its files would be read as inputs; write it elsewhere");
        if (inputs.importers->accepts(here.filename().string()) ||
            inputs.importers->accepts(there.filename().string()))
          throw UsageError("output '" + out + "' is inside the input directory '" + in.name +
                           "', where it would be read as an input; write it elsewhere or under a "
                           "name no importer reads");
      }
    }
    if (const auto id = identity_of_output(o))
      for (const Input& in : all)
        if (in.id == *id)
          throw UsageError("output '" + out + "' is the same " +
                           (in.directory ? "directory" : "file") + " as the input '" + in.name +
                           "'");
    if (directory_output && o.target.kind == TargetKind::replaced) {
      const fs::path dir = resolved(o.path);
      for (const Input& in : all)
        if (!in.walked && inside(dir, resolved(in.path)))
          throw UsageError("input '" + in.name + "' is inside the directory output '" + out +
                           "', which the run replaces as a whole");
    }
  }
}

}  // namespace kgraph::cli
