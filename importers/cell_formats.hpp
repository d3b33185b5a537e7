#pragma once
/// Cells written the way spreadsheets and foreign tables write them, read by mapping values
/// (docs/formats/mapping.md, "Foreign cell formats"): dates in a strftime-like format or as
/// Excel serial day numbers, numbers with thousands separators, and yes/no booleans.
///
///   std::string problem;
///   auto f = DateFormat::parse("%d/%m/%Y", problem);
///   std::string iso;
///   if (f && f->read("19/09/2006", iso, problem)) ...   // iso == "2006-09-19"

#include <optional>
#include <string>
#include <string_view>

namespace kgraph {

class DateFormat {
 public:
  /// `"excel"`, or a pattern of `%Y %y %m %d %b %B %%` and literal text (a space matches any
  /// run of spaces). nullopt with `problem` set if it is neither, or has no year.
  static std::optional<DateFormat> parse(std::string_view format, std::string& problem);

  /// The cell as a partial ISO date: a day if the format has `%d`, else a month if it has a
  /// month, else a year. False with `problem` (what was expected) if the cell does not fit.
  bool read(std::string_view cell, std::string& iso, std::string& problem) const;

  const std::string& text() const { return format_; }

 private:
  bool read_excel(std::string_view cell, std::string& iso, std::string& problem) const;
  std::string format_;
  bool excel_ = false;
};

/// `cell` without its thousands separators, if they are where they belong (`1,234,567`,
/// `-12,000.5`); nullopt if a separator is misplaced.
std::optional<std::string> without_thousands(std::string_view cell, std::string_view separator);

/// yes/no, true/false, 1/0, x (true), in any case; nullopt for anything else.
std::optional<bool> lenient_boolean(std::string_view cell);

}  // namespace kgraph
