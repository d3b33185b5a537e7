#pragma once
/// Sentence boundaries of an article, by ICU's BreakIterator (English rules with the usual
/// abbreviations kept inside sentences, so that "U.S. Consulate" is not two sentences). A single
/// line break inside a paragraph does not end a sentence (wrapped text); a blank line does, and
/// so does the end of a title or heading line followed by a blank line.

#include <cstddef>
#include <string_view>
#include <vector>

namespace kgraph {

/// Where each sentence starts, in code points of `text` (valid UTF-8), from 0; the last
/// sentence ends at the end of the text. Empty for an empty text.
std::vector<std::size_t> sentence_starts(std::string_view text);

/// The index in `starts` of the sentence holding code point `at`.
std::size_t sentence_of(const std::vector<std::size_t>& starts, std::size_t at);

}  // namespace kgraph
