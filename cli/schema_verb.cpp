// `kgraph schema`: print the effective schema (built-in plus every --schema FILE) as JSON.

#include <string>

#include "cli/common_options.hpp"
#include "cli/schema_files.hpp"
#include "cli/verb.hpp"

namespace kgraph::cli {
namespace {

constexpr OptionSpec kSchemaOptions[] = {
    {"schema", 0, "FILE", "extend the built-in schema with FILE (JSON); repeatable", true},
    {"max-errors", 0, "N", "show at most N problems in the schema files (default 50; 0: all)"},
};

constexpr OptionGroup kSchemaGroups[] = {
    {"Options", kSchemaOptions},
};

int run_schema(const ParsedArgs& args, Context& ctx) {
  if (!args.positionals().empty())
    throw UsageError("unexpected argument '" + args.positionals().front() +
                     "' (schema reads no inputs)");
  const std::size_t max_errors = max_errors_option(args);
  Diagnostics diags;
  const Schema schema = effective_schema(args.values("schema"), diags);
  diags.print(ctx.err, max_errors, true);
  if (diags.has_errors()) return exit_status::invalid_input;
  std::string json = schema.to_json();
  if (json.empty() || json.back() != '\n') json += '\n';
  ctx.out << json;
  return exit_status::ok;
}

constexpr Verb kSchema{
    "schema",
    "[--schema FILE...]",
    "print the effective schema as JSON",
    "Prints the built-in schema, extended by each --schema FILE, as JSON on standard output.",
    kSchemaGroups,
    false,
    false,
    run_schema};

}  // namespace

const Verb& schema_verb() { return kSchema; }

}  // namespace kgraph::cli
