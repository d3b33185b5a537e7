#pragma once
/// XML 1.0 text escaping shared by the XML exporters (GraphML, GEXF).
///
///   std::string out;
///   if (auto bad = xml::append_element_text(out, text); !bad.ok())
///     throw ExportError("... " + xml::describe(bad, text));

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "exporters/text_buffer.hpp"

namespace kgraph::xml {

/// Why a text cannot be written as XML 1.0.
enum class TextProblem : std::uint8_t {
  none,
  control_character,  // C0 control other than tab, newline, carriage return
  noncharacter,       // U+FFFE or U+FFFF
  invalid_utf8,       // malformed UTF-8, surrogate, overlong form, beyond U+10FFFF
};

/// Result of escaping: the first problem found and its byte offset in the input.
struct TextCheck {
  TextProblem problem = TextProblem::none;
  std::size_t offset = 0;
  bool ok() const { return problem == TextProblem::none; }
};

/// Appends `text` to `out` so that it reads back byte for byte from a double- or single-quoted
/// attribute value: `&`, `<`, `>`, `"` become entity references; tab, newline and carriage
/// return become `&#9;` `&#10;` `&#13;` (so that attribute-value and line-end normalisation
/// cannot change them); DEL and the C1 controls U+0080..U+009F become character references
/// (legal in XML 1.0, but invisible, and illegal raw in XML 1.1); a space that starts the text or
/// follows another space becomes `&#32;` (readers that trim or collapse whitespace, such as
/// Boost's read_graphml, act on literal spaces only). Text XML 1.0 cannot carry is reported,
/// and `out` then holds a partial append.
TextCheck append_escaped(std::string& out, std::string_view text);

/// As append_escaped, for element content: trailing spaces are written as a CDATA section
/// (`a<![CDATA[  ]]>`), since some readers trim a trailing space even when it was written as
/// a character reference.
TextCheck append_element_text(std::string& out, std::string_view text);
TextCheck append_element_text(TextBuffer& out, std::string_view text);

/// Whether `text` can be written by append_escaped.
TextCheck check_text(std::string_view text);

/// A message for a problem, e.g. "contains the control character U+0001 at byte 4".
std::string describe(const TextCheck& check, std::string_view text);

}  // namespace kgraph::xml
