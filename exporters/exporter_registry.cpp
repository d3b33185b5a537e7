#include "exporters/exporter.hpp"
#include "graph/text.hpp"

namespace kgraph {
void Exporter::write(const GraphView&, std::ostream&, const ExportOptions&) const {
  throw ExportError(std::string(name()) + " writes a directory, not a file");
}

void Exporter::write_directory(const GraphView&, const std::filesystem::path&,
                               const ExportOptions&) const {
  throw ExportError(std::string(name()) + " writes a file, not a directory");
}

std::unique_ptr<PartWriter> Exporter::part_writer(const std::filesystem::path&,
                                                  const ExportOptions&) const {
  return nullptr;
}

void ExporterRegistry::add(std::unique_ptr<Exporter> exporter) {
  exporters_.push_back(std::move(exporter));
}

const Exporter* ExporterRegistry::for_path(std::string_view path) const {
  for (const auto& exp : exporters_)
    for (std::string_view ext : exp->extensions())
      if (ends_with_nocase(path, ext)) return exp.get();
  return nullptr;
}

const Exporter* ExporterRegistry::named(std::string_view name) const {
  for (const auto& exp : exporters_)
    if (exp->name() == name) return exp.get();
  return nullptr;
}

std::vector<std::string> ExporterRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& exp : exporters_) out.emplace_back(exp->name());
  return out;
}

}  // namespace kgraph
