#include "exporters/csv_text.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <system_error>

namespace kgraph::csv {
namespace {

// Bytes that force quoting wherever they appear.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>(',')] = true;
  t[static_cast<unsigned char>('"')] = true;
  t[static_cast<unsigned char>('\n')] = true;
  t[static_cast<unsigned char>('\r')] = true;
  return t;
}();

bool is_edge_space(char c) { return c == ' ' || c == '\t'; }

}  // namespace

bool needs_quotes(std::string_view s) {
  if (s.empty() || is_edge_space(s.front()) || is_edge_space(s.back())) return true;
  for (char c : s)
    if (kSpecial[static_cast<unsigned char>(c)]) return true;
  return false;
}

bool has_line_break(std::string_view s) {
  return s.find_first_of("\r\n") != std::string_view::npos;
}

void append_quoted(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = s.find('"'); i != std::string_view::npos; i = s.find('"', i + 1)) {
    out.append(s.data() + run, i + 1 - run);
    out += '"';
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

bool append_field(std::string& out, std::string_view s) {
  if (!needs_quotes(s)) {
    out.append(s);
    return false;
  }
  append_quoted(out, s);
  return true;
}

OutputFile::OutputFile(std::filesystem::path path, std::size_t block_bytes)
    : path_(std::move(path)), block_bytes_(block_bytes) {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) fail("open", errno);
  buffer_.reserve(block_bytes_ + (block_bytes_ >> 1));
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
}

void OutputFile::fail(std::string_view what, int err) const {
  throw std::filesystem::filesystem_error(std::string(what), path_,
                                          std::error_code(err, std::generic_category()));
}

void OutputFile::flush() {
  const char* p = buffer_.data();
  std::size_t left = buffer_.size();
  while (left > 0) {
    const ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write", errno);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  written_ += buffer_.size();
  buffer_.clear();
}

void OutputFile::close() {
  if (fd_ < 0) return;
  flush();
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail("close", errno);
}

void write_text_file(const std::filesystem::path& path, std::string_view text, bool executable) {
  OutputFile f(path);
  f.buffer() = text;
  f.close();
  if (executable && ::chmod(path.c_str(), 0755) != 0)
    throw std::filesystem::filesystem_error("chmod", path,
                                            std::error_code(errno, std::generic_category()));
}

}  // namespace kgraph::csv
