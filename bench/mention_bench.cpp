// Mention matching speed (issue #12): MB/s of article text through MentionMatcher::find with a
// gazetteer of 1,000 and of 100,000 names (target: at least 50 MB/s, the same for both sizes).
//
//   kgraph_mention_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "graph/mention_matcher.hpp"

namespace {

/// Names like "Alder Brook Commission 17": two words from a list, a noun, a number.
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

/// About 4 MB of news-like English with a mention every few sentences, the same for every
/// gazetteer size.
std::string make_text(const std::vector<std::string>& names) {
  const char* const words[] = {"the",   "said", "on",        "refugees", "government",
                               "of",    "a",    "spokesman", "in",       "border",
                               "talks", "with", "and",       "to"};
  std::mt19937 random(7);
  std::string text;
  while (text.size() < (std::size_t{4} << 20)) {
    for (int w = 0; w < 12; ++w) text.append(words[random() % 14]).push_back(' ');
    text += names[random() % std::min<std::size_t>(names.size(), 1000)];
    text += "'s envoy said. ";
  }
  return text;
}

void BM_MentionFind(benchmark::State& state) {
  const auto names = make_names(static_cast<std::size_t>(state.range(0)));
  kgraph::MentionMatcher matcher;
  for (const auto& n : names) matcher.add(n);
  const std::string text = make_text(names);
  std::size_t found = 0;
  for (auto _ : state) {
    const auto mentions = matcher.find(text);
    found = mentions.size();
    benchmark::DoNotOptimize(mentions.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["mentions"] = static_cast<double>(found);
}
BENCHMARK(BM_MentionFind)->Arg(12)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
