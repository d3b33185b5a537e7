// Merging is order-independent: the same records, shuffled and split into several files, give
// byte-identical outputs; and building the canonical JSON again gives the same bytes.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

using test::read_file;
using test::run_kgraph;
using test::write_file;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

/// The example's records, plus variants that must merge into them: other names (which become
/// aliases), an extra property value, and relations repeated with another source.
std::vector<std::string> example_records_with_variants(const std::filesystem::path& dir) {
  const auto jsonl = dir / "example.jsonl";
  auto r = run_kgraph({"build",
                       test::source_path("examples/north-korean-refugees-2006/graph.json").string(),
                       "-o", jsonl.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<std::string> records = lines_of(read_file(jsonl));
  std::vector<std::string> variants;
  int n = 0;
  for (const std::string& line : records) {
    if (++n % 3 != 0) continue;
    std::string v = line;
    if (auto pos = v.find("\"name\":\""); pos != std::string::npos) {
      v.insert(pos + 8, "Variant ");
      v.insert(v.size() - 1, ",\"merged_from\":\"variant\"");
    } else if (line.find("\"record\":\"relation\"") != std::string::npos) {
      // Two more records of the relation with an id each: merged, it holds both, and the
      // outputs write them as a list, which must read back.
      v.insert(v.size() - 1, ",\"confidence\":0.5,\"id\":\"v" + std::to_string(n) + "\"");
      std::string w = line;
      w.insert(w.size() - 1, ",\"id\":\"w" + std::to_string(n) + "\"");
      variants.push_back(w);
    }
    variants.push_back(v);
  }
  records.insert(records.end(), variants.begin(), variants.end());
  return records;
}

TEST(MergeOrder, ShuffledAndSplitInputsGiveIdenticalOutputs) {
  const auto dir = test::make_temp_dir();
  const std::vector<std::string> records = example_records_with_variants(dir);
  ASSERT_GT(records.size(), 50u);

  std::string first_graphml, first_json;
  for (unsigned seed : {1u, 2u, 3u, 4u}) {
    std::vector<std::string> shuffled = records;
    std::mt19937 rng(seed);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    const auto in = dir / ("in" + std::to_string(seed));
    const std::size_t parts = 1 + seed % 4;
    std::vector<std::string> files(parts);
    for (std::size_t i = 0; i < shuffled.size(); ++i) files[i % parts] += shuffled[i] + "\n";
    for (std::size_t p = 0; p < parts; ++p)
      write_file(in / ("part" + std::to_string(p) + ".jsonl"), files[p]);

    const auto graphml = dir / ("out" + std::to_string(seed) + ".graphml");
    const auto json = dir / ("out" + std::to_string(seed) + ".json");
    auto r = run_kgraph({"build", in.string(), "-o", graphml.string(), "-o", json.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    if (first_graphml.empty()) {
      first_graphml = read_file(graphml);
      first_json = read_file(json);
      EXPECT_NE(first_json.find("\"aliases\":["), std::string::npos);
      EXPECT_NE(first_json.find("\"merged_from\":\"variant\""), std::string::npos);
      continue;
    }
    EXPECT_EQ(read_file(graphml), first_graphml) << "seed " << seed;
    EXPECT_EQ(read_file(json), first_json) << "seed " << seed;
  }
}

TEST(MergeOrder, CanonicalJsonIsAFixedPoint) {
  const auto dir = test::make_temp_dir();
  const std::vector<std::string> records = example_records_with_variants(dir);
  std::string all;
  for (const auto& r : records) all += r + "\n";
  write_file(dir / "a.jsonl", all);
  for (const char* ext : {".json", ".jsonl"}) {
    const auto b = dir / (std::string("b") + ext), c = dir / (std::string("c") + ext);
    ASSERT_EQ(run_kgraph({"build", (dir / "a.jsonl").string(), "-o", b.string()}).status, 0);
    ASSERT_EQ(run_kgraph({"build", b.string(), "-o", c.string()}).status, 0);
    EXPECT_EQ(read_file(b), read_file(c)) << ext;
  }
}

}  // namespace
}  // namespace kgraph
