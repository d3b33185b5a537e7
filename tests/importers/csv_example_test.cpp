// The article's example as CSV files (examples/north-korean-refugees-2006/csv/) holds the same
// facts as its JSON document: both give byte-identical GraphML and canonical JSON.
// When graph.json changes, regenerate the CSV files with
//   python3 examples/json_to_csv.py examples/north-korean-refugees-2006/graph.json
//       examples/north-korean-refugees-2006/csv

#include <gtest/gtest.h>

#include "graph/graph_view.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

const char* const kRegenerate =
    "; if graph.json changed, run python3 examples/json_to_csv.py "
    "examples/north-korean-refugees-2006/graph.json "
    "examples/north-korean-refugees-2006/csv";

std::vector<test::InputText> csv_inputs() {
  std::vector<test::InputText> inputs;
  for (const char* name : {"sources", "actors", "laws", "events", "places", "relations"}) {
    const std::string file = std::string(name) + ".csv";
    inputs.emplace_back(
        file,
        test::read_file(test::source_path("examples/north-korean-refugees-2006/csv/" + file)));
  }
  return inputs;
}

TEST(CsvExample, SameGraphAsTheJsonDocument) {
  const std::string json =
      test::read_file(test::source_path("examples/north-korean-refugees-2006/graph.json"));
  test::BuildResult from_json = test::build_from({{"graph.json", json}});
  test::BuildResult from_csv = test::build_from(csv_inputs());
  ASSERT_TRUE(from_json.graph) << testing::PrintToString(from_json.messages());
  ASSERT_TRUE(from_csv.graph) << testing::PrintToString(from_csv.messages());
  EXPECT_TRUE(from_csv.messages().empty()) << testing::PrintToString(from_csv.messages());
  const GraphView a(*from_json.graph), b(*from_csv.graph);
  for (const char* format : {"graphml", "json"})
    EXPECT_EQ(test::export_to_string(a, format), test::export_to_string(b, format))
        << format << kRegenerate;
}

TEST(CsvExample, SameFilesThroughTheCommandLine) {
  const auto dir = test::make_temp_dir();
  const std::string example = test::source_path("examples/north-korean-refugees-2006").string();
  const test::RunResult json =
      test::run_kgraph({"build", example + "/graph.json", "-o", (dir / "a.graphml").string(), "-o",
                        (dir / "a.json").string()});
  ASSERT_EQ(json.status, 0) << json.err;
  // The CSV folder as a directory input: every .csv below it, the section from each name.
  const test::RunResult csv =
      test::run_kgraph({"build", example + "/csv", "-o", (dir / "b.graphml").string(), "-o",
                        (dir / "b.json").string()});
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(csv.err, "");
  EXPECT_EQ(test::read_file(dir / "a.graphml"), test::read_file(dir / "b.graphml")) << kRegenerate;
  EXPECT_EQ(test::read_file(dir / "a.json"), test::read_file(dir / "b.json")) << kRegenerate;
}

TEST(CsvExample, TreatyStatusThroughTheMappingOption) {
  const auto dir = test::make_temp_dir();
  const std::string example = test::source_path("examples/treaty-status").string();
  const test::RunResult r = test::run_kgraph({"build", "--mapping", example + "/mapping.json",
                                              example + "/refugee-convention-status.csv", "-o",
                                              (dir / "treaty.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string out = test::read_file(dir / "treaty.json");
  EXPECT_NE(out.find("\"id\":\"government-netherlands-kingdom-of-the\""), std::string::npos);
  EXPECT_NE(
      out.find(
          "\"from\":\"government-china\",\"type\":\"party_to\",\"to\":\"refugee-convention-1951\""),
      std::string::npos)
      << out;

  // Together with the article: one Convention, and `validate --duplicates` points at the two Chinas.
  const test::RunResult both = test::run_kgraph(
      {"validate", "--duplicates", "--json", "--mapping", example + "/mapping.json",
       example + "/refugee-convention-status.csv",
       test::source_path("examples/north-korean-refugees-2006/graph.json").string()});
  ASSERT_EQ(both.status, 0) << both.err;
  EXPECT_NE(both.out.find("\"id\": \"country-china\""), std::string::npos) << both.out;
}

TEST(CsvExample, MappingErrorsStopTheBuild) {
  const auto dir = test::make_temp_dir();
  test::write_file(
      dir / "map.json",
      "{\"entities\": {\"a\": {\"type\": \"actr\", \"id\": \"{x}\", \"name\": \"{x}\"}}}\n");
  test::write_file(dir / "t.csv", "x\ny\n");
  const test::RunResult r =
      test::run_kgraph({"build", "--mapping", (dir / "map.json").string(), (dir / "t.csv").string(),
                        "-o", (dir / "out.json").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, (dir / "map.json").string() +
                       ":1:29: error: unknown entity type \"actr\"; did you mean \"actor\"?; the "
                       "types are actor, law, "
                       "event, place (a subtype is a \"kind\")\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "out.json"));
}

}  // namespace
}  // namespace kgraph
