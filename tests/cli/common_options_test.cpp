// The option parsers several verbs share (cli/common_options.hpp): `--lang`.
#include "cli/common_options.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace kgraph::cli {
namespace {

using Strings = std::vector<std::string>;

TEST(LanguageList, CodesInOrderLowerCasedEachOnce) {
  EXPECT_EQ(language_list("en"), Strings{"en"});
  EXPECT_EQ(language_list("zh,en,ko"), (Strings{"zh", "en", "ko"}));
  EXPECT_EQ(language_list("zh-Hans,EN,en,be-tarask"), (Strings{"zh-hans", "en", "be-tarask"}));
  for (const char* bad : {"", ",", "en,", ",en", "en,,zh", "en zh", "-en", "en;zh", "日本"}) {
    try {
      language_list(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const UsageError& e) {
      EXPECT_EQ(std::string(e.what()),
                "--lang takes language codes separated by commas, such as en,zh,ko; not '" +
                    std::string(bad) + "'");
    }
  }
}

TEST(LanguageList, ReachesTheImportersFromEveryVerbThatReads) {
  const auto dir = test::make_temp_dir();
  test::write_file(dir / "q.wd.json",
                   "[\n{\"type\":\"item\",\"id\":\"Q1\",\"labels\":{\"en\":{\"language\":\"en\","
                   "\"value\":\"Qin Gang\"},\"ko\":{\"language\":\"ko\",\"value\":\"친강\"}},"
                   "\"claims\":{\"P31\":[{\"mainsnak\":{\"snaktype\":\"value\",\"datavalue\":{"
                   "\"value\":{\"id\":\"Q5\"}}}}]}}\n]\n");
  const std::string input = (dir / "q.wd.json").string();
  const auto stats = test::run_kgraph({"stats", input, "--lang", "ko", "--json"});
  EXPECT_EQ(stats.status, 0) << stats.err;
  const auto path = test::run_kgraph({"path", input, "--from", "Q1", "--to", "Q1", "--lang", "ko"});
  EXPECT_NE(path.status, 2) << path.err;
  const auto build =
      test::run_kgraph({"build", input, "--lang", "ko,en", "-o", (dir / "out.json").string()});
  EXPECT_EQ(build.status, 0) << build.err;
  EXPECT_NE(test::read_file(dir / "out.json")
                .find(R"("name":"친강","kind":"person","aliases":["Qin Gang"])"),
            std::string::npos);
  const auto validate = test::run_kgraph({"validate", input, "--lang", "k o"});
  EXPECT_EQ(validate.status, 2);
}

}  // namespace
}  // namespace kgraph::cli
