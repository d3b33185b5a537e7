#include "importers/ftm_importer.hpp"

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "importers/ftm_entity_reader.hpp"
#include "importers/ftm_mapping.hpp"
#include "importers/json_record_messages.hpp"
#include "importers/json_token_streams.hpp"

namespace kgraph {
namespace {

constexpr std::string_view kMappingSetting = "ftm.mapping";

/// The mapping `ftm.mapping` names, or the one compiled in; nullopt after reporting why not.
std::optional<FtmMapping> load_mapping(const ImportOptions& options, std::uint32_t file,
                                       GraphBuilder& builder) {
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

/// Hands each line of `in` to `reader`, in chunks; a line longer than kMaxLineBytes is reported
/// and skipped without being held.
void read_lines(std::istream& in, std::uint32_t file, Diagnostics& diags, FtmEntityReader& reader) {
  using json_records::kMaxLineBytes;
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  std::string pending;  // the start of a line the last chunk did not finish
  std::string chunk(kChunk, '\0');
  std::uint32_t line = 0;
  bool skipping = false;  // inside a line that was too long
  bool first = true;
  auto take = [&](std::string_view text) {
    ++line;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (first) {
      first = false;
      if (text.substr(0, json_records::kBom.size()) == json_records::kBom)
        text.remove_prefix(json_records::kBom.size());
    }
    if (text.find_first_not_of(" \t") == std::string_view::npos) return;  // blank lines are fine
    reader.read_line(text, line);
  };
  while (in && !diags.too_many_errors()) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const std::string_view got(chunk.data(), static_cast<std::size_t>(in.gcount()));
    std::size_t start = 0;
    for (std::size_t nl; (nl = got.find('\n', start)) != std::string_view::npos; start = nl + 1) {
      if (skipping) {
        skipping = false;
        continue;
      }
      if (pending.empty()) {
        take(got.substr(start, nl - start));
      } else {
        pending.append(got.substr(start, nl - start));
        take(pending);
        pending.clear();
      }
      if (diags.too_many_errors()) return;
    }
    if (skipping) continue;
    pending.append(got.substr(start));
    if (pending.size() > kMaxLineBytes) {
      ++line;
      first = false;
      diags.error(Location{file, line, 1}, json_records::line_too_long_message());
      pending.clear();
      pending.shrink_to_fit();
      skipping = true;
    }
  }
  if (!skipping && !pending.empty()) take(pending);  // the last line may lack its line break
}

/// `.ftm.json`, `.ftm.jsonl`: one FtM entity (or delta) per line.
class FtmImporter final : public Importer {
 public:
  std::string_view name() const override { return "ftm"; }
  std::vector<std::string_view> extensions() const override { return {".ftm.json", ".ftm.jsonl"}; }
  void read(std::istream& in, std::uint32_t file, std::string_view, GraphBuilder& builder,
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
    read_lines(in, file, diags, reader);
    reader.finish();
  }
};

}  // namespace

std::unique_ptr<Importer> make_ftm_importer() { return std::make_unique<FtmImporter>(); }

}  // namespace kgraph
