#include "exporters/rdf_text.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace kgraph::rdf {
namespace {

// Decodes %XX escapes: the inverse of append_iri_component.
std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct IriCase {
  const char* text;
  const char* component;
};

TEST(RdfText, IriComponentKeepsIunreservedAndEscapesTheRest) {
  const IriCase cases[] = {
      {"qin-gang", "qin-gang"},
      {"A_b.c~9", "A_b.c~9"},
      {"a b", "a%20b"},
      {"a/b\\c", "a%2Fb%5Cc"},
      {"a%20b", "a%2520b"},
      {"#?&=+:;@!$'()*,", "%23%3F%26%3D%2B%3A%3B%40%21%24%27%28%29%2A%2C"},
      {"<>\"{}|^`", "%3C%3E%22%7B%7D%7C%5E%60"},
      {"tab\tnl\ncr\r", "tab%09nl%0Acr%0D"},
      {"\x01\x7f", "%01%7F"},
      {".", "%2E"},
      {"..", "%2E%2E"},
      {"...", "..."},
      {"./a", ".%2Fa"},
      {"naïve", "naïve"},                                     // U+00EF: ucschar
      {"\xC2\xA0", "\xC2\xA0"},                               // U+00A0: the first ucschar
      {"\xC2\x85", "%C2%85"},                                 // U+0085: a C1 control
      {"평양 정부", "평양%20정부"},                           // Hangul
      {"emoji😀", "emoji😀"},                                   // U+1F600
      {"rtl\u202Emark", "rtl%E2%80%AEmark"},                  // RIGHT-TO-LEFT OVERRIDE
      {"\u200E\u200F\u2066", "%E2%80%8E%E2%80%8F%E2%81%A6"},  // bidi marks and isolates
      {"\u200D", "\u200D"},                                   // ZERO WIDTH JOINER: allowed
      {"\uE000", "%EE%80%80"},                                // private use
      {"\uFDD0", "%EF%B7%90"},                                // noncharacter
      {"\uFFFD", "%EF%BF%BD"},                                // U+FFF0..FFFD: specials, not ucschar
      {"\xEF\xBF\xBE", "%EF%BF%BE"},                          // U+FFFE
      {"\xF0\x9F\xBF\xBE", "%F0%9F%BF%BE"},                   // U+1FFFE
      {"\xF3\xA0\x80\x81", "%F3%A0%80%81"},                   // U+E0001: tag character, not ucschar
      {"\xF3\xA1\x80\x80", "\xF3\xA1\x80\x80"},               // U+E1000: ucschar again
      {"\xFF", "%FF"},                                        // malformed UTF-8: byte by byte
      {"a\xC3", "a%C3"},                                      // truncated sequence
      {"\xED\xA0\x80", "%ED%A0%80"},                          // encoded surrogate
      {"\xC0\xAF", "%C0%AF"},                                 // overlong
      {"", ""},
  };
  for (const IriCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(iri_component(c.text), c.component);
    EXPECT_EQ(percent_decode(iri_component(c.text)), c.text);
  }
}

TEST(RdfText, IriComponentIsInjective) {
  const std::vector<std::string> texts = {"a b", "a%20b",  "a%2520b", "a+b",    "a_b",  "a.b",
                                          ".",   "%2E",    "..",      "%2E%2E", "a/b",  "a%2Fb",
                                          "ä",   "%C3%A4", "a\xC3",   "a%C3",   "x.2E", "x%2E"};
  std::set<std::string> seen;
  for (const std::string& t : texts) EXPECT_TRUE(seen.insert(iri_component(t)).second) << t;
}

TEST(RdfText, IriComponentNeverContainsCharactersNTriplesForbids) {
  std::string all;
  for (int c = 1; c < 256; ++c) all += static_cast<char>(c);
  const std::string component = iri_component(all);
  for (char ch : component) {
    const auto c = static_cast<unsigned char>(ch);
    EXPECT_GT(c, 0x20);
    EXPECT_EQ(std::string("<>\"{}|^`\\/#?").find(ch), std::string::npos) << ch;
  }
}

TEST(RdfText, SimpleLocalNames) {
  EXPECT_TRUE(is_simple_local_name("qin-gang"));
  EXPECT_TRUE(is_simple_local_name("_under"));
  EXPECT_TRUE(is_simple_local_name("123"));
  EXPECT_TRUE(is_simple_local_name("a-"));
  EXPECT_FALSE(is_simple_local_name(""));
  EXPECT_FALSE(is_simple_local_name("-lead"));
  EXPECT_FALSE(is_simple_local_name("a.b"));  // allowed in Turtle, but not at the end: kept simple
  EXPECT_FALSE(is_simple_local_name("a%20b"));
  EXPECT_FALSE(is_simple_local_name("naïve"));
  EXPECT_FALSE(is_simple_local_name("a~b"));
}

TEST(RdfText, BaseIriChecks) {
  EXPECT_EQ(check_base_iri("https://kgraph.example/id/"), "");
  EXPECT_EQ(check_base_iri("urn:x-kgraph:"), "");
  EXPECT_EQ(check_base_iri("http://example.org/graph#"), "");
  EXPECT_EQ(check_base_iri("https://example.org/ä/"), "");
  EXPECT_EQ(check_base_iri(""), "is empty");
  EXPECT_NE(check_base_iri("example.org/id/"), "");
  EXPECT_NE(check_base_iri("1http://x/"), "");
  EXPECT_NE(check_base_iri("http://example.org/a b/"), "");
  EXPECT_NE(check_base_iri("http://example.org/<x>/"), "");
  EXPECT_NE(check_base_iri("http://example.org/\\"), "");
  EXPECT_NE(check_base_iri("http://example.org/\xFF"), "");
  EXPECT_EQ(check_base_iri("http://a b"),
            "contains the character U+0020 at byte 8, not allowed in an IRI");
}

struct LiteralCase {
  std::string text;
  std::string literal;
};

TEST(RdfText, StringLiteralEscapes) {
  const LiteralCase cases[] = {
      {"plain", "\"plain\""},
      {"", "\"\""},
      {"say \"hi\"", "\"say \\\"hi\\\"\""},
      {"back\\slash", "\"back\\\\slash\""},
      {"a\nb\rc\td", "\"a\\nb\\rc\\td\""},
      {std::string("nul\0x", 5), "\"nul\\u0000x\""},
      {"\x01\x08\x0B\x0C\x1F\x7F", "\"\\u0001\\u0008\\u000B\\u000C\\u001F\\u007F\""},
      {"C1 \xC2\x85 kept", "\"C1 \xC2\x85 kept\""},
      {"emoji 😀 𝕏", "\"emoji 😀 𝕏\""},
      {"RTL \u202Eabc", "\"RTL \u202Eabc\""},
      {"\xEF\xBF\xBE", "\"\xEF\xBF\xBE\""},  // U+FFFE is a character RDF allows
      {"<&>'", "\"<&>'\""},
      {"\\u0041", "\"\\\\u0041\""},
  };
  for (const LiteralCase& c : cases) {
    SCOPED_TRACE(c.text);
    std::string out;
    EXPECT_TRUE(append_string_literal(out, c.text).ok());
    EXPECT_EQ(out, c.literal);
  }
}

TEST(RdfText, StringLiteralReportsMalformedUtf8) {
  std::string out;
  const TextCheck check = append_string_literal(out, "ok\xFFno");
  EXPECT_FALSE(check.ok());
  EXPECT_EQ(check.offset, 2u);
  EXPECT_EQ(describe(check, "ok\xFFno"), "is not valid UTF-8 (byte 0xFF at byte 2)");
  for (const char* bad : {"\xC3", "\xED\xA0\x80", "\xC0\x80", "\xF4\x90\x80\x80", "\x80"}) {
    std::string o;
    EXPECT_FALSE(append_string_literal(o, bad).ok()) << bad;
  }
}

TEST(RdfText, DateDatatypeFollowsPrecision) {
  EXPECT_EQ(date_datatype(*parse_partial_date("2006")), "gYear");
  EXPECT_EQ(date_datatype(*parse_partial_date("2006-09")), "gYearMonth");
  EXPECT_EQ(date_datatype(*parse_partial_date("2006-09-19")), "date");
  EXPECT_EQ(date_datatype(PartialDate{}), "");
}

}  // namespace
}  // namespace kgraph::rdf
