// Micro-benchmarks of the graph/ building blocks the importers lean on for every field.
//
//   kgraph_micro_bench --benchmark_filter=StringPool

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "graph/partial_date.hpp"
#include "graph/string_pool.hpp"

namespace {

std::vector<std::string> make_ids(std::size_t n) {
  std::vector<std::string> ids;
  ids.reserve(n);
  for (std::size_t i = 0; i < n; ++i) ids.push_back("person-" + std::to_string(i * 7919 % n));
  return ids;
}

/// New strings: the cost of the first sight of each entity id.
void BM_StringPoolInternNew(benchmark::State& state) {
  const auto ids = make_ids(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    kgraph::StringPool pool;
    for (const auto& id : ids) benchmark::DoNotOptimize(pool.intern(id));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_StringPoolInternNew)->Arg(1 << 10)->Arg(1 << 20);

/// Strings already interned: the cost of every relation endpoint after the entity was seen.
void BM_StringPoolInternExisting(benchmark::State& state) {
  const auto ids = make_ids(static_cast<std::size_t>(state.range(0)));
  kgraph::StringPool pool;
  for (const auto& id : ids) pool.intern(id);
  for (auto _ : state)
    for (const auto& id : ids) benchmark::DoNotOptimize(pool.intern(id));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_StringPoolInternExisting)->Arg(1 << 10)->Arg(1 << 20);

void BM_PartialDateParse(benchmark::State& state) {
  const std::vector<std::string> dates = {"2006",       "2006-09",    "2006-09-19", "1951",
                                          "2004-02-29", "2006-13-01", "19 Sept",    "1995-12"};
  for (auto _ : state)
    for (const auto& d : dates) benchmark::DoNotOptimize(kgraph::parse_partial_date(d));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(dates.size()));
}
BENCHMARK(BM_PartialDateParse);

}  // namespace

BENCHMARK_MAIN();
