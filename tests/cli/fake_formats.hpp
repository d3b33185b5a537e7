#pragma once
/// Small importers and exporters for testing the command line in-process, independent of the
/// real formats: a line format (".fake") and exporters that write, fail, or fill directories.

#include <filesystem>
#include <fstream>
#include <istream>
#include <memory>
#include <sstream>
#include <string>

#include "exporters/exporter.hpp"
#include "graph/record.hpp"
#include "importers/importer.hpp"

namespace kgraph::test {

/// One record per line: `SECTION key=value key=value ...` (values without spaces). A line
/// `# ...` or an empty line is skipped; `warning TEXT` reports a warning. Locations are
/// (line, column of the key).
class FakeImporter : public Importer {
 public:
  explicit FakeImporter(std::string name = "fake", std::string ext = ".fake")
      : name_(std::move(name)), ext_(std::move(ext)) {}
  std::string_view name() const override { return name_; }
  std::vector<std::string_view> extensions() const override { return {ext_}; }
  void read(std::istream& in, std::uint32_t file, std::string_view, RecordSink& builder,
            const ImportOptions&) const override {
    std::string line;
    std::uint32_t number = 0;
    RawRecord record;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty() || line[0] == '#') continue;
      record.clear();
      std::istringstream words(line);
      std::string word;
      words >> word;
      if (word == "warning") {
        builder.diagnostics().warning({file, number, 1}, line.substr(8));
        continue;
      }
      const auto section = parse_section(word);
      if (!section) {
        builder.diagnostics().error({file, number, 1}, "unknown section " + kgraph::quoted(word));
        continue;
      }
      record.section = *section;
      record.at = {file, number, 1};
      while (words >> word) {
        const auto column = static_cast<std::uint32_t>(line.find(word) + 1);
        const auto eq = word.find('=');
        RawField& f = record.add_field(word.substr(0, eq), {file, number, column});
        if (eq != std::string::npos) f.values.push_back(RawScalar::of_string(word.substr(eq + 1)));
      }
      builder.add(record);
    }
  }

 private:
  std::string name_, ext_;
};

/// Writes one line per entity id (".txt", format "text").
class TextExporter : public Exporter {
 public:
  std::string_view name() const override { return "text"; }
  std::vector<std::string_view> extensions() const override { return {".txt"}; }
  void write(const GraphView& view, std::ostream& out, const ExportOptions&) const override {
    for (std::uint32_t i : view.entities())
      out << view.graph().str(view.graph().entities()[i].id) << '\n';
  }
};

/// Writes some bytes, then throws ExportError (".fail", format "fail").
class FailingExporter : public Exporter {
 public:
  std::string_view name() const override { return "fail"; }
  std::vector<std::string_view> extensions() const override { return {".fail"}; }
  void write(const GraphView&, std::ostream& out, const ExportOptions&) const override {
    out << "partial output";
    throw ExportError("the graph has something this format cannot hold");
  }
};

/// A directory format ("dir:"): one file per entity id.
class DirectoryExporter : public Exporter {
 public:
  std::string_view name() const override { return "dir"; }
  std::vector<std::string_view> extensions() const override { return {}; }
  bool writes_directory() const override { return true; }
  void write_directory(const GraphView& view, const std::filesystem::path& dir,
                       const ExportOptions&) const override {
    for (std::uint32_t i : view.entities()) {
      std::ofstream out(dir /
                        (std::string(view.graph().str(view.graph().entities()[i].id)) + ".txt"));
      out << "entity\n";
    }
  }
};

inline void register_fake_importers(ImporterRegistry& r) {
  r.add(std::make_unique<FakeImporter>());
  r.add(std::make_unique<FakeImporter>("other", ".other"));
}

inline void register_fake_exporters(ExporterRegistry& r) {
  r.add(std::make_unique<TextExporter>());
  r.add(std::make_unique<FailingExporter>());
  r.add(std::make_unique<DirectoryExporter>());
}

}  // namespace kgraph::test
