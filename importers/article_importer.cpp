#include "importers/article_importer.hpp"

#include <unicode/utf8.h>

#include <string>

#include "graph/text.hpp"
#include "importers/article_gazetteer.hpp"
#include "importers/article_html.hpp"
#include "importers/article_records.hpp"
#include "importers/article_text.hpp"

namespace kgraph {
namespace {

/// The place of the first malformed UTF-8 sequence or NUL byte, with what it is; nullopt if
/// the text is clean.
std::optional<std::pair<Location, std::string>> first_bad_byte(std::string_view s,
                                                               std::uint32_t file) {
  std::uint32_t line = 1, column = 1;
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, n, c);
    if (c < 0) return std::make_pair(Location{file, line, column}, std::string("invalid UTF-8"));
    if (c == 0)
      return std::make_pair(Location{file, line, column}, std::string("NUL byte in the text"));
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::nullopt;
}

bool is_html_name(std::string_view name) {
  std::string_view base = name;
  for (const std::string_view c : {".gz", ".bz2", ".zst"})
    if (ends_with_nocase(base, c)) base.remove_suffix(c.size());
  return ends_with_nocase(base, ".html") || ends_with_nocase(base, ".htm");
}

bool is_markdown_name(std::string_view name) {
  std::string_view base = name;
  for (const std::string_view c : {".gz", ".bz2", ".zst"})
    if (ends_with_nocase(base, c)) base.remove_suffix(c.size());
  return ends_with_nocase(base, ".md") || ends_with_nocase(base, ".markdown");
}

class ArticleImporter final : public Importer {
 public:
  std::string_view name() const override { return "text"; }
  std::vector<std::string_view> extensions() const override {
    return {".txt", ".md", ".markdown", ".html", ".htm"};
  }
  bool reads_after_others() const override { return true; }
  bool read_in_directory_walks() const override { return false; }

  void read(std::istream& in, std::uint32_t file, std::string_view file_name, RecordSink& builder,
            const ImportOptions& options) const override {
    Diagnostics& diags = builder.diagnostics();
    for (const auto& setting : options.settings)
      if (setting.first.starts_with("text."))
        diags.error(Location{file, 0, 0},
                    "unknown input option " + setting.first + " (the text format has no options)");
    std::string bytes;
    char block[1 << 16];
    while (const std::streamsize got = in.rdbuf()->sgetn(block, sizeof block)) {
      bytes.append(block, static_cast<std::size_t>(got));
      if (bytes.size() > kMaxRecordTextBytes) {
        diags.error(Location{file, 0, 0},
                    "the article is longer than 64 MiB; kgraph reads articles up to that size",
                    "split the text into several files");
        return;
      }
    }
    std::string_view body = bytes;
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);  // offsets count after it
    if (const auto bad = first_bad_byte(body, file)) {
      diags.error(
          bad->first, bad->second + "; the article is not read",
          "kgraph reads articles as UTF-8; convert the file (e.g. iconv -f LATIN1 -t UTF-8)");
      return;
    }
    const bool html =
        is_html_name(file_name) || (!is_markdown_name(file_name) &&
                                    !ends_with_nocase(file_name, ".txt") && looks_like_html(body));
    const ArticleText article =
        html ? read_html_article(body, file, diags)
             : read_text_article(body, file, is_markdown_name(file_name), diags);
    std::shared_ptr<const ArticleGazetteer> gazetteer = options.gazetteer;
    if (!gazetteer) {
      // Without a gazetteer the article looks for what the builder holds so far. Articles
      // are read after the other inputs, on the builder's own thread, so the sink is the
      // builder itself here.
      auto made = std::make_shared<ArticleGazetteer>();
      if (const auto* graph = dynamic_cast<const GraphBuilder*>(&builder))
        made->add(graph->named_entities(), ArticleGazetteer::Origin::graph);
      gazetteer = std::move(made);
    }
    if (gazetteer->size() == 0)
      diags.warning(Location{file, 0, 0},
                    "no entities are known to look for in this article: it becomes a source and "
                    "a publication without mentions",
                    "give the files of the graph as inputs too, or --gazetteer FILE");
    add_article(article, article_ids(article, file_name), *gazetteer, options.co_mentions, file,
                builder);
  }
};

}  // namespace

std::unique_ptr<Importer> make_article_importer() { return std::make_unique<ArticleImporter>(); }

}  // namespace kgraph
