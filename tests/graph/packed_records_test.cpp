// graph/packed_records.hpp: records packed into one buffer come back as they went in, field
// by field and value by value, whatever their kinds and lengths, and into records that held
// something else before (the builder's window reuses them).
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "graph/graph_builder.hpp"
#include "graph/id_index.hpp"
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

void expect_same(const RawRecord& a, const RawRecord& b) {
  EXPECT_EQ(a.section, b.section);
  EXPECT_EQ(a.at, b.at);
  ASSERT_EQ(a.field_count, b.field_count);
  for (std::size_t i = 0; i < a.field_count; ++i) {
    const RawField& f = a.fields[i];
    const RawField& g = b.fields[i];
    EXPECT_EQ(f.key, g.key);
    EXPECT_EQ(f.at, g.at);
    EXPECT_EQ(f.is_list, g.is_list);
    ASSERT_EQ(f.values.size(), g.values.size()) << f.key;
    for (std::size_t v = 0; v < f.values.size(); ++v) {
      const RawScalar& x = f.values[v];
      const RawScalar& y = g.values[v];
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

TEST(PackedRecords, UnpacksWhatWasAppendedInOrder) {
  const std::vector<RawRecord> records = sample_records();
  PackedRecords packed;
  for (const RawRecord& r : records) packed.append(r);
  EXPECT_EQ(packed.size(), records.size());

  RawRecord into;
  std::size_t at = 0;
  for (const RawRecord& r : records) {
    at = packed.unpack(at, into);
    expect_same(r, into);
  }
  EXPECT_EQ(at, packed.bytes());
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

  RawRecord into = records[1];  // holds more fields and longer texts than what comes next
  std::size_t at = packed.unpack(0, into);
  expect_same(records[2], into);
  at = packed.unpack(at, into);
  expect_same(records[0], into);
  EXPECT_EQ(at, packed.bytes());
}

// A record's fields past field_count are storage kept for reuse, not part of it.
TEST(PackedRecords, PacksOnlyTheRecordsOwnFields) {
  RawRecord r = sample_records()[0];
  r.clear();
  r.add_field("id", {1, 1, 1}).values.push_back(scalar(ValueKind::string, "x"));
  PackedRecords packed;
  packed.append(r);
  RawRecord into;
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
  const std::vector<Case> cases = {
      {"person-1", true, true},
      {"", true, true},
      {"tab\there", true, false},  // allowed in text, not in ids
      {"line\r\nbreak", true, false},
      {"bell\x07", false, false},
      {"del\x7F", true, false},  // DEL: not in ids; XML carries it
      {"\xEF\xBF\xBE non-character", false, true},
      {"\xEF\xBF\xBD replacement", true, true},
      {std::string(300, 'x') + '\x01', false, false},
  };
  RawRecord record;
  RawField& f = record.add_field("values", {1, 1, 1});
  f.is_list = true;
  for (const Case& c : cases) f.values.push_back(scalar(ValueKind::string, c.text));
  RawScalar number = scalar(ValueKind::integer, "7");
  number.integer = 7;
  f.values.push_back(number);
  PackedRecords packed;
  packed.append(record);

  RawRecord into;
  into.add_field("stale", {}).values.push_back(scalar(ValueKind::integer, "1"));
  into.fields[0].values[0].facts = {123, true, true, true, 5};  // must not survive unpacking
  packed.unpack(0, into);
  ASSERT_EQ(into.field_count, 1u);
  const std::vector<RawScalar>& values = into.fields[0].values;
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
    EXPECT_EQ(facts.entity, TextFacts::kNoEntity) << i;  // not appended for numbering
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
  RawRecord into;
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

RawRecord record_of(Section section, std::uint32_t line,
                    const std::vector<std::pair<std::string, std::vector<std::string>>>& fields) {
  RawRecord r;
  r.section = section;
  r.at = {1, line, 1};
  std::uint32_t column = 2;
  for (const auto& [key, values] : fields) {
    RawField& f = r.add_field(key, {1, line, column});
    column += 10;
    f.is_list = values.size() != 1;
    for (const std::string& v : values) f.values.push_back(scalar(ValueKind::string, v));
  }
  return r;
}

/// The numbers unpacking gives each string value of each record, in order.
std::vector<std::vector<std::uint32_t>> numbers_of(const PackedRecords& packed) {
  std::vector<std::vector<std::uint32_t>> out;
  RawRecord r;
  for (std::size_t at = 0; at < packed.bytes();) {
    at = packed.unpack(at, r);
    out.emplace_back();
    for (std::size_t i = 0; i < r.field_count; ++i)
      for (const RawScalar& v : r.fields[i].values) out.back().push_back(v.facts.entity);
  }
  return out;
}

// Only the strings the builder may look up as entity ids get numbers: a relation's ends, an
// entity's id and shorthand targets, and of those only the ones it would take as ids.
TEST(PackedRecords, NumbersTheIdsTheBuilderMayLookUpInTheOrderAppended) {
  constexpr std::uint32_t none = TextFacts::kNoEntity;
  const std::vector<RawRecord> records = {
      record_of(Section::relation, 1,
                {{"from", {"a"}}, {"type", {"a"}}, {"to", {"b"}}, {"sources", {"a"}}}),
      record_of(Section::actor, 2,
                {{"id", {"b"}}, {"name", {"a"}}, {"place", {"c", ""}}, {"within", {"t\tab"}}}),
      record_of(Section::source, 3, {{"id", {"z"}}}),
      record_of(Section::relation, 4,
                {{"from",
                  {"\x01"
                   "bad"}},
                 {"to", {"c"}},
                 {"role", {"d"}}}),
      record_of(Section::place, 5, {{"id", {"d"}}, {"part_of", {"a", "e"}}}),
  };
  detail::IdIndex ids;
  PackedRecords packed;
  for (std::size_t i = 0; i < 3; ++i) packed.append(records[i], true);
  EXPECT_TRUE(packed.ids_waiting());
  packed.number_entity_ids(ids);
  EXPECT_FALSE(packed.ids_waiting());
  for (std::size_t i = 3; i < records.size(); ++i) packed.append(records[i], true);
  // Not numbered yet: the records unpack with no numbers (the builder would look them up).
  EXPECT_EQ(numbers_of(packed)[3], (std::vector<std::uint32_t>{none, none, none}));
  packed.number_entity_ids(ids);

  const std::vector<std::vector<std::uint32_t>> expected = {
      {0, none, 1, none},        // from a, to b
      {1, none, 2, none, none},  // id b, place c (not the empty one), not "t\tab"
      {none},                    // sources are not entities
      {none, 2, none},           // a control character is no id
      {3, 0, 4},                 // id d, part_of a and e
  };
  EXPECT_EQ(numbers_of(packed), expected);
  EXPECT_EQ(ids.size(), 5u);
  EXPECT_EQ(ids.text(4), "e");
  // The rest of each record is as appended.
  RawRecord into;
  std::size_t at = 0;
  for (const RawRecord& r : records) {
    at = packed.unpack(at, into);
    expect_same(r, into);
  }

  PackedRecords plain;
  for (const RawRecord& r : records) plain.append(r);
  EXPECT_FALSE(plain.ids_waiting());
  for (const auto& numbers : numbers_of(plain))
    for (std::uint32_t n : numbers) EXPECT_EQ(n, none);
}

/// Every message (sorted), then the graph's entity ids and relation count.
std::vector<std::string> outcome(GraphBuilder& builder, Diagnostics& diags) {
  std::vector<std::string> lines;
  std::optional<KnowledgeGraph> g = builder.finish();
  for (const Diagnostic& d : diags.sorted()) lines.push_back(diags.format(d));
  if (g) {
    for (const Entity& e : g->entities()) lines.emplace_back(g->str(e.id));
    lines.push_back("relations " + std::to_string(g->relations().size()));
  }
  return lines;
}

/// What adding `records` gives when another thread numbers their ids (`later_first`: the
/// records past the fourth before the others), or (`lend` false) the builder looks them up.
std::vector<std::string> build_from(const std::vector<RawRecord>& records, bool lend,
                                    bool later_first) {
  Diagnostics diags;
  diags.add_file("in.jsonl");
  GraphBuilder builder(Schema::builtin(), diags);
  if (!lend) {
    for (const RawRecord& r : records) builder.add(r);
    return outcome(builder, diags);
  }
  detail::IdIndex& ids = builder.lend_entity_ids();
  PackedRecords first, second;
  for (std::size_t i = 0; i < records.size(); ++i)
    (i < 4 ? first : second).append(records[i], true);
  if (later_first) second.number_entity_ids(ids);
  first.number_entity_ids(ids);
  second.number_entity_ids(ids);
  RawRecord r;
  for (const PackedRecords* packed : {&first, &second})
    for (std::size_t at = 0; at < packed->bytes();) {
      at = packed->unpack(at, r);
      builder.add(r);
    }
  builder.take_back_entity_ids();
  return outcome(builder, diags);
}

// Ids numbered by another thread (numbers given in any order, and to the ids of records the
// builder refuses too) stage the entities the builder's own lookups would: the same messages,
// each at the first reference the builder took, and the same graph.
TEST(PackedRecords, IdsNumberedAheadBuildWhatTheBuilderLookingThemUpBuilds) {
  const std::vector<RawRecord> with_errors = {
      record_of(Section::relation, 1, {{"from", {"x"}}, {"type", {"no_such"}}, {"to", {"y"}}}),
      record_of(Section::relation, 2, {{"from", {"y"}}, {"type", {"member_of"}}, {"to", {"x"}}}),
      record_of(Section::actor, 3, {{"id", {"w"}}, {"name", {"W"}}, {"place", {"v"}}}),
      record_of(Section::actor, 4, {{"id", {"u"}}, {"name", {"U"}}}),
      record_of(Section::relation, 5, {{"from", {"u"}}, {"type", {"member_of"}}, {"to", {"v"}}}),
      record_of(Section::event, 6, {{"id", {"e"}}, {"name", {"E"}}, {"place", {"v", "x"}}}),
      record_of(Section::relation, 7, {{"from", {"w"}}, {"type", {"member_of"}}, {"to", {"u"}}}),
  };
  const std::vector<std::string> messages = build_from(with_errors, false, false);
  // The type, the shorthand on an actor, and x, y and v named but never declared.
  ASSERT_EQ(messages.size(), 5u);
  EXPECT_NE(messages[1].find("unknown entity id \"y\""), std::string::npos) << messages[1];

  const std::vector<RawRecord> clean = {
      record_of(Section::actor, 1, {{"id", {"y"}}, {"name", {"Y"}}}),
      record_of(Section::relation, 2, {{"from", {"y"}}, {"type", {"member_of"}}, {"to", {"x"}}}),
      record_of(Section::place, 3, {{"id", {"v"}}, {"name", {"V"}}, {"within", {"t"}}}),
      record_of(Section::actor, 4, {{"id", {"u"}}, {"name", {"U"}}}),
      record_of(Section::relation, 5, {{"from", {"u"}}, {"type", {"located_in"}}, {"to", {"v"}}}),
      record_of(Section::event, 6, {{"id", {"e"}}, {"name", {"E"}}, {"place", {"v", "t"}}}),
      record_of(Section::actor, 7, {{"id", {"x"}}, {"name", {"X"}}}),
      record_of(Section::place, 8, {{"id", {"t"}}, {"name", {"T"}}}),
  };
  const std::vector<std::string> graph = build_from(clean, false, false);
  ASSERT_EQ(graph.size(), 7u) << (graph.empty() ? "" : graph[0]);
  EXPECT_EQ(graph.back(), "relations 5");

  for (const bool later_first : {false, true}) {
    EXPECT_EQ(build_from(with_errors, true, later_first), messages) << later_first;
    EXPECT_EQ(build_from(clean, true, later_first), graph) << later_first;
  }
}

// While another thread numbers the ids, the builder must not look one up itself.
TEST(PackedRecords, AnIdWithoutItsNumberIsRefusedWhileTheIdsAreLent) {
  Diagnostics diags;
  diags.add_file("in.jsonl");
  GraphBuilder builder(Schema::builtin(), diags);
  builder.lend_entity_ids();
  EXPECT_THROW(builder.add(record_of(Section::actor, 1, {{"id", {"a"}}, {"name", {"A"}}})),
               std::logic_error);
  builder.take_back_entity_ids();
  builder.add(record_of(Section::actor, 2, {{"id", {"a"}}, {"name", {"A"}}}));
  EXPECT_TRUE(builder.finish().has_value());
}

}  // namespace
}  // namespace kgraph
