#include "cli/commands.hpp"

#include <array>
#include <new>
#include <vector>

#include "cli/input_files.hpp"
#include "cli/output_plan.hpp"

#ifndef KGRAPH_VERSION
#define KGRAPH_VERSION "unknown"
#endif

namespace kgraph::cli {
namespace {

const Verb* find_verb(std::string_view name) {
  for (const Verb& v : verbs())
    if (v.name == name) return &v;
  return nullptr;
}

std::vector<std::string> verb_names() {
  std::vector<std::string> out;
  for (const Verb& v : verbs()) out.emplace_back(v.name);
  return out;
}

std::string main_help() {
  std::string s =
      "Usage: kgraph VERB [options] [arguments]\n"
      "\n"
      "Builds typed knowledge graphs (actors, laws, events, places and their relations) from\n"
      "JSON, JSON Lines and CSV, and writes them for diagrams, graph tools and databases.\n"
      "\n"
      "Verbs:\n";
  for (const Verb& v : verbs()) {
    std::string name = "  " + std::string(v.name);
    s += name + std::string(name.size() < 14 ? 14 - name.size() : 1, ' ') + std::string(v.summary) +
         "\n";
  }
  s += "\n"
       "Options:\n"
       "  -h, --help    show this help (kgraph VERB --help: help on a verb)\n"
       "  --version     print the version\n"
       "\n"
       "Exit status: 0 success (warnings allowed), 1 invalid input, 2 usage error,\n"
       "3 a file could not be read or written, 70 internal error.\n";
  return s;
}

}  // namespace

std::span<const Verb> verbs() {
  static const std::array all = {build_verb(),  validate_verb(), stats_verb(), path_verb(),
                                 schema_verb(), shard_verb(),    merge_verb()};
  return all;
}

std::string verb_help(const Verb& verb, const Context& ctx) {
  std::string s = "Usage: kgraph " + std::string(verb.name) + " " + std::string(verb.synopsis) +
                  "\n\n" + std::string(verb.description) + "\n";
  if (verb.reads_inputs) {
    s += '\n';
    s += wrap(
        "INPUT is a file (format from its extension: " + join(supported_extensions(ctx.importers)) +
        "), a directory (every such file below it, in sorted order), or - for standard input "
        "together with --input-format (" +
        join(ctx.importers.names(), "|") + ").");
  }
  if (verb.writes_outputs) {
    s += '\n';
    s += wrap(
        "The output format comes from the extension (" + join(output_extensions(ctx.exporters)) +
        ") or from a FORMAT: prefix, e.g. -o graphml:graph.xml; -o FORMAT:- writes to standard "
        "output. Formats: " +
        join(ctx.exporters.names()) + ".");
  }
  s += format_options(verb.options);
  s += "\nGeneral options:\n  -h, --help    show this help\n";
  s += "\nExit status: 0 success (warnings allowed), 1 invalid input, 2 usage error,\n"
       "3 a file could not be read or written, 70 internal error.\n";
  return s;
}

int run(std::span<const std::string> args, Context& ctx) {
  std::string verb_name;
  try {
    if (args.empty()) throw UsageError("no verb given; verbs: " + join(verb_names()));
    const std::string& first = args.front();
    if (first == "--help" || first == "-h" || (first == "help" && args.size() == 1)) {
      ctx.out << main_help();
      return exit_status::ok;
    }
    if (first == "--version") {
      ctx.out << "kgraph " << KGRAPH_VERSION << '\n';
      return exit_status::ok;
    }
    if (first == "help") {
      const Verb* verb = find_verb(args[1]);
      if (!verb)
        throw UsageError("unknown verb '" + args[1] + "' (verbs: " + join(verb_names()) + ")" +
                         did_you_mean_suffix(args[1], verb_names()));
      ctx.out << verb_help(*verb, ctx);
      return exit_status::ok;
    }
    if (first.starts_with('-')) {
      std::vector<std::string> words = {"--help", "--version"};
      throw UsageError("unknown option '" + first + "'" + did_you_mean_suffix(first, words));
    }
    const Verb* verb = find_verb(first);
    if (!verb)
      throw UsageError("unknown verb '" + first + "' (verbs: " + join(verb_names()) + ")" +
                       did_you_mean_suffix(first, verb_names()));
    verb_name = first;
    const ParsedArgs parsed = parse_arguments(verb->options, args.subspan(1));
    if (parsed.help()) {
      ctx.out << verb_help(*verb, ctx);
      return exit_status::ok;
    }
    return verb->run(parsed, ctx);
  } catch (const UsageError& e) {
    ctx.err << "kgraph: error: " << e.what() << '\n';
    ctx.err << "Try 'kgraph " << (verb_name.empty() ? "" : verb_name + " ") << "--help'.\n";
    return e.status();
  } catch (const CliError& e) {
    ctx.err << "kgraph: error: " << e.what() << '\n';
    return e.status();
  } catch (const std::bad_alloc&) {
    ctx.err << "kgraph: error: out of memory\n";
    return exit_status::internal;
  } catch (const std::exception& e) {
    ctx.err
        << "kgraph: internal error: " << e.what()
        << "\nThis is a bug in kgraph; please report it with the command line and the inputs.\n";
    return exit_status::internal;
  }
}

}  // namespace kgraph::cli
