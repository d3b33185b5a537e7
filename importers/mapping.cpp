#include "importers/mapping.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "importers/mapping_loader.hpp"
#include "importers/mapping_spec.hpp"
#include "importers/mapping_table_reader.hpp"

namespace kgraph {
namespace {

class MappingImporter final : public Importer {
 public:
  explicit MappingImporter(std::shared_ptr<const TableMapping> mapping)
      : mapping_(std::move(mapping)) {}
  std::string_view name() const override { return "csv"; }
  std::vector<std::string_view> extensions() const override { return {".csv"}; }
  void read(std::istream& in, std::uint32_t file, std::string_view file_name, RecordSink& builder,
            const ImportOptions&) const override {
    mapping_->read(in, file, file_name, builder);
  }

 private:
  std::shared_ptr<const TableMapping> mapping_;
};

}  // namespace

TableMapping::TableMapping() : doc_(std::make_unique<detail::MappingDocument>()) {}
TableMapping::TableMapping(TableMapping&&) noexcept = default;
TableMapping& TableMapping::operator=(TableMapping&&) noexcept = default;
TableMapping::~TableMapping() = default;

std::optional<TableMapping> TableMapping::load(std::string_view json_text, std::uint32_t file,
                                               Diagnostics& diags) {
  return load(json_text, file, diags, [](const std::string& path) -> std::optional<std::string> {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in || in.bad()) return std::nullopt;
    return std::move(text).str();
  });
}

std::optional<TableMapping> TableMapping::load(std::string_view json_text, std::uint32_t file,
                                               Diagnostics& diags,
                                               const MappingFileReader& read_file) {
  TableMapping mapping;
  if (!detail::load_mapping(json_text, file, diags, *mapping.doc_, read_file)) return std::nullopt;
  return mapping;
}

bool TableMapping::reads(std::string_view file_name, std::string_view importer) const {
  if (importer == "csv") return true;
  if (importer != "jsonl") return false;
  const detail::MappingSpec* table = detail::table_for(*doc_, file_name);
  return table && table->jsonl;
}

void TableMapping::read(std::istream& table, std::uint32_t file, std::string_view file_name,
                        RecordSink& builder) const {
  detail::read_mapped_table(*doc_, table, file, file_name, builder);
}

std::size_t TableMapping::entity_count() const {
  std::size_t n = 0;
  for (const auto& t : doc_->tables) n += t.entities.size();
  return n;
}
std::size_t TableMapping::relation_count() const {
  std::size_t n = 0;
  for (const auto& t : doc_->tables) n += t.relations.size();
  return n;
}

std::unique_ptr<Importer> make_mapping_importer(std::shared_ptr<const TableMapping> mapping) {
  return std::make_unique<MappingImporter>(std::move(mapping));
}

}  // namespace kgraph
