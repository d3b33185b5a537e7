#pragma once
/// Outputs that are written completely or not at all. Each output is first written to a
/// temporary beside its target (same directory, so the final rename stays on one file
/// system), and only renamed into place by OutputTransaction::commit_all once every output of
/// the run has been written. Until then the targets are untouched; an error, an exception or
/// a destructor removes the temporaries (and a signal: see cli/temporary_cleanup.hpp).
/// Targets that cannot be replaced (standard output, devices, FIFOs, sockets) are
/// PendingStreams: held in memory and written in place after every file was renamed.
///
///   OutputTransaction outputs;
///   PendingFile& f = outputs.add_file("out/graph.graphml");   // creates .graph.graphml.kgraph-tmp-XXXXXX
///   exporter.write(view, f.stream(), options);
///   f.close();                                                 // flush, fsync, check errors
///   outputs.commit_all();                                      // rename over out/graph.graphml

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/temporary_cleanup.hpp"
#include "cli/unique_fd.hpp"

namespace kgraph::cli {

class FdOutputBuffer;

/// Name of the file kgraph puts in every directory output. An existing directory is replaced
/// only if it is empty or holds this file, so `-o neo4j:$HOME` cannot wipe a home directory.
inline constexpr const char* kDirectoryMarker = ".kgraph-output";

/// Something written beside its target, waiting to be moved into place.
class PendingOutput {
 public:
  virtual ~PendingOutput() = default;
  /// The path the user named (as given, for messages).
  const std::filesystem::path& target() const { return target_; }
  /// Finishes writing: flushes, syncs and closes. Throws CliError (exit 3) with the OS's reason.
  virtual void close() = 0;
  /// Moves the finished temporary into place. Throws CliError (exit 3).
  virtual void commit() = 0;
  /// Writes on the calling thread only (`--threads 0`), before anything is written; for a
  /// file, whose large blocks otherwise go to the disk from a thread of their own.
  virtual void write_on_this_thread() {}
  bool committed() const { return committed_; }

 protected:
  explicit PendingOutput(std::filesystem::path target);
  std::filesystem::path target_;    // as given
  std::filesystem::path resolved_;  // where the rename goes (symlinks followed)
  bool committed_ = false;
  UniqueFd lock_;  // marks the temporary as a live run's (temporary_cleanup.hpp)
  // The temporary's name, filled in place by mkstemp/mkdtemp: registered for removal before
  // it is created, so that no moment exists when a signal could leave it behind. Declared
  // before cleanup_, so that it outlives the registration.
  std::string temp_name_;
  CleanupRegistration cleanup_;  // removal on SIGINT/SIGTERM/SIGHUP
};

/// One file: a `.NAME.kgraph-tmp-XXXXXX` temporary created with mkstemp beside the target
/// (after removing the stale temporaries earlier runs left for the same target).
class PendingFile final : public PendingOutput {
 public:
  /// Creates the temporary. Throws CliError (exit 3) if the target's directory is missing or
  /// not writable, or the target is a directory or not a regular file.
  explicit PendingFile(std::filesystem::path target);
  ~PendingFile() override;
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  /// Where to write the content.
  std::ostream& stream();
  void write_on_this_thread() override;
  void close() override;
  void commit() override;
  const std::filesystem::path& temp_path() const { return temp_; }

 private:
  std::filesystem::path temp_;
  std::unique_ptr<FdOutputBuffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
  mode_t mode_ = 0644;
  bool closed_ = false;
};

/// One directory: a `.NAME.kgraph-tmp-XXXXXX` directory created with mkdtemp beside the target,
/// swapped into place on commit (atomically with renameat2 RENAME_EXCHANGE where the file
/// system supports it); the old directory is then removed.
class PendingDirectory final : public PendingOutput {
 public:
  /// Creates the temporary directory (after removing stale ones of earlier runs). Throws
  /// CliError (exit 3) if the target exists and is not a directory, or is a non-empty
  /// directory without kDirectoryMarker.
  explicit PendingDirectory(std::filesystem::path target);
  ~PendingDirectory() override;
  PendingDirectory(const PendingDirectory&) = delete;
  PendingDirectory& operator=(const PendingDirectory&) = delete;

  /// The empty temporary directory to fill.
  const std::filesystem::path& path() const { return temp_; }
  /// Adds kDirectoryMarker and syncs the files.
  void close() override;
  void commit() override;

 private:
  std::filesystem::path temp_;
  mode_t mode_ = 0755;
  bool closed_ = false;
};

/// Output to a target that cannot be replaced atomically and must never be replaced:
/// standard output, a character device, a FIFO, a socket, or a descriptor of this process.
/// The content is held in memory and written in place on commit, which commit_all() does
/// after every other output was renamed into place; a stream cannot be un-written.
class PendingStream final : public PendingOutput {
 public:
  /// Writes to `destination` (the run's standard output); `name` names it in messages.
  PendingStream(std::ostream& destination, std::string name);
  /// Writes to the node `target` (a character device, FIFO or socket, perhaps through
  /// symbolic links): opened for writing, or connected to, on commit. Throws CliError (exit 3)
  /// now if it is not writable.
  explicit PendingStream(std::filesystem::path target);
  /// Writes to a duplicate of descriptor `fd`, taken now; `target` (e.g. /dev/fd/3) names it
  /// in messages. Throws CliError (exit 3) if `fd` is not open for writing.
  PendingStream(std::filesystem::path target, int fd);

  std::ostream& stream() { return buffer_; }
  void close() override {}
  /// Writes the content. Throws CliError (exit 3) naming the target when a write fails.
  void commit() override;

 private:
  std::ostream* destination_ = nullptr;  // standard output
  UniqueFd fd_;                          // a descriptor taken at once
  std::ostringstream buffer_;
};

/// The outputs of one run. commit_all() moves every closed output into place; if the
/// transaction is destroyed before, every temporary is removed and no target changes.
/// (Each output is replaced atomically; should the rename of a later output fail, earlier
/// ones stay replaced. Renames within one directory practically never fail.)
class OutputTransaction {
 public:
  PendingFile& add_file(std::filesystem::path target);
  PendingDirectory& add_directory(std::filesystem::path target);
  PendingStream& add_stream(std::ostream& destination, std::string name);
  PendingStream& add_node(std::filesystem::path target);
  PendingStream& add_descriptor(std::filesystem::path target, int fd);
  /// Closes every output, renames the files and directories into place in the order added,
  /// then writes the streams in the order added.
  void commit_all();

 private:
  std::vector<std::unique_ptr<PendingOutput>> outputs_;
};

/// The temporary name beside `target`: ".NAME.kgraph-tmp-XXXXXX" (NAME cut to keep the name
/// within file-system limits).
std::filesystem::path temporary_name(const std::filesystem::path& target, const char* tag = "tmp");

}  // namespace kgraph::cli
