#include "exporters/xml_text.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph::xml {
namespace {

std::string escaped(std::string_view s) {
  std::string out;
  const TextCheck check = append_escaped(out, s);
  EXPECT_TRUE(check.ok()) << describe(check, s);
  return out;
}

struct EscapeCase {
  std::string_view in;
  std::string_view out;
};

TEST(XmlText, EscapesExactly) {
  const EscapeCase cases[] = {
      {"", ""},
      {"plain text", "plain text"},
      {"a&b", "a&amp;b"},
      {"<tag attr=\"v\">", "&lt;tag attr=&quot;v&quot;&gt;"},
      {"]]>", "]]&gt;"},
      {"&amp;", "&amp;amp;"},
      {"it's", "it's"},
      {"tab\there", "tab&#9;here"},
      {"a\nb\r\nc\rd", "a&#10;b&#13;&#10;c&#13;d"},
      {"one space", "one space"},
      {"  two  spaces  ", "&#32;&#32;two &#32;spaces &#32;"},
      {" ", "&#32;"},
      {"back\\slash", "back\\slash"},
      {"del\x7f", "del&#127;"},
      {"c1 \xc2\x80 \xc2\x85 \xc2\x9f", "c1 &#128; &#133; &#159;"},
      {"nbsp \xc2\xa0", "nbsp \xc2\xa0"},
      {"\xe4\xb8\xad\xe6\x96\x87", "\xe4\xb8\xad\xe6\x96\x87"},            // 中文
      {"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"},                            // U+1F600
      {"\xe2\x80\xae rtl \xe2\x80\x8f", "\xe2\x80\xae rtl \xe2\x80\x8f"},  // U+202E, U+200F
      {"e\xcc\x81", "e\xcc\x81"},                                          // combining acute
      {"\xef\xbf\xbd", "\xef\xbf\xbd"},                                    // U+FFFD is fine
      {"\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf"},                            // U+10FFFF
  };
  for (const auto& c : cases) EXPECT_EQ(escaped(c.in), c.out) << "input: " << c.in;
}

TEST(XmlText, ElementTextKeepsTrailingSpacesInCdata) {
  const EscapeCase cases[] = {
      {"", ""},
      {"a b", "a b"},
      {"a ", "a<![CDATA[ ]]>"},
      {"  lead and  trail  ", "&#32;&#32;lead and &#32;trail<![CDATA[  ]]>"},
      {"   ", "<![CDATA[   ]]>"},
      {"x\t ", "x&#9;<![CDATA[ ]]>"},
      {"<& ", "&lt;&amp;<![CDATA[ ]]>"},
  };
  for (const auto& c : cases) {
    std::string out;
    EXPECT_TRUE(append_element_text(out, c.in).ok());
    EXPECT_EQ(out, c.out) << "input: " << c.in;
  }
  std::string out;
  EXPECT_EQ(append_element_text(out, "\x01 ").problem, TextProblem::control_character);
}

TEST(XmlText, AppendsToWhatIsThere) {
  std::string out = "<data>";
  EXPECT_TRUE(append_escaped(out, "x<y").ok());
  EXPECT_EQ(out, "<data>x&lt;y");
}

struct BadCase {
  std::string_view in;
  TextProblem problem;
  std::size_t offset;
  std::string_view message;
};

TEST(XmlText, ReportsWhatXmlCannotCarry) {
  using namespace std::string_view_literals;
  const BadCase cases[] = {
      {"a\0b"sv, TextProblem::control_character, 1,
       "contains the control character U+0000 at byte 1, which XML 1.0 cannot carry"},
      {"ab\x01", TextProblem::control_character, 2,
       "contains the control character U+0001 at byte 2, which XML 1.0 cannot carry"},
      {"\x0b", TextProblem::control_character, 0,
       "contains the control character U+000B at byte 0, which XML 1.0 cannot carry"},
      {"\x1f", TextProblem::control_character, 0,
       "contains the control character U+001F at byte 0, which XML 1.0 cannot carry"},
      {"x\xef\xbf\xbe", TextProblem::noncharacter, 1,
       "contains the noncharacter U+FFFE at byte 1, which XML 1.0 cannot carry"},
      {"\xef\xbf\xbf", TextProblem::noncharacter, 0,
       "contains the noncharacter U+FFFF at byte 0, which XML 1.0 cannot carry"},
      {"\xff", TextProblem::invalid_utf8, 0,
       "is not valid UTF-8 (byte 0xFF at byte 0), which XML 1.0 cannot carry"},
      {"\x80", TextProblem::invalid_utf8, 0,
       "is not valid UTF-8 (byte 0x80 at byte 0), which XML 1.0 cannot carry"},
      {"\xc0\xaf", TextProblem::invalid_utf8, 0,
       "is not valid UTF-8 (byte 0xC0 at byte 0), which XML 1.0 cannot carry"},
      {"\xe0\x80\xaf", TextProblem::invalid_utf8, 0,
       "is not valid UTF-8 (byte 0xE0 at byte 0), which XML 1.0 cannot carry"},
      {"\xed\xa0\x80", TextProblem::invalid_utf8, 0,
       "is not valid UTF-8 (byte 0xED at byte 0), which XML 1.0 cannot carry"},
      {"\xf4\x90\x80\x80", TextProblem::invalid_utf8, 0,
       "is not valid UTF-8 (byte 0xF4 at byte 0), which XML 1.0 cannot carry"},
      {"ok\xe4\xb8", TextProblem::invalid_utf8, 2,
       "is not valid UTF-8 (byte 0xE4 at byte 2), which XML 1.0 cannot carry"},
  };
  for (const auto& c : cases) {
    std::string out;
    const TextCheck check = append_escaped(out, c.in);
    EXPECT_EQ(check.problem, c.problem) << "input #" << (&c - cases);
    EXPECT_EQ(check.offset, c.offset) << "input #" << (&c - cases);
    EXPECT_EQ(describe(check, c.in), c.message);
    EXPECT_EQ(check_text(c.in).problem, c.problem);
  }
}

TEST(XmlText, CheckAgreesWithAppend) {
  EXPECT_TRUE(check_text("a&b\t\n\r\xf0\x9f\x98\x80").ok());
  EXPECT_FALSE(check_text("\x02").ok());
}

// Long texts go through a fast path sixteen bytes at a time; each must come out as the rules
// say, character by character, wherever the characters fall against those sixteen bytes.
TEST(XmlText, LongTextsEscapeAsCharacterByCharacter) {
  struct Piece {
    std::string_view in, out;
    TextProblem problem = TextProblem::none;
  };
  const std::vector<Piece> pieces = {
      {"a", "a"},
      {"Z", "Z"},
      {"~", "~"},
      {"!", "!"},
      {" ", ""},
      {"&", "&amp;"},
      {"<", "&lt;"},
      {">", "&gt;"},
      {"\"", "&quot;"},
      {"'", "'"},
      {"\t", "&#9;"},
      {"\n", "&#10;"},
      {"\r", "&#13;"},
      {"\x7f", "&#127;"},
      {"\xc2\x85", "&#133;"},
      {"\xc3\xa9", "\xc3\xa9"},                  // é
      {"\xe4\xb8\xad", "\xe4\xb8\xad"},          // 中
      {"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"},  // U+1F600
      {"\x01", "", TextProblem::control_character},
      {"\xef\xbf\xbe", "", TextProblem::noncharacter},
  };
  std::mt19937 random(20261207);
  for (int round = 0; round < 3000; ++round) {
    std::string in, expected;
    TextCheck expected_check;
    const int length = static_cast<int>(random() % 80);
    const bool may_fail = round % 4 == 0;
    for (int i = 0; i < length; ++i) {
      // Mostly plain letters and single spaces, as in real text, so that runs get long.
      const std::size_t k = random() % 4 != 0 ? random() % 5 : random() % pieces.size();
      const Piece& piece = pieces[k];
      if (piece.problem != TextProblem::none && !may_fail) continue;
      if (piece.problem != TextProblem::none && expected_check.ok())
        expected_check = {piece.problem, in.size()};
      if (expected_check.ok()) {
        if (piece.in == " ")
          expected += (in.empty() || in.back() == ' ') ? "&#32;" : " ";
        else
          expected += piece.out;
      }
      in += piece.in;
    }
    std::string out = "kept:";
    const TextCheck check = append_escaped(out, in);
    EXPECT_EQ(check.problem, expected_check.problem) << in;
    EXPECT_EQ(check.offset, expected_check.offset) << in;
    EXPECT_EQ(out, "kept:" + expected) << in;
    EXPECT_EQ(check_text(in).problem, expected_check.problem) << in;
  }
}

}  // namespace
}  // namespace kgraph::xml
