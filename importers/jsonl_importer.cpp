#include <memory>

#include "importers/json_record_reader.hpp"

namespace kgraph {
namespace {

/// `.jsonl`, `.ndjson`: one record per line, its section in the field `"record"`.
class JsonLinesImporter final : public Importer {
 public:
  std::string_view name() const override { return "jsonl"; }
  std::vector<std::string_view> extensions() const override { return {".jsonl", ".ndjson"}; }
  void read(std::istream& in, std::uint32_t file, std::string_view, RecordSink& builder,
            const ImportOptions&) const override {
    read_json_lines(in, file, builder.diagnostics(),
                    [&builder](const RawRecord& record) { builder.add(record); });
  }
};

}  // namespace

std::unique_ptr<Importer> make_jsonl_importer() { return std::make_unique<JsonLinesImporter>(); }

}  // namespace kgraph
