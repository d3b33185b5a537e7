#include "cli/common_options.hpp"

namespace kgraph::cli {

std::size_t max_errors_option(const ParsedArgs& args) {
  const auto n = args.value("max-errors");
  if (!n) return kDefaultMaxErrors;
  const std::size_t max = parse_count("--max-errors", *n);
  return max == 0 ? static_cast<std::size_t>(-1) : max;
}

}  // namespace kgraph::cli
