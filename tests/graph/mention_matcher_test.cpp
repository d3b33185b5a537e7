// The name matcher behind articles (issue #12): each case lists the names, a text, and the
// mentions expected as "name@begin-end" (the name as added, offsets in code points); every
// expected offset is also checked by slicing the text.
#include "graph/mention_matcher.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kgraph {
namespace {

using Strings = std::vector<std::string>;

/// The code points [begin, end) of UTF-8 `text`.
std::string slice(const std::string& text, std::size_t begin, std::size_t end) {
  std::string out;
  std::size_t index = 0;
  for (std::size_t i = 0; i < text.size(); ++index) {
    std::size_t length = 1;
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xF0)
      length = 4;
    else if (lead >= 0xE0)
      length = 3;
    else if (lead >= 0xC0)
      length = 2;
    if (index >= begin && index < end) out += text.substr(i, length);
    i += length;
  }
  return out;
}

struct Case {
  const char* what;
  Strings names;
  std::string text;
  Strings expected;  // "text as written@begin-end"
};

TEST(MentionMatcher, FindsNamesAsAReaderWould) {
  const std::vector<Case> cases = {
      {"a name at the start and at the end",
       {"China"},
       "China and China",
       {"China@0-5", "China@10-15"}},
      {"leftmost-longest: the longer name wins, the shorter is not also found",
       {"China", "Commission on China"},
       "the Commission on China met China",
       {"Commission on China@4-23", "China@28-33"}},
      {"case and accents do not matter",
       {"Zürich", "UNHCR"},
       "ZURICH and zürich and Unhcr",
       {"ZURICH@0-6", "zürich@11-17", "Unhcr@22-27"}},
      {"possessives keep the name; plurals take their s",
       {"North Korea", "Korea"},
       "North Korea's envoy, North Korea’s border, the two Koreas",
       {"North Korea@0-11", "North Korea@21-32", "Koreas@51-57"}},
      {"only whole words", {"Kor", "Korea"}, "Korean Kor", {"Kor@7-10"}},
      {"line breaks and runs of spaces read as one space",
       {"Qin Gang"},
       "said Qin\n  Gang.",
       {"Qin\n  Gang@5-15"}},
      {"offsets count code points across multi-byte characters",
       {"Qin Gang"},
       "Ünïcödé — 秦刚 Qin Gang",
       {"Qin Gang@13-21"}},
      {"CJK names match inside CJK text, without spaces",
       {"中国", "北韩"},
       "中国外交部发言人说北韩人",
       {"中国@0-2", "北韩@9-11"}},
      {"Korean with its particles", {"북한"}, "북한의 주민", {"북한@0-2"}},
      {"a Latin name next to CJK text", {"UNHCR"}, "联合国难民署UNHCR表示", {"UNHCR@6-11"}},
      {"punctuation inside a name",
       {"Article 33(1)"},
       "under Article 33(1), and",
       {"Article 33(1)@6-19"}},
      {"no name, no mention", {"Seoul"}, "Seoulite", {}},
  };
  for (const Case& c : cases) {
    MentionMatcher m;
    std::vector<std::string> names;
    for (const std::string& n : c.names) {
      const std::uint32_t id = m.add(n);
      ASSERT_NE(id, MentionMatcher::kNone) << n;
      if (names.size() <= id) names.resize(id + 1);
      names[id] = n;
    }
    Strings found;
    for (const Mention& x : m.find(c.text))
      found.push_back(slice(c.text, x.begin, x.end) + "@" + std::to_string(x.begin) + "-" +
                      std::to_string(x.end));
    EXPECT_EQ(found, c.expected) << c.what;
  }
}

TEST(MentionMatcher, NamesEqualOnceFoldedShareANumber) {
  MentionMatcher m;
  const std::uint32_t a = m.add("Côte d'Ivoire");
  EXPECT_EQ(m.add("COTE D’IVOIRE"), a);
  EXPECT_EQ(m.add("  Côte   d'Ivoire "), a);
  EXPECT_NE(m.add("Ivoire"), a);
  EXPECT_EQ(m.add("   "), MentionMatcher::kNone);
  EXPECT_EQ(m.add(""), MentionMatcher::kNone);
}

TEST(MentionMatcher, MalformedUtf8CountsOneCodePointPerBadByte) {
  MentionMatcher m;
  m.add("Seoul");
  const std::vector<Mention> found = m.find("\xff\xfe Seoul");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 3u);
  EXPECT_EQ(found[0].end, 8u);
}

}  // namespace
}  // namespace kgraph
