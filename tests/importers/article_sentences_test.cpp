// Sentence boundaries of articles, in code points.

#include <gtest/gtest.h>

#include "importers/article_sentences.hpp"

namespace kgraph {
namespace {

std::vector<std::size_t> starts(std::string_view text) { return sentence_starts(text); }

TEST(ArticleSentences, Boundaries) {
  EXPECT_EQ(starts(""), std::vector<std::size_t>{});
  EXPECT_EQ(starts("One. Two."), (std::vector<std::size_t>{0, 5}));
  // Initialisms and ICU's abbreviations end no sentence.
  EXPECT_EQ(starts("He entered the U.S. Consulate. Mr. Qin left."),
            (std::vector<std::size_t>{0, 31}));
  EXPECT_EQ(starts("Professor Tarik M. Radwan wrote."), (std::vector<std::size_t>{0}));
  // A wrapped line goes on; a blank line ends the sentence, as does a title line before one.
  EXPECT_EQ(starts("a wrapped\nline. Next\n\nTitle\n\nBody"),
            (std::vector<std::size_t>{0, 16, 22, 29}));
  // Offsets are code points: "é—" is two, "𝄞" one (two UTF-16 units).
  EXPECT_EQ(starts("\xC3\xA9\xE2\x80\x94\xF0\x9D\x84\x9E. Next."),
            (std::vector<std::size_t>{0, 5}));
}

TEST(ArticleSentences, SentenceOf) {
  const std::vector<std::size_t> s{0, 5, 9};
  EXPECT_EQ(sentence_of(s, 0), 0u);
  EXPECT_EQ(sentence_of(s, 4), 0u);
  EXPECT_EQ(sentence_of(s, 5), 1u);
  EXPECT_EQ(sentence_of(s, 100), 2u);
}

}  // namespace
}  // namespace kgraph
