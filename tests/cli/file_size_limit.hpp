#pragma once
/// A file-size limit for the length of a test: writes past it fail with EFBIG, as they would
/// with ENOSPC on a full disk, without filling one. SIGXFSZ is ignored meanwhile (otherwise
/// it ends the process); both are restored at the end of the scope.

#include <sys/resource.h>

#include <csignal>
#include <stdexcept>

namespace kgraph::test {

class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    if (::getrlimit(RLIMIT_FSIZE, &old_) != 0) throw std::runtime_error("getrlimit failed");
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limited = old_;
    limited.rlim_cur = bytes;
    if (::setrlimit(RLIMIT_FSIZE, &limited) != 0) {
      std::signal(SIGXFSZ, old_handler_);
      throw std::runtime_error("setrlimit failed");
    }
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &old_);
    std::signal(SIGXFSZ, old_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  struct rlimit old_ {};
  void (*old_handler_)(int) = SIG_DFL;
};

}  // namespace kgraph::test
