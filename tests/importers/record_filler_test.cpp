#include "importers/record_filler.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kgraph::json_records {
namespace {

// GCC 12 warns falsely of an overlapping copy (its bug 105329) when it knows the length of a
// string assigned; the tests' keys and texts reach the filler through this, unknown to it, as
// the parser's do.
// clang has no noipa, and no such false warning to hide.
#if defined(__clang__)
#define KGRAPH_OPAQUE gnu::noinline
#else
#define KGRAPH_OPAQUE gnu::noipa
#endif
[[KGRAPH_OPAQUE]] std::string_view unknown(std::string_view s) { return s; }

Scalar text(std::string_view s) {
  Scalar v;
  v.text = unknown(s);
  return v;
}

Scalar integer(std::int64_t i) {
  Scalar v;
  v.kind = ValueKind::integer;
  v.integer = i;
  return v;
}

/// The record as `key=[v, ...]` per field, strings bare, integers as numbers.
std::vector<std::string> fields_of(const RawRecord& r) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < r.field_count; ++i) {
    const RawField& f = r.fields[i];
    std::string s = f.key + (f.is_list ? "=[" : "=");
    for (std::size_t j = 0; j < f.values.size(); ++j) {
      const RawScalar& v = f.values[j];
      s += (j ? "," : "") + (v.kind == ValueKind::string ? v.text : std::to_string(v.integer));
    }
    out.push_back(s + (f.is_list ? "]" : ""));
  }
  return out;
}

TEST(RecordFiller, FillsScalarsListsAndNulls) {
  RecordFiller filler;
  filler.begin_record({1, 3, 5});
  EXPECT_TRUE(filler.begin_field(unknown("id")));
  EXPECT_TRUE(filler.add_value(text("a1")));
  filler.end_field();
  EXPECT_TRUE(filler.begin_field(unknown("aliases")));
  filler.field().is_list = true;
  EXPECT_TRUE(filler.add_value(text("x")));
  EXPECT_TRUE(filler.add_value(integer(2)));
  filler.end_field();
  EXPECT_TRUE(filler.begin_field(unknown("gone")));
  filler.end_field();  // null: no values
  EXPECT_EQ(filler.record().at.line, 3u);
  EXPECT_EQ(fields_of(filler.record()),
            (std::vector<std::string>{"id=a1", "aliases=[x,2]", "gone="}));
  EXPECT_TRUE(filler.record().fields[2].is_null());
}

// The record is reused from one record to the next (the readers' sink sees the same object).
TEST(RecordFiller, ReuseKeepsNoStaleValues) {
  RecordFiller filler;
  filler.begin_record({});
  EXPECT_TRUE(filler.begin_field(unknown("a")));
  filler.field().is_list = true;
  for (const char* v : {"x", "y", "z"}) EXPECT_TRUE(filler.add_value(text(v)));
  filler.end_field();
  EXPECT_TRUE(filler.begin_field(unknown("b")));
  EXPECT_TRUE(filler.add_value(text("long string beyond SSO")));
  filler.end_field();
  EXPECT_TRUE(filler.begin_field(unknown("c")));
  EXPECT_TRUE(filler.add_value(integer(1)));
  filler.end_field();

  filler.begin_record({});
  EXPECT_TRUE(filler.begin_field(unknown("a")));
  EXPECT_TRUE(filler.add_value(text("w")));
  filler.end_field();
  EXPECT_TRUE(filler.begin_field(unknown("c")));
  EXPECT_TRUE(filler.add_value(text("now text")));
  filler.end_field();
  EXPECT_EQ(fields_of(filler.record()), (std::vector<std::string>{"a=w", "c=now text"}));

  filler.begin_record({});
  EXPECT_TRUE(filler.begin_field(unknown("b")));
  filler.field().is_list = true;
  filler.end_field();
  EXPECT_TRUE(filler.begin_field(unknown("a")));
  filler.end_field();
  EXPECT_EQ(fields_of(filler.record()), (std::vector<std::string>{"b=[]", "a="}));
}

TEST(RecordFiller, DropFieldTakesBackTheLastField) {
  RecordFiller filler;
  filler.begin_record({});
  EXPECT_TRUE(filler.begin_field(unknown("id")));
  EXPECT_TRUE(filler.add_value(text("a")));
  filler.end_field();
  EXPECT_TRUE(filler.begin_field(unknown("bad")));
  EXPECT_TRUE(filler.add_value(text("half")));
  filler.drop_field();
  EXPECT_EQ(fields_of(filler.record()), std::vector<std::string>{"id=a"});
  EXPECT_FALSE(filler.has_field("bad"));
}

// has_field filters by one bit per key first: keys that share a bit must still be told apart,
// and a new record forgets the keys of the last.
TEST(RecordFiller, HasFieldAmongManyKeys) {
  RecordFiller filler;
  filler.begin_record({});
  std::vector<std::string> keys;
  for (int i = 0; i < 200; ++i) keys.push_back(std::string("k").append(std::to_string(i)));
  for (std::size_t i = 0; i < keys.size(); i += 2) {
    EXPECT_TRUE(filler.begin_field(unknown(keys[i])));
    filler.end_field();
  }
  for (std::size_t i = 0; i < keys.size(); ++i)
    EXPECT_EQ(filler.has_field(keys[i]), i % 2 == 0) << keys[i];
  EXPECT_FALSE(filler.has_field(""));
  filler.begin_record({});
  EXPECT_FALSE(filler.has_field("k0"));
}

// Issue #10: a record is stopped at the value that takes it past a limit, before it claims the
// memory; a new record starts with the whole budget again.
TEST(RecordFiller, StopsAtTheValueThatCrossesALimit) {
  RecordFiller filler;
  filler.begin_record({});
  EXPECT_TRUE(filler.begin_field(unknown("tags")));
  filler.field().is_list = true;
  for (std::size_t i = 0; i < kMaxRecordValues; ++i) ASSERT_TRUE(filler.add_value(integer(1)));
  EXPECT_FALSE(filler.add_value(integer(1)));
  EXPECT_EQ(filler.field().values.size(), kMaxRecordValues);
  Diagnostics diags;
  filler.budget().report(diags, Location{diags.add_file("in.json"), 2, 7});
  EXPECT_EQ(diags.sorted().at(0).message,
            "record holds more than 1048576 values; a record may hold at most 1048576");

  filler.begin_record({});
  const std::string half(kMaxRecordTextBytes / 2, 'x');
  EXPECT_TRUE(filler.begin_field(unknown("a")));
  EXPECT_TRUE(filler.add_value(text(half)));
  EXPECT_TRUE(filler.begin_field(unknown("b")));
  EXPECT_FALSE(filler.add_value(text(half)));  // the keys' two bytes are the text over
  Diagnostics text_diags;
  filler.budget().report(text_diags, Location{text_diags.add_file("in.json"), 1, 1});
  EXPECT_EQ(text_diags.sorted().at(0).message,
            "record holds more than 64 MiB of text; a record may hold at most 64 MiB");
}

}  // namespace
}  // namespace kgraph::json_records
