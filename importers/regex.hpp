#pragma once
/// Regular expressions for mapping files (`"match"` conditions, `"files"` patterns), through
/// PCRE2: its matcher has limits on work and depth, where std::regex recurses once per character
/// and overflows the stack on a long cell. The syntax is Perl's, which for what mappings write
/// (classes, alternation, repetition, `(?<name>...)` groups) is ECMAScript's too; `\uHHHH`
/// escapes are read as in ECMAScript.
///
///   std::string problem;
///   auto re = Regex::compile("hr_status_(?<treaty>.+)\\.csv", problem);
///   if (re && re->matches_whole("hr_status_cat.csv")) ...

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph {

class Regex {
 public:
  /// Compiles `pattern` (UTF-8); nullopt with `problem` set (message and offset) if it is not one.
  static std::optional<Regex> compile(std::string_view pattern, std::string& problem);

  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;
  ~Regex();

  /// True if the whole of `text` matches. A match that would take too long counts as none.
  bool matches_whole(std::string_view text) const;
  /// Like matches_whole, and fills `groups` with the text of each named group (in
  /// group_names() order; a group that took no part is empty).
  bool matches_whole(std::string_view text, std::vector<std::string>& groups) const;
  /// The names of the pattern's named groups, in the order of their numbers.
  const std::vector<std::string>& group_names() const { return names_; }

 private:
  struct Code;
  explicit Regex(std::unique_ptr<Code> code);
  std::unique_ptr<Code> code_;
  std::vector<std::string> names_;
  std::vector<std::size_t> numbers_;  // the group number of each name
};

}  // namespace kgraph
