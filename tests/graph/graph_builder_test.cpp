#include "graph/graph_builder.hpp"

#include <gtest/gtest.h>

#include <variant>

namespace kgraph {
namespace {

using FieldValue = std::variant<std::string, std::int64_t, double, bool, std::vector<std::string>>;
struct F {
  std::string key;
  FieldValue value;
  F(std::string k, const char* v) : key(std::move(k)), value(std::string(v)) {}
  F(std::string k, int v) : key(std::move(k)), value(std::int64_t{v}) {}
  F(std::string k, double v) : key(std::move(k)), value(v) {}
  F(std::string k, bool v) : key(std::move(k)), value(v) {}
  F(std::string k, std::vector<std::string> v) : key(std::move(k)), value(std::move(v)) {}
};

/// Builds graphs from records written inline; each record is on its own line of file 1.
class Builder {
 public:
  Builder() : file_(diags_.add_file("in.json")), builder_(Schema::builtin(), diags_) {}

  Builder& add(Section section, std::vector<F> fields) {
    RawRecord r;
    r.section = section;
    r.at = Location{file_, ++line_, 1};
    std::uint32_t column = 2;
    for (const F& f : fields) {
      RawField& field = r.add_field(f.key, Location{file_, line_, column});
      column += 10;
      std::visit([&](const auto& v) { fill(field, v); }, f.value);
    }
    builder_.add(r);
    return *this;
  }
  std::optional<KnowledgeGraph> finish() { return builder_.finish(); }
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags_.sorted()) out.push_back(diags_.format(d));
    return out;
  }

 private:
  static void fill(RawField& f, const std::string& s) { f.values.push_back(RawScalar::of_string(s)); }
  static void fill(RawField& f, std::int64_t i) { RawScalar v; v.kind = ValueKind::integer; v.integer = i; f.values.push_back(v); }
  static void fill(RawField& f, double d) { RawScalar v; v.kind = ValueKind::real; v.real = d; f.values.push_back(v); }
  static void fill(RawField& f, bool b) { RawScalar v; v.kind = ValueKind::boolean; v.boolean = b; f.values.push_back(v); }
  static void fill(RawField& f, const std::vector<std::string>& list) {
    f.is_list = true;
    for (const auto& s : list) f.values.push_back(RawScalar::of_string(s));
  }

  Diagnostics diags_;
  std::uint32_t file_;
  GraphBuilder builder_;
  std::uint32_t line_ = 0;
};

std::vector<std::string> texts(const KnowledgeGraph& g, ListId list) {
  std::vector<std::string> out;
  for (StrId s : g.list(list)) out.emplace_back(g.str(s));
  return out;
}

TEST(GraphBuilder, SortsEntitiesAndRelationsCanonically) {
  Builder b;
  b.add(Section::actor, {{"id", "zeta"}, {"name", "Zeta"}, {"kind", "person"}})
      .add(Section::actor, {{"id", "alpha"}, {"name", "Alpha"}, {"kind", "government_body"}})
      .add(Section::relation, {{"from", "zeta"}, {"type", "spokesperson_of"}, {"to", "alpha"}})
      .add(Section::relation, {{"from", "zeta"}, {"type", "member_of"}, {"to", "alpha"}})
      .add(Section::relation, {{"from", "alpha"}, {"type", "related_to"}, {"to", "zeta"}});
  auto g = b.finish();
  ASSERT_TRUE(g) << testing::PrintToString(b.messages());
  ASSERT_EQ(g->entities().size(), 2u);
  EXPECT_EQ(g->str(g->entities()[0].id), "alpha");
  ASSERT_EQ(g->relations().size(), 3u);
  EXPECT_EQ(g->str(g->relations()[0].type), "related_to");
  EXPECT_EQ(g->str(g->relations()[1].type), "member_of");
  EXPECT_EQ(g->str(g->relations()[2].type), "spokesperson_of");
  EXPECT_EQ(num_vertices(g->topology()), 2u);
  EXPECT_EQ(num_edges(g->topology()), 3u);
  EXPECT_EQ(out_degree(1u, g->topology()), 2u);
  EXPECT_EQ(in_degree(0u, g->topology()), 2u);
}

TEST(GraphBuilder, MergesRepeatedIdsWhateverTheOrder) {
  auto build = [](bool reversed) {
    Builder b;
    std::vector<std::pair<Section, std::vector<F>>> records = {
        {Section::actor, {{"id", "qin"}, {"name", "Qin Gang"}, {"aliases", std::vector<std::string>{"Qin"}}, {"tag", "a"}}},
        {Section::actor, {{"id", "qin"}, {"name", "秦刚"}, {"kind", "person"}, {"tag", std::vector<std::string>{"b", "a"}}, {"rank", 3}}},
        {Section::actor, {{"id", "mfa"}, {"name", "MFA"}}},
        {Section::relation, {{"from", "qin"}, {"type", "spokesperson_of"}, {"to", "mfa"}, {"quote", "x"}}},
        {Section::relation, {{"from", "qin"}, {"type", "spokesperson_of"}, {"to", "mfa"}, {"quote", "y"}}},
    };
    if (reversed) std::reverse(records.begin(), records.end());
    for (auto& [s, f] : records) b.add(s, f);
    return b.finish();
  };
  auto g1 = build(false), g2 = build(true);
  ASSERT_TRUE(g1 && g2);
  for (auto* g : {&*g1, &*g2}) {
    const Entity& qin = g->entities()[*g->find_entity("qin")];
    EXPECT_EQ(g->str(qin.name), "Qin Gang");  // smallest in byte order
    EXPECT_EQ(texts(*g, qin.aliases), (std::vector<std::string>{"Qin", "秦刚"}));
    EXPECT_EQ(g->str(qin.kind), "person");
    ASSERT_EQ(qin.properties.size(), 2u);
    EXPECT_EQ(g->str(qin.properties[0].key), "rank");
    EXPECT_EQ(qin.properties[1].values.size(), 2u);  // tag: a, b
    ASSERT_EQ(g->relations().size(), 1u);
    const PropertyList& props = g->properties_of(g->relations()[0]);
    ASSERT_EQ(props.size(), 1u);
    EXPECT_EQ(props[0].values.size(), 2u);
  }
}

TEST(GraphBuilder, ShorthandFieldsMakeRelations) {
  Builder b;
  b.add(Section::source, {{"id", "s1"}})
      .add(Section::place, {{"id", "china"}, {"name", "China"}, {"kind", "country"}})
      .add(Section::place, {{"id", "shenyang"}, {"name", "Shenyang"}, {"kind", "city"}, {"within", "china"}})
      .add(Section::event, {{"id", "ev"}, {"name", "Entry"}, {"date", "2006-09"}, {"place", "shenyang"}, {"sources", "s1"}})
      .add(Section::actor, {{"id", "mfa"}, {"name", "MFA"}})
      .add(Section::actor, {{"id", "gov"}, {"name", "Gov"}})
      .add(Section::actor, {{"id", "mfa"}, {"name", "MFA"}, {"part_of", std::vector<std::string>{"gov"}}});
  auto g = b.finish();
  ASSERT_TRUE(g) << testing::PrintToString(b.messages());
  ASSERT_EQ(g->relations().size(), 3u);
  std::vector<std::string> seen;
  for (const Relation& r : g->relations())
    seen.push_back(std::string(g->str(g->entities()[r.from].id)) + " " + std::string(g->str(r.type)) + " " +
                   std::string(g->str(g->entities()[r.to].id)));
  EXPECT_EQ(seen, (std::vector<std::string>{"ev occurred_in shenyang", "mfa part_of gov", "shenyang located_in china"}));
  EXPECT_EQ(texts(*g, g->relations()[0].sources), std::vector<std::string>{"s1"});
  const Entity& ev = g->entities()[*g->find_entity("ev")];
  EXPECT_EQ(ev.start.to_string(), "2006-09");
  EXPECT_EQ(ev.end.to_string(), "2006-09");
}

struct ErrorCase {
  std::vector<std::pair<Section, std::vector<F>>> records;
  std::string expected;  // one formatted diagnostic
};

TEST(GraphBuilder, ReportsEveryProblemWithItsPlace) {
  const std::vector<ErrorCase> cases = {
      {{{Section::actor, {{"id", "a"}}}}, "in.json:1:1: error: actor record has no \"name\" field"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}, {"kind", "persn"}}}},
       "in.json:1:22: error: unknown kind \"persn\" for actor; did you mean \"person\"?"},
      {{{Section::actor, {{"id", 7}, {"name", "A"}}}}, "in.json:1:2: error: field \"id\" must be a string"},
      {{{Section::actor, {{"id", "a\x01"}, {"name", "A"}}}}, "in.json:1:2: error: field \"id\" must not contain control characters"},
      {{{Section::actor, {{"id", "a"}, {"name", "A\x07"}}}}, "in.json:1:12: error: field \"name\" contains a control character"},
      {{{Section::event, {{"id", "e"}, {"name", "E"}, {"date", "2006-13-01"}}}},
       "in.json:1:22: error: invalid date \"2006-13-01\" in field \"date\""},
      {{{Section::event, {{"id", "e"}, {"name", "E"}, {"date", "2006"}, {"start", "2006"}}}},
       "in.json:1:22: error: field \"date\" cannot be combined with \"start\"/\"end\""},
      {{{Section::event, {{"id", "e"}, {"name", "E"}, {"start", "2007"}, {"end", "2006-05"}}}},
       "in.json:1:22: error: start \"2007\" is after end \"2006-05\""},
      {{{Section::event, {{"id", "e"}, {"name", "E"}, {"date", 2006}}}},
       "in.json:1:22: error: field \"date\" must be a date string such as \"2006\", \"2006-09\" or \"2006-09-19\" (write the year as a string: \"2006\")"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}}}, {Section::law, {{"id", "a"}, {"name", "A"}}}},
       "in.json:2:2: error: id \"a\" is a law here but a actor at in.json:1"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}}}, {Section::relation, {{"from", "a"}, {"type", "member_of"}, {"to", "b"}}}},
       "in.json:2:22: error: unknown entity id \"b\": no actor, law, event or place has it"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}}}, {Section::relation, {{"from", "a"}, {"type", "membr_of"}, {"to", "a"}}}},
       "in.json:2:12: error: unknown relation type \"membr_of\"; did you mean \"member_of\"?"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}}}, {Section::place, {{"id", "p"}, {"name", "P"}}},
        {Section::relation, {{"from", "p"}, {"type", "member_of"}, {"to", "a"}}}},
       "in.json:3:2: error: relation \"member_of\" cannot go from place \"p\" to actor \"a\"; allowed: actor -> actor"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}, {"sources", "nope"}}}}, "in.json:1:1: error: unknown source id \"nope\""},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}, {"place", "x"}}}},
       "in.json:1:22: error: field \"place\" is shorthand for occurred_in and belongs to events"},
      {{{Section::place, {{"id", "p"}, {"name", "P"}, {"place", "x"}}}},
       "in.json:1:22: error: field \"place\" is shorthand for occurred_in and belongs to events; for a place write a "
       "located_in relation"},
      {{{Section::law, {{"id", "l"}, {"name", "L"}, {"within", "x"}}}},
       "in.json:1:22: error: field \"within\" is shorthand for located_in and belongs to places; for a law write a "
       "located_in relation"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}, {"type", "person"}}}},
       "in.json:1:22: error: an entity's type comes from its section (actor); did you mean \"kind\"?"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}}}, {Section::actor, {{"id", "b"}, {"name", "B"}}},
        {Section::relation, {{"from", "a"}, {"type", "member_of"}, {"to", "b"}, {"id", "r1"}}},
        {Section::relation, {{"from", "b"}, {"type", "member_of"}, {"to", "a"}, {"id", "r1"}}}},
       "in.json:4:32: error: relation id \"r1\" is already used by another relation at in.json:3"},
  };
  for (const ErrorCase& c : cases) {
    Builder b;
    for (const auto& [s, f] : c.records) b.add(s, f);
    EXPECT_FALSE(b.finish()) << c.expected;
    const auto messages = b.messages();
    ASSERT_EQ(messages.size(), 1u) << testing::PrintToString(messages);
    EXPECT_EQ(messages[0].substr(0, c.expected.size()), c.expected) << messages[0];
  }
}

TEST(GraphBuilder, ReportsAllProblemsNotOnlyTheFirst) {
  Builder b;
  b.add(Section::actor, {{"id", "a"}, {"name", "A"}, {"kind", "x"}})
      .add(Section::event, {{"id", "e"}, {"name", "E"}, {"date", "19 Sept"}})
      .add(Section::relation, {{"from", "a"}, {"type", "member_of"}, {"to", "zz"}});
  EXPECT_FALSE(b.finish());
  EXPECT_EQ(b.messages().size(), 3u);
}

}  // namespace
}  // namespace kgraph
