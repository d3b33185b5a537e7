#include "cli/atomic_output.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

#include "cli/command_line.hpp"
#include "cli/fd_stream.hpp"
#include "cli/unique_fd.hpp"

namespace kgraph::cli {
namespace fs = std::filesystem;
namespace {

mode_t current_umask() {
  const mode_t m = ::umask(0);
  ::umask(m);
  return m;
}

std::string errno_text(int e) { return std::strerror(e); }

/// Mode for a new output: the existing target's, or what open() would have given.
mode_t mode_for(const fs::path& resolved, mode_t fresh) {
  struct stat st{};
  if (::stat(resolved.c_str(), &st) == 0) return st.st_mode & 07777;
  return fresh & ~current_umask();
}

/// Follows a symlink at the target, so that the link keeps pointing at the updated file.
fs::path resolve(const fs::path& target) {
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(target, ec))) {
    fs::path real = fs::weakly_canonical(target, ec);
    if (!ec) return real;
  }
  return target;
}

fs::path directory_of(const fs::path& p) {
  return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

/// fsync on a directory so that renames in it survive a crash; errors are not fatal here.
void sync_directory(const fs::path& dir) {
  UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd) (void)::fsync(fd.get());
}

/// Temporary files to unlink if the process is killed by SIGINT, SIGTERM or SIGHUP, so that an
/// interrupted run leaves nothing behind. Slots are lock-free so the handler may read them.
/// (Temporary directories cannot be removed safely from a signal handler; directory walks
/// skip them by name.)
constexpr int kCleanupSlots = 64;
std::atomic<const char*> g_cleanup[kCleanupSlots];

extern "C" void unlink_temporaries_and_die(int sig) {
  for (auto& slot : g_cleanup)
    if (const char* path = slot.load()) ::unlink(path);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void install_cleanup_handlers() {
  static const bool installed = [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction old{};
      if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;  // e.g. nohup
      struct sigaction sa{};
      sa.sa_handler = unlink_temporaries_and_die;
      sigemptyset(&sa.sa_mask);
      ::sigaction(sig, &sa, nullptr);
    }
    return true;
  }();
  (void)installed;
}

/// Registers a path (which must stay alive) for removal on a fatal signal; returns the slot or -1.
int register_cleanup(const char* path) {
  for (int i = 0; i < kCleanupSlots; ++i) {
    const char* expected = nullptr;
    if (g_cleanup[i].compare_exchange_strong(expected, path)) return i;
  }
  return -1;
}

void unregister_cleanup(int& slot) {
  if (slot >= 0) g_cleanup[slot].store(nullptr);
  slot = -1;
}

}  // namespace

fs::path temporary_name(const fs::path& target, const char* tag) {
  std::string name = target.filename().string();
  constexpr std::size_t kMaxName = 160;
  if (name.size() > kMaxName) {
    std::size_t cut = kMaxName;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return directory_of(target) / ("." + name + ".kgraph-" + tag + "-XXXXXX");
}

PendingOutput::PendingOutput(fs::path target) : target_(std::move(target)), resolved_(resolve(target_)) {}

// ---------------------------------------------------------------------------------------------

PendingFile::PendingFile(fs::path target) : PendingOutput(std::move(target)) {
  const std::string shown = target_.string();
  std::error_code ec;
  if (fs::is_directory(resolved_, ec)) throw write_error(shown, errno_text(EISDIR));
  mode_ = mode_for(resolved_, 0666);

  install_cleanup_handlers();
  std::string tmpl = temporary_name(resolved_).string();
  UniqueFd fd(::mkostemp(tmpl.data(), O_CLOEXEC));
  if (!fd) throw write_error(shown, errno_text(errno));
  temp_ = tmpl;
  cleanup_slot_ = register_cleanup(temp_.c_str());
  buffer_ = std::make_unique<FdOutputBuffer>(std::move(fd));
  stream_ = std::make_unique<std::ostream>(buffer_.get());
}

PendingFile::~PendingFile() {
  stream_.reset();
  buffer_.reset();  // closes the descriptor if still open
  unregister_cleanup(cleanup_slot_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

std::ostream& PendingFile::stream() { return *stream_; }

void PendingFile::close() {
  if (closed_) return;
  closed_ = true;
  stream_->flush();
  (void)::fchmod(buffer_->fd(), mode_);  // not fatal: the temporary's 0600 is safe, only stricter
  const int e = buffer_->finish();
  if (e != 0) throw write_error(target_.string(), errno_text(e));
  if (stream_->bad()) throw write_error(target_.string(), errno_text(EIO));
}

void PendingFile::commit() {
  if (committed_) return;
  if (!closed_) close();
  if (::rename(temp_.c_str(), resolved_.c_str()) != 0) throw write_error(target_.string(), errno_text(errno));
  committed_ = true;
  unregister_cleanup(cleanup_slot_);
  sync_directory(directory_of(resolved_));
}

// ---------------------------------------------------------------------------------------------

PendingDirectory::PendingDirectory(fs::path target) : PendingOutput(std::move(target)) {
  const std::string shown = target_.string();
  std::error_code ec;
  const fs::file_status st = fs::status(resolved_, ec);
  if (fs::exists(st)) {
    if (!fs::is_directory(st)) throw write_error(shown, errno_text(ENOTDIR));
    const bool ours = fs::exists(resolved_ / kDirectoryMarker, ec);
    if (!ours && !fs::is_empty(resolved_, ec))
      throw write_error(shown, std::string("the directory exists and was not written by kgraph (no ") +
                                   kDirectoryMarker + " in it); remove it or choose another path");
  }
  mode_ = mode_for(resolved_, 0777);

  std::string tmpl = temporary_name(resolved_).string();
  if (!::mkdtemp(tmpl.data())) throw write_error(shown, errno_text(errno));
  temp_ = tmpl;
}

PendingDirectory::~PendingDirectory() {
  if (!committed_ && !temp_.empty()) {
    std::error_code ec;
    fs::remove_all(temp_, ec);
  }
}

void PendingDirectory::close() {
  if (closed_) return;
  closed_ = true;
  PendingFile marker(temp_ / kDirectoryMarker);
  marker.stream() << "This directory was written by kgraph; kgraph replaces it as a whole.\n";
  marker.commit();
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(temp_)) {
    if (!e.is_regular_file()) continue;
    UniqueFd fd(::open(e.path().c_str(), O_RDONLY | O_CLOEXEC));
    if (fd && ::fsync(fd.get()) != 0 && errno != EINVAL && errno != EROFS)
      throw write_error(target_.string(), errno_text(errno));
  }
  if (::chmod(temp_.c_str(), mode_) != 0) throw write_error(target_.string(), errno_text(errno));
}

void PendingDirectory::commit() {
  if (committed_) return;
  if (!closed_) close();
  const std::string shown = target_.string();
  if (::rename(temp_.c_str(), resolved_.c_str()) == 0) {  // no target yet, or an empty one
    committed_ = true;
    sync_directory(directory_of(resolved_));
    return;
  }
  if (errno != EEXIST && errno != ENOTEMPTY) throw write_error(shown, errno_text(errno));

  // The target is a non-empty directory: swap, then remove the old one (now at temp_).
  if (::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, resolved_.c_str(), RENAME_EXCHANGE) != 0) {
    if (errno != EINVAL && errno != ENOSYS) throw write_error(shown, errno_text(errno));
    // No RENAME_EXCHANGE on this file system: move the old one aside first.
    std::string old = temporary_name(resolved_, "old").string();
    if (!::mkdtemp(old.data())) throw write_error(shown, errno_text(errno));
    if (::rename(resolved_.c_str(), old.c_str()) != 0) {
      const int e = errno;
      ::rmdir(old.c_str());
      throw write_error(shown, errno_text(e));
    }
    if (::rename(temp_.c_str(), resolved_.c_str()) != 0) {
      const int e = errno;
      (void)::rename(old.c_str(), resolved_.c_str());
      throw write_error(shown, errno_text(e));
    }
    committed_ = true;
    std::error_code ec;
    fs::remove_all(old, ec);
    sync_directory(directory_of(resolved_));
    return;
  }
  committed_ = true;
  std::error_code ec;
  fs::remove_all(temp_, ec);  // the old directory
  sync_directory(directory_of(resolved_));
}

// ---------------------------------------------------------------------------------------------

PendingStream::PendingStream(std::ostream& destination, std::string name)
    : PendingOutput(std::move(name)), destination_(destination) {}

void PendingStream::commit() {
  if (committed_) return;
  committed_ = true;
  destination_ << buffer_.view();
  destination_.flush();
}

PendingFile& OutputTransaction::add_file(fs::path target) {
  auto p = std::make_unique<PendingFile>(std::move(target));
  PendingFile& ref = *p;
  outputs_.push_back(std::move(p));
  return ref;
}

PendingDirectory& OutputTransaction::add_directory(fs::path target) {
  auto p = std::make_unique<PendingDirectory>(std::move(target));
  PendingDirectory& ref = *p;
  outputs_.push_back(std::move(p));
  return ref;
}

PendingStream& OutputTransaction::add_stream(std::ostream& destination, std::string name) {
  auto p = std::make_unique<PendingStream>(destination, std::move(name));
  PendingStream& ref = *p;
  outputs_.push_back(std::move(p));
  return ref;
}

void OutputTransaction::commit_all() {
  for (auto& out : outputs_) out->close();
  for (auto& out : outputs_)
    if (!dynamic_cast<PendingStream*>(out.get())) out->commit();
  for (auto& out : outputs_) out->commit();
}

}  // namespace kgraph::cli
