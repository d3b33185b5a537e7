#include "exporters/rdf_text.hpp"

#include <array>
#include <cstdio>

namespace kgraph::rdf {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence at p (1..4) and its code point, or 0 if malformed.
std::size_t decode(const unsigned char* p, const unsigned char* end, char32_t& cp) {
  const unsigned char c = p[0];
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    if (end - p < 2 || !is_continuation(p[1])) return 0;
    cp = (char32_t{c} & 0x1F) << 6 | (p[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (end - p < 3 || !is_continuation(p[1]) || !is_continuation(p[2])) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    cp = (char32_t{c} & 0x0F) << 12 | char32_t{p[1] & 0x3Fu} << 6 | (p[2] & 0x3F);
    return 3;
  }
  if (c < 0xF5) {
    if (end - p < 4 || !is_continuation(p[1]) || !is_continuation(p[2]) || !is_continuation(p[3]))
      return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // beyond U+10FFFF
    cp = (char32_t{c} & 0x07) << 18 | char32_t{p[1] & 0x3Fu} << 12 | char32_t{p[2] & 0x3Fu} << 6 |
         (p[3] & 0x3F);
    return 4;
  }
  return 0;
}

bool is_bidi_format(char32_t cp) {
  return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

// RFC 3987 ucschar, less the bidi formatting characters.
bool is_kept_ucschar(char32_t cp) {
  if (cp >= 0xA0 && cp <= 0xD7FF) return !is_bidi_format(cp);
  if ((cp >= 0xF900 && cp <= 0xFDCF) || (cp >= 0xFDF0 && cp <= 0xFFEF)) return true;
  if (cp < 0x10000 || cp > 0xEFFFD) return false;
  if ((cp & 0xFFFF) > 0xFFFD) return false;  // U+xFFFE, U+xFFFF: noncharacters
  return cp < 0xE0000 || cp >= 0xE1000;
}

constexpr std::array<bool, 128> make_unreserved() {
  std::array<bool, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  t['-'] = t['.'] = t['_'] = t['~'] = true;
  return t;
}
constexpr std::array<bool, 128> kUnreserved = make_unreserved();

// 0: copy; 1: escape as ECHAR/UCHAR; 2: start of a multi-byte sequence, to check.
constexpr std::array<std::uint8_t, 256> make_literal_classes() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 1;
  t['"'] = t['\\'] = t[0x7F] = 1;
  for (int c = 0x80; c < 0x100; ++c) t[c] = 2;
  return t;
}
constexpr std::array<std::uint8_t, 256> kLiteralClasses = make_literal_classes();

}  // namespace

void append_iri_component(std::string& out, std::string_view text) {
  // `.` and `..` alone are dot segments, which IRI resolution would remove.
  if (text == "." || text == "..") {
    out += text.size() == 1 ? "%2E" : "%2E%2E";
    return;
  }
  const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = begin + text.size();
  const auto* p = begin;
  const auto* run = begin;
  auto flush = [&] {
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
  };
  auto escape_byte = [&](unsigned char c) {
    out += '%';
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  };
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      if (kUnreserved[c]) {
        ++p;
        continue;
      }
      flush();
      escape_byte(c);
      run = ++p;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = decode(p, end, cp);
    if (n != 0 && is_kept_ucschar(cp)) {
      p += n;
      continue;
    }
    // Malformed bytes are escaped one at a time; a whole sequence otherwise.
    flush();
    const std::size_t k = n == 0 ? 1 : n;
    for (std::size_t i = 0; i < k; ++i) escape_byte(p[i]);
    p += k;
    run = p;
  }
  flush();
}

std::string iri_component(std::string_view text) {
  std::string out;
  append_iri_component(out, text);
  return out;
}

bool is_simple_local_name(std::string_view s) {
  if (s.empty() || s[0] == '-') return false;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string check_base_iri(std::string_view base) {
  if (base.empty()) return "is empty";
  std::size_t colon = base.find(':');
  const auto alpha = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  bool scheme_ok =
      colon != std::string_view::npos && colon > 0 && alpha(static_cast<unsigned char>(base[0]));
  for (std::size_t i = 1; scheme_ok && i < colon; ++i) {
    const auto c = static_cast<unsigned char>(base[i]);
    scheme_ok = alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  }
  if (!scheme_ok) return "is not an absolute IRI (it must start with a scheme such as https:)";
  for (std::size_t i = 0; i < base.size(); ++i) {
    const auto c = static_cast<unsigned char>(base[i]);
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
        c == '|' || c == '^' || c == '`' || c == '\\') {
      char buf[96];
      std::snprintf(buf, sizeof buf,
                    "contains the character U+%04X at byte %zu, not allowed in an IRI", c, i);
      return buf;
    }
  }
  const auto* b = reinterpret_cast<const unsigned char*>(base.data());
  for (const auto* p = b; p < b + base.size();) {
    char32_t cp = 0;
    const std::size_t n = decode(p, b + base.size(), cp);
    if (n == 0) return "is not valid UTF-8";
    p += n;
  }
  return {};
}

TextCheck append_string_literal(std::string& out, std::string_view text) {
  const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = begin + text.size();
  const auto* p = begin;
  const auto* run = begin;
  auto flush = [&] {
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
  };
  out += '"';
  while (p < end) {
    const unsigned char c = *p;
    switch (kLiteralClasses[c]) {
      case 0:
        ++p;
        continue;
      case 1:
        flush();
        switch (c) {
          case '"':
            out += "\\\"";
            break;
          case '\\':
            out += "\\\\";
            break;
          case '\n':
            out += "\\n";
            break;
          case '\r':
            out += "\\r";
            break;
          case '\t':
            out += "\\t";
            break;
          default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
        run = ++p;
        continue;
      default: {
        char32_t cp = 0;
        const std::size_t n = decode(p, end, cp);
        if (n == 0) {
          flush();
          return {TextProblem::invalid_utf8, static_cast<std::size_t>(p - begin)};
        }
        p += n;
      }
    }
  }
  flush();
  out += '"';
  return {};
}

std::string describe(const TextCheck& check, std::string_view text) {
  if (check.ok()) return "is valid text";
  char buf[80];
  std::snprintf(buf, sizeof buf, "is not valid UTF-8 (byte 0x%02X at byte %zu)",
                static_cast<unsigned>(static_cast<unsigned char>(text[check.offset])),
                check.offset);
  return buf;
}

std::string_view date_datatype(const PartialDate& d) {
  switch (d.precision()) {
    case DatePrecision::day:
      return "date";
    case DatePrecision::month:
      return "gYearMonth";
    case DatePrecision::year:
      return "gYear";
    case DatePrecision::none:
      break;
  }
  return {};
}

}  // namespace kgraph::rdf
