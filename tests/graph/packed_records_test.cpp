// graph/packed_records.hpp: records packed into one buffer come back as they went in, field
// by field and value by value, whatever their kinds and lengths, and into records that held
// something else before (the builder's window reuses them).
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "graph/packed_records.hpp"
#include "graph/string_pool.hpp"
#include "graph/text.hpp"

namespace kgraph {
namespace {

RawScalar scalar(ValueKind kind, std::string text) {
  RawScalar s;
  s.kind = kind;
  s.text = std::move(text);
  return s;
}

void expect_same(const RawRecord& a, const RecordView& b) {
  EXPECT_EQ(a.section, b.section);
  EXPECT_EQ(a.at, b.at);
  ASSERT_EQ(a.field_count, b.field_count);
  for (std::size_t i = 0; i < a.field_count; ++i) {
    const RawField& f = a.fields[i];
    const auto& g = b.fields[i];
    EXPECT_EQ(f.key, g.key);
    EXPECT_EQ(f.at, g.at);
    EXPECT_EQ(f.is_list, g.is_list);
    ASSERT_EQ(f.values.size(), g.values.size()) << f.key;
    for (std::size_t v = 0; v < f.values.size(); ++v) {
      const RawScalar& x = f.values[v];
      const auto& y = g.values[v];
      EXPECT_EQ(x.kind, y.kind) << f.key << "[" << v << "]";
      EXPECT_EQ(x.text, y.text) << f.key << "[" << v << "]";
      if (x.kind == ValueKind::integer) {
        EXPECT_EQ(x.integer, y.integer);
      }
      if (x.kind == ValueKind::real) {
        EXPECT_EQ(x.real, y.real);
      }
      if (x.kind == ValueKind::boolean) {
        EXPECT_EQ(x.boolean, y.boolean);
      }
    }
  }
}

std::vector<RawRecord> sample_records() {
  std::vector<RawRecord> records(4);
  RawRecord& a = records[0];
  a.section = Section::relation;
  a.at = {3, 17, 1};
  a.add_field("from", {3, 17, 9}).values.push_back(scalar(ValueKind::string, "person-1"));
  a.add_field("to", {3, 17, 30}).values.push_back(scalar(ValueKind::string, ""));
  RawField& list = a.add_field("sources", {3, 17, 40});
  list.is_list = true;
  for (int i = 0; i < 300; ++i) list.values.push_back(scalar(ValueKind::string, std::to_string(i)));
  a.add_field("nothing", {3, 17, 90});  // null: no values, not a list
  a.add_field("empty", {3, 17, 99}).is_list = true;

  RawRecord& b = records[1];
  b.section = Section::actor;
  b.at = {0, std::numeric_limits<std::uint32_t>::max(), 2};
  RawScalar big = scalar(ValueKind::integer, "-9223372036854775808");
  big.integer = std::numeric_limits<std::int64_t>::min();
  b.add_field("count", {0, 1, 1}).values.push_back(big);
  RawScalar real = scalar(ValueKind::real, "1e-300");
  real.real = 1e-300;
  b.add_field("share", {0, 1, 2}).values.push_back(real);
  RawScalar yes = scalar(ValueKind::boolean, "");
  yes.boolean = true;
  b.add_field("alive", {0, 1, 3}).values.push_back(yes);
  // Texts at and around the one-byte length's end, and a key of more than 255 bytes.
  for (std::size_t n : {254u, 255u, 256u, 70000u})
    b.add_field(std::string(n, 'k'), {0, 2, 1})
        .values.push_back(scalar(ValueKind::string, std::string(n, '\0') + "\xF0\x9F\x98\x80"));

  records[2].section = Section::source;  // no fields at all
  records[3] = a;                        // the first again, after the others
  return records;
}

TEST(PackedRecords, ReusedRecordsAndBuffersLeaveNothingBehind) {
  const std::vector<RawRecord> records = sample_records();
  PackedRecords packed;
  packed.append(records[1]);  // many fields, long texts
  packed.clear();
  EXPECT_EQ(packed.size(), 0u);
  EXPECT_EQ(packed.bytes(), 0u);
  packed.append(records[2]);
  packed.append(records[0]);

  RecordView into;  // first seeing more fields and values than what comes next
  PackedRecords before;
  before.append(records[1]);
  before.append(records[0]);
  before.unpack(before.unpack(0, into), into);
  std::size_t at = packed.unpack(0, into);
  expect_same(records[2], into);
  at = packed.unpack(at, into);
  expect_same(records[0], into);
  EXPECT_EQ(at, packed.bytes());
}

TEST(PackedRecords, UnpacksWhatWasAppendedInOrder) {
  const std::vector<RawRecord> records = sample_records();
  PackedRecords packed;
  for (const RawRecord& r : records) packed.append(r);
  EXPECT_EQ(packed.size(), records.size());

  // One view for all, as the builder's window reuses them: a record of many fields, then one
  // of none, then one of a few must each show only their own.
  RecordView into;
  std::size_t at = 0;
  for (const RawRecord& r : records) {
    at = packed.unpack(at, into);
    expect_same(r, into);
    std::size_t values = 0, text_bytes = 0;
    for (std::size_t i = 0; i < r.field_count; ++i) {
      values += r.fields[i].values.size();
      text_bytes += r.fields[i].key.size();
      for (const RawScalar& v : r.fields[i].values) text_bytes += v.text.size();
    }
    EXPECT_EQ(into.value_count, values);
    EXPECT_EQ(into.text_bytes, text_bytes);
    for (std::size_t i = 0; i < into.field_count; ++i)
      for (const ScalarView& v : into.fields[i].values) {
        if (v.kind != ValueKind::string || v.text.empty()) continue;
        // In the batch's own bytes: nothing was copied.
        const char* const first = v.text.data();
        EXPECT_GE(first, packed.data());
        EXPECT_LE(first + v.text.size(), packed.data() + packed.bytes());
      }
  }
  EXPECT_EQ(at, packed.bytes());
  EXPECT_EQ(into.find("sources"), &into.fields[2]);
  EXPECT_EQ(into.find("sources")->values.size(), 300u);
  EXPECT_EQ(into.find("absent"), nullptr);
  EXPECT_TRUE(into.find("nothing")->is_null());
  EXPECT_FALSE(into.find("empty")->is_null());
}

// The builder switches on the code the reading thread gave each field's name: every name
// with a meaning of its own gets its code, and nothing else does, however close.
TEST(PackedRecords, FieldNamesAreCodedWhenPacked) {
  const std::vector<std::pair<std::string, FieldKey>> names{
      {"id", FieldKey::id},
      {"name", FieldKey::name},
      {"kind", FieldKey::kind},
      {"date", FieldKey::date},
      {"start", FieldKey::start},
      {"end", FieldKey::end},
      {"sources", FieldKey::sources},
      {"aliases", FieldKey::aliases},
      {"description", FieldKey::description},
      {"place", FieldKey::place},
      {"within", FieldKey::within},
      {"part_of", FieldKey::part_of},
      {"type", FieldKey::type},
      {"from", FieldKey::from},
      {"to", FieldKey::to},
      {"record", FieldKey::record},
      {"role", FieldKey::role},
      {"quote", FieldKey::quote},
      {"", FieldKey::other},
      {"ID", FieldKey::other},
      {"i", FieldKey::other},
      {"ids", FieldKey::other},
      {"names", FieldKey::other},
      {"descriptio", FieldKey::other},
      {"part-of", FieldKey::other},
      {"source", FieldKey::other},
      {"title", FieldKey::other},
      {"end ", FieldKey::other},
      {std::string("to\0", 3), FieldKey::other},
      {"quotes", FieldKey::other},
  };
  RawRecord record;
  for (const auto& [name, code] : names) {
    EXPECT_EQ(field_key(name), code) << name;
    record.add_field(name, {1, 1, 1}).values.push_back(scalar(ValueKind::string, "v"));
  }
  PackedRecords packed;
  packed.append(record);
  RecordView view;
  packed.unpack(0, view);
  ASSERT_EQ(view.field_count, names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(view.fields[i].code, names[i].second) << names[i].first;
    EXPECT_EQ(key_of(view.fields[i]), key_of(record.fields[i])) << names[i].first;
  }
}

// A record's fields past field_count are storage kept for reuse, not part of it.
TEST(PackedRecords, PacksOnlyTheRecordsOwnFields) {
  RawRecord r = sample_records()[0];
  r.clear();
  r.add_field("id", {1, 1, 1}).values.push_back(scalar(ValueKind::string, "x"));
  PackedRecords packed;
  packed.append(r);
  RecordView into;
  packed.unpack(0, into);
  EXPECT_EQ(into.field_count, 1u);
  expect_same(r, into);
}

// The builder trusts what unpacking says about a text instead of reading it again: each fact
// must be the one its own check would find.
TEST(PackedRecords, UnpackedStringsCarryTheirHashAndChecks) {
  struct Case {
    std::string text;
    bool printable, no_control;
  };
  std::vector<Case> cases = {
      {"person-1", true, true},
      {"", true, true},
      {"tab\there", true, false},  // allowed in text, not in ids
      {"line\r\nbreak", true, false},
      {"bell\x07", false, false},
      {"del\x7F", true, false},  // DEL: not in ids; XML carries it
      {"\xEF\xBF\xBE non-character", false, true},
      {"\xEF\xBF\xBD replacement", true, true},
  };
  // Made on its own: written in the list above, GCC 12 warns falsely of a copy out of bounds.
  std::string long_text(300, 'x');
  long_text += '\x01';
  cases.push_back({long_text, false, false});
  RawRecord record;
  RawField& f = record.add_field("values", {1, 1, 1});
  f.is_list = true;
  for (const Case& c : cases) f.values.push_back(scalar(ValueKind::string, c.text));
  RawScalar number = scalar(ValueKind::integer, "7");
  number.integer = 7;
  f.values.push_back(number);
  PackedRecords packed;
  packed.append(record);

  RecordView into;
  into.values.resize(cases.size() + 1);
  for (ScalarView& v : into.values) v.facts = {123, true, true, true};  // must not survive
  packed.unpack(0, into);
  ASSERT_EQ(into.field_count, 1u);
  const std::span<const ScalarView> values = into.fields[0].values;
  ASSERT_EQ(values.size(), cases.size() + 1);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const TextFacts& facts = values[i].facts;
    EXPECT_TRUE(facts.known) << i;
    EXPECT_EQ(facts.hash, StringPool::hash(cases[i].text)) << i;
    EXPECT_EQ(facts.printable, cases[i].printable) << i;
    EXPECT_EQ(facts.no_control, cases[i].no_control) << i;
    // ... and what the checks the builder would otherwise run say.
    EXPECT_EQ(facts.printable, text_problem(cases[i].text) == nullptr) << i;
    EXPECT_EQ(facts.no_control, !has_control_character(cases[i].text)) << i;
  }
  EXPECT_FALSE(values.back().facts.known);  // facts are about strings only
}

// The facts are worked out eight bytes at a time: random texts of the bytes that matter, at
// every place in and across the words, must still agree with the byte-by-byte checks.
TEST(PackedRecords, FactsOfRandomTextsAgreeWithTheChecks) {
  const std::string alphabet = std::string("ab \t\n\r\x01\x1F\x7F\xEF\xBF\xBE\xBC\x80", 14) + '\0';
  std::uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
  };
  RawRecord record;
  RawField& f = record.add_field("values", {1, 1, 1});
  f.is_list = true;
  std::vector<std::string> texts;
  for (int i = 0; i < 20000; ++i) {
    std::string text(next() % 40, 'a');
    // Mostly plain, with a few bytes that matter, or (one time in four) any of them anywhere.
    const bool dense = next() % 4 == 0;
    for (char& c : text)
      if (dense || next() % 16 == 0) c = alphabet[next() % alphabet.size()];
    texts.push_back(text);
    f.values.push_back(scalar(ValueKind::string, text));
  }
  PackedRecords packed;
  packed.append(record);
  RecordView into;
  packed.unpack(0, into);
  std::size_t printable = 0, no_control = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const TextFacts& facts = into.fields[0].values[i].facts;
    ASSERT_EQ(facts.hash, StringPool::hash(texts[i])) << i;
    ASSERT_EQ(facts.printable, text_problem(texts[i]) == nullptr) << i;
    ASSERT_EQ(facts.no_control, !has_control_character(texts[i])) << i;
    printable += facts.printable;
    no_control += facts.no_control;
  }
  // Both answers come up often enough to tell.
  EXPECT_GT(printable, 3000u);
  EXPECT_GT(no_control, 3000u);
  EXPECT_LT(printable, 17000u);
}

}  // namespace
}  // namespace kgraph
