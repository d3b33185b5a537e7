#include "cli/commands.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <set>

#include "cli/atomic_output.hpp"
#include "cli/input_files.hpp"
#include "cli/progress.hpp"
#include "cli/unique_fd.hpp"
#include "exporters/json_text.hpp"
#include "exporters/rdf_text.hpp"
#include "graph/algorithms.hpp"
#include "graph/duplicates.hpp"
#include "graph/graph_builder.hpp"
#include "graph/graph_view.hpp"
#include "graph/record.hpp"
#include "graph/selection.hpp"
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

constexpr OptionSpec kSelectionOptions[] = {
    {"focus", 0, "ID", "keep the neighbourhood of entity ID (repeatable)", true},
    {"depth", 0, "N", "with --focus: how many relations away from the focus (default 1)"},
    {"types", 0, "TYPE,...", "keep entities of these types (actor, law, event, place)"},
    {"relations", 0, "TYPE,...", "keep relations of these types"},
    {"since", 0, "DATE", "keep what overlaps the time from DATE on (YYYY, YYYY-MM or YYYY-MM-DD)"},
    {"until", 0, "DATE", "keep what overlaps the time up to DATE"},
    {"dated-only", 0, "", "with --since/--until: drop undated entities and relations"},
};

constexpr OptionSpec kDiagramOptions[] = {
    {"engine", 0, "NAME", "diagram layout: dot, neato, fdp, sfdp or circo (default: by size)"},
    {"legend", 0, "", "add a legend of the types, kinds and relation types shown"},
    {"cluster", 0, "BY", "group entities: place, type or none (default none)"},
    {"force", 0, "", "lay out a diagram even when it is too large to finish quickly"},
    {"base-iri", 0, "IRI", "RDF: the IRI entity ids are appended to (default https://kgraph.example/id/)"},
};

constexpr OptionSpec kStatsOptions[] = {
    {"json", 0, "", "print the statistics as JSON"},
    {"top", 0, "N", "how many most central entities to list (default 10)"},
};

constexpr OptionSpec kPathOptions[] = {
    {"from", 0, "ID", "the entity the chain starts at"},
    {"to", 0, "ID", "the entity the chain ends at"},
    {"output", 'o', "[FORMAT:]PATH", "also draw or write the chain to PATH; repeatable", true},
};

constexpr OptionSpec kReportOptions[] = {
    {"quiet", 'q', "", "do not print warnings"},
    {"progress", 0, "", "report progress on standard error (default: on for a terminal)"},
    {"no-progress", 0, "", "do not report progress"},
};

constexpr OptionGroup kBuildGroups[] = {
    {"Output options", kOutputOptions},
    {"Selection options", kSelectionOptions},
    {"Diagram options", kDiagramOptions},
    {"Input options", kInputOptions},
    {"Reporting options", kReportOptions},
};

constexpr OptionGroup kStatsGroups[] = {
    {"Options", kStatsOptions},
    {"Selection options", kSelectionOptions},
    {"Input options", kInputOptions},
    {"Reporting options", kReportOptions},
};

constexpr OptionGroup kPathGroups[] = {
    {"Options", kPathOptions},
    {"Diagram options", kDiagramOptions},
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
  if (!d)
    throw UsageError("invalid date '" + text + "' for --" + std::string(option) +
                     " (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  return *d;
}

/// The selection options as given; names of types are checked here, ids and relation types
/// against the graph by select().
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
      if (!type) throw UsageError("unknown type '" + t + "' in --types (types: " + join(names) + ")" + suggestion(t, names));
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

ExportOptions export_options(const ParsedArgs& args) {
  ExportOptions o;
  if (auto engine = args.value("engine")) {
    const std::vector<std::string> engines = {"dot", "neato", "fdp", "sfdp", "circo"};
    if (std::find(engines.begin(), engines.end(), *engine) == engines.end())
      throw UsageError("unknown engine '" + *engine + "' (engines: " + join(engines) + ")" + suggestion(*engine, engines));
    o.engine = *engine;
  }
  if (auto cluster = args.value("cluster")) {
    const std::vector<std::string> modes = {"place", "type", "none"};
    if (std::find(modes.begin(), modes.end(), *cluster) == modes.end())
      throw UsageError("unknown --cluster '" + *cluster + "' (choices: " + join(modes) + ")" + suggestion(*cluster, modes));
    o.cluster = *cluster;
  }
  if (auto iri = args.value("base-iri")) {
    if (const std::string why = rdf::check_base_iri(*iri); !why.empty())
      throw UsageError("unusable --base-iri '" + *iri + "': " + why);
    o.base_iri = *iri;
  }
  o.legend = args.has("legend");
  o.force = args.has("force");
  return o;
}

std::vector<OutputSpec> output_specs(const ParsedArgs& args, Context& ctx) {
  std::vector<OutputSpec> outputs;
  std::set<fs::path> seen;
  for (const std::string& t : args.values("output")) {
    outputs.push_back(parse_output_spec(t, ctx.exporters));
    if (!seen.insert(fs::absolute(outputs.back().path).lexically_normal()).second)
      throw UsageError("output '" + outputs.back().path.string() + "' named more than once");
  }
  return outputs;
}

std::vector<fs::path> output_paths(const std::vector<OutputSpec>& outputs) {
  std::vector<fs::path> paths;
  for (const OutputSpec& o : outputs)
    if (!o.to_stdout) paths.push_back(o.path);
  return paths;
}

/// Outputs of one run: temporaries are made up front (so that a missing output directory is
/// reported before a long import) and renamed into place by commit() only when all succeeded.
class OutputSet {
 public:
  OutputSet(const std::vector<OutputSpec>& outputs, Context& ctx) : outputs_(outputs) {
    for (const OutputSpec& o : outputs) {
      if (o.to_stdout) pending_.push_back(&transaction_.add_stream(ctx.out, "standard output"));
      else if (o.exporter->writes_directory()) pending_.push_back(&transaction_.add_directory(o.path));
      else pending_.push_back(&transaction_.add_file(o.path));
    }
  }

  void write_all(const GraphView& view, const ExportOptions& options, Progress& progress) {
    for (std::size_t i = 0; i < outputs_.size(); ++i) {
      const OutputSpec& o = outputs_[i];
      progress.step("writing " + (o.to_stdout ? std::string("standard output") : o.path.string()));
      try {
        if (o.to_stdout) {
          o.exporter->write(view, static_cast<PendingStream*>(pending_[i])->stream(), options);
        } else if (o.exporter->writes_directory()) {
          o.exporter->write_directory(view, static_cast<PendingDirectory*>(pending_[i])->path(), options);
        } else {
          o.exporter->write(view, static_cast<PendingFile*>(pending_[i])->stream(), options);
        }
        pending_[i]->close();
      } catch (const ExportError& e) {
        throw CliError(exit_status::invalid_input, "cannot write " + o.path.string() + ": " + e.what());
      } catch (const fs::filesystem_error& e) {
        throw write_error(o.path.string(), e.code().message());
      } catch (const std::ios_base::failure& e) {
        throw write_error(o.path.string(), e.code().message());
      }
    }
    transaction_.commit_all();
  }

 private:
  const std::vector<OutputSpec>& outputs_;
  OutputTransaction transaction_;
  std::vector<PendingOutput*> pending_;
};

std::string entity_label(const KnowledgeGraph& g, std::uint32_t e) {
  const Entity& entity = g.entities()[e];
  return std::string(g.str(entity.name)) + " [" + std::string(g.str(entity.id)) + "]";
}

void write_stats_text(std::ostream& out, const KnowledgeGraph& g, const GraphStats& s) {
  out << "entities: " << s.entities << "\nrelations: " << s.relations << "\nsources: " << s.sources << '\n';
  out << "\nentities by type:\n";
  for (const auto& [k, n] : s.per_type) out << "  " << k << ": " << n << '\n';
  out << "\nentities by kind:\n";
  for (const auto& [k, n] : s.per_kind) out << "  " << k << ": " << n << '\n';
  out << "\nrelations by type:\n";
  for (const auto& [k, n] : s.per_relation_type) out << "  " << k << ": " << n << '\n';
  out << "\nconnected components: " << s.components << " (largest: " << s.largest_component << " entities)\n";
  if (s.earliest.present() || s.latest.present())
    out << "dates: " << (s.earliest.present() ? s.earliest.to_string() : "?") << " .. "
        << (s.latest.present() ? s.latest.to_string() : "?") << '\n';
  out << "\nmost connected (degree):\n";
  for (const RankedEntity& r : s.by_degree) out << "  " << r.score << "  " << entity_label(g, r.entity) << '\n';
  if (s.betweenness_computed) {
    out << "\nmost central (betweenness):\n";
    for (const RankedEntity& r : s.by_betweenness) out << "  " << r.score << "  " << entity_label(g, r.entity) << '\n';
  } else {
    out << "\nbetweenness: not computed for more than 5000 entities (narrow with --focus/--types)\n";
  }
}

void write_stats_json(std::ostream& out, const KnowledgeGraph& g, const GraphStats& s) {
  std::string j = "{\"entities\":" + std::to_string(s.entities) + ",\"relations\":" + std::to_string(s.relations) +
                  ",\"sources\":" + std::to_string(s.sources);
  auto counts = [&](const char* name, const std::map<std::string, std::size_t>& m) {
    j += ",\"";
    j += name;
    j += "\":{";
    bool first = true;
    for (const auto& [k, n] : m) {
      if (!first) j += ',';
      first = false;
      append_json_string(j, k);
      j += ':' + std::to_string(n);
    }
    j += '}';
  };
  counts("types", s.per_type);
  counts("kinds", s.per_kind);
  counts("relation_types", s.per_relation_type);
  j += ",\"components\":" + std::to_string(s.components) + ",\"largest_component\":" + std::to_string(s.largest_component);
  j += ",\"earliest\":";
  if (s.earliest.present()) append_json_string(j, s.earliest.to_string()); else j += "null";
  j += ",\"latest\":";
  if (s.latest.present()) append_json_string(j, s.latest.to_string()); else j += "null";
  auto ranking = [&](const char* name, const std::vector<RankedEntity>& list) {
    j += ",\"";
    j += name;
    j += "\":[";
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) j += ',';
      j += "{\"id\":";
      append_json_string(j, g.str(g.entities()[list[i].entity].id));
      j += ",\"name\":";
      append_json_string(j, g.str(g.entities()[list[i].entity].name));
      j += ",\"score\":" + format_real(list[i].score) + "}";
    }
    j += ']';
  };
  ranking("by_degree", s.by_degree);
  if (s.betweenness_computed) ranking("by_betweenness", s.by_betweenness);
  else j += ",\"by_betweenness\":null";
  j += "}\n";
  out << j;
}

// ---------------------------------------------------------------------------------------------
// Verbs

int run_build(const ParsedArgs& args, Context& ctx) {
  const std::vector<OutputSpec> outputs = output_specs(args, ctx);
  if (outputs.empty()) throw UsageError("no output given; name one with -o PATH (e.g. -o graph.graphml)");
  const SelectionOptions selection = selection_options(args);
  const ExportOptions options = export_options(args);
  InputSession session(args, ctx);
  if (args.positionals().empty()) throw UsageError("no inputs given");
  session.collect_inputs(output_paths(outputs));
  std::optional<Schema> schema = session.load_schema();
  if (!schema) return exit_status::invalid_input;

  OutputSet output_set(outputs, ctx);
  std::optional<KnowledgeGraph> graph = session.read(std::move(*schema));
  if (!graph) return exit_status::invalid_input;

  SelectionError selection_error;
  const std::optional<GraphView> view = select(*graph, selection, selection_error);
  if (!view) throw UsageError(selection_error.message);
  output_set.write_all(*view, options, session.progress());
  session.progress().done();
  return exit_status::ok;
}

int run_stats(const ParsedArgs& args, Context& ctx) {
  const SelectionOptions selection = selection_options(args);
  std::size_t top = 10;
  if (auto t = args.value("top")) top = parse_count("--top", *t);
  InputSession session(args, ctx);
  session.collect_inputs({});
  std::optional<Schema> schema = session.load_schema();
  if (!schema) return exit_status::invalid_input;
  std::optional<KnowledgeGraph> graph = session.read(std::move(*schema));
  if (!graph) return exit_status::invalid_input;
  SelectionError selection_error;
  const std::optional<GraphView> view = select(*graph, selection, selection_error);
  if (!view) throw UsageError(selection_error.message);
  const GraphStats stats = compute_stats(*view, top);
  if (args.has("json")) write_stats_json(ctx.out, *graph, stats);
  else write_stats_text(ctx.out, *graph, stats);
  return exit_status::ok;
}

int run_path(const ParsedArgs& args, Context& ctx) {
  const auto from_id = args.value("from"), to_id = args.value("to");
  if (!from_id || !to_id) throw UsageError("path needs --from ID and --to ID");
  const std::vector<OutputSpec> outputs = output_specs(args, ctx);
  const ExportOptions options = export_options(args);
  InputSession session(args, ctx);
  session.collect_inputs(output_paths(outputs));
  std::optional<Schema> schema = session.load_schema();
  if (!schema) return exit_status::invalid_input;
  OutputSet output_set(outputs, ctx);
  std::optional<KnowledgeGraph> graph = session.read(std::move(*schema));
  if (!graph) return exit_status::invalid_input;

  auto find = [&](const std::string& id, const char* option) {
    auto index = graph->find_entity(id);
    if (!index) {
      std::vector<std::string> ids;
      if (graph->entities().size() <= 20000)
        for (const Entity& e : graph->entities()) ids.emplace_back(graph->str(e.id));
      throw UsageError("no entity has the id '" + id + "' given to --" + option + suggestion(id, ids));
    }
    return *index;
  };
  const std::uint32_t from = find(*from_id, "from"), to = find(*to_id, "to");
  const auto chain = shortest_path(*graph, from, to);
  if (!chain) {
    ctx.out << "no chain of relations joins " << entity_label(*graph, from) << " and " << entity_label(*graph, to) << '\n';
    return exit_status::invalid_input;
  }
  // The chain, one relation per line, with the schema's labels and the direction of each.
  std::vector<std::uint32_t> entities{from};
  std::uint32_t at = from;
  ctx.out << entity_label(*graph, from) << '\n';
  for (std::uint32_t r : *chain) {
    const Relation& rel = graph->relations()[r];
    const RelationType* type = graph->schema().relation(graph->str(rel.type));
    const std::string label = type ? type->label : std::string(graph->str(rel.type));
    const bool forward = rel.from == at;
    at = forward ? rel.to : rel.from;
    entities.push_back(at);
    ctx.out << (forward ? "  --" : "  <--") << label << (rel.role != kEmpty ? " (" + std::string(graph->str(rel.role)) + ")" : "")
            << (forward ? "-->  " : "--  ") << entity_label(*graph, at) << '\n';
  }
  std::sort(entities.begin(), entities.end());
  entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
  std::vector<std::uint32_t> relations(chain->begin(), chain->end());
  std::sort(relations.begin(), relations.end());
  output_set.write_all(GraphView(*graph, std::move(entities), std::move(relations)), options, session.progress());
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
    {"stats", "INPUT... [--json] [selection options]", "count entities and relations; find central entities",
     "Prints counts per type, kind and relation type, connected components, the date range, and\n"
     "the most central entities by degree and by betweenness (up to 5000 entities), for the\n"
     "whole graph or the part the selection options keep.",
     kStatsGroups, true, false, run_stats},
    {"path", "INPUT... --from ID --to ID [-o [FORMAT:]PATH...]", "print the shortest chain of relations between two entities",
     "Finds the shortest chain of relations joining two entities, in either direction, prints it\n"
     "with the relations' labels, and with -o draws or writes just that chain. Exit status 1\n"
     "when no chain joins them.",
     kPathGroups, true, true, run_path},
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
