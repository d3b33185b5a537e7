#include "importers/mapping.hpp"

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
  void read(std::istream& in, std::uint32_t file, std::string_view file_name, GraphBuilder& builder,
            const ImportOptions&) const override {
    mapping_->read(in, file, file_name, builder);
  }

 private:
  std::shared_ptr<const TableMapping> mapping_;
};

}  // namespace

TableMapping::TableMapping() : spec_(std::make_unique<detail::MappingSpec>()) {}
TableMapping::TableMapping(TableMapping&&) noexcept = default;
TableMapping& TableMapping::operator=(TableMapping&&) noexcept = default;
TableMapping::~TableMapping() = default;

std::optional<TableMapping> TableMapping::load(std::string_view json_text, std::uint32_t file,
                                               Diagnostics& diags) {
  TableMapping mapping;
  if (!detail::load_mapping(json_text, file, diags, *mapping.spec_)) return std::nullopt;
  return mapping;
}

void TableMapping::read(std::istream& table, std::uint32_t file, std::string_view file_name,
                        GraphBuilder& builder) const {
  detail::read_mapped_table(*spec_, table, file, file_name, builder);
}

std::size_t TableMapping::entity_count() const { return spec_->entities.size(); }
std::size_t TableMapping::relation_count() const { return spec_->relations.size(); }

std::unique_ptr<Importer> make_mapping_importer(std::shared_ptr<const TableMapping> mapping) {
  return std::make_unique<MappingImporter>(std::move(mapping));
}

}  // namespace kgraph
