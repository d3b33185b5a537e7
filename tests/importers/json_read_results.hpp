#pragma once
/// Reading JSON and JSON Lines text into comparable strings, for the tests of the JSON record
/// readers (json_record_reader_test.cpp, json_record_handler_test.cpp).

#include <gtest/gtest.h>

#include <charconv>
#include <cstdint>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "importers/json_record_reader.hpp"

namespace kgraph::test {

enum class Format { document, lines };

/// What a reader produced, as text so that tables of expectations stay readable:
/// records as `actor@1:13 id@1:20="a1" n@1:30=int:4`, errors as `1:13: message`.
struct ReadResult {
  std::vector<std::string> records;
  std::vector<std::string> errors;
  bool too_many_errors = false;
};

inline std::string position(const Location& at) {
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

inline std::string describe(const RawScalar& s) {
  switch (s.kind) {
    case ValueKind::string:
      return "\"" + s.text + "\"";
    case ValueKind::integer:
      return "int:" + std::to_string(s.integer);
    case ValueKind::boolean:
      return s.boolean ? "true" : "false";
    case ValueKind::real: {
      char buf[32];
      const auto end = std::to_chars(buf, buf + sizeof buf, s.real).ptr;
      return "real:" + std::string(buf, end);
    }
  }
  return "?";
}

inline std::string describe(const RawRecord& r) {
  std::string out = std::string(section_name(r.section)) + "@" + position(r.at);
  for (std::size_t i = 0; i < r.field_count; ++i) {
    const RawField& f = r.fields[i];
    out += " " + f.key + "@" + position(f.at) + "=";
    if (f.is_null()) {
      out += "null";
    } else if (f.is_list) {
      out += "[";
      for (std::size_t j = 0; j < f.values.size(); ++j)
        out += (j ? ", " : "") + describe(f.values[j]);
      out += "]";
    } else {
      EXPECT_EQ(f.values.size(), 1u) << "a scalar field holds one value";
      out += describe(f.values[0]);
    }
  }
  return out;
}

inline ReadResult read(Format format, const std::string& text, std::size_t chunk_size) {
  ReadResult result;
  Diagnostics diags;
  const std::uint32_t file = diags.add_file("input");
  std::istringstream in(text);
  const RecordCallback sink = [&](const RawRecord& r) { result.records.push_back(describe(r)); };
  const JsonReadOptions options{chunk_size};
  if (format == Format::document)
    read_json_document(in, file, diags, sink, options);
  else
    read_json_lines(in, file, diags, sink, options);
  for (const Diagnostic& d : diags.sorted())
    result.errors.push_back(position(d.where) + ": " + d.message);
  result.too_many_errors = diags.too_many_errors();
  return result;
}

/// Reads with the default chunk and with the smallest, which splits tokens and lines across
/// refills; both must agree.
inline ReadResult read_checked(Format format, const std::string& text) {
  ReadResult whole = read(format, text, JsonReadOptions{}.chunk_size);
  const ReadResult tiny = read(format, text, 1);
  EXPECT_EQ(tiny.records, whole.records) << "with tiny chunks";
  EXPECT_EQ(tiny.errors, whole.errors) << "with tiny chunks";
  return whole;
}

/// A test name made of a case's name.
template <class Info>
std::string case_name(const Info& info) {
  std::string name = info.param.name;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

/// A table row of the error tests: the input, where its one error is, and a fragment of it.
struct ErrorCase {
  const char* name;
  Format format;
  std::string input;
  std::uint32_t line;
  std::uint32_t column;
  const char* message;  // a fragment of the message
};

inline void PrintTo(const ErrorCase& c, std::ostream* out) { *out << c.name; }

/// Reading the case's input reports exactly one error, at its line and column, with the fragment.
inline void expect_one_error_in_place(const ErrorCase& c) {
  const ReadResult r = read_checked(c.format, c.input);
  ASSERT_EQ(r.errors.size(), 1u) << testing::PrintToString(r.errors);
  const std::string where = std::to_string(c.line) + ":" + std::to_string(c.column) + ": ";
  EXPECT_EQ(r.errors[0].substr(0, where.size()), where) << r.errors[0];
  EXPECT_NE(r.errors[0].find(c.message), std::string::npos) << r.errors[0];
}

}  // namespace kgraph::test
