#pragma once
/// What an article adds to the graph (docs/inputs.md, "Articles"): a source, an event of kind
/// `publication` standing for it, a `mentioned_in` relation from every known entity it names to
/// that event (offsets and sentences), and on request `co_mentioned` relations between the
/// entities named in one sentence.

#include <cstdint>
#include <string>

#include "graph/graph_builder.hpp"
#include "importers/article_gazetteer.hpp"
#include "importers/article_text.hpp"

namespace kgraph {

/// The longest quote kept from one sentence, in bytes: a "sentence" of a text without
/// punctuation may be the whole text.
inline constexpr std::size_t kMaxQuoteBytes = 2000;

/// The most entities one sentence may name and still give quotes and co-mentions: a sentence
/// naming n makes n(n-1)/2 relations and n copies of itself, and a long list of names without a
/// full stop is no sentence.
inline constexpr std::size_t kMaxCoMentionedPerSentence = 50;

struct ArticleIds {
  std::string source;       // `article:NAME`
  std::string publication;  // `publication:NAME`
};

/// The ids of an article: NAME is the front matter's `id`, else the file's name without its
/// folders and extensions (`<stdin>`: `stdin`).
ArticleIds article_ids(const ArticleText& article, std::string_view file_name);

/// Matches the article against `gazetteer` and adds its records to `builder`.
void add_article(const ArticleText& article, const ArticleIds& ids,
                 const ArticleGazetteer& gazetteer, bool co_mentions, std::uint32_t file,
                 RecordSink& builder);

}  // namespace kgraph
