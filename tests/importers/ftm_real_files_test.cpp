// Real FtM files (tests/data/ftm/entities, see SOURCES.txt there) imported, with the counts per
// entity type/kind, relation type, sources, dropped relations and skipped schemata checked
// against counts computed independently by tests/importers/ftm_counts.py (Python's json module
// reading the same file and the same mapping).

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <sstream>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

using Counts = std::map<std::string, std::size_t>;

Counts python_counts(const std::filesystem::path& file) {
  const auto result = test::run_shell(
      "/usr/bin/python3 " + test::shell_quote(test::source_path("tests/importers/ftm_counts.py")) +
      " " + test::shell_quote(test::source_path("importers/assets/ftm_mapping.json")) + " " +
      test::shell_quote(test::source_path("importers/assets/ftm_countries.json")) + " " +
      test::shell_quote(file));
  EXPECT_EQ(result.status, 0) << result.err;
  return test::parse_counts(result.out);
}

Counts kgraph_counts(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  const test::BuildResult r = test::build_from({{name, test::read_file(file)}});
  Counts out;
  out["dropped"] = 0;
  const std::regex dropped(R"(warning: (\d+) relations? dropped)");
  const std::regex skipped(R"re(warning: schema "([^"]+)" is not in the FtM mapping: (\d+) )re");
  const std::regex deleted(R"(warning: (\d+) DEL lines? skipped)");
  for (const std::string& m : r.messages()) {
    std::smatch match;
    if (std::regex_search(m, match, deleted)) {
      out["deleted"] = std::stoul(match[1]);
    } else if (std::regex_search(m, match, dropped)) {
      out["dropped"] = std::stoul(match[1]);
    } else if (std::regex_search(m, match, skipped)) {
      out["skipped " + match[1].str()] = std::stoul(match[2]);
    } else {
      ADD_FAILURE() << m;
    }
  }
  if (!r.graph) return out;
  const KnowledgeGraph& g = *r.graph;
  for (const Entity& e : g.entities())
    ++out["entity " + std::string(type_name(e.type)) + "/" + std::string(g.str(e.kind))];
  for (const Relation& rel : g.relations()) ++out["relation " + std::string(g.str(rel.type))];
  out["sources"] = g.sources().size();
  return out;
}

TEST(FtmRealFiles, CountsAgreeWithAnIndependentCount) {
  std::size_t files = 0;
  for (const std::string& name : test::file_names(test::test_data("ftm/entities"))) {
    const auto file = test::test_data("ftm/entities/" + name);
    ++files;
    const Counts expected = python_counts(file);
    EXPECT_GT(expected.size(), 3u) << name;
    EXPECT_EQ(kgraph_counts(file), expected) << name;
  }
  EXPECT_EQ(files, 4u);
}

TEST(FtmRealFiles, GoldenInputsAgreeToo) {
  for (const char* name : {"holdings.ftm.jsonl", "delta.ftm.json"}) {
    const auto file = test::test_data(std::string("ftm/golden/") + name);
    EXPECT_EQ(kgraph_counts(file), python_counts(file)) << name;
  }
}

TEST(FtmRealFiles, KnownFiguresOfTheAliyevFile) {
  // Figures read off the file by hand (SOURCES.txt: 68 Ownership, 44 Directorship,
  // 39 Membership, 23 UnknownLink, 49 Company, 12 Person), as a check on the check.
  const Counts c = kgraph_counts(test::test_data("ftm/entities/react-ftm_az_alievs.ftm.json"));
  EXPECT_EQ(c.at("entity actor/company"), 49u);
  EXPECT_EQ(c.at("entity actor/person"), 12u);
  EXPECT_EQ(c.at("relation member_of"), 39u);
  EXPECT_EQ(c.at("relation related_to"), 68u + 44u + 23u);
}

}  // namespace
}  // namespace kgraph
