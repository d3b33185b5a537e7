#pragma once
/// The verbs of `kgraph` and the dispatcher that runs them. A verb is one row in verbs(),
/// defined in its own file (see cli/verb.hpp).
///
///   Context ctx{std::cout, std::cerr, importers, exporters};
///   int status = run({"build", "a.json", "-o", "a.graphml"}, ctx);

#include <span>
#include <string>

#include "cli/verb.hpp"

namespace kgraph::cli {

/// Every verb, in the order `kgraph --help` lists them.
std::span<const Verb> verbs();

/// Runs `kgraph ARGS...` (the words after the program name) and returns the exit status.
/// Prints every error itself; never throws.
int run(std::span<const std::string> args, Context& ctx);

/// `kgraph VERB --help`.
std::string verb_help(const Verb& verb, const Context& ctx);

}  // namespace kgraph::cli
