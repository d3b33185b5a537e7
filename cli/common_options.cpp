#include "cli/common_options.hpp"

#include <algorithm>
#include <thread>

namespace kgraph::cli {

unsigned threads_option(const ParsedArgs& args) {
  if (const auto n = args.value("threads"))
    return static_cast<unsigned>(std::min<std::size_t>(parse_count("--threads", *n), 256));
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 1 ? cores - 1 : 1;
}

std::size_t max_errors_option(const ParsedArgs& args) {
  const auto n = args.value("max-errors");
  if (!n) return kDefaultMaxErrors;
  const std::size_t max = parse_count("--max-errors", *n);
  return max == 0 ? static_cast<std::size_t>(-1) : max;
}

std::vector<std::string> language_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string code(text.substr(start, comma - start));
    bool ok = !code.empty() && code.size() <= 32 && code.front() != '-';
    for (char& c : code) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
    }
    if (!ok)
      throw UsageError("--lang takes language codes separated by commas, such as en,zh,ko; not '" +
                       std::string(text) + "'");
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
    if (comma == text.size()) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace kgraph::cli
