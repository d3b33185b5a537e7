// Replays, through the fuzz entry points, every saved finding (tests/fuzz/regressions/TARGET/*)
// and every seed file that targets.txt names: each must run to its end, with no crash, no
// sanitizer report (in a KGRAPH_SANITIZE build) and no exception.

#include <fnmatch.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_entries.hpp"
#include "support/test_support.hpp"

namespace kgraph::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kFuzzDir = fs::path(KGRAPH_SOURCE_DIR) / "tests" / "fuzz";

/// One line of targets.txt.
struct TargetLine {
  std::string name;
  std::string dictionary;
  std::vector<std::string> seed_patterns;
};

std::vector<TargetLine> read_targets_file() {
  std::ifstream in(kFuzzDir / "targets.txt");
  std::vector<TargetLine> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    std::istringstream words(line);
    TargetLine t;
    words >> t.name >> t.dictionary;
    for (std::string p; words >> p;) t.seed_patterns.push_back(p);
    out.push_back(std::move(t));
  }
  return out;
}

/// The files matching a seed pattern, as scripts/fuzz.sh finds them: `*` matches slashes too.
std::vector<fs::path> files_matching(const std::string& pattern) {
  const std::string root = pattern.substr(0, pattern.find_first_of("*?["));
  const fs::path walk = fs::path(KGRAPH_SOURCE_DIR) / root.substr(0, root.rfind('/'));
  std::vector<fs::path> out;
  if (!fs::is_directory(walk)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(walk)) {
    if (!entry.is_regular_file()) continue;
    const std::string relative =
        entry.path().lexically_relative(KGRAPH_SOURCE_DIR).generic_string();
    if (::fnmatch(pattern.c_str(), relative.c_str(), 0) == 0) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> seed_files(const TargetLine& t) {
  std::vector<fs::path> out;
  for (const std::string& p : t.seed_patterns)
    for (fs::path& f : files_matching(p)) out.push_back(std::move(f));
  return out;
}

std::vector<fs::path> saved_findings(std::string_view target) {
  const fs::path dir = kFuzzDir / "regressions" / std::string(target);
  std::vector<fs::path> out;
  if (fs::is_directory(dir))
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.is_regular_file()) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(FuzzTargets, TargetsFileListsEveryEntryPointInOrder) {
  std::vector<std::string> listed, compiled;
  for (const TargetLine& t : read_targets_file()) listed.push_back(t.name);
  for (const Target& t : targets()) compiled.emplace_back(t.name);
  EXPECT_EQ(listed, compiled);
}

TEST(FuzzTargets, EveryTargetHasSeedsAndAnExistingDictionary) {
  for (const TargetLine& t : read_targets_file()) {
    EXPECT_TRUE(fs::is_regular_file(kFuzzDir / "dictionaries" / t.dictionary))
        << t.name << ": " << t.dictionary;
    EXPECT_GE(seed_files(t).size(), 2u) << t.name;
  }
}

TEST(FuzzTargets, EveryRegressionFolderNamesATarget) {
  if (!fs::is_directory(kFuzzDir / "regressions")) return;
  for (const auto& entry : fs::directory_iterator(kFuzzDir / "regressions")) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory()) continue;
    EXPECT_TRUE(std::any_of(targets().begin(), targets().end(),
                            [&](const Target& t) { return t.name == name; }))
        << "tests/fuzz/regressions/" << name << " names no fuzz target";
  }
}

class FuzzReplay : public testing::TestWithParam<Target> {};

TEST_P(FuzzReplay, SavedFindingsAndSeedsRunToTheEnd) {
  const Target target = GetParam();
  std::vector<fs::path> inputs = saved_findings(target.name);
  for (const TargetLine& t : read_targets_file())
    if (t.name == target.name)
      for (fs::path& f : seed_files(t)) inputs.push_back(std::move(f));
  ASSERT_FALSE(inputs.empty());
  for (const fs::path& input : inputs) {
    SCOPED_TRACE(input.lexically_relative(KGRAPH_SOURCE_DIR).generic_string());
    const std::string bytes = test::read_file(input);
    EXPECT_NO_THROW(target.entry(bytes));
  }
}

INSTANTIATE_TEST_SUITE_P(EveryTarget, FuzzReplay,
                         testing::ValuesIn(targets().begin(), targets().end()),
                         [](const testing::TestParamInfo<Target>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace kgraph::fuzz
