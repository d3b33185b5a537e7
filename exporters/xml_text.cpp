#include "exporters/xml_text.hpp"

#include <array>
#include <cstdio>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kgraph::xml {
namespace {

// What to do with a byte seen where a character starts.
enum ByteClass : std::uint8_t {
  kCopy,       // ASCII that needs nothing
  kEscape,     // ASCII written as a reference
  kSpace,      // a literal space unless it starts the text or follows a space
  kForbidden,  // C0 control XML 1.0 cannot carry
  kLead2,      // first byte of a 2-byte sequence
  kLead3,
  kLead4,
  kInvalid,  // continuation byte, overlong lead (C0, C1) or F5..FF
};

constexpr std::array<std::uint8_t, 256> make_classes() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = kForbidden;
  t['\t'] = t['\n'] = t['\r'] = kEscape;
  t['&'] = t['<'] = t['>'] = t['"'] = kEscape;
  t[0x7F] = kEscape;
  t[' '] = kSpace;
  for (int c = 0x80; c < 0xC2; ++c) t[c] = kInvalid;
  for (int c = 0xC2; c < 0xE0; ++c) t[c] = kLead2;
  for (int c = 0xE0; c < 0xF0; ++c) t[c] = kLead3;
  for (int c = 0xF0; c < 0xF5; ++c) t[c] = kLead4;
  for (int c = 0xF5; c < 0x100; ++c) t[c] = kInvalid;
  return t;
}
constexpr std::array<std::uint8_t, 256> kClasses = make_classes();

std::string_view ascii_reference(unsigned char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\t':
      return "&#9;";
    case '\n':
      return "&#10;";
    case '\r':
      return "&#13;";
    default:
      return "&#127;";  // DEL
  }
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The first byte from `p` on that is not plain ASCII to copy as it is (kCopy, or a space that
// neither starts the text nor follows a space), or `end`. Sixteen bytes at a time: most text
// (ids, names, quotes) is long runs of such bytes, and the loop below takes one at a time.
const unsigned char* skip_plain(const unsigned char* begin, const unsigned char* p,
                                const unsigned char* end) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed bytes: 0x80..0xFF are negative, so "below '!'" takes them with the controls and
    // the space.
    __m128i special = _mm_cmplt_epi8(v, _mm_set1_epi8('!'));
    special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
    special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8('&')));
    special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
    special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
    special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, space)));
    const unsigned after_space = (spaces << 1) | ((p == begin || p[-1] == ' ') ? 1u : 0u);
    const unsigned stop =
        ((static_cast<unsigned>(_mm_movemask_epi8(special)) & ~spaces) | (spaces & after_space)) &
        0xFFFFu;
    if (stop != 0) return p + __builtin_ctz(stop);
    p += 16;
  }
#endif
  for (; p < end; ++p) {
    const std::uint8_t c = kClasses[*p];
    if (c == kCopy) continue;
    if (c == kSpace && p != begin && p[-1] != ' ') continue;
    break;
  }
  return p;
}

// Scans (and, when `out` is given, escapes) `text`. With `cdata_tail`, trailing spaces are
// written as a CDATA section.
template <class Out>
TextCheck scan(Out* out, std::string_view text, bool cdata_tail) {
  std::size_t body = text.size();
  if (cdata_tail)
    while (body > 0 && text[body - 1] == ' ') --body;
  const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = begin + body;
  const auto* p = begin;
  const auto* run = begin;  // start of bytes not yet appended
  auto flush = [&](const unsigned char* upto) {
    if (out && upto != run)
      out->append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(upto - run));
  };
  auto fail = [&](TextProblem problem) {
    flush(p);
    return TextCheck{problem, static_cast<std::size_t>(p - begin)};
  };
  while (p < end) {
    p = skip_plain(begin, p, end);
    if (p == end) break;
    const unsigned char c = *p;
    // skip_plain stopped here, so the byte is not plain: kCopy cannot come, and a space is one
    // that starts the text or follows a space.
    switch (kClasses[c]) {
      case kCopy:
        ++p;
        continue;
      case kEscape:
        flush(p);
        if (out) out->append(ascii_reference(c));
        run = ++p;
        continue;
      case kSpace:
        flush(p);
        if (out) out->append("&#32;");
        run = ++p;
        continue;
      case kForbidden:
        return fail(TextProblem::control_character);
      case kInvalid:
        return fail(TextProblem::invalid_utf8);
      case kLead2: {
        if (end - p < 2 || !is_continuation(p[1])) return fail(TextProblem::invalid_utf8);
        if (c == 0xC2 && p[1] < 0xA0) {  // U+0080..U+009F: C1 controls
          flush(p);
          if (out) {
            char ref[8];
            const int n = std::snprintf(ref, sizeof ref, "&#%u;", static_cast<unsigned>(p[1]));
            out->append(ref, static_cast<std::size_t>(n));
          }
          run = p + 2;
        }
        p += 2;
        continue;
      }
      case kLead3: {
        if (end - p < 3 || !is_continuation(p[1]) || !is_continuation(p[2]))
          return fail(TextProblem::invalid_utf8);
        if (c == 0xE0 && p[1] < 0xA0) return fail(TextProblem::invalid_utf8);   // overlong
        if (c == 0xED && p[1] >= 0xA0) return fail(TextProblem::invalid_utf8);  // surrogate
        if (c == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
          return fail(TextProblem::noncharacter);
        p += 3;
        continue;
      }
      case kLead4: {
        if (end - p < 4 || !is_continuation(p[1]) || !is_continuation(p[2]) ||
            !is_continuation(p[3]))
          return fail(TextProblem::invalid_utf8);
        if (c == 0xF0 && p[1] < 0x90) return fail(TextProblem::invalid_utf8);   // overlong
        if (c == 0xF4 && p[1] >= 0x90) return fail(TextProblem::invalid_utf8);  // beyond U+10FFFF
        p += 4;
        continue;
      }
    }
  }
  flush(end);
  if (out && body < text.size()) {
    out->append("<![CDATA[");
    out->append(text.size() - body, ' ');
    out->append("]]>");
  }
  return {};
}

}  // namespace

TextCheck append_escaped(std::string& out, std::string_view text) {
  return scan(&out, text, false);
}

TextCheck append_element_text(std::string& out, std::string_view text) {
  return scan(&out, text, true);
}

TextCheck append_element_text(TextBuffer& out, std::string_view text) {
  return scan(&out, text, true);
}

TextCheck check_text(std::string_view text) { return scan<std::string>(nullptr, text, false); }

std::string describe(const TextCheck& check, std::string_view text) {
  char buf[96];
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned>(static_cast<unsigned char>(text[i]));
  };
  switch (check.problem) {
    case TextProblem::none:
      return "is valid XML text";
    case TextProblem::control_character:
      std::snprintf(buf, sizeof buf, "contains the control character U+%04X at byte %zu",
                    byte(check.offset), check.offset);
      break;
    case TextProblem::noncharacter:
      std::snprintf(buf, sizeof buf, "contains the noncharacter U+FFF%c at byte %zu",
                    byte(check.offset + 2) == 0xBE ? 'E' : 'F', check.offset);
      break;
    case TextProblem::invalid_utf8:
      std::snprintf(buf, sizeof buf, "is not valid UTF-8 (byte 0x%02X at byte %zu)",
                    byte(check.offset), check.offset);
      break;
  }
  return std::string(buf) + ", which XML 1.0 cannot carry";
}

}  // namespace kgraph::xml
