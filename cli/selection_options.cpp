#include "cli/selection_options.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace kgraph::cli {
namespace {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string item = text.substr(start, comma - start);
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

PartialDate date_option(std::string_view option, const std::string& text) {
  auto d = parse_partial_date(text);
  if (!d) throw UsageError(invalid_date_option_message(text, "--" + std::string(option)));
  return *d;
}

}  // namespace

SelectionOptions selection_options(const ParsedArgs& args) {
  SelectionOptions o;
  o.focus = args.values("focus");
  if (auto depth = args.value("depth")) {
    if (o.focus.empty()) throw UsageError("--depth goes with --focus");
    const std::size_t d = parse_count("--depth", *depth);
    o.depth = static_cast<int>(std::min<std::size_t>(d, 1000000));
  }
  if (auto types = args.value("types")) {
    const std::vector<std::string> names = {"actor", "law", "event", "place"};
    for (std::string t : split_list(*types)) {
      if (!parse_entity_type(t) && t.ends_with('s')) t.pop_back();
      auto type = parse_entity_type(t);
      if (!type)
        throw UsageError("unknown type '" + t + "' in --types (types: " + join(names) + ")" +
                         did_you_mean_suffix(t, names));
      o.types.push_back(*type);
    }
    if (o.types.empty()) throw UsageError("--types names no type");
  }
  if (auto rels = args.value("relations")) {
    o.relations = split_list(*rels);
    if (o.relations.empty()) throw UsageError("--relations names no relation type");
  }
  if (auto d = args.value("since")) o.since = date_option("since", *d);
  if (auto d = args.value("until")) o.until = date_option("until", *d);
  if (o.since.present() && o.until.present() && o.since.first_day() > o.until.last_day())
    throw UsageError("--since " + o.since.to_string() + " is after --until " + o.until.to_string());
  o.dated_only = args.has("dated-only");
  if (o.dated_only && !o.since.present() && !o.until.present())
    throw UsageError("--dated-only goes with --since or --until");
  return o;
}

}  // namespace kgraph::cli
