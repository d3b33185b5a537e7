#include "cli/schema_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli/command_line.hpp"
#include "cli/unique_fd.hpp"

namespace kgraph::cli {

std::string read_whole_file(const std::string& path) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) throw read_error(path, std::strerror(errno));
  std::string text;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw read_error(path, std::strerror(errno));
    }
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  return text;
}

Schema effective_schema(const std::vector<std::string>& files, Diagnostics& diags) {
  Schema schema = Schema::builtin();
  for (const std::string& file : files) {
    const std::string text = read_whole_file(file);
    schema.extend(text, diags.add_file(file), diags);
  }
  return schema;
}

}  // namespace kgraph::cli
