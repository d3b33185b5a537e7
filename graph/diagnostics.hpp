#pragma once
/// Problems found in the input, each with its place: `FILE:LINE:COLUMN: error: MESSAGE`.

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph {

/// Where something is in the input. Lines and columns are 1-based; columns count Unicode
/// code points (CSV: fields). Line 0 means "the whole file".
struct Location {
  std::uint32_t file = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend auto operator<=>(const Location&, const Location&) = default;
};

enum class Severity : std::uint8_t { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string message;
  /// How to fix it, printed on a line of its own after the message; empty for none.
  std::string hint;
};

/// Collects diagnostics from every stage. Files are registered once and named by index, so a
/// Location stays 12 bytes.
class Diagnostics {
 public:
  Diagnostics();

  /// Registers an input name (as the user wrote it) and returns its index for Locations.
  std::uint32_t add_file(std::string name);
  const std::string& file_name(std::uint32_t file) const { return files_[file]; }

  void error(Location where, std::string message, std::string hint = {});
  void warning(Location where, std::string message, std::string hint = {});

  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return warnings_; }
  bool has_errors() const { return errors_ > 0; }
  /// True once so many errors were seen that going on is pointless.
  bool too_many_errors() const { return errors_ >= hard_limit_; }

  /// What a Diagnostics holds beside its files, taken out to be reported elsewhere.
  struct Reported {
    std::vector<Diagnostic> items;
    std::size_t dropped_errors = 0;
    std::size_t dropped_warnings = 0;
    bool empty() const { return items.empty() && dropped_errors == 0 && dropped_warnings == 0; }
  };
  /// A Diagnostics with the same files and nothing reported: what a reader on another thread
  /// reports to (graph/record_relay.hpp).
  Diagnostics with_same_files() const;
  /// Takes out what was reported since the last take() (counts stay).
  Reported take();
  /// Reports what another Diagnostics took out, as if it had been reported here.
  void report(Reported&& reported);

  /// The stored diagnostics, sorted by place then text so that output is deterministic.
  std::vector<Diagnostic> sorted() const;
  /// Prints up to `limit` distinct diagnostics (warnings only if `with_warnings`), then a count
  /// of the distinct ones left out and of those past the storage limit.
  void print(std::ostream& out, std::size_t limit, bool with_warnings) const;
  /// `FILE:LINE:COLUMN: error: MESSAGE` for one diagnostic, then `  hint: HINT` on the next
  /// line when it has a hint.
  std::string format(const Diagnostic& d) const;

 private:
  std::vector<std::string> files_;
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  // Reported after the storage limit was reached: counted, never seen, so never de-duplicated.
  std::size_t dropped_errors_ = 0;
  std::size_t dropped_warnings_ = 0;
  std::size_t hard_limit_ = 10000;
};

/// Quotes `s` for a message: "abc", with control characters escaped and long text cut.
std::string quoted(std::string_view s);

}  // namespace kgraph
