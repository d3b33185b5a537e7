#pragma once
/// Option tables and the parser that reads a verb's arguments against them. Help text is
/// generated from the same tables, so an option exists in exactly one place.
///
///   constexpr OptionSpec kMine[] = {{"schema", 0, "FILE", "extend the schema", true}};
///   constexpr OptionGroup kGroups[] = {{"Options", kMine}};
///   ParsedArgs args = parse_arguments(kGroups, {"a.json", "--schema", "s.json"});
///   args.values("schema");  // {"s.json"}

#include <initializer_list>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/messages.hpp"

namespace kgraph::cli {

/// Exit statuses of the `kgraph` command (docs/cli.md, "Exit status").
namespace exit_status {
inline constexpr int ok = 0;
inline constexpr int invalid_input = 1;  // the data is wrong: diagnostics or an ExportError
inline constexpr int usage = 2;          // the command line is wrong
inline constexpr int io = 3;             // a file could not be read or written
inline constexpr int internal = 70;      // a bug in kgraph (EX_SOFTWARE from sysexits.h)
}  // namespace exit_status

/// An error that ends the command with `status`; `what()` is the text after "kgraph: error: ".
class CliError : public std::runtime_error {
 public:
  CliError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

/// A bad command line (exit 2). `help_verb` names the verb for "Try 'kgraph VERB --help'."
/// (empty: "Try 'kgraph --help'.").
class UsageError : public CliError {
 public:
  UsageError(const std::string& message, std::string help_verb = {})
      : CliError(exit_status::usage, message), help_verb_(std::move(help_verb)) {}
  const std::string& help_verb() const { return help_verb_; }
  void set_help_verb(std::string verb) { help_verb_ = std::move(verb); }

 private:
  std::string help_verb_;
};

/// "cannot read PATH: REASON" (exit 3).
CliError read_error(std::string_view path, std::string_view reason);
/// "cannot write PATH: REASON" (exit 3).
CliError write_error(std::string_view path, std::string_view reason);

/// One option of a verb: `--long_name`, optionally `-s`, a flag unless `value_name` is set.
struct OptionSpec {
  std::string_view long_name;   // without the dashes: "schema"
  char short_name = 0;          // 'o' for -o; 0: none
  std::string_view value_name;  // "FILE"; empty: a flag that takes no value
  std::string_view help;
  bool repeatable = false;  // a value option that may be given more than once
  bool takes_value() const { return !value_name.empty(); }
};

/// Options shown together under a heading in --help.
struct OptionGroup {
  std::string_view title;
  std::span<const OptionSpec> options;
};

/// The arguments of one verb after parsing: positionals in order, options in order.
class ParsedArgs {
 public:
  const std::vector<std::string>& positionals() const { return positionals_; }
  /// Whether the option (by long name) was given at least once.
  bool has(std::string_view name) const;
  /// Every value given for the option, in order.
  std::vector<std::string> values(std::string_view name) const;
  /// The value of a non-repeatable option, if given.
  std::optional<std::string> value(std::string_view name) const;
  /// Which of `names` was given last, or empty if none was (for --progress/--no-progress).
  std::string_view last_of(std::initializer_list<std::string_view> names) const;
  /// Whether --help (or -h) was given; the rest is then not checked.
  bool help() const { return help_; }

 private:
  friend ParsedArgs parse_arguments(std::span<const OptionGroup> groups,
                                    std::span<const std::string> args);
  std::vector<std::string> positionals_;
  std::vector<std::pair<std::string, std::string>> options_;  // (long name, value or "")
  bool help_ = false;
};

/// Parses `args` (the words after the verb). Accepts `--name VALUE`, `--name=VALUE`, `-s VALUE`,
/// `-sVALUE`, `--` (the rest are positionals) and `-` (a positional: standard input). `--help`
/// and `-h` are always accepted. Throws UsageError for an unknown option (with did-you-mean),
/// a missing or unexpected value, or a non-repeatable option given twice. The verb's
/// dispatcher adds the "Try 'kgraph VERB --help'." hint.
ParsedArgs parse_arguments(std::span<const OptionGroup> groups, std::span<const std::string> args);

/// The option list of a verb's --help: one heading per group, then "  -s, --name VALUE  help".
std::string format_options(std::span<const OptionGroup> groups);

/// Parses a non-negative integer option value; throws UsageError naming the option.
std::size_t parse_count(std::string_view option, std::string_view text);

/// Fills `text` (words separated by spaces) into lines of at most `width` columns, each
/// ending in a newline; a word longer than `width` gets a line of its own.
std::string wrap(std::string_view text, std::size_t width = 88);

/// "a, b, c".
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace kgraph::cli
