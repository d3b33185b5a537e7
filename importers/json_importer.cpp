#include <memory>

#include "importers/json_record_reader.hpp"

namespace kgraph {
namespace {

/// `.json`: one document with the arrays sources, actors, laws, events, places, relations.
class JsonImporter final : public Importer {
 public:
  std::string_view name() const override { return "json"; }
  std::vector<std::string_view> extensions() const override { return {".json"}; }
  void read(std::istream& in, std::uint32_t file, std::string_view, RecordSink& builder,
            const ImportOptions&) const override {
    read_json_document(in, file, builder.diagnostics(),
                       [&builder](const RawRecord& record) { builder.add(record); });
  }
};

}  // namespace

std::unique_ptr<Importer> make_json_importer() { return std::make_unique<JsonImporter>(); }

}  // namespace kgraph
