// Issue #10, "Bounded resources": every reader stops a record at the value that takes it past
// what one record may hold (graph/record.hpp), and a JSON Lines line or a JSON token past 64 MiB
// is an error at its start, before the reader has claimed memory in proportion to it. Each case
// checks the place of the one error and that the records around the bad one are still read.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "graph/graph_builder.hpp"
#include "graph/record.hpp"
#include "importers/mapping.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

using test::build_from;
using Strings = std::vector<std::string>;

/// `count` JSON numbers `1,1,...,1` (no trailing comma).
std::string ones(std::size_t count, std::string_view separator = ",") {
  std::string s;
  s.reserve(count * (1 + separator.size()));
  for (std::size_t i = 0; i < count; ++i) s.append(i ? separator : "").append("1");
  return s;
}

/// The ids of the graph's entities, or the messages if it did not build.
Strings ids_or_messages(const test::BuildResult& r) {
  Strings out;
  if (!r.graph) return r.messages();
  for (const Entity& e : r.graph->entities()) out.emplace_back(r.graph->str(e.id));
  return out;
}

/// The one error of a build that must fail, without its hint.
std::string only_error(const test::BuildResult& r) {
  EXPECT_FALSE(r.graph.has_value());
  const Strings m = r.messages();
  EXPECT_EQ(m.size(), 1u) << testing::PrintToString(m);
  if (m.empty()) return {};
  return m[0].substr(0, m[0].find("\n  hint:"));
}

const std::string kValuesPast =
    "record holds more than 1048576 values; a record may hold at most 1048576";

TEST(RecordLimits, JsonLinesStopsAtTheValuePastTheLimit) {
  const std::string prefix = R"({"record": "actor", "id": "a", "name": "A", "tags": [)";
  // id and name are two values: the list's (kMaxRecordValues - 1)th item is one too many.
  const std::string input = R"({"record": "actor", "id": "z", "name": "Z"})"
                            "\n" +
                            prefix + ones(kMaxRecordValues) + "]}\n" +
                            R"({"record": "actor", "id": "b", "name": "B"})"
                            "\n";
  const std::size_t column = prefix.size() + 2 * (kMaxRecordValues - 2) + 1;
  const auto r = build_from({{"in.jsonl", input}});
  EXPECT_EQ(only_error(r), "in.jsonl:2:" + std::to_string(column) + ": error: " + kValuesPast);
}

TEST(RecordLimits, JsonDocumentStopsAtTheValuePastTheLimitAndReadsOn) {
  const std::string prefix = R"({"actors": [{"id": "a", "name": "A", "tags": [)";
  const std::string input =
      prefix + ones(kMaxRecordValues + 5) + R"(]}, {"id": "b", "name": "B", "tags": ["x"]}]})";
  const std::size_t column = prefix.size() + 2 * (kMaxRecordValues - 2) + 1;
  const auto r = build_from({{"in.json", input}});
  EXPECT_EQ(only_error(r), "in.json:1:" + std::to_string(column) + ": error: " + kValuesPast);
  // Without the bad record the rest builds: nothing after it was lost.
  const auto fine = build_from({{"in.json", R"({"actors": [{"id": "b", "name": "B"}]})"}});
  EXPECT_EQ(ids_or_messages(fine), Strings{"b"});
}

TEST(RecordLimits, JsonDocumentStopsAtTheStringPastTheTextLimit) {
  const std::string half(kMaxRecordTextBytes / 2, 'x');
  const std::string prefix =
      R"({"actors": [{"id": "a", "name": "A", "description": ")" + half + R"(", "notes": )";
  const std::string input = prefix + "\"" + half + R"("}]})";
  const auto r = build_from({{"in.json", input}});
  EXPECT_EQ(only_error(r),
            "in.json:1:" + std::to_string(prefix.size() + 1) +
                ": error: record holds more than 64 MiB of text; a record may hold at most 64 MiB");
}

TEST(RecordLimits, AJsonLinesLineLongerThan64MiBIsSkippedAtItsStart) {
  const std::string long_line =
      R"({"record": "actor", "id": "a", "name": ")" + std::string((64u << 20) + 10, 'x') + "\"}";
  // The line after it is still read, and numbered: its bad name is the second error.
  const std::string input = R"({"record": "actor", "id": "z", "name": "Z"})"
                            "\n" +
                            long_line + "\n" + R"({"record": "actor", "id": "b", "name": 7})";
  const Strings m = build_from({{"in.jsonl", input}}).messages();
  ASSERT_EQ(m.size(), 2u) << testing::PrintToString(m);
  EXPECT_EQ(m[0],
            "in.jsonl:2:1: error: line longer than 64 MiB; a line of JSON Lines holds one record, "
            "which may hold at most 64 MiB of text (the line is skipped)");
  EXPECT_EQ(m[1].substr(0, 14), "in.jsonl:3:40:") << m[1];
}

TEST(RecordLimits, AnUnclosedStringInAJsonDocumentStopsAt64MiB) {
  const std::string prefix = "{\"actors\": [\n  {\"id\": \"a\", \"name\": ";
  const std::string input = prefix + "\"never closed" + std::string((64u << 20) + 10, 'x');
  const auto r = build_from({{"in.json", input}});
  EXPECT_EQ(only_error(r),
            "in.json:2:23: error: the value starting here is longer than 64 MiB; most likely a "
            "quote is never closed");
}

TEST(RecordLimits, ACsvListCellStopsAtTheLimit) {
  const std::string input =
      "id,name,tags:string[]\nb,B,x\na,A," + ones(kMaxRecordValues + 3, ";") + "\n";
  const auto r = build_from({{"actors.csv", input}});
  EXPECT_EQ(only_error(r), "actors.csv:3:3: error: " + kValuesPast);
}

TEST(RecordLimits, AMappedSplitCellStopsAtTheLimit) {
  Diagnostics diags;
  auto mapping = TableMapping::load(
      R"({"entities": {"a": {"type": "actor", "kind": "person", "id": "{id}", "name": "{name}",
          "properties": {"tags": {"column": "tags", "split": "|"}}}}})",
      diags.add_file("map.json"), diags);
  ASSERT_TRUE(mapping) << diags.error_count();
  GraphBuilder builder(Schema::builtin(), diags);
  std::istringstream table("id,name,tags\nb,B,x\na,A," + ones(kMaxRecordValues + 3, "|") + "\n");
  mapping->read(table, diags.add_file("t.csv"), "t.csv", builder);
  EXPECT_FALSE(builder.finish().has_value());
  Strings m;
  for (const Diagnostic& d : diags.sorted()) m.push_back(diags.format(d));
  ASSERT_EQ(m.size(), 1u) << testing::PrintToString(m);
  EXPECT_EQ(m[0].substr(0, m[0].find("\n  hint:")), "t.csv:3:3: error: " + kValuesPast);
}

}  // namespace
}  // namespace kgraph
