#pragma once
/// Progress reports on standard error during long imports and exports (`--progress`).
/// Nothing is printed until the run has taken `delay`, so short runs stay silent; after that,
/// at most one report per `interval`. On a terminal a report rewrites one line in place.

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace kgraph::cli {

class Progress {
 public:
  using Clock = std::chrono::steady_clock;

  /// A reporter that never prints.
  Progress() = default;
  Progress(std::ostream& err, bool terminal, Clock::duration delay = std::chrono::seconds(1),
           Clock::duration interval = std::chrono::milliseconds(250));
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool enabled() const { return err_ != nullptr; }

  /// Starts reading an input; `size` in bytes if known (regular files).
  void start_input(std::string_view name, std::optional<std::uint64_t> size);
  /// Called often while reading (cheap unless a report is due).
  void update(std::uint64_t bytes, std::uint64_t records);
  /// Reports a step of the run ("writing out.graphml"), if the run is already slow.
  void step(std::string_view message);
  /// Ends the report line on a terminal.
  void done();

 private:
  void print(const std::string& line);

  std::ostream* err_ = nullptr;
  bool terminal_ = false;
  Clock::duration delay_{};
  Clock::duration interval_{};
  Clock::time_point start_{};
  Clock::time_point last_{};
  bool printed_ = false;
  bool line_open_ = false;
  std::string input_;
  std::optional<std::uint64_t> size_;
};

}  // namespace kgraph::cli
