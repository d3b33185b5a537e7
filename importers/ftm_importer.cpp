#include "importers/ftm_importer.hpp"

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "importers/ftm_entity_reader.hpp"
#include "importers/ftm_mapping.hpp"
#include "importers/json_record_messages.hpp"
#include "importers/json_token_streams.hpp"
#include "importers/line_reader.hpp"

namespace kgraph {
namespace {

constexpr std::string_view kMappingSetting = "ftm.mapping";

/// The mapping `ftm.mapping` names, or the one compiled in; nullopt after reporting why not.
std::optional<FtmMapping> load_mapping(const ImportOptions& options, std::uint32_t file,
                                       RecordSink& builder) {
  Diagnostics& diags = builder.diagnostics();
  auto path = options.setting(kMappingSetting);
  if (!path) return builtin_ftm_mapping();
  std::ifstream in{std::string(*path), std::ios::binary};
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    diags.error(Location{file, 0, 0},
                "cannot read the FtM mapping " + quoted(*path) + " (--input-option ftm.mapping)");
    return std::nullopt;
  }
  const std::uint32_t mapping_file = diags.add_file(std::string(*path));
  auto mapping = load_ftm_mapping(text.str(), mapping_file, diags);
  if (mapping && !check_ftm_mapping(*mapping, builder.schema(), diags)) return std::nullopt;
  return mapping;
}

/// `.ftm.json`, `.ftm.jsonl`: one FtM entity (or delta) per line.
class FtmImporter final : public Importer {
 public:
  std::string_view name() const override { return "ftm"; }
  // Loads the mapping `--input-option ftm.mapping=FILE` names, registering its file.
  bool reads_ahead() const override { return false; }
  std::vector<std::string_view> extensions() const override { return {".ftm.json", ".ftm.jsonl"}; }
  void read(std::istream& in, std::uint32_t file, std::string_view, RecordSink& builder,
            const ImportOptions& options) const override {
    Diagnostics& diags = builder.diagnostics();
    bool settings_ok = true;
    for (const auto& [name, value] : options.settings) {
      if (name.rfind("ftm.", 0) != 0 || name == kMappingSetting) continue;
      diags.error(Location{file, 0, 0},
                  "unknown setting " + quoted(name) + " for FtM input; expected ftm.mapping");
      settings_ok = false;
    }
    if (!settings_ok) return;
    const std::optional<FtmMapping> mapping = load_mapping(options, file, builder);
    if (!mapping) return;
    FtmEntityReader reader(*mapping, file, builder);
    read_lines(in, file, diags,
               [&](std::string_view text, std::uint32_t line) { reader.read_line(text, line); });
    reader.finish();
  }
};

}  // namespace

std::unique_ptr<Importer> make_ftm_importer() { return std::make_unique<FtmImporter>(); }

}  // namespace kgraph
