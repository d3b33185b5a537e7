#include "cli/input_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <istream>
#include <set>
#include <streambuf>

#include "cli/command_line.hpp"
#include "cli/progress.hpp"
#include "cli/unique_fd.hpp"
#include "importers/compressed_input.hpp"

namespace kgraph::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kStdinName = "<stdin>";

/// A stream buffer over a file descriptor that keeps the OS's reason for a failed read and
/// reports progress as it goes.
class InputBuffer : public std::streambuf {
 public:
  InputBuffer(int fd, const std::function<void(std::uint64_t)>& bytes_read)
      : fd_(fd), bytes_read_(bytes_read), buffer_(kSize) {}

  /// errno of the failed read, or 0.
  int error() const { return error_; }
  /// The bytes read and not yet taken (after sgetc(), the input's first chunk).
  std::string_view buffered() const { return {gptr(), static_cast<std::size_t>(egptr() - gptr())}; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (error_ != 0) return traits_type::eof();
    bytes_read_(bytes_);
    ssize_t n;
    do {
      n = ::read(fd_, buffer_.data(), buffer_.size());
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      error_ = errno;
      return traits_type::eof();
    }
    if (n == 0) return traits_type::eof();
    bytes_ += static_cast<std::uint64_t>(n);
    setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr std::size_t kSize = 1 << 18;
  int fd_;
  const std::function<void(std::uint64_t)>& bytes_read_;
  std::vector<char> buffer_;
  std::uint64_t bytes_ = 0;
  int error_ = 0;
};

/// Temporaries of another kgraph run writing into the same directory (see atomic_output.hpp).
bool is_kgraph_temporary(const std::string& name) {
  return name.starts_with('.') && (name.find(".kgraph-tmp-") != std::string::npos ||
                                   name.find(".kgraph-old-") != std::string::npos);
}

std::string reason(const std::error_code& ec) { return ec.message(); }

/// The identity of a file, to read each file once however it was reached.
std::string identity(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) == 0)
    return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
  return p.lexically_normal().string();
}

}  // namespace

std::vector<std::string> supported_extensions(const ImporterRegistry& registry) {
  std::set<std::string> exts;
  for (const std::string& name : registry.names())
    for (std::string_view e : registry.named(name)->extensions()) exts.emplace(e);
  return {exts.begin(), exts.end()};
}

std::vector<InputFile> collect_inputs(std::span<const std::string> args, const InputRules& rules,
                                      std::vector<std::string>& warnings) {
  const ImporterRegistry& registry = *rules.registry;
  std::set<std::string> excluded, seen;
  for (const fs::path& p : rules.exclude) excluded.insert(identity(p));

  std::vector<InputFile> out;
  bool stdin_seen = false;
  auto add = [&](std::string name, fs::path path, const Importer* importer) {
    if (!seen.insert(identity(path)).second) return;
    out.push_back({std::move(name), std::move(path), importer});
  };

  for (const std::string& arg : args) {
    if (arg == "-") {
      if (stdin_seen) throw UsageError("standard input ('-') given more than once");
      stdin_seen = true;
      if (!rules.forced)
        throw UsageError(
            "reading standard input needs --input-format (one of: " + join(registry.names()) + ")");
      out.push_back({std::string(kStdinName), {}, rules.forced});
      continue;
    }
    if (arg.empty()) throw UsageError("an input path is empty");
    const fs::path path(arg);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
      throw read_error(
          arg, reason(ec ? ec : std::make_error_code(std::errc::no_such_file_or_directory)));

    if (!fs::is_directory(status)) {
      const Importer* importer = rules.forced ? rules.forced : registry.for_path(arg);
      if (!importer)
        throw UsageError(
            "cannot tell the format of input '" + arg +
            "' from its extension (supported: " + join(supported_extensions(registry)) +
            "; or give --input-format " + join(registry.names(), "|") + ")");
      add(arg, path, importer);
      continue;
    }

    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec), end;
    if (ec) throw read_error(arg, reason(ec));
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      const fs::directory_entry& entry = *it;
      if (is_kgraph_temporary(entry.path().filename().string())) {
        std::error_code dir_ec;
        if (entry.is_directory(dir_ec)) it.disable_recursion_pending();
        continue;
      }
      std::error_code type_ec;
      if (!entry.is_regular_file(type_ec)) continue;
      const Importer* importer = registry.for_path(entry.path().filename().string());
      if (!importer || !importer->read_in_directory_walks()) continue;
      found.push_back(entry.path());
    }
    if (ec) throw read_error(it == end ? arg : it->path().string(), reason(ec));

    std::sort(found.begin(), found.end());
    std::size_t added = 0;
    for (const fs::path& p : found) {
      if (excluded.count(identity(p))) continue;
      add(p.generic_string(), p, registry.for_path(p.filename().string()));
      ++added;
    }
    if (added == 0)
      warnings.push_back("no input files (" + join(supported_extensions(registry)) +
                         ") in directory " + arg);
  }
  return out;
}

std::optional<std::uint64_t> input_size(const InputFile& input) {
  struct stat st {};
  if (input.is_stdin() || ::stat(input.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return std::nullopt;
  return static_cast<std::uint64_t>(st.st_size);
}

void read_input(const InputFile& input, std::uint32_t file, RecordSink& sink,
                const ImportOptions& options,
                const std::function<void(std::uint64_t bytes)>& bytes_read) {
  UniqueFd owned;
  int fd = STDIN_FILENO;
  if (!input.is_stdin()) {
    do {
      owned = UniqueFd(::open(input.path.c_str(), O_RDONLY | O_CLOEXEC));
    } while (!owned && errno == EINTR);
    if (!owned) throw read_error(input.name, std::strerror(errno));
    fd = owned.get();
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
      throw read_error(input.name, std::strerror(EISDIR));
  }

  InputBuffer buffer(fd, bytes_read);
  buffer.sgetc();  // the first chunk, whose first bytes tell a compressed input
  const Compression compression = detect_compression(buffer.buffered());
  if (compression == Compression::none) {
    std::istream in(&buffer);
    input.importer->read(in, file, input.name, sink, options);
  } else {
    DecompressingBuffer text(buffer, compression);
    std::istream in(&text);
    input.importer->read(in, file, input.name, sink, options);
    // Damaged data ends the text where the damage starts: whatever the importer made of the
    // text before it stays reported, and this says why the text stopped there.
    if (!text.error().empty() && buffer.error() == 0)
      sink.diagnostics().error(Location{file, 0, 0}, text.error());
  }
  if (buffer.error() != 0) throw read_error(input.name, std::strerror(buffer.error()));
}

}  // namespace kgraph::cli
