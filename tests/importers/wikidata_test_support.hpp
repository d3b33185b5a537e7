#pragma once
// Small Wikidata entities written in a line, for the tests of the Wikidata importer, and a way
// to import them: the canonical JSON made and the messages.

#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace kgraph::wikidata_test {

using Strings = std::vector<std::string>;

/// The graph of one Wikidata input, written as canonical JSON, and the messages.
struct Imported {
  std::string json;
  Strings messages;
};

inline Imported import(const std::string& text, const ImportOptions& options = {},
                       const std::string& name = "t.wikidata.json") {
  Imported out;
  Diagnostics diags;
  GraphBuilder builder(Schema::builtin(), diags);
  std::istringstream in(text);
  test::importers().named("wikidata")->read(in, diags.add_file(name), name, builder, options);
  auto g = builder.finish();
  for (const Diagnostic& d : diags.sorted()) out.messages.push_back(diags.format(d));
  if (g) out.json = test::export_to_string(GraphView(*g), "json");
  return out;
}

/// `{"entity-type": "item", "id": QID}`.
inline std::string item_value(const std::string& qid) {
  return R"({"entity-type":"item","id":")" + qid + R"("})";
}

/// A time value: `time` such as "+1952-10-07T00:00:00Z", Gregorian unless `calendar` says.
inline std::string time_value(const std::string& time, int precision,
                              const std::string& calendar = "Q1985727") {
  return R"({"time":")" + time + R"(","precision":)" + std::to_string(precision) +
         R"(,"calendarmodel":"http://www.wikidata.org/entity/)" + calendar + R"("})";
}

/// A snak of `pid` holding `value` (JSON); empty: "unknown value".
inline std::string snak(const std::string& pid, const std::string& value) {
  if (value.empty()) return R"({"snaktype":"somevalue","property":")" + pid + R"("})";
  return R"({"snaktype":"value","property":")" + pid + R"(","datavalue":{"value":)" + value + "}}";
}

/// A statement; `qualifiers` and `references` are JSON (an object, a list) or empty.
inline std::string statement(const std::string& pid, const std::string& value,
                             const std::string& qualifiers = "", const std::string& rank = "normal",
                             const std::string& references = "") {
  std::string s =
      R"({"mainsnak":)" + snak(pid, value) + R"(,"type":"statement","rank":")" + rank + "\"";
  if (!qualifiers.empty()) s += R"(,"qualifiers":)" + qualifiers;
  if (!references.empty()) s += R"(,"references":)" + references;
  return s + "}";
}

/// An item on one line: `claims` is the inside of the claims object.
inline std::string entity(const std::string& qid, const std::string& name,
                          const std::string& claims, const std::string& extra = "") {
  std::string labels =
      name.empty() ? "{}" : R"({"en":{"language":"en","value":")" + name + R"("}})";
  return R"({"type":"item","id":")" + qid + R"(","labels":)" + labels + extra + R"(,"claims":{)" +
         claims + "}}";
}

/// `"P31":[...]` making a human.
inline std::string human() { return R"("P31":[)" + statement("P31", item_value("Q5")) + "]"; }

/// The dump layout of these entity lines.
inline std::string dump(const Strings& lines) {
  std::string out = "[\n";
  for (std::size_t i = 0; i < lines.size(); ++i)
    out += lines[i] + (i + 1 < lines.size() ? ",\n" : "\n");
  return out + "]\n";
}

}  // namespace kgraph::wikidata_test
