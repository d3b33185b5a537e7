// Articles, stage by stage (docs/performance.md, "Articles end to end"): MB/s of the sentence
// breaks, the date scan, and the whole import of one article (matching, quotes, records, the
// builder) with a gazetteer of 12 and of 100,000 names, on the text of kgraph_mention_bench
// cut into paragraphs.
//
//   kgraph_article_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "graph/graph_builder.hpp"
#include "importers/article_dates.hpp"
#include "importers/article_gazetteer.hpp"
#include "importers/article_sentences.hpp"
#include "importers/importer.hpp"

namespace {

/// Names like "North Korea 17", as in mention_bench.cpp.
std::vector<std::string> make_names(std::size_t n) {
  const char* const first[] = {"North", "South",    "United", "Central",    "Eastern", "Western",
                               "Royal", "National", "Free",   "Democratic", "New",     "Old"};
  const char* const second[] = {"Korea", "China", "Ministry", "Council", "Party", "Union",
                                "Army",  "Bank",  "Court",    "League",  "Front", "Alliance"};
  std::vector<std::string> names;
  names.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    names.push_back(std::string(first[i % 12]) + " " + second[(i / 12) % 12] + " " +
                    std::to_string(i));
  return names;
}

/// About 4 MB: sentences of twelve words and a possessive mention, ten to a paragraph, and a
/// date every fifth sentence.
std::string make_text(const std::vector<std::string>& names) {
  const char* const words[] = {"the",   "said", "on",        "refugees", "government",
                               "of",    "a",    "spokesman", "in",       "border",
                               "talks", "with", "and",       "to"};
  std::mt19937 random(7);
  std::string text = "A day of talks\n\nSeptember 19, 2006\n\n";
  for (int sentence = 1; text.size() < (std::size_t{4} << 20); ++sentence) {
    text += "The";
    for (int w = 0; w < 11; ++w) text.append(" ").append(words[random() % 14]);
    text += " " + names[random() % std::min<std::size_t>(names.size(), 1000)] + "'s envoy said";
    text += sentence % 5 == 0 ? " on Sept. 19." : ".";
    text += sentence % 10 == 0 ? "\n\n" : " ";
  }
  return text;
}

const std::string& text_of(std::size_t names) {
  static std::string small = make_text(make_names(12));
  static std::string large = make_text(make_names(100000));
  return names <= 12 ? small : large;
}

void BM_Sentences(benchmark::State& state) {
  const std::string& text = text_of(100000);
  for (auto _ : state) benchmark::DoNotOptimize(kgraph::sentence_starts(text).data());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Sentences)->Unit(benchmark::kMillisecond);

void BM_Dates(benchmark::State& state) {
  const std::string& text = text_of(100000);
  for (auto _ : state) benchmark::DoNotOptimize(kgraph::find_dates(text, 2006).data());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Dates)->Unit(benchmark::kMillisecond);

/// One article read by the `text` importer into a fresh builder, the gazetteer made once.
void BM_ArticleImport(benchmark::State& state) {
  const auto count = static_cast<std::size_t>(state.range(0));
  const std::string& text = text_of(count);
  std::vector<kgraph::NamedEntity> entities;
  const std::vector<std::string> names = make_names(count);
  for (std::size_t i = 0; i < count; ++i)
    entities.push_back({"n" + std::to_string(i), kgraph::EntityType::actor, "", {names[i]}});
  auto gazetteer = std::make_shared<kgraph::ArticleGazetteer>();
  gazetteer->add(std::move(entities), kgraph::ArticleGazetteer::Origin::gazetteer);
  kgraph::ImportOptions options;
  options.gazetteer = gazetteer;
  kgraph::ImporterRegistry importers;
  kgraph::register_builtin_importers(importers);
  const kgraph::Importer& importer = *importers.named("text");
  const kgraph::Schema schema = kgraph::Schema::builtin();
  for (auto _ : state) {
    kgraph::Diagnostics diags;
    kgraph::GraphBuilder builder(schema, diags);
    std::istringstream in(text);
    importer.read(in, diags.add_file("a.txt"), "a.txt", builder, options);
    benchmark::DoNotOptimize(builder.records());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ArticleImport)->Arg(12)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
