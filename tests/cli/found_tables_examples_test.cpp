// The examples of tables as found (issue #13), built by the kgraph binary as a user would, and
// checked against counts the test computes from the tables itself.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(line);
  while (std::getline(in, item, sep)) out.push_back(item);
  if (!line.empty() && line.back() == sep) out.emplace_back();
  return out;
}

std::map<std::string, int> relation_counts(const KnowledgeGraph& g) {
  std::map<std::string, int> n;
  for (const Relation& r : g.relations()) ++n[std::string(g.str(r.type))];
  return n;
}

/// Builds `inputs` through `mapping` into JSON and reads the JSON back.
KnowledgeGraph build(const std::string& mapping, const std::string& inputs) {
  const fs::path out = test::make_temp_dir() / "graph.json";
  const test::RunResult r =
      test::run_kgraph({"build", "--mapping", test::source_path(mapping).string(),
                        test::source_path(inputs).string(), "-o", "json:" + out.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return test::graph_from_file(out);
}

TEST(FoundTablesExamples, UnTreatyTablesOneMappingForTheFolder) {
  const KnowledgeGraph g =
      build("examples/un-treaty-tables/mapping.json", "examples/un-treaty-tables/tables");
  // Expected from the tables: one `signed` per row whose signatory flag is 1, one `party_to`
  // per row whose state-party flag is 1, one treaty per file.
  int signed_rows = 0, party_rows = 0, files = 0;
  for (const auto& f :
       fs::directory_iterator(test::source_path("examples/un-treaty-tables/tables"))) {
    ++files;
    std::ifstream in(f.path());
    std::string line;
    std::getline(in, line);
    ASSERT_EQ(line.substr(0, 54), "iso2,member,state party,year ratification or accession");
    while (std::getline(in, line)) {
      const auto cells = split(line, ',');
      ASSERT_GE(cells.size(), 6u);
      signed_rows += cells[4] == "1";
      party_rows += cells[2] == "1";
    }
  }
  const auto n = relation_counts(g);
  EXPECT_EQ(n.at("signed"), signed_rows);
  EXPECT_EQ(n.at("party_to"), party_rows);
  int treaties = 0;
  for (const Entity& e : g.entities()) treaties += e.type == EntityType::law;
  EXPECT_EQ(treaties, files);
  // The treaty is named from its file name through the lookup; party_to is dated by year.
  bool found = false;
  for (const Relation& r : g.relations()) {
    const Entity& to = g.entities()[r.to];
    if (g.str(r.type) == "party_to" && g.str(to.id) == "cat" &&
        g.str(g.entities()[r.from].id) == "government-republic-of-korea") {
      found = true;
      EXPECT_EQ(r.start.to_string(), "1995");
      EXPECT_EQ(g.str(r.role), "Accession");
      EXPECT_EQ(g.str(to.name),
                "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or "
                "Punishment");
    }
  }
  EXPECT_TRUE(found);
}

TEST(FoundTablesExamples, GdeltEventsHeaderlessTabSeparatedWithCameoLookups) {
  const KnowledgeGraph g = build("examples/gdelt/mapping.json", "examples/gdelt/events");
  // CAMEO codes and descriptions, read here from the lookup file the mapping names.
  std::map<std::string, std::string> cameo;
  std::ifstream codes(test::source_path("examples/gdelt/CAMEO.eventcodes.txt"));
  for (std::string line; std::getline(codes, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto cells = split(line, '\t');
    if (cells.size() == 2) cameo[cells[0]] = cells[1];
  }
  std::map<std::string, std::string> expected_names;  // event id -> CAMEO description
  std::ifstream rows(test::source_path("examples/gdelt/events/20061003.export.CSV"));
  int n_rows = 0;
  for (std::string line; std::getline(rows, line); ++n_rows) {
    const auto cells = split(line, '\t');
    ASSERT_EQ(cells.size(), 58u);  // GDELT 1.0's columns
    expected_names["gdelt-" + cells[0]] = cameo.at(cells[26]);
  }
  std::map<std::string, std::string> names;
  for (const Entity& e : g.entities())
    if (e.type == EntityType::event) names[std::string(g.str(e.id))] = std::string(g.str(e.name));
  EXPECT_EQ(names, expected_names);
  const auto n = relation_counts(g);
  EXPECT_EQ(n.at("participated_in"), 2 * n_rows);
  EXPECT_EQ(n.at("occurred_in"), n_rows);
  EXPECT_EQ(g.sources().size(), static_cast<std::size_t>(n_rows) + 1);  // articles + GDELT
}

}  // namespace
}  // namespace kgraph
