#include "importers/popolo_importer.hpp"

#include <string>

#include "importers/popolo_reader.hpp"

namespace kgraph {
namespace {

/// `.popolo.json`: one Popolo document, held whole while it is read (references between its
/// lists, and ids chosen by `popolo.id`, need all of it).
class PopoloImporter final : public Importer {
 public:
  std::string_view name() const override { return "popolo"; }
  std::vector<std::string_view> extensions() const override { return {".popolo.json"}; }
  void read(std::istream& in, std::uint32_t file, std::string_view, RecordSink& builder,
            const ImportOptions& options) const override {
    Diagnostics& diags = builder.diagnostics();
    PopoloSettings settings;
    bool settings_ok = true;
    for (const auto& [name, value] : options.settings) {
      if (name == "popolo.id") {
        settings.id_scheme = value;
      } else if (name.starts_with("popolo.")) {
        diags.error(Location{file, 0, 0}, "unknown input option " + name + " (popolo options: id)",
                    "--input-option popolo.id=SCHEME makes the identifier of that scheme the id");
        settings_ok = false;
      }
    }
    if (!settings_ok) return;
    std::string text;
    // In blocks: a character at a time through istreambuf_iterator is slower than the parse.
    char block[1 << 16];
    while (const std::streamsize got = in.rdbuf()->sgetn(block, sizeof block))
      text.append(block, static_cast<std::size_t>(got));
    // A byte order mark is skipped, as by the other readers; columns count from after it.
    const std::string_view kBom = "\xEF\xBB\xBF";
    const std::string_view body = std::string_view(text).starts_with(kBom)
                                      ? std::string_view(text).substr(kBom.size())
                                      : std::string_view(text);
    read_popolo(body, file, diags, settings,
                [&builder](const RawRecord& record) { builder.add(record); });
  }
};

}  // namespace

std::unique_ptr<Importer> make_popolo_importer() { return std::make_unique<PopoloImporter>(); }

}  // namespace kgraph
