#include "cli/output_plan.hpp"

#include <algorithm>
#include <ios>
#include <set>

namespace kgraph::cli {
namespace fs = std::filesystem;
namespace {

/// Runs `step`, reporting an exporter's failure as the failure to write `path`: exit 1 for an
/// ExportError, exit 3 for a failed write.
template <typename Step>
void writing(const fs::path& path, Step&& step) {
  try {
    step();
  } catch (const ExportError& e) {
    throw CliError(exit_status::invalid_input, "cannot write " + path.string() + ": " + e.what());
  } catch (const fs::filesystem_error& e) {
    throw write_error(path.string(), e.code().message());
  } catch (const std::ios_base::failure& e) {
    throw write_error(path.string(), e.code().message());
  }
}

/// A part writer whose failures name its output.
class OutputPartWriter final : public PartWriter {
 public:
  OutputPartWriter(std::unique_ptr<PartWriter> writer, fs::path path)
      : writer_(std::move(writer)), path_(std::move(path)) {}
  void plan(const GraphView& view, std::uint32_t part) override {
    writing(path_, [&] { writer_->plan(view, part); });
  }
  void plan_sources(const GraphView& view) override {
    writing(path_, [&] { writer_->plan_sources(view); });
  }
  void begin() override {
    writing(path_, [&] { writer_->begin(); });
  }
  void write(const GraphView& view, std::uint32_t part) override {
    writing(path_, [&] { writer_->write(view, part); });
  }
  void write_sources(const GraphView& view) override {
    writing(path_, [&] { writer_->write_sources(view); });
  }
  void end() override {
    writing(path_, [&] { writer_->end(); });
  }

 private:
  std::unique_ptr<PartWriter> writer_;
  fs::path path_;
};

bool looks_like_format_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

}  // namespace

std::vector<std::string> output_extensions(const ExporterRegistry& registry) {
  std::set<std::string> exts;
  for (const std::string& n : registry.names())
    for (std::string_view e : registry.named(n)->extensions()) exts.emplace(e);
  return {exts.begin(), exts.end()};
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
      if (spec.path.empty())
        throw UsageError("output '" + spec.text + "' names no path after '" + prefix + ":'");
      spec.exporter = e;
      spec.to_stdout = spec.path == "-";
      if (spec.to_stdout && e->writes_directory())
        throw UsageError("format '" + prefix + "' writes a directory, not standard output");
      return spec;
    }
    if (looks_like_format_name(prefix) && !registry.for_path(text))
      throw UsageError("unknown output format '" + prefix + "' in '-o " + spec.text +
                       "' (formats: " + formats + ")" +
                       did_you_mean_suffix(prefix, registry.names()));
  }
  if (const Exporter* e = registry.for_path(text)) {
    spec.path = std::string(text);
    spec.exporter = e;
    return spec;
  }
  const std::string ext = fs::path(text).extension().string();
  throw UsageError(
      "cannot tell the format of output '" + spec.text + "' from its extension (extensions: " +
      join(output_extensions(registry)) + "; or write FORMAT:PATH with FORMAT one of: " + formats +
      ")" + (ext.empty() ? std::string() : did_you_mean_suffix(ext, output_extensions(registry))));
}

std::vector<OutputSpec> output_specs(const ParsedArgs& args, const Context& ctx) {
  std::vector<OutputSpec> outputs;
  std::set<fs::path> seen;
  for (const std::string& t : args.values("output")) {
    OutputSpec& o = outputs.emplace_back(parse_output_spec(t, ctx.exporters));
    if (!seen.insert(fs::absolute(o.path).lexically_normal()).second)
      throw UsageError("output '" + o.path.string() + "' named more than once");
    o.target = classify_output(o.path);
    if (o.exporter->writes_directory() && o.target.kind != TargetKind::replaced)
      throw UsageError("format '" + std::string(o.exporter->name()) +
                       "' writes a directory, but '" + o.path.string() + "' is " + o.target.what);
  }
  return outputs;
}

OutputSet::OutputSet(const std::vector<OutputSpec>& outputs, Context& ctx)
    : outputs_(outputs), ctx_(ctx) {
  for (const OutputSpec& o : outputs) {
    Destination d;
    switch (o.target.kind) {
      case TargetKind::standard_output: {
        PendingStream& s =
            transaction_.add_stream(ctx.out, o.to_stdout ? "standard output" : o.path.string());
        d = {&s, &s.stream(), nullptr};
        break;
      }
      case TargetKind::descriptor: {
        PendingStream& s = transaction_.add_descriptor(o.path, o.target.fd);
        d = {&s, &s.stream(), nullptr};
        break;
      }
      case TargetKind::node: {
        PendingStream& s = transaction_.add_node(o.path);
        d = {&s, &s.stream(), nullptr};
        break;
      }
      case TargetKind::unusable:
        throw write_error(o.path.string(),
                          o.target.what + ", which kgraph neither replaces nor writes");
      case TargetKind::replaced:
        if (o.exporter->writes_directory()) {
          PendingDirectory& dir = transaction_.add_directory(o.path);
          d = {&dir, nullptr, &dir.path()};
        } else {
          PendingFile& f = transaction_.add_file(o.path);
          d = {&f, &f.stream(), nullptr};
        }
        break;
    }
    destinations_.push_back(d);
  }
}

void OutputSet::write_all(const GraphView& view, const ExportOptions& options, Progress& progress) {
  for (std::size_t i = 0; i < outputs_.size(); ++i) {
    const OutputSpec& o = outputs_[i];
    const Destination& d = destinations_[i];
    progress.step("writing " + (o.to_stdout ? std::string("standard output") : o.path.string()));
    writing(o.path, [&] {
      if (options.threads <= 1) d.pending->write_on_this_thread();  // `--threads 0`
      if (d.directory)
        o.exporter->write_directory(view, *d.directory, options);
      else
        o.exporter->write(view, *d.stream, options);
      d.pending->close();
    });
  }
  // What a verb printed before goes out before what the outputs write to the same place.
  ctx_.out.flush();
  transaction_.commit_all();
}

std::vector<std::unique_ptr<PartWriter>> OutputSet::part_writers(const ExportOptions& options) {
  std::vector<std::unique_ptr<PartWriter>> writers;
  for (std::size_t i = 0; i < outputs_.size(); ++i) {
    const Destination& d = destinations_[i];
    std::unique_ptr<PartWriter> w =
        d.directory ? outputs_[i].exporter->part_writer(*d.directory, options) : nullptr;
    if (!w) return {};
    writers.push_back(std::make_unique<OutputPartWriter>(std::move(w), outputs_[i].path));
  }
  return writers;
}

void OutputSet::commit_parts() {
  for (std::size_t i = 0; i < outputs_.size(); ++i)
    writing(outputs_[i].path, [&] { destinations_[i].pending->close(); });
  ctx_.out.flush();
  transaction_.commit_all();
}

}  // namespace kgraph::cli
