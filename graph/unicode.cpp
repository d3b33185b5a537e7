#include "graph/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace kgraph {
namespace {

const icu::Normalizer2& instance(const icu::Normalizer2* (*get)(UErrorCode&)) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = get(status);
  if (U_FAILURE(status) || !n)
    throw std::runtime_error(std::string("ICU normalizer unavailable: ") + u_errorName(status));
  return *n;
}

/// NFKD, then without combining marks, then NFKC_Casefold.
icu::UnicodeString folded(std::string_view text) {
  static const icu::Normalizer2& nfkd = instance(&icu::Normalizer2::getNFKDInstance);
  static const icu::Normalizer2& fold = instance(&icu::Normalizer2::getNFKCCasefoldInstance);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed =
      nfkd.normalize(icu::UnicodeString::fromUTF8(
                         icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                     status);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    i += U16_LENGTH(c);
  }
  icu::UnicodeString out = fold.normalize(bare, status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU normalization failed: ") + u_errorName(status));
  return out;
}

bool is_punctuation_or_space(UChar32 c) {
  const std::int32_t mask = U_GET_GC_MASK(c);
  return (mask & (U_GC_P_MASK | U_GC_Z_MASK | U_GC_CC_MASK | U_GC_CF_MASK)) != 0 ||
         u_isUWhiteSpace(c);
}

}  // namespace

std::string match_key(std::string_view text) {
  const icu::UnicodeString f = folded(text);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < f.length();) {
    const UChar32 c = f.char32At(i);
    if (!is_punctuation_or_space(c)) kept.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::string slug(std::string_view text) {
  const icu::UnicodeString f = folded(text);
  icu::UnicodeString kept;
  bool gap = false;
  for (int32_t i = 0; i < f.length();) {
    const UChar32 c = f.char32At(i);
    i += U16_LENGTH(c);
    const std::int32_t mask = U_GET_GC_MASK(c);
    if ((mask & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0) {
      if (gap && !kept.isEmpty()) kept.append(UChar32{'-'});
      gap = false;
      kept.append(c);
    } else {
      gap = true;
    }
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace kgraph
