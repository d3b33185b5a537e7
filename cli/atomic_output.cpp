#include "cli/atomic_output.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>

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
  struct stat st {};
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

/// Writes all of `data` to `fd`; errno of the failure, or 0.
int write_fully(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

/// A descriptor for writing to the node at `path`: open() for devices and FIFOs (a FIFO
/// waits for its reader, as with `cmd > fifo`), connect() for a Unix socket. -1 and errno.
int open_node(const fs::path& path) {
  int fd;
  do {
    fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd >= 0 || errno != ENXIO) return fd;
  // ENXIO: a socket, which open() cannot open.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISSOCK(st.st_mode)) return -1;
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string name = path.string();
  if (name.size() >= sizeof address.sun_path) {
    errno = ENAMETOOLONG;
    return -1;
  }
  std::memcpy(address.sun_path, name.c_str(), name.size() + 1);
  UniqueFd sock(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!sock) return -1;
  if (::connect(sock.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
    return -1;
  return sock.release();
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

PendingOutput::PendingOutput(fs::path target)
    : target_(std::move(target)), resolved_(resolve(target_)) {}

// ---------------------------------------------------------------------------------------------

PendingFile::PendingFile(fs::path target) : PendingOutput(std::move(target)) {
  const std::string shown = target_.string();
  struct stat st {};
  if (::stat(resolved_.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw write_error(shown, errno_text(EISDIR));
    // Devices, FIFOs and sockets are written in place (PendingStream), never renamed over.
    if (!S_ISREG(st.st_mode))
      throw write_error(shown, "not a regular file, and kgraph replaces only regular files");
  }
  mode_ = mode_for(resolved_, 0666);

  remove_stale_temporaries(resolved_);
  temp_name_ = temporary_name(resolved_).string();
  cleanup_ = CleanupRegistration(temp_name_.c_str(), false);
  UniqueFd fd(::mkostemp(temp_name_.data(), O_CLOEXEC));
  if (!fd) {
    const int e = errno;
    cleanup_.release();
    throw write_error(shown, errno_text(e));
  }
  temp_ = temp_name_;
  lock_ = lock_temporary(temp_, false);
  buffer_ = std::make_unique<FdOutputBuffer>(std::move(fd));
  stream_ = std::make_unique<std::ostream>(buffer_.get());
}

PendingFile::~PendingFile() {
  stream_.reset();
  buffer_.reset();  // closes the descriptor if still open
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
  cleanup_.release();
}

std::ostream& PendingFile::stream() { return *stream_; }

void PendingFile::write_on_this_thread() { buffer_->write_on_this_thread(); }

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
  if (::rename(temp_.c_str(), resolved_.c_str()) != 0)
    throw write_error(target_.string(), errno_text(errno));
  committed_ = true;
  cleanup_.release();
  lock_.reset();
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
      throw write_error(shown,
                        std::string("the directory exists and was not written by kgraph (no ") +
                            kDirectoryMarker + " in it); remove it or choose another path");
  }
  mode_ = mode_for(resolved_, 0777);

  remove_stale_temporaries(resolved_);
  temp_name_ = temporary_name(resolved_).string();
  cleanup_ = CleanupRegistration(temp_name_.c_str(), true);
  if (!::mkdtemp(temp_name_.data())) {
    const int e = errno;
    cleanup_.release();
    throw write_error(shown, errno_text(e));
  }
  temp_ = temp_name_;
  lock_ = lock_temporary(temp_, true);
}

PendingDirectory::~PendingDirectory() {
  if (!committed_ && !temp_.empty()) {
    std::error_code ec;
    fs::remove_all(temp_, ec);
  }
  cleanup_.release();  // after the removal: a signal during it finishes the job
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
    cleanup_.release();
    lock_.reset();
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
    cleanup_.release();
    lock_.reset();
    std::error_code ec;
    fs::remove_all(old, ec);
    sync_directory(directory_of(resolved_));
    return;
  }
  // temp_ now names the old directory, which a signal may still remove.
  committed_ = true;
  lock_.reset();
  std::error_code ec;
  fs::remove_all(temp_, ec);
  cleanup_.release();
  sync_directory(directory_of(resolved_));
}

// ---------------------------------------------------------------------------------------------

PendingStream::PendingStream(std::ostream& destination, std::string name)
    : PendingOutput(std::move(name)), destination_(&destination) {}

PendingStream::PendingStream(fs::path target) : PendingOutput(std::move(target)) {
  // Only checked now; opening waits for the commit, as a FIFO's open waits for a reader.
  if (::access(target_.c_str(), W_OK) != 0) throw write_error(target_.string(), errno_text(errno));
}

PendingStream::PendingStream(fs::path target, int fd) : PendingOutput(std::move(target)) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) throw write_error(target_.string(), errno_text(errno));
  if ((flags & O_ACCMODE) == O_RDONLY) throw write_error(target_.string(), errno_text(EBADF));
  fd_ = UniqueFd(::fcntl(fd, F_DUPFD_CLOEXEC, 3));
  if (!fd_) throw write_error(target_.string(), errno_text(errno));
}

void PendingStream::commit() {
  if (committed_) return;
  committed_ = true;
  if (destination_) {
    *destination_ << buffer_.view();
    destination_->flush();  // a failure is reported for standard output by main()
    return;
  }
  UniqueFd opened;
  int fd = fd_.get();
  if (!fd_) {
    opened = UniqueFd(open_node(target_));
    if (!opened) throw write_error(target_.string(), errno_text(errno));
    fd = opened.get();
  }
  if (const int e = write_fully(fd, buffer_.view()))
    throw write_error(target_.string(), errno_text(e));
  if (opened.close() != 0) throw write_error(target_.string(), errno_text(errno));
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

PendingStream& OutputTransaction::add_node(fs::path target) {
  auto p = std::make_unique<PendingStream>(std::move(target));
  PendingStream& ref = *p;
  outputs_.push_back(std::move(p));
  return ref;
}

PendingStream& OutputTransaction::add_descriptor(fs::path target, int fd) {
  auto p = std::make_unique<PendingStream>(std::move(target), fd);
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
