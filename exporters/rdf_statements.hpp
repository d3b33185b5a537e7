#pragma once
/// The statement syntax of the RDF exporters (docs/formats/rdf.md): N-Triples repeats subject
/// and predicate on every line; Turtle writes each subject once, predicates after `;` and
/// repeated objects after `,`. The writer of graph elements says what to state; this says how.
///
///   rdf::Statements st(rdf::Syntax::turtle);
///   st.begin_subject("id:qin-gang");
///   st.predicate("a");
///   st.object_term("schema:Person");
///   st.end_subject();            // st.text() == "\nid:qin-gang a schema:Person .\n"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "exporters/date_text.hpp"
#include "exporters/rdf_text.hpp"
#include "graph/partial_date.hpp"
#include "graph/value.hpp"

namespace kgraph::rdf {

inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

enum class Syntax : std::uint8_t { ntriples, turtle };

/// Statements appended to a text buffer that the caller drains (text(), then clear it).
/// Defined inline: every triple of an export passes through here.
class Statements {
 public:
  explicit Statements(Syntax syntax) : syntax_(syntax) {}

  bool turtle() const { return syntax_ == Syntax::turtle; }
  /// The text written so far, for the caller to flush and clear.
  std::string& text() { return buf_; }

  /// A term in one of the fixed namespaces, whose local name needs no escaping.
  std::string vocab(std::string_view ns, std::string_view prefix, std::string_view local) const {
    if (turtle()) return std::string(prefix) + ":" + std::string(local);
    return "<" + std::string(ns) + std::string(local) + ">";
  }

  /// A term in a namespace, for a local part that may need escaping (kinds, keys, types).
  std::string escaped_vocab(std::string_view ns, std::string_view prefix,
                            std::string_view text) const {
    const std::string local = iri_component(text);
    if (turtle() && is_simple_local_name(local)) return std::string(prefix) + ":" + local;
    return "<" + std::string(ns) + local + ">";
  }

  /// Turtle's `@prefix` lines (N-Triples has none).
  void prefixes(std::initializer_list<std::pair<std::string_view, std::string_view>> list) {
    if (!turtle()) return;
    for (const auto& [prefix, iri] : list) {
      buf_ += "@prefix ";
      buf_ += prefix;
      buf_ += ": <";
      buf_ += iri;
      buf_ += "> .\n";
    }
  }

  void begin_subject(std::string_view s) {
    end_subject();
    if (turtle()) {
      buf_ += '\n';
      buf_ += s;
    } else {
      subject_.assign(s);
    }
    open_ = true;
    first_predicate_ = true;
  }

  void end_subject() {
    if (open_ && turtle()) buf_ += " .\n";
    open_ = false;
  }

  void predicate(std::string_view p) {
    if (turtle()) {
      buf_ += first_predicate_ ? " " : " ;\n    ";
      buf_ += p;
    } else {
      predicate_.assign(p);
    }
    first_predicate_ = false;
    first_object_ = true;
  }

  void object_term(std::string_view term) {
    object_begin();
    buf_ += term;
    object_end();
  }

  /// A string literal; malformed UTF-8 is reported, and the statement is then unfinished.
  TextCheck object_string(std::string_view s) {
    object_begin();
    const TextCheck check = append_string_literal(buf_, s);
    if (check.ok()) object_end();
    return check;
  }

  /// A date typed by its precision (xsd:date, xsd:gYearMonth, xsd:gYear).
  void object_date(const PartialDate& d) {
    object_begin();
    buf_ += '"';
    append_date(buf_, d);
    buf_ += '"';
    datatype(date_datatype(d));
    object_end();
  }

  void object_integer(std::int64_t i) {
    object_begin();
    char b[24];
    const auto end = std::to_chars(b, b + sizeof b, i).ptr;
    if (turtle()) {
      buf_.append(b, end);
    } else {
      buf_ += '"';
      buf_.append(b, end);
      buf_ += '"';
      datatype("integer");
    }
    object_end();
  }

  void object_boolean(bool b) {
    object_begin();
    if (turtle()) {
      buf_ += b ? "true" : "false";
    } else {
      buf_ += b ? "\"true\"" : "\"false\"";
      datatype("boolean");
    }
    object_end();
  }

  /// An xsd:double; NaN and infinities in XML Schema's spelling.
  void object_real(double d) {
    object_begin();
    buf_ += '"';
    if (std::isnan(d))
      buf_ += "NaN";
    else if (std::isinf(d))
      buf_ += d < 0 ? "-INF" : "INF";
    else
      buf_ += format_real(d);
    buf_ += '"';
    datatype("double");
    object_end();
  }

 private:
  void object_begin() {
    if (turtle()) {
      buf_ += first_object_ ? " " : ", ";
    } else {
      buf_ += subject_;
      buf_ += ' ';
      buf_ += predicate_;
      buf_ += ' ';
    }
    first_object_ = false;
  }

  void object_end() {
    if (!turtle()) buf_ += " .\n";
  }

  void datatype(std::string_view name) {
    if (turtle()) {
      buf_ += "^^xsd:";
      buf_ += name;
    } else {
      buf_ += "^^<";
      buf_ += kXsd;
      buf_ += name;
      buf_ += '>';
    }
  }

  const Syntax syntax_;
  std::string buf_;
  std::string subject_, predicate_;  // N-Triples: the current subject and predicate
  bool open_ = false, first_predicate_ = true, first_object_ = true;
};

}  // namespace kgraph::rdf
