#include "importers/wikidata_importer.hpp"

#include <fstream>
#include <sstream>
#include <string>

#include "importers/json_tree.hpp"
#include "importers/line_reader.hpp"
#include "importers/wikidata_entity_reader.hpp"
#include "importers/wikidata_mapping.hpp"
#include "importers/wikidata_values.hpp"

namespace kgraph {
namespace {

constexpr std::string_view kMappingSetting = "wikidata.mapping";

/// The mapping `wikidata.mapping` names, or the one compiled in; nullopt after reporting why not.
std::optional<WikidataMapping> load_mapping(const ImportOptions& options, std::uint32_t file,
                                            RecordSink& builder) {
  Diagnostics& diags = builder.diagnostics();
  auto path = options.setting(kMappingSetting);
  if (!path) return builtin_wikidata_mapping();
  std::ifstream in{std::string(*path), std::ios::binary};
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    diags.error(Location{file, 0, 0}, "cannot read the Wikidata mapping " + quoted(*path) +
                                          " (--input-option wikidata.mapping)");
    return std::nullopt;
  }
  const std::uint32_t mapping_file = diags.add_file(std::string(*path));
  auto mapping = load_wikidata_mapping(text.str(), mapping_file, diags);
  if (mapping && !check_wikidata_mapping(*mapping, builder.schema(), diags)) return std::nullopt;
  return mapping;
}

/// Reads a Wikidata input line by line. The first character that is not white space tells the
/// layout: `[` a dump (one entity per line, each but the last ending in a comma, then `]`),
/// read one line at a time, so that memory follows the graph, not the file; `{` a
/// wbgetentities response (`{"entities": {"Q42": {...}, ...}}`), held whole (an API response
/// holds at most 50 entities).
class WikidataLines {
 public:
  WikidataLines(std::uint32_t file, Diagnostics& diags, WikidataEntityReader& entities)
      : file_(file), diags_(diags), entities_(entities) {}

  void read(std::istream& in) {
    LineReading reading;
    reading.keep_layout = true;  // a wbgetentities response is read whole, at its positions
    reading.too_long = [&](std::uint32_t line) {
      line_ = line;
      layout_ = Layout::failed;
    };
    read_lines(
        in, file_, diags_, [&](std::string_view text, std::uint32_t line) { take(text, line); },
        reading);
    if (diags_.too_many_errors()) return;
    switch (layout_) {
      case Layout::unknown:
        diags_.error(Location{file_, line_ == 0 ? 1 : line_, 1},
                     "expected a Wikidata dump (\"[\", then one entity per line) or a "
                     "wbgetentities response ({\"entities\": ...}); the input is empty");
        break;
      case Layout::dump:
        if (!closed_)
          diags_.error(Location{file_, line_, 1},
                       "the Wikidata dump ends without its closing \"]\"",
                       "the file may be truncated");
        break;
      case Layout::document:
        read_document();
        break;
      case Layout::failed:
        break;
    }
  }

 private:
  enum class Layout : std::uint8_t { unknown, dump, document, failed };

  void take(std::string_view text, std::uint32_t line) {
    line_ = line;
    if (layout_ == Layout::failed) return;
    if (layout_ == Layout::document) {
      document_.append(text).push_back('\n');
      return;
    }
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t'))
      text.remove_suffix(1);
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return;  // blank lines are fine
    std::string_view entity = text;
    if (layout_ == Layout::unknown) {
      if (text[first] == '{') {
        layout_ = Layout::document;
        document_.assign(line_ - 1, '\n');  // keeps the lines of positions those of the file
        document_.append(text).push_back('\n');
        return;
      }
      if (text[first] != '[') {
        diags_.error(Location{file_, line_, static_cast<std::uint32_t>(first + 1)},
                     "expected a Wikidata dump (\"[\", then one entity per line) or a "
                     "wbgetentities response ({\"entities\": ...})");
        layout_ = Layout::failed;
        return;
      }
      layout_ = Layout::dump;
      // An entity may follow on the same line: read it with the bracket blanked out, so that
      // columns stay those of the file.
      line_copy_.assign(text);
      line_copy_[first] = ' ';
      entity = line_copy_;
    } else if (closed_) {
      diags_.error(Location{file_, line_, static_cast<std::uint32_t>(first + 1)},
                   "text after the closing \"]\" of the Wikidata dump");
      layout_ = Layout::failed;
      return;
    }
    // The last entity may carry the closing bracket; an entity ends with "}".
    if (entity.back() == ']') {
      std::string_view rest = entity.substr(0, entity.size() - 1);
      while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
      if (rest.empty() || rest.back() == '}' || rest.back() == ',') {
        closed_ = true;
        entity = rest;
      }
    }
    if (!entity.empty() && entity.back() == ',') entity.remove_suffix(1);
    if (entity.find_first_not_of(" \t") == std::string_view::npos) return;
    root_ = JsonNode{};  // parse_json_tree adds to what the node holds
    if (auto problem = parse_json_tree(entity, root_)) {
      diags_.error(Location{file_, line_ + problem->at.line - 1, problem->at.column},
                   problem->message, "a Wikidata dump holds one entity per line");
      return;
    }
    entities_.read_entity(root_, line_);
  }

  void read_document() {
    root_ = JsonNode{};
    if (auto problem = parse_json_tree(document_, root_)) {
      diags_.error(Location{file_, problem->at.line, problem->at.column}, problem->message);
      return;
    }
    const JsonNode* list = json_member(root_, "entities");
    if (!list) {
      diags_.error(Location{file_, root_.at.line, root_.at.column},
                   "expected a wbgetentities response {\"entities\": {...}}; there is no "
                   "\"entities\"");
      return;
    }
    if (list->kind != JsonNode::Kind::object) {
      diags_.error(Location{file_, list->at.line, list->at.column},
                   "\"entities\" must be an object of entities by id; found " +
                       std::string(json_kind_text(list->kind)));
      return;
    }
    for (const JsonMember& m : list->members) {
      if (diags_.too_many_errors()) return;
      entities_.read_entity(m.value, 1);
    }
  }

  std::uint32_t file_;
  Diagnostics& diags_;
  WikidataEntityReader& entities_;
  JsonNode root_;
  std::string line_copy_;
  std::string document_;
  std::uint32_t line_ = 0;
  Layout layout_ = Layout::unknown;
  bool closed_ = false;
};

/// `.wikidata.json`, `.wd.json` (and `--input-format wikidata`): a dump or an API response.
class WikidataImporter final : public Importer {
 public:
  std::string_view name() const override { return "wikidata"; }
  // Loads the mapping `--input-option wikidata.mapping=FILE` names, registering its file.
  bool reads_ahead() const override { return false; }
  std::vector<std::string_view> extensions() const override {
    return {".wikidata.json", ".wd.json"};
  }
  void read(std::istream& in, std::uint32_t file, std::string_view, RecordSink& builder,
            const ImportOptions& options) const override {
    Diagnostics& diags = builder.diagnostics();
    bool settings_ok = true;
    for (const auto& [name, value] : options.settings) {
      if (name.rfind("wikidata.", 0) != 0 || name == kMappingSetting) continue;
      diags.error(Location{file, 0, 0}, "unknown setting " + quoted(name) +
                                            " for Wikidata input; expected wikidata.mapping");
      settings_ok = false;
    }
    if (!settings_ok) return;
    const std::optional<WikidataMapping> mapping = load_mapping(options, file, builder);
    if (!mapping) return;
    WikidataEntityReader entities(*mapping, options.languages, file, builder);
    WikidataLines(file, diags, entities).read(in);
    entities.finish();
  }
};

}  // namespace

std::unique_ptr<Importer> make_wikidata_importer() { return std::make_unique<WikidataImporter>(); }

}  // namespace kgraph
