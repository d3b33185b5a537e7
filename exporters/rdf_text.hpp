#pragma once
/// RDF term text shared by the N-Triples and Turtle exporters (docs/formats/rdf.md): IRIs
/// built from ids, string literals, and date literals typed by their precision.
///
///   std::string out = "<" + base;
///   rdf::append_iri_component(out, "Kim Jong-il");  // Kim%20Jong-il
///   out += "> ";
///   if (auto bad = rdf::append_string_literal(out, text); !bad.ok()) throw ExportError(...);

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "graph/partial_date.hpp"

namespace kgraph::rdf {

/// Appends `text` so that it can stand inside an IRI as one path segment, read back by
/// decoding `%XX`. Kept as they are: RFC 3987 `iunreserved` characters, i.e. ASCII letters,
/// digits, `-` `.` `_` `~`, and the `ucschar` ranges of well-formed UTF-8, except the
/// bidirectional formatting characters RFC 3987 forbids (U+200E, U+200F, U+202A..U+202E,
/// U+2066..U+2069). Every other byte (ASCII punctuation and space, `%` itself, controls,
/// private-use and noncharacter code points, malformed UTF-8) becomes `%XX` with upper-case
/// hex. A text that is exactly `.` or `..` has its dots escaped too (`%2E`), so that no
/// component is a dot segment. Injective: distinct texts give distinct results. The result never contains `/`, `#`,
/// `?`, `%` other than as an escape, or anything N-Triples forbids in an IRI.
void append_iri_component(std::string& out, std::string_view text);
std::string iri_component(std::string_view text);

/// Whether a component produced by append_iri_component can follow a Turtle prefix as it is
/// (`id:qin-gang`): ASCII letters, digits, `_` and `-`, not starting with `-`, non-empty.
/// Other components are written as full `<IRI>`s, which every Turtle reader accepts.
bool is_simple_local_name(std::string_view component);

/// Why a base IRI given by the user cannot be used: empty when it can. It must be an absolute
/// IRI (a scheme, then `:`) with none of the characters N-Triples forbids inside `<...>`
/// (space, controls, `<>"{}|^\``, backslash).
std::string check_base_iri(std::string_view base);

/// Why a text cannot be an RDF literal.
enum class TextProblem : std::uint8_t { none, invalid_utf8 };

struct TextCheck {
  TextProblem problem = TextProblem::none;
  std::size_t offset = 0;  // byte offset of the first bad byte
  bool ok() const { return problem == TextProblem::none; }
};

/// Appends `text` as a double-quoted string literal (quotes included) that N-Triples and
/// Turtle read back byte for byte: `"` `\` newline, carriage return and tab as `\"` `\\`
/// `\n` `\r` `\t`; the other C0 controls and DEL as `\u00XX`; everything else, non-BMP
/// characters included, as UTF-8. Malformed UTF-8 is reported (then `out` holds a partial
/// append).
TextCheck append_string_literal(std::string& out, std::string_view text);

/// "is not valid UTF-8 (byte 0xFF at byte 3)".
std::string describe(const TextCheck& check, std::string_view text);

/// The XML Schema datatype of a date by its precision: `date` (2006-09-19), `gYearMonth`
/// (2006-09) or `gYear` (2006). Without the namespace.
std::string_view date_datatype(const PartialDate& d);

}  // namespace kgraph::rdf
