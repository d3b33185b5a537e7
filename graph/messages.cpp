#include "graph/messages.hpp"

#include <rapidjson/error/en.h>

#include <algorithm>
#include <cctype>

#include "graph/diagnostics.hpp"

namespace kgraph {

std::string place_text(const Diagnostics& diags, Location at) {
  std::string s = diags.file_name(at.file);
  // Appended, not ":" + std::to_string(...): GCC 12 warns (-Wrestrict) on that falsely.
  if (at.line > 0) {
    s += ':';
    s += std::to_string(at.line);
  }
  return s;
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += (s.empty() ? "" : ", ") + w;
  return s;
}

constexpr std::string_view kDateForms =
    "; expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)";

}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance || (d == best_distance && !best.empty() && c < best)) {
      if (d < best_distance) best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string>& candidates) {
  return did_you_mean_suffix(did_you_mean(word, candidates));
}

std::string did_you_mean_suffix(std::string_view suggestion) {
  return suggestion.empty() ? std::string() : "; did you mean " + quoted(suggestion) + "?";
}

std::string unknown_kind_message(std::string_view kind, std::string_view type_name,
                                 const std::vector<std::string>& kinds) {
  return "unknown kind " + quoted(kind) + " for " + std::string(type_name) +
         did_you_mean_suffix(kind, kinds) + " (allowed: " + joined(kinds) + ")";
}

std::string unknown_relation_type_message(std::string_view type,
                                          const std::vector<std::string>& types,
                                          std::string_view context) {
  return "unknown relation type " + quoted(type) + (context.empty() ? "" : " ") +
         std::string(context) + did_you_mean_suffix(type, types) +
         " (see `kgraph schema` for the relation types, or declare it with --schema)";
}

std::string invalid_date_message(std::string_view text, std::string_view field) {
  return "invalid date " + quoted(text) + " in field " + quoted(field) + std::string(kDateForms);
}

std::string invalid_date_option_message(std::string_view text, std::string_view option) {
  return "invalid date " + quoted(text) + " for " + std::string(option) + std::string(kDateForms);
}

std::string row_width_message(std::size_t expected, std::size_t found) {
  return "expected " + std::to_string(expected) + " fields, as in the header, but found " +
         std::to_string(found) +
         (found > expected ? "; a value containing a comma must be quoted (\"a, b\"), or the "
                             "header lacks a column"
                           : "; write every field, empty ones too (a,,c)");
}

std::string json_syntax_message(int rapidjson_error_code) {
  const auto code = static_cast<rapidjson::ParseErrorCode>(rapidjson_error_code);
  if (code == rapidjson::kParseErrorStringInvalidEncoding) return "invalid UTF-8 in a string";
  std::string text = rapidjson::GetParseError_En(code);
  if (!text.empty() && text.back() == '.') text.pop_back();
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return "invalid JSON: " + text;
}

std::string nul_byte_message() { return "unexpected NUL byte"; }

std::string nesting_too_deep_message() {
  return "nesting deeper than " + std::to_string(kMaxJsonNesting);
}

std::string byte_order_mark_message() {
  return "a byte-order mark (U+FEFF) in the middle of the file; only the very start of a file may "
         "have one";
}

std::string byte_order_mark_hint() {
  return "remove it; it is usually left by joining files that each begin with one (e.g. with cat)";
}

}  // namespace kgraph
