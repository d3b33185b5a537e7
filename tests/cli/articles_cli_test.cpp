// Articles through the kgraph command (cli/input_session.cpp): read after every other input
// whatever the argument order, --gazetteer and --co-mentions, standard input with
// --input-format text, and directory walks that leave articles out.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::run_kgraph;
using test::write_file;

const std::string kGraph = R"({"actors": [
  {"id": "qin-gang", "name": "Qin Gang"},
  {"id": "mfa", "name": "Ministry of Foreign Affairs", "aliases": ["MFA"]}]})";

TEST(ArticlesCli, ReadAfterTheOtherInputsWhateverTheOrder) {
  const fs::path d = test::make_temp_dir();
  write_file(d / "graph.json", kGraph);
  write_file(d / "note.txt", "Briefing\n\nThe MFA said Qin Gang spoke.\n");
  const auto first = run_kgraph({"build", (d / "note.txt").string(), (d / "graph.json").string(),
                                 "-o", (d / "a.json").string()});
  ASSERT_EQ(first.status, 0) << first.err;
  const auto second = run_kgraph({"build", (d / "graph.json").string(), (d / "note.txt").string(),
                                  "-o", (d / "b.json").string()});
  ASSERT_EQ(second.status, 0) << second.err;
  const std::string a = read_file(d / "a.json");
  EXPECT_EQ(a, read_file(d / "b.json"));
  EXPECT_NE(a.find(R"({"from":"mfa","type":"mentioned_in","to":"publication:note")"),
            std::string::npos)
      << a;
  EXPECT_NE(a.find(R"("offsets":"23-31")"), std::string::npos) << a;  // Qin Gang
}

TEST(ArticlesCli, GazetteerAndCoMentions) {
  const fs::path d = test::make_temp_dir();
  write_file(d / "names.json", kGraph);
  write_file(d / "note.md", "# Briefing\n\nThe MFA said Qin Gang spoke.\n");
  const auto r =
      run_kgraph({"build", (d / "note.md").string(), "--gazetteer", (d / "names.json").string(),
                  "--co-mentions", "-o", (d / "g.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string g = read_file(d / "g.json");
  // Only the named entities enter the graph, with their names, and the pair is co-mentioned.
  EXPECT_NE(g.find(R"({"id":"qin-gang","name":"Qin Gang"})"), std::string::npos) << g;
  EXPECT_NE(
      g.find(
          R"({"from":"mfa","type":"co_mentioned","to":"qin-gang","sources":["article:note"],"count":1)"),
      std::string::npos)
      << g;
}

TEST(ArticlesCli, StandardInputAndDirectoryWalks) {
  const fs::path d = test::make_temp_dir();
  write_file(d / "data" / "graph.json", kGraph);
  write_file(d / "data" / "README.md", "Qin Gang's data.\n");
  const auto walk = run_kgraph({"build", (d / "data").string(), "-o", (d / "w.json").string()});
  ASSERT_EQ(walk.status, 0) << walk.err;
  EXPECT_EQ(read_file(d / "w.json").find("mentioned_in"), std::string::npos);  // README skipped

  const auto piped = run_kgraph({"build", (d / "data").string(), "-", "--input-format", "text",
                                 "-o", (d / "p.json").string()},
                                "<html><body><p>Qin Gang &amp; the MFA</p></body></html>");
  ASSERT_EQ(piped.status, 0) << piped.err;
  const std::string p = read_file(d / "p.json");
  EXPECT_NE(p.find(R"({"from":"qin-gang","type":"mentioned_in","to":"publication:stdin")"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find(R"("offsets":"0-8")"), std::string::npos) << p;
}

TEST(ArticlesCli, ArticlesCannotBeAGazetteer) {
  const fs::path d = test::make_temp_dir();
  write_file(d / "a.txt", "Qin Gang");
  const auto r =
      run_kgraph({"validate", (d / "a.txt").string(), "--gazetteer", (d / "a.txt").string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("articles cannot be a gazetteer"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kgraph
