#pragma once
/// What an output path names, which decides how it is written: a regular file (or nothing
/// yet) is replaced atomically through a temporary and a rename; anything else that can take
/// bytes — a character device, a FIFO, a socket, or a descriptor of this process named by
/// `/dev/stdout`, `/dev/fd/N` or `/proc/self/fd/N` — is written in place and never replaced.
/// Symbolic links are followed to what they name.

#include <filesystem>
#include <optional>
#include <string>

namespace kgraph::cli {

/// How an output's bytes reach their target.
enum class TargetKind {
  replaced,         // a regular file, a directory (for directory formats) or a new path
  standard_output,  // `-`, or a path naming descriptor 1 (/dev/stdout)
  descriptor,       // a path naming another open descriptor of this process (/dev/fd/3)
  node,             // a character device, FIFO or socket: opened (or connected) in place
  unusable,         // a block device: neither replaced nor written
};

/// An output path, classified.
struct OutputTarget {
  TargetKind kind = TargetKind::replaced;
  int fd = -1;       // TargetKind::descriptor: the descriptor named
  std::string what;  // "a character device", "a FIFO", "a socket", "a block device", ...
  /// Whether the target is written in place rather than replaced.
  bool written_in_place() const {
    return kind == TargetKind::standard_output || kind == TargetKind::descriptor ||
           kind == TargetKind::node;
  }
};

/// Classifies `path` as it is now (`-` is standard output).
OutputTarget classify_output(const std::filesystem::path& path);

/// The descriptor `path` names if it is, or leads through symbolic links and `..` to,
/// `/dev/stdin|stdout|stderr`, `/dev/fd/N` or `/proc/self|thread-self|PID/fd/N` (PID this
/// process); nullopt otherwise. Computed from the path's text and the links on the way, never
/// by following /proc's links to what the descriptor is open on.
std::optional<int> descriptor_named_by(const std::filesystem::path& path);

}  // namespace kgraph::cli
