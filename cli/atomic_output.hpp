#pragma once
/// Outputs that are written completely or not at all. Each output is first written to a
/// temporary beside its target (same directory, so the final rename stays on one file
/// system), and only renamed into place by OutputTransaction::commit_all once every output of
/// the run has been written. Until then the targets are untouched; an error, an exception or
/// a destructor removes the temporaries.
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
  bool committed() const { return committed_; }

 protected:
  explicit PendingOutput(std::filesystem::path target);
  std::filesystem::path target_;    // as given
  std::filesystem::path resolved_;  // where the rename goes (symlinks followed)
  bool committed_ = false;
};

/// One file: a `.NAME.kgraph-tmp-XXXXXX` temporary created with mkstemp beside the target.
class PendingFile final : public PendingOutput {
 public:
  /// Creates the temporary. Throws CliError (exit 3) if the target's directory is missing or
  /// not writable, or the target is a directory.
  explicit PendingFile(std::filesystem::path target);
  ~PendingFile() override;
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  /// Where to write the content.
  std::ostream& stream();
  void close() override;
  void commit() override;
  const std::filesystem::path& temp_path() const { return temp_; }

 private:
  std::filesystem::path temp_;
  std::unique_ptr<FdOutputBuffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
  mode_t mode_ = 0644;
  bool closed_ = false;
  int cleanup_slot_ = -1;  // removal on SIGINT/SIGTERM/SIGHUP
};

/// One directory: a `.NAME.kgraph-tmp-XXXXXX` directory created with mkdtemp beside the target,
/// swapped into place on commit (atomically with renameat2 RENAME_EXCHANGE where the file
/// system supports it); the old directory is then removed.
class PendingDirectory final : public PendingOutput {
 public:
  /// Creates the temporary directory. Throws CliError (exit 3) if the target exists and is not
  /// a directory, or is a non-empty directory without kDirectoryMarker.
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

/// Output for a stream that cannot be replaced atomically (standard output): held in memory
/// and written to the stream only on commit, after every file output was written.
class PendingStream final : public PendingOutput {
 public:
  PendingStream(std::ostream& destination, std::string name);
  std::ostream& stream() { return buffer_; }
  void close() override {}
  void commit() override;

 private:
  std::ostream& destination_;
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
  /// Renames every output into place, in the order added (streams last). All must have been
  /// closed.
  void commit_all();

 private:
  std::vector<std::unique_ptr<PendingOutput>> outputs_;
};

/// The temporary name beside `target`: ".NAME.kgraph-tmp-XXXXXX" (NAME cut to keep the name
/// within file-system limits).
std::filesystem::path temporary_name(const std::filesystem::path& target, const char* tag = "tmp");

}  // namespace kgraph::cli
