#include "cli/commands.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <new>
#include <set>

#include "cli/atomic_output.hpp"
#include "cli/input_files.hpp"
#include "cli/progress.hpp"
#include "cli/unique_fd.hpp"
#include "graph/duplicates.hpp"
#include "graph/graph_builder.hpp"
#include "graph/graph_view.hpp"
#include "graph/record.hpp"
#include "importers/mapping.hpp"

#ifndef KGRAPH_VERSION
#define KGRAPH_VERSION "unknown"
#endif

namespace kgraph::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kDefaultMaxErrors = 50;

// ---------------------------------------------------------------------------------------------
// Option tables. A verb's options are a list of these groups, so that a group added once
// (e.g. the selection options of a later issue) reaches every verb that lists it.

constexpr OptionSpec kInputOptions[] = {
    {"schema", 0, "FILE", "extend the built-in schema with FILE (JSON); repeatable", true},
    {"input-format", 0, "FMT", "read standard input and the files named as INPUT as FMT"},
    {"section", 0, "SECTION", "CSV: the section of files whose name does not say it"},
    {"mapping", 0, "FILE", "read the CSV inputs as tables through the mapping FILE (docs/formats/mapping.md)"},
    {"max-errors", 0, "N", "show at most N problems (default 50; 0: all)"},
};

constexpr OptionSpec kSchemaOptions[] = {
    {"schema", 0, "FILE", "extend the built-in schema with FILE (JSON); repeatable", true},
    {"max-errors", 0, "N", "show at most N problems in the schema files (default 50; 0: all)"},
};

constexpr OptionSpec kOutputOptions[] = {
    {"output", 'o', "[FORMAT:]PATH", "write the graph to PATH; repeatable (at least one)", true},
};

// Selection options (--focus, --depth, --types, --relations, --since, --until) and diagram
// options (--engine, --legend, --cluster) become groups here, listed by `build` (and the
// selection group by `stats`), when they are implemented; until then they are unknown options.

constexpr OptionSpec kReportOptions[] = {
    {"quiet", 'q', "", "do not print warnings"},
    {"progress", 0, "", "report progress on standard error (default: on for a terminal)"},
    {"no-progress", 0, "", "do not report progress"},
};

constexpr OptionGroup kBuildGroups[] = {
    {"Output options", kOutputOptions},
    {"Input options", kInputOptions},
    {"Reporting options", kReportOptions},
};

constexpr OptionSpec kDuplicateOptions[] = {
    {"duplicates", 0, "", "list entities of one type that are probably the same under different ids"},
    {"json", 0, "", "print the --duplicates list as JSON"},
};

constexpr OptionGroup kValidateGroups[] = {
    {"Input options", kInputOptions},
    {"Review options", kDuplicateOptions},
    {"Reporting options", kReportOptions},
};

constexpr OptionGroup kSchemaGroups[] = {
    {"Options", kSchemaOptions},
};

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string read_whole_file(const std::string& path) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) throw read_error(path, std::strerror(errno));
  std::string text;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw read_error(path, std::strerror(errno));
    }
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  return text;
}

std::size_t max_errors_option(const ParsedArgs& args) {
  const auto n = args.value("max-errors");
  if (!n) return kDefaultMaxErrors;
  const std::size_t max = parse_count("--max-errors", *n);
  return max == 0 ? static_cast<std::size_t>(-1) : max;
}

/// The built-in schema extended by `files` in order; problems go to `diags`.
Schema effective_schema(const std::vector<std::string>& files, Diagnostics& diags) {
  Schema schema = Schema::builtin();
  for (const std::string& file : files) {
    const std::string text = read_whole_file(file);
    schema.extend(text, diags.add_file(file), diags);
  }
  return schema;
}

/// What every verb that reads inputs shares: schema, inputs, diagnostics, reporting.
class InputSession {
 public:
  InputSession(const ParsedArgs& args, Context& ctx) : args_(args), ctx_(ctx) {
    max_errors_ = max_errors_option(args);
    quiet_ = args.has("quiet");
    const std::string_view progress = args.last_of({"progress", "no-progress"});
    const bool show = progress.empty() ? ctx.err_is_terminal : progress == "progress";
    if (show) progress_ = std::make_unique<Progress>(ctx.err, ctx.err_is_terminal);
    else progress_ = std::make_unique<Progress>();

    if (auto fmt = args.value("input-format")) {
      forced_ = ctx.importers.named(*fmt);
      if (!forced_)
        throw UsageError("unknown input format '" + *fmt + "' (formats: " + join(ctx.importers.names()) + ")" +
                         suggestion(*fmt, ctx.importers.names()));
    }
    if (auto s = args.value("section")) {
      std::string singular = *s;
      if (!parse_section(singular) && singular.ends_with('s')) singular.pop_back();
      const auto section = parse_section(singular);
      if (!section) {
        const std::vector<std::string> names = {"sources", "actors", "laws", "events", "places", "relations"};
        throw UsageError("unknown section '" + *s + "' (sections: " + join(names) + ")" + suggestion(*s, names));
      }
      import_options_.section = std::string(section_name(*section));
    }
  }

  Diagnostics& diagnostics() { return diags_; }
  Progress& progress() { return *progress_; }
  bool quiet() const { return quiet_; }

  /// The built-in schema extended by every --schema FILE, or nullopt (problems printed).
  std::optional<Schema> load_schema() {
    Schema schema = effective_schema(args_.values("schema"), diags_);
    if (diags_.has_errors()) {
      print_diagnostics();
      return std::nullopt;
    }
    return schema;
  }

  /// Resolves the INPUT arguments (usage errors and unreadable paths throw).
  void collect_inputs(std::vector<fs::path> exclude) {
    if (args_.positionals().empty()) throw UsageError("no inputs given");
    for (const std::string& s : args_.values("schema")) exclude.emplace_back(s);
    InputRules rules{&ctx_.importers, forced_, std::move(exclude)};
    std::vector<std::string> warnings;
    if (const auto mapping = args_.value("mapping")) rules.exclude.emplace_back(*mapping);
    inputs_ = cli::collect_inputs(args_.positionals(), rules, warnings);
    if (const auto path = args_.value("mapping")) {
      // CSV inputs become tables read through the mapping; its problems stop read().
      auto mapping = TableMapping::load(read_whole_file(*path), diags_.add_file(*path), diags_);
      if (mapping) mapping_ = make_mapping_importer(std::make_shared<const TableMapping>(std::move(*mapping)));
      for (InputFile& input : inputs_)
        if (mapping_ && input.importer->name() == "csv") input.importer = mapping_.get();
    }
    if (!quiet_)
      for (const std::string& w : warnings) ctx_.err << "kgraph: warning: " << w << '\n';
  }

  /// Reads every input and finishes the graph; prints the diagnostics. nullopt on errors.
  std::optional<KnowledgeGraph> read(Schema schema) {
    if (diags_.has_errors()) {  // a bad --mapping
      print_diagnostics();
      return std::nullopt;
    }
    GraphBuilder builder(std::move(schema), diags_);
    for (const InputFile& input : inputs_) {
      if (diags_.too_many_errors()) break;
      read_input(input, builder, import_options_, *progress_);
    }
    std::optional<KnowledgeGraph> graph;
    if (!diags_.too_many_errors()) {
      progress_->step("checking " + std::to_string(builder.records()) + " records");
      graph = builder.finish();
    }
    progress_->done();
    print_diagnostics();
    if (diags_.has_errors()) return std::nullopt;
    return graph;
  }

  void print_diagnostics() {
    progress_->done();
    diags_.print(ctx_.err, max_errors_, !quiet_);
  }

 private:
  const ParsedArgs& args_;
  Context& ctx_;
  Diagnostics diags_;
  std::unique_ptr<Progress> progress_;
  std::size_t max_errors_ = kDefaultMaxErrors;
  bool quiet_ = false;
  const Importer* forced_ = nullptr;
  ImportOptions import_options_;
  std::vector<InputFile> inputs_;
  std::unique_ptr<Importer> mapping_;  // --mapping: reads the CSV inputs
};

// ---------------------------------------------------------------------------------------------
// Verbs

int run_build(const ParsedArgs& args, Context& ctx) {
  const std::vector<std::string> texts = args.values("output");
  if (texts.empty()) throw UsageError("no output given; name one with -o PATH (e.g. -o graph.graphml)");
  std::vector<OutputSpec> outputs;
  std::set<fs::path> seen;
  for (const std::string& t : texts) {
    outputs.push_back(parse_output_spec(t, ctx.exporters));
    if (!seen.insert(fs::absolute(outputs.back().path).lexically_normal()).second)
      throw UsageError("output '" + outputs.back().path.string() + "' named more than once");
  }
  InputSession session(args, ctx);
  if (args.positionals().empty()) throw UsageError("no inputs given");

  std::vector<fs::path> exclude;
  for (const OutputSpec& o : outputs)
    if (!o.to_stdout) exclude.push_back(o.path);
  session.collect_inputs(std::move(exclude));
  std::optional<Schema> schema = session.load_schema();
  if (!schema) return exit_status::invalid_input;

  // Temporaries are created before the import, so that a missing output directory is
  // reported at once rather than after a long import.
  OutputTransaction transaction;
  std::vector<PendingOutput*> pending;
  for (const OutputSpec& o : outputs) {
    if (o.to_stdout) pending.push_back(&transaction.add_stream(ctx.out, "standard output"));
    else if (o.exporter->writes_directory()) pending.push_back(&transaction.add_directory(o.path));
    else pending.push_back(&transaction.add_file(o.path));
  }

  std::optional<KnowledgeGraph> graph = session.read(std::move(*schema));
  if (!graph) return exit_status::invalid_input;

  const GraphView view(*graph);
  const ExportOptions options;  // diagram options will fill this
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const OutputSpec& o = outputs[i];
    session.progress().step("writing " + (o.to_stdout ? std::string("standard output") : o.path.string()));
    try {
      if (o.to_stdout) {
        o.exporter->write(view, static_cast<PendingStream*>(pending[i])->stream(), options);
      } else if (o.exporter->writes_directory()) {
        o.exporter->write_directory(view, static_cast<PendingDirectory*>(pending[i])->path(), options);
      } else {
        o.exporter->write(view, static_cast<PendingFile*>(pending[i])->stream(), options);
      }
      pending[i]->close();
    } catch (const ExportError& e) {
      throw CliError(exit_status::invalid_input, "cannot write " + o.path.string() + ": " + e.what());
    } catch (const fs::filesystem_error& e) {
      throw write_error(o.path.string(), e.code().message());
    } catch (const std::ios_base::failure& e) {
      throw write_error(o.path.string(), e.code().message());
    }
  }
  transaction.commit_all();
  session.progress().done();
  return exit_status::ok;
}

int run_validate(const ParsedArgs& args, Context& ctx) {
  if (args.has("json") && !args.has("duplicates")) throw UsageError("--json goes with --duplicates");
  InputSession session(args, ctx);
  session.collect_inputs({});
  std::optional<Schema> schema = session.load_schema();
  if (!schema) return exit_status::invalid_input;
  std::optional<KnowledgeGraph> graph = session.read(std::move(*schema));
  if (!graph) return exit_status::invalid_input;
  if (args.has("duplicates") && args.has("json")) {
    write_duplicates_json(ctx.out, *graph, find_duplicates(*graph));
    return exit_status::ok;
  }
  if (!session.quiet()) {
    ctx.out << "ok: " << plural(graph->entities().size(), "entity", "entities") << ", "
            << plural(graph->relations().size(), "relation", "relations") << ", "
            << plural(graph->sources().size(), "source", "sources");
    if (const std::size_t w = session.diagnostics().warning_count()) ctx.out << ", " << plural(w, "warning", "warnings");
    ctx.out << '\n';
  }
  if (args.has("duplicates")) write_duplicates_text(ctx.out, *graph, find_duplicates(*graph));
  return exit_status::ok;
}

int run_schema(const ParsedArgs& args, Context& ctx) {
  if (!args.positionals().empty())
    throw UsageError("unexpected argument '" + args.positionals().front() + "' (schema reads no inputs)");
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

constexpr Verb kVerbs[] = {
    {"build", "INPUT... -o [FORMAT:]PATH [-o [FORMAT:]PATH...] [options]",
     "read inputs and write the graph in one or more formats",
     "Reads every INPUT, merges and checks them against the schema, and writes the graph to\n"
     "each output. Nothing is written unless the whole run succeeds: outputs are written to\n"
     "temporaries beside their targets and renamed into place at the end.",
     kBuildGroups, true, true, run_build},
    {"validate", "INPUT... [options]", "check inputs against the schema without writing anything",
     "Reads every INPUT and reports every problem as FILE:LINE:COLUMN: error: MESSAGE.\n"
     "Prints a summary line when the inputs are valid.",
     kValidateGroups, true, false, run_validate},
    {"schema", "[--schema FILE...]", "print the effective schema as JSON",
     "Prints the built-in schema, extended by each --schema FILE, as JSON on standard output.",
     kSchemaGroups, false, false, run_schema},
};

const Verb* find_verb(std::string_view name) {
  for (const Verb& v : kVerbs)
    if (v.name == name) return &v;
  return nullptr;
}

std::vector<std::string> verb_names() {
  std::vector<std::string> out;
  for (const Verb& v : kVerbs) out.emplace_back(v.name);
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
  for (const Verb& v : kVerbs) {
    std::string name = "  " + std::string(v.name);
    s += name + std::string(name.size() < 14 ? 14 - name.size() : 1, ' ') + std::string(v.summary) + "\n";
  }
  s +=
      "\n"
      "Options:\n"
      "  -h, --help    show this help (kgraph VERB --help: help on a verb)\n"
      "  --version     print the version\n"
      "\n"
      "Exit status: 0 success (warnings allowed), 1 invalid input, 2 usage error,\n"
      "3 a file could not be read or written, 70 internal error.\n";
  return s;
}

std::vector<std::string> extensions_of(const ExporterRegistry& registry) {
  std::set<std::string> exts;
  for (const std::string& n : registry.names())
    for (std::string_view e : registry.named(n)->extensions()) exts.emplace(e);
  return {exts.begin(), exts.end()};
}

bool looks_like_format_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

}  // namespace

std::span<const Verb> verbs() { return kVerbs; }

std::string verb_help(const Verb& verb, const Context& ctx) {
  std::string s = "Usage: kgraph " + std::string(verb.name) + " " + std::string(verb.synopsis) + "\n\n" +
                  std::string(verb.description) + "\n";
  if (verb.reads_inputs) {
    s += '\n';
    s += wrap("INPUT is a file (format from its extension: " + join(supported_extensions(ctx.importers)) +
                     "), a directory (every such file below it, in sorted order), or - for standard input "
                     "together with --input-format (" + join(ctx.importers.names(), "|") + ").");
  }
  if (verb.writes_outputs) {
    s += '\n';
    s += wrap("The output format comes from the extension (" + join(extensions_of(ctx.exporters)) +
                     ") or from a FORMAT: prefix, e.g. -o graphml:graph.xml; -o FORMAT:- writes to standard "
                     "output. Formats: " + join(ctx.exporters.names()) + ".");
  }
  s += format_options(verb.options);
  s += "\nGeneral options:\n  -h, --help    show this help\n";
  s += "\nExit status: 0 success (warnings allowed), 1 invalid input, 2 usage error,\n"
       "3 a file could not be read or written, 70 internal error.\n";
  return s;
}

OutputSpec parse_output_spec(std::string_view text, const ExporterRegistry& registry) {
  OutputSpec spec;
  spec.text = std::string(text);
  if (text.empty()) throw UsageError("an output path (-o) is empty");
  const std::string formats = join(registry.names());
  if (text == "-")
    throw UsageError("standard output needs a format: -o FORMAT:- (formats: " + formats + ")");

  const std::size_t colon = text.find(':');
  if (colon != std::string_view::npos && colon > 0) {
    const std::string prefix(text.substr(0, colon));
    if (const Exporter* e = registry.named(prefix)) {
      spec.path = std::string(text.substr(colon + 1));
      if (spec.path.empty()) throw UsageError("output '" + spec.text + "' names no path after '" + prefix + ":'");
      spec.exporter = e;
      spec.to_stdout = spec.path == "-";
      if (spec.to_stdout && e->writes_directory())
        throw UsageError("format '" + prefix + "' writes a directory, not standard output");
      return spec;
    }
    if (looks_like_format_name(prefix) && !registry.for_path(text))
      throw UsageError("unknown output format '" + prefix + "' in '-o " + spec.text + "' (formats: " + formats + ")" +
                       suggestion(prefix, registry.names()));
  }
  if (const Exporter* e = registry.for_path(text)) {
    spec.path = std::string(text);
    spec.exporter = e;
    return spec;
  }
  const std::string ext = fs::path(text).extension().string();
  throw UsageError("cannot tell the format of output '" + spec.text + "' from its extension (extensions: " +
                   join(extensions_of(registry)) + "; or write FORMAT:PATH with FORMAT one of: " + formats + ")" +
                   (ext.empty() ? std::string() : suggestion(ext, extensions_of(registry))));
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
                         suggestion(args[1], verb_names()));
      ctx.out << verb_help(*verb, ctx);
      return exit_status::ok;
    }
    if (first.starts_with('-')) {
      std::vector<std::string> words = {"--help", "--version"};
      throw UsageError("unknown option '" + first + "'" + suggestion(first, words));
    }
    const Verb* verb = find_verb(first);
    if (!verb)
      throw UsageError("unknown verb '" + first + "' (verbs: " + join(verb_names()) + ")" +
                       suggestion(first, verb_names()));
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
    ctx.err << "kgraph: internal error: " << e.what()
            << "\nThis is a bug in kgraph; please report it with the command line and the inputs.\n";
    return exit_status::internal;
  }
}

}  // namespace kgraph::cli
