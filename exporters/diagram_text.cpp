#include "exporters/diagram_text.hpp"

#include <cstdint>

#include "exporters/diagram_style.hpp"

namespace kgraph::diagram::text {
namespace {

constexpr std::size_t kNameWidth = 26;  // columns per line of an entity name
constexpr std::size_t kNameLines = 4;
constexpr std::size_t kEdgeWidth = 24;
constexpr std::size_t kClusterWidth = 40;
constexpr std::string_view kCaptionSize = "8.5";

/// Decodes UTF-8, calling f(code point, byte length); malformed bytes give U+FFFD, one byte.
template <typename F>
void for_each_code_point(std::string_view s, F f) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = 0xFFFD;
    std::size_t len = 1;
    auto cont = [&](std::size_t k) {
      return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    };
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]) & 0x3Fu; };
    if (b0 < 0x80) {
      cp = b0;
    } else if (b0 >= 0xC2 && b0 < 0xE0 && cont(1)) {
      cp = ((b0 & 0x1Fu) << 6) | at(1);
      len = 2;
    } else if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2)) {
      const std::uint32_t c = ((b0 & 0x0Fu) << 12) | (at(1) << 6) | at(2);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) cp = c, len = 3;
    } else if (b0 >= 0xF0 && b0 < 0xF5 && cont(1) && cont(2) && cont(3)) {
      const std::uint32_t c = ((b0 & 0x07u) << 18) | (at(1) << 12) | (at(2) << 6) | at(3);
      if (c >= 0x10000 && c <= 0x10FFFF) cp = c, len = 4;
    }
    f(cp, s.substr(i, len), len);
    i += len;
  }
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_wide(std::uint32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_combining(std::uint32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F);
}

/// Han ideographs, kana and CJK punctuation: text in these scripts may break between any two
/// characters. (Korean separates words with spaces, so Hangul is not listed.)
bool breaks_anywhere(std::uint32_t c) {
  return (c >= 0x2E80 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x3FFFD);
}

/// Columns a character takes: none for combining marks, two for East Asian wide ones.
std::size_t columns(std::uint32_t c) { return is_combining(c) ? 0 : is_wide(c) ? 2 : 1; }

/// An escString with each backslash as `backslash`, `&` as an entity, LF as `\n`.
std::string esc_string(std::string_view s, std::string_view backslash) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '\\':
        out += backslash;
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// The lines of `s` wrapped, joined by LF.
std::string wrapped(std::string_view s, std::size_t width, std::size_t max_lines) {
  std::string out;
  for (const std::string& line : wrap(s, width, max_lines)) out += (out.empty() ? "" : "\n") + line;
  return out;
}

}  // namespace

std::string sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool after_cr = false;
  for_each_code_point(s, [&](std::uint32_t cp, std::string_view bytes, std::size_t) {
    const bool was_cr = after_cr;
    after_cr = cp == '\r';
    if (cp == '\n' && was_cr) return;  // CR LF: the CR already broke the line
    if (cp == '\r' || cp == '\n' || cp == 0x2028 || cp == 0x2029) {
      out += '\n';
    } else if (cp == '\t') {
      out += ' ';
    } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF ||
               cp == 0xFFFD) {  // U+FFFD is also what malformed bytes decode to
      append_utf8(out, 0xFFFD);
    } else {
      out += bytes;
    }
  });
  return out;
}

std::vector<std::string> wrap(std::string_view s, std::size_t width, std::size_t max_lines) {
  std::vector<std::string> lines;
  bool cut = false;
  std::string line;
  std::size_t line_cols = 0;
  std::string word;  // pending word (not yet placed)
  std::size_t word_cols = 0;
  bool space_before = false;  // a space separates `word` from `line`

  auto push_line = [&] {
    if (lines.size() == max_lines) {
      cut = true;
    } else {
      lines.push_back(line);
    }
    line.clear();
    line_cols = 0;
  };
  auto place_word = [&] {
    if (word.empty()) return;
    const std::size_t sep = (space_before && !line.empty()) ? 1 : 0;
    if (!line.empty() && line_cols + sep + word_cols > width) {
      push_line();
    } else if (sep) {
      line += ' ';
      line_cols += 1;
    }
    if (word_cols <= width || !line.empty()) {
      line += word;
      line_cols += word_cols;
    } else {
      // A word longer than a line: split it at character boundaries.
      for_each_code_point(word, [&](std::uint32_t cp, std::string_view bytes, std::size_t) {
        const std::size_t c = columns(cp);
        if (c && line_cols + c > width && !line.empty()) push_line();
        line += bytes;
        line_cols += c;
      });
    }
    word.clear();
    word_cols = 0;
    space_before = false;
  };

  for_each_code_point(s, [&](std::uint32_t cp, std::string_view bytes, std::size_t) {
    if (cut) return;
    if (cp == '\n') {
      place_word();
      push_line();
      space_before = false;
    } else if (cp == ' ') {
      place_word();
      space_before = true;
    } else if (breaks_anywhere(cp)) {
      place_word();  // a break may come before and after such a character
      word.assign(bytes);
      word_cols = columns(cp);
      place_word();
    } else {
      word += bytes;
      word_cols += columns(cp);
    }
  });
  if (!cut) place_word();
  if (!cut && (!line.empty() || lines.empty())) push_line();
  if (cut && !lines.empty()) lines.back() += "\u2026";
  return lines;
}

std::string label_text(std::string_view s) { return esc_string(s, "\\\\"); }

std::string tooltip_text(std::string_view s) { return esc_string(s, "\\\\\\\\"); }

std::string html_text(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\\':
        out += "\\\\";
        break;  // Graphviz expands \N, \G, ... in HTML-like labels too
      default:
        out += c;
    }
  }
  return out;
}

std::string node_name(std::string_view id) {
  std::string out;
  for (char c : sanitize(id)) {
    if (c == '\n') {
      out += ' ';
      continue;
    }
    out += c;
    if (c == '\\') out += '\\';
  }
  return out;
}

std::string node_label(std::string_view name, std::string_view caption) {
  std::string html;
  for (const std::string& line : wrap(name, kNameWidth, kNameLines)) {
    if (!html.empty()) html += "<BR/>";
    html += html_text(line);
  }
  html += "<BR/><FONT POINT-SIZE=\"" + std::string(kCaptionSize) + "\" COLOR=\"" +
          std::string(kCaptionColour) + "\">" + html_text(caption) + "</FONT>";
  return html;
}

std::string edge_label(std::string_view label, std::string_view role) {
  std::string text;
  for (const std::string& l : wrap(label, kEdgeWidth, 2)) text += (text.empty() ? "" : "\n") + l;
  if (!role.empty())
    for (const std::string& l : wrap(std::string("(").append(role).append(")"), kEdgeWidth, 2))
      text += "\n" + l;
  return label_text(text);
}

std::string cluster_label(std::string_view name) {
  return label_text(wrapped(name, kClusterWidth, 2));
}

}  // namespace kgraph::diagram::text
