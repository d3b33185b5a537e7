#include "exporters/diagram_text.hpp"

#include <gtest/gtest.h>

namespace kgraph {
namespace {

using diagram::text::cluster_label;
using diagram::text::edge_label;
using diagram::text::html_text;
using diagram::text::label_text;
using diagram::text::node_label;
using diagram::text::node_name;
using diagram::text::sanitize;
using diagram::text::tooltip_text;
using diagram::text::wrap;
using Lines = std::vector<std::string>;

TEST(DiagramText, SanitizeKeepsTextAndReplacesWhatCannotBeShown) {
  EXPECT_EQ(sanitize("plain 平壤 평양 مرحبا 😀"), "plain 平壤 평양 مرحبا 😀");
  EXPECT_EQ(sanitize("a\r\nb\rc\nd\te"), "a\nb\nc\nd e");
  EXPECT_EQ(sanitize(std::string("nul\0x", 5)), "nul\uFFFDx");
  EXPECT_EQ(sanitize("\x01\x7f\xc2\x85"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(sanitize("bad \xff\xc3 utf8 \xed\xa0\x80"), "bad \uFFFD\uFFFD utf8 \uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(sanitize("\xef\xbf\xbe"), "\uFFFD");
}

TEST(DiagramText, WrapBreaksAtSpaces) {
  EXPECT_EQ(wrap("Ministry of Foreign Affairs of the People's Republic of China", 26, 4),
            (Lines{"Ministry of Foreign", "Affairs of the People's", "Republic of China"}));
  EXPECT_EQ(wrap("short", 26, 4), (Lines{"short"}));
  EXPECT_EQ(wrap("", 26, 4), (Lines{""}));
}

TEST(DiagramText, WrapKeepsLineBreaksAndCutsWithAnEllipsis) {
  EXPECT_EQ(wrap("one\ntwo", 26, 4), (Lines{"one", "two"}));
  EXPECT_EQ(wrap("a b c d e f", 3, 2), (Lines{"a b", "c d\u2026"}));
}

TEST(DiagramText, WrapSplitsLongWordsAndCjkButNotHangulWords) {
  EXPECT_EQ(wrap("abcdefghij", 4, 4), (Lines{"abcd", "efgh", "ij"}));
  // Han characters are two columns wide and may break anywhere.
  EXPECT_EQ(wrap("中华人民共和国外交部", 8, 4), (Lines{"中华人民", "共和国外", "交部"}));
  // Korean breaks at spaces.
  EXPECT_EQ(wrap("조선민주주의인민공화국 정부", 26, 4), (Lines{"조선민주주의인민공화국", "정부"}));
  // Combining marks take no column and stay with their letter.
  EXPECT_EQ(wrap("e\u0301e\u0301e\u0301", 2, 4), (Lines{"e\u0301e\u0301", "e\u0301"}));
}

TEST(DiagramText, LabelTextDoublesBackslashesAndEscapesEntities) {
  EXPECT_EQ(label_text(R"(C:\new \N \l)"), R"(C:\\new \\N \\l)");
  EXPECT_EQ(label_text("a & b\nc \"q\""), "a &amp; b\\nc \"q\"");
  EXPECT_EQ(label_text("ends\\"), "ends\\\\");
}

TEST(DiagramText, TooltipTextQuadruplesBackslashes) {
  EXPECT_EQ(tooltip_text(R"(C:\new \N \l)"), R"(C:\\\\new \\\\N \\\\l)");
  EXPECT_EQ(tooltip_text("a & b\nc \"q\""), "a &amp; b\\nc \"q\"");
  EXPECT_EQ(tooltip_text("ends\\"), "ends\\\\\\\\");
}

TEST(DiagramText, HtmlTextEscapesMarkup) {
  EXPECT_EQ(html_text(R"(<b>"x" & 'y'</b> \N)"),
            R"(&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt; \\N)");
}

TEST(DiagramText, NodeNameDoublesBackslashesAndFlattensLines) {
  EXPECT_EQ(node_name("plain-id"), "plain-id");
  EXPECT_EQ(node_name("trail\\"), "trail\\\\");
  EXPECT_EQ(node_name("back\\\"slash"), "back\\\\\"slash");
  EXPECT_EQ(node_name("two\nlines\r\nhere"), "two lines here");
  // One to one: distinct ids stay distinct.
  EXPECT_NE(node_name("a\\\\"), node_name("a\\"));
}

TEST(DiagramText, NodeLabelWrapsTheNameOverAnEscapedCaption) {
  EXPECT_EQ(node_label("Ministry of Foreign Affairs of the People's Republic of China",
                       "Government body"),
            "Ministry of Foreign<BR/>Affairs of the People&#39;s<BR/>Republic of China<BR/>"
            "<FONT POINT-SIZE=\"8.5\" COLOR=\"#4d4d4d\">Government body</FONT>");
  EXPECT_EQ(
      node_label("a <b> \\N", "x & \\L"),
      "a &lt;b&gt; \\\\N<BR/><FONT POINT-SIZE=\"8.5\" COLOR=\"#4d4d4d\">x &amp; \\\\L</FONT>");
}

TEST(DiagramText, EdgeLabelPutsTheRoleInParenthesesUnderTheLabel) {
  EXPECT_EQ(edge_label("spokesperson of", ""), "spokesperson of");
  EXPECT_EQ(edge_label("participated in", "spokesman"), "participated in\\n(spokesman)");
  EXPECT_EQ(edge_label("related to", "role with \\ and \"quotes\" & <tags>"),
            "related to\\n(role with \\\\ and\\n\"quotes\" &amp; <tags>)");
}

TEST(DiagramText, ClusterLabelWrapsAtFortyColumnsInTwoLines) {
  EXPECT_EQ(cluster_label("Shenyang"), "Shenyang");
  EXPECT_EQ(
      cluster_label("Democratic People's Republic of Korea, North Hamgyong Province, Hoeryong"),
      "Democratic People's Republic of Korea,\\nNorth Hamgyong Province, Hoeryong");
  EXPECT_EQ(cluster_label("C:\\ & \\N"), "C:\\\\ &amp; \\\\N");
}

}  // namespace
}  // namespace kgraph
