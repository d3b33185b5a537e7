#include "importers/regex.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>

namespace kgraph {

// A match of a pattern with nested repetition can take exponential time; these bound it (the
// defaults are ten million steps and 20 MB of backtracking memory).
constexpr std::uint32_t kMatchLimit = 1'000'000;
constexpr std::uint32_t kDepthLimit = 10'000;

struct Regex::Code {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  ~Code() {
    pcre2_match_context_free(context);
    pcre2_code_free(code);
  }
};

Regex::Regex(std::unique_ptr<Code> code) : code_(std::move(code)) {}
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;
Regex::~Regex() = default;

std::optional<Regex> Regex::compile(std::string_view pattern, std::string& problem) {
  pcre2_compile_context* cc = pcre2_compile_context_create(nullptr);
  pcre2_set_compile_extra_options(cc, PCRE2_EXTRA_ALT_BSUX);
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
                                   &error, &offset, cc);
  pcre2_compile_context_free(cc);
  if (!code) {
    PCRE2_UCHAR text[256];
    pcre2_get_error_message(error, text, sizeof text);
    problem =
        std::string(reinterpret_cast<const char*>(text)) + " at offset " + std::to_string(offset);
    return std::nullopt;
  }
  auto c = std::make_unique<Code>();
  c->code = code;
  c->context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(c->context, kMatchLimit);
  pcre2_set_depth_limit(c->context, kDepthLimit);
  Regex re(std::move(c));

  std::uint32_t count = 0, entry_size = 0;
  PCRE2_SPTR table = nullptr;
  pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
  pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
  pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
  // Each entry: the group number in two bytes, then the name, NUL-terminated; sorted by name.
  std::vector<std::pair<std::size_t, std::string>> named;
  for (std::uint32_t i = 0; i < count; ++i) {
    const PCRE2_SPTR entry = table + std::size_t{i} * entry_size;
    named.emplace_back(static_cast<std::size_t>(entry[0] << 8 | entry[1]),
                       reinterpret_cast<const char*>(entry + 2));
  }
  std::sort(named.begin(), named.end());
  for (auto& [number, name] : named) {
    re.numbers_.push_back(number);
    re.names_.push_back(std::move(name));
  }
  return re;
}

bool Regex::matches_whole(std::string_view text) const {
  std::vector<std::string> ignored;
  return matches_whole(text, ignored);
}

bool Regex::matches_whole(std::string_view text, std::vector<std::string>& groups) const {
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(code_->code, nullptr);
  const int rc = pcre2_match(code_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0,
                             0, data, code_->context);
  groups.assign(names_.size(), std::string());
  if (rc > 0) {
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
    for (std::size_t i = 0; i < names_.size(); ++i) {
      const std::size_t n = numbers_[i];
      if (n >= static_cast<std::size_t>(rc) || ovector[2 * n] == PCRE2_UNSET) continue;
      groups[i].assign(text.substr(ovector[2 * n], ovector[2 * n + 1] - ovector[2 * n]));
    }
  }
  pcre2_match_data_free(data);
  return rc > 0;
}

}  // namespace kgraph
