// The seed article end to end: the example's graph and the CECC article, read as `kgraph build`
// reads them, give a `mentioned_in` relation for every example entity whose name or alias the
// article holds, at offsets that slice the text (in code points) to one of its names.
//
//   kgraph build examples/north-korean-refugees-2006/graph.json
//       examples/north-korean-refugees-2006/article/mfa-north-koreans-2006-10-03.txt -o ...

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <set>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

const char* const kGraph = "examples/north-korean-refugees-2006/graph.json";
const char* const kArticle =
    "examples/north-korean-refugees-2006/article/mfa-north-koreans-2006-10-03.txt";

/// Lower case, as ICU folds it: the test's own, simpler notion of "the same name".
std::u32string folded(std::u32string_view s) {
  std::u32string out;
  for (const char32_t c : s) out += static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), 0));
  return out;
}

std::u32string utf32(std::string_view s) {
  const icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::u32string out;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1))
    out += static_cast<char32_t>(u.char32At(i));
  return out;
}

bool word_char(char32_t c) { return u_isalnum(static_cast<UChar32>(c)) != 0; }

/// Where `name` occurs in `text` between word boundaries, a plural's "s" included (a plain
/// search, not the matcher).
std::vector<std::pair<std::size_t, std::size_t>> occurrences(const std::u32string& text,
                                                             const std::u32string& name) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t at = text.find(name); at != std::u32string::npos; at = text.find(name, at + 1)) {
    std::size_t end = at + name.size();
    if (end < text.size() && text[end] == U's' &&
        (end + 1 == text.size() || !word_char(text[end + 1])))
      ++end;
    if ((at == 0 || !word_char(text[at - 1])) && (end == text.size() || !word_char(text[end])))
      out.emplace_back(at, end);
  }
  return out;
}

class SeedArticle : public testing::Test {
 protected:
  void SetUp() override {
    test::BuildResult r = test::build_from(
        {{"graph.json", test::read_file(test::source_path(kGraph))},
         {"mfa-north-koreans-2006-10-03.txt", test::read_file(test::source_path(kArticle))}});
    for (const std::string& m : r.messages()) ADD_FAILURE() << m;
    ASSERT_TRUE(r.graph);
    graph_ = std::move(*r.graph);
    text_ = folded(utf32(test::read_file(test::source_path(kArticle))));
  }
  std::vector<std::u32string> names_of(const Entity& e) const {
    std::vector<std::u32string> names{folded(utf32(graph_.str(e.name)))};
    for (const StrId a : graph_.list(e.aliases)) names.push_back(folded(utf32(graph_.str(a))));
    return names;
  }
  KnowledgeGraph graph_;
  std::u32string text_;
};

TEST_F(SeedArticle, EveryNamedEntityIsMentionedAtOffsetsThatSliceToItsName) {
  std::map<std::string, const Relation*> mentioned;
  for (const Relation& r : graph_.relations())
    if (graph_.str(r.type) == "mentioned_in") {
      EXPECT_EQ(graph_.str(graph_.entities()[r.to].id), "publication:mfa-north-koreans-2006-10-03");
      mentioned[std::string(graph_.str(graph_.entities()[r.from].id))] = &r;
    }

  // Every occurrence of every name; those inside a longer one are that one's mention
  // (leftmost-longest): "Shenyang" is written only inside "U.S. Consulate General in Shenyang"
  // and "U.S. Consulate in Shenyang", so the city itself is not mentioned.
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> found;
  for (const Entity& e : graph_.entities()) {
    if (graph_.str(e.id).starts_with("publication:")) continue;
    for (const std::u32string& name : names_of(e))
      for (const auto& span : occurrences(text_, name))
        found.emplace_back(span, std::string(graph_.str(e.id)));
  }
  std::set<std::string> expected;
  for (const auto& [this_span, id] : found) {
    const auto& span = this_span;  // clang 14 cannot capture a structured binding
    const bool inside_longer = std::any_of(found.begin(), found.end(), [&](const auto& other) {
      const auto& o = other.first;
      return o.first <= span.first && span.second <= o.second &&
             o.second - o.first > span.second - span.first;
    });
    if (!inside_longer) expected.insert(id);
  }
  std::set<std::string> got;
  for (const auto& [id, r] : mentioned) got.insert(id);
  EXPECT_EQ(got, expected);
  EXPECT_GE(got.size(), 15u);  // the article names most of the example's actors and places

  for (const auto& [id, r] : mentioned) {
    const Entity& e = graph_.entities()[*graph_.find_entity(id)];
    const std::vector<std::u32string> names = names_of(e);
    std::size_t offsets = 0;
    for (const Property& p : graph_.properties_of(*r)) {
      if (graph_.str(p.key) != "offsets") continue;
      for (const Value& v : p.values) {
        const std::string span(graph_.str(v.string));
        const std::size_t begin = std::stoul(span);
        const std::size_t end = std::stoul(span.substr(span.find('-') + 1));
        ASSERT_LE(end, text_.size()) << id << " " << span;
        std::u32string slice = text_.substr(begin, end - begin);
        // A plural's "s" is part of the mention ("North Koreans"); a possessive's is not.
        const bool is_name =
            std::find(names.begin(), names.end(), slice) != names.end() ||
            (slice.ends_with(U's') && std::find(names.begin(), names.end(),
                                                slice.substr(0, slice.size() - 1)) != names.end());
        EXPECT_TRUE(is_name) << id << " at " << span;
        ++offsets;
      }
    }
    EXPECT_GE(offsets, 1u) << id;
  }
}

TEST_F(SeedArticle, PublicationHasTheArticlesTitleDateAndDates) {
  const auto p = graph_.find_entity("publication:mfa-north-koreans-2006-10-03");
  ASSERT_TRUE(p);
  const Entity& e = graph_.entities()[*p];
  EXPECT_EQ(graph_.str(e.name),
            "MFA Spokesman Calls North Koreans in China \"Illegal Migrants\" and \"Not Refugees\"");
  EXPECT_EQ(e.start.to_string(), "2006-10-03");  // the dateline "October 3, 2006"
  std::vector<std::string> dates;
  for (const Property& prop : e.properties)
    if (graph_.str(prop.key) == "dates_mentioned")
      for (const Value& v : prop.values) dates.emplace_back(graph_.str(v.string));
  // "September 19" (twice, the article's year), "April 28, 2004", "October 3, 2006".
  EXPECT_EQ(dates, (std::vector<std::string>{"2004-04-28", "2006-09-19", "2006-10-03"}));
}

}  // namespace
}  // namespace kgraph
