#include "cli/progress.hpp"

#include <ostream>

namespace kgraph::cli {

Progress::Progress(std::ostream& err, bool terminal, Clock::duration delay,
                   Clock::duration interval)
    : err_(&err), terminal_(terminal), delay_(delay), interval_(interval), start_(Clock::now()) {}

Progress::~Progress() { done(); }

void Progress::start_input(std::string_view name, std::optional<std::uint64_t> size) {
  input_.assign(name);
  size_ = size;
}

void Progress::update(std::uint64_t bytes, std::uint64_t records) {
  if (!err_) return;
  const Clock::time_point now = Clock::now();
  if (now - start_ < delay_ || (printed_ && now - last_ < interval_)) return;
  last_ = now;
  std::string line = "kgraph: reading " + input_ + ": " + std::to_string(records) + " records";
  if (size_ && *size_ > 0) {
    const std::uint64_t percent = std::min<std::uint64_t>(100, bytes * 100 / *size_);
    line += " (" + std::to_string(percent) + "%)";
  }
  print(line);
}

void Progress::step(std::string_view message) {
  if (!err_ || Clock::now() - start_ < delay_) return;
  last_ = Clock::now();
  print("kgraph: " + std::string(message));
}

void Progress::print(const std::string& line) {
  printed_ = true;
  if (terminal_) {
    *err_ << '\r' << line << "\x1b[K" << std::flush;
    line_open_ = true;
  } else {
    *err_ << line << '\n' << std::flush;
  }
}

void Progress::done() {
  if (err_ && line_open_) {
    *err_ << "\r\x1b[K" << std::flush;
    line_open_ = false;
  }
}

}  // namespace kgraph::cli
