#include "cli/export_options.hpp"

#include "cli/common_options.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "exporters/part_files.hpp"
#include "exporters/rdf_text.hpp"

namespace kgraph::cli {

ExportOptions export_options(const ParsedArgs& args) {
  ExportOptions o;
  // Formatting is all work and writing little: with N threads beside the main one, N + 1
  // format while the main thread writes; with none, the main thread does both.
  const unsigned threads = threads_option(args);
  o.threads = threads == 0 ? 1 : threads + 1;
  if (auto engine = args.value("engine")) {
    const std::vector<std::string> engines = {"dot", "neato", "fdp", "sfdp", "circo"};
    if (std::find(engines.begin(), engines.end(), *engine) == engines.end())
      throw UsageError("unknown engine '" + *engine + "' (engines: " + join(engines) + ")" +
                       did_you_mean_suffix(*engine, engines));
    o.engine = *engine;
  }
  if (auto cluster = args.value("cluster")) {
    const std::vector<std::string> modes = {"place", "type", "none"};
    if (std::find(modes.begin(), modes.end(), *cluster) == modes.end())
      throw UsageError("unknown --cluster '" + *cluster + "' (choices: " + join(modes) + ")" +
                       did_you_mean_suffix(*cluster, modes));
    o.cluster = *cluster;
  }
  if (auto iri = args.value("base-iri")) {
    if (const std::string why = rdf::check_base_iri(*iri); !why.empty())
      throw UsageError("unusable --base-iri '" + *iri + "': " + why);
    o.base_iri = *iri;
  }
  if (auto parts = args.value("parts")) {
    const std::size_t n = parse_count("--parts", *parts);
    if (n < 1 || n > kMaxParts)
      throw UsageError("--parts takes a number of part files from 1 to " +
                       std::to_string(kMaxParts) + ", not " + *parts);
    o.parts = static_cast<std::uint32_t>(n);
  }
  o.legend = args.has("legend");
  o.force = args.has("force");
  return o;
}

}  // namespace kgraph::cli
