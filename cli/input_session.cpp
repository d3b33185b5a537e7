#include "cli/input_session.hpp"

#include <algorithm>
#include <atomic>
#include <optional>
#include <string>
#include <thread>

#include "cli/common_options.hpp"
#include "cli/phase_timer.hpp"
#include "cli/schema_files.hpp"
#include "graph/graph_builder.hpp"
#include "graph/record.hpp"
#include "graph/record_relay.hpp"
#include "importers/article_gazetteer.hpp"
#include "importers/mapping.hpp"

namespace kgraph::cli {

InputSession::InputSession(const ParsedArgs& args, Context& ctx) : args_(args), ctx_(ctx) {
  max_errors_ = max_errors_option(args);
  quiet_ = args.has("quiet");
  const std::string_view progress = args.last_of({"progress", "no-progress"});
  const bool show = progress.empty() ? ctx.err_is_terminal : progress == "progress";
  if (show)
    progress_ = std::make_unique<Progress>(ctx.err, ctx.err_is_terminal);
  else
    progress_ = std::make_unique<Progress>();

  if (auto fmt = args.value("input-format")) {
    forced_ = ctx.importers.named(*fmt);
    if (!forced_)
      throw UsageError("unknown input format '" + *fmt +
                       "' (formats: " + join(ctx.importers.names()) + ")" +
                       did_you_mean_suffix(*fmt, ctx.importers.names()));
  }
  if (auto s = args.value("section")) {
    std::string singular = *s;
    if (!parse_section(singular) && singular.ends_with('s')) singular.pop_back();
    const auto section = parse_section(singular);
    if (!section) {
      const std::vector<std::string> names = {"sources", "actors", "laws",
                                              "events",  "places", "relations"};
      throw UsageError("unknown section '" + *s + "' (sections: " + join(names) + ")" +
                       did_you_mean_suffix(*s, names));
    }
    import_options_.section = std::string(section_name(*section));
  }
  for (const std::string& setting : args.values("input-option")) {
    const std::size_t eq = setting.find('=');
    if (eq == std::string::npos || eq == 0 || setting.find('.') > eq)
      throw UsageError("--input-option takes FORMAT.NAME=VALUE (e.g. graphml.type=labels), not '" +
                       setting + "'");
    const std::string format = setting.substr(0, setting.find('.'));
    if (!ctx.importers.named(format))
      throw UsageError("--input-option " + setting + ": unknown input format '" + format +
                       "' (formats: " + join(ctx.importers.names()) + ")" +
                       did_you_mean_suffix(format, ctx.importers.names()));
    import_options_.settings.emplace_back(setting.substr(0, eq), setting.substr(eq + 1));
  }
  if (auto langs = args.value("lang")) import_options_.languages = language_list(*langs);
  import_options_.co_mentions = args.has("co-mentions");
  // Reading ahead on other threads pays once the builder waits less on memory than the parse
  // costs (docs/performance.md, "Import speed on two cores", session 10): by default, when
  // there is a core to read on.
  threads_ =
      args.has("threads") || std::thread::hardware_concurrency() > 1 ? threads_option(args) : 0;
  // Sorting on a second core does pay (the same docs): by default one helper per extra core.
  finish_helpers_ = threads_option(args);
}

std::optional<Schema> InputSession::load_schema() {
  Schema schema = effective_schema(args_.values("schema"), diags_);
  if (diags_.has_errors()) {
    print_diagnostics();
    return std::nullopt;
  }
  return schema;
}

void InputSession::collect_inputs() {
  if (args_.positionals().empty()) throw UsageError("no inputs given");
  InputRules rules{&ctx_.importers, forced_, {}};
  for (const std::string& s : documents()) rules.exclude.emplace_back(s);
  std::vector<std::string> warnings;
  inputs_ = cli::collect_inputs(args_.positionals(), rules, warnings);
  const bool articles = std::any_of(inputs_.begin(), inputs_.end(), [](const InputFile& input) {
    return input.importer->reads_after_others();
  });
  if (!articles && (args_.has("gazetteer") || args_.has("co-mentions")))
    warnings.emplace_back(
        "--gazetteer and --co-mentions apply to articles (.txt, .md, .html), and no input is one");
  if (!quiet_)
    for (const std::string& w : warnings) ctx_.err << "kgraph: warning: " << w << '\n';
}

std::vector<std::string> InputSession::documents() const {
  std::vector<std::string> files = args_.values("schema");
  if (const auto mapping = args_.value("mapping")) files.push_back(*mapping);
  for (const std::string& gazetteer : args_.values("gazetteer")) files.push_back(gazetteer);
  return files;
}

void InputSession::load_mapping() {
  const auto path = args_.value("mapping");
  if (!path) return;
  // CSV and tab-separated inputs, and JSON Lines files a "jsonl" table names, become tables
  // read through the mapping; its problems stop read().
  auto mapping = TableMapping::load(read_whole_file(*path), diags_.add_file(*path), diags_);
  if (!mapping) return;
  auto shared = std::make_shared<const TableMapping>(std::move(*mapping));
  mapping_ = make_mapping_importer(shared);
  for (InputFile& input : inputs_)
    if (shared->reads(input.name, input.importer->name())) input.importer = mapping_.get();
}

bool InputSession::read_into(GraphBuilder& builder) {
  load_mapping();
  if (diags_.has_errors()) {  // a bad --mapping
    print_diagnostics();
    return false;
  }
  const PhaseTimer reading(ctx_.err, "read");
  read_inputs(builder);
  // Inputs that look for what the others declare (articles) come last, on this thread.
  bool gazetteer_made = false;
  for (const InputFile& input : inputs_) {
    if (diags_.too_many_errors() || !input.importer->reads_after_others()) continue;
    if (!gazetteer_made) {
      import_options_.gazetteer = make_gazetteer(builder);
      gazetteer_made = true;
    }
    read_here(input, builder);
  }
  return true;
}

template <typename Finish>
auto InputSession::read_and_finish(Schema schema, std::string_view step, Finish finish)
    -> decltype(finish(std::declval<GraphBuilder&>())) {
  GraphBuilder builder(std::move(schema), diags_);
  if (!read_into(builder)) return std::nullopt;
  decltype(finish(builder)) result;
  if (!diags_.too_many_errors()) {
    progress_->step(std::string(step) + " " + std::to_string(builder.records()) + " records");
    const PhaseTimer finishing(ctx_.err, "finish");
    result = finish(builder);
  }
  progress_->done();
  print_diagnostics();
  if (diags_.has_errors()) return std::nullopt;
  return result;
}

std::optional<KnowledgeGraph> InputSession::read(Schema schema) {
  return read_and_finish(std::move(schema), "checking",
                         [&](GraphBuilder& builder) { return builder.finish(finish_helpers_); });
}

std::optional<GraphCounts> InputSession::read_counts(Schema schema) {
  return read_and_finish(std::move(schema), "checking", [&](GraphBuilder& builder) {
    return builder.finish_counts(finish_helpers_);
  });
}

std::optional<PartialGraph> InputSession::read_partial(Schema schema) {
  return read_and_finish(std::move(schema), "sorting",
                         [](GraphBuilder& builder) { return builder.finish_partial(); });
}

void InputSession::read_inputs(GraphBuilder& builder) {
  std::vector<const InputFile*> read;
  for (const InputFile& input : inputs_)
    if (!input.importer->reads_after_others()) read.push_back(&input);
  // Registered here, in order, so that every thread knows every file's number.
  std::vector<std::uint32_t> files;
  for (const InputFile* input : read) files.push_back(diags_.add_file(input->name));
  std::vector<std::atomic<std::uint64_t>> bytes(read.size());
  const auto builder_thread = std::this_thread::get_id();
  std::vector<ReadJob> jobs;
  for (std::size_t i = 0; i < read.size(); ++i) {
    auto bytes_read = [this, &bytes, &builder, builder_thread, i](std::uint64_t n) {
      bytes[i].store(n, std::memory_order_relaxed);
      // Read on the builder's thread, the report is made at once; else after each batch.
      if (std::this_thread::get_id() == builder_thread) progress_->update(n, builder.records());
    };
    jobs.push_back({[this, &read, &files, i, bytes_read](RecordSink& sink) {
                      read_input(*read[i], files[i], sink, import_options_, bytes_read);
                    },
                    !read[i]->importer->reads_ahead()});
  }
  const RelayEvents events{
      [&](std::size_t job) { progress_->start_input(read[job]->name, input_size(*read[job])); },
      [&](std::size_t job) {
        progress_->update(bytes[job].load(std::memory_order_relaxed), builder.records());
      }};
  read_relayed(builder, jobs, threads_, events);
}

void InputSession::read_here(const InputFile& input, GraphBuilder& builder) {
  const std::uint32_t file = diags_.add_file(input.name);
  progress_->start_input(input.name, input_size(input));
  read_input(input, file, builder, import_options_,
             [&](std::uint64_t n) { progress_->update(n, builder.records()); });
}

std::shared_ptr<const ArticleGazetteer> InputSession::make_gazetteer(const GraphBuilder& builder) {
  auto gazetteer = std::make_shared<ArticleGazetteer>();
  gazetteer->add(builder.named_entities(), ArticleGazetteer::Origin::graph);
  for (const std::string& path : args_.values("gazetteer")) {
    // Read as an input of its own, into a builder of its own: its problems are reported like
    // any input's, its relations and sources are not kept.
    const std::vector<std::string> arg{path};
    std::vector<std::string> warnings;
    const InputRules rules{&ctx_.importers, nullptr, {}};
    for (const InputFile& input : cli::collect_inputs(arg, rules, warnings)) {
      if (input.importer->reads_after_others())
        throw UsageError("--gazetteer " + path + ": articles cannot be a gazetteer");
      GraphBuilder names(builder.schema(), diags_);
      read_here(input, names);
      gazetteer->add(names.named_entities(), ArticleGazetteer::Origin::gazetteer);
    }
  }
  return gazetteer;
}

void InputSession::print_diagnostics() {
  progress_->done();
  diags_.print(ctx_.err, max_errors_, !quiet_);
}

}  // namespace kgraph::cli
