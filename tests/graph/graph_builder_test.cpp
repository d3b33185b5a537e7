#include "graph/graph_builder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>
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
  std::optional<KnowledgeGraph> finish(unsigned helpers = 0) { return builder_.finish(helpers); }
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags_.sorted()) out.push_back(diags_.format(d));
    return out;
  }

 private:
  static void fill(RawField& f, const std::string& s) {
    f.values.push_back(RawScalar::of_string(s));
  }
  static void fill(RawField& f, std::int64_t i) {
    RawScalar v;
    v.kind = ValueKind::integer;
    v.integer = i;
    f.values.push_back(v);
  }
  static void fill(RawField& f, double d) {
    RawScalar v;
    v.kind = ValueKind::real;
    v.real = d;
    f.values.push_back(v);
  }
  static void fill(RawField& f, bool b) {
    RawScalar v;
    v.kind = ValueKind::boolean;
    v.boolean = b;
    f.values.push_back(v);
  }
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

// The topology is built on first use, which may come from several threads at once (exporters
// formatting beside each other): every caller gets the one topology, whole.
TEST(GraphBuilder, TopologyIsBuiltOnceOnFirstUseFromAnyThread) {
  Builder b;
  for (int i = 0; i < 200; ++i) {
    std::string id = "a";
    id += std::to_string(i);
    b.add(Section::actor, {{"id", id.c_str()}, {"name", "A"}, {"kind", "person"}});
  }
  for (int i = 0; i < 200; ++i) {
    std::string from = "a", to = "a";
    from += std::to_string(i);
    to += std::to_string((i * 7 + 3) % 200);
    b.add(Section::relation, {{"from", from.c_str()}, {"type", "related_to"}, {"to", to.c_str()}});
  }
  auto g = b.finish();
  ASSERT_TRUE(g) << testing::PrintToString(b.messages());
  const std::size_t before = g->memory_bytes();
  std::vector<const Topology*> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] { seen[t] = &g->topology(); });
  for (std::thread& t : threads) t.join();
  for (const Topology* t : seen) EXPECT_EQ(t, seen[0]);
  EXPECT_EQ(num_vertices(*seen[0]), 200u);
  EXPECT_EQ(num_edges(*seen[0]), g->relations().size());
  EXPECT_GT(g->memory_bytes(), before);  // counted once built
  for (std::uint32_t e = 0; e < 200; ++e) {
    std::size_t out = 0;
    for (const Relation& r : g->relations()) out += r.from == e;
    EXPECT_EQ(out_degree(e, *seen[0]), out);
  }
}

/// Entities and relations of `g` as text, in the graph's order.
std::vector<std::string> described(const KnowledgeGraph& g) {
  std::vector<std::string> out;
  for (const Entity& e : g.entities()) out.emplace_back(g.str(e.id));
  for (const Relation& r : g.relations())
    out.push_back(std::string(g.str(g.entities()[r.from].id)) + " " + std::string(g.str(r.type)) +
                  " " + std::string(g.str(g.entities()[r.to].id)) + " " +
                  std::string(g.str(r.role)) + " " + r.start.to_string());
  return out;
}

TEST(GraphBuilder, HelperThreadsSortTheSameGraph) {
  // Enough relations that the helper takes half of the buckets (more than 50,000), with
  // many per entity, so that the sort within a bucket decides the order.
  auto build = [](unsigned helpers) {
    Builder b;
    std::mt19937 rng(15);
    const int entities = 3000;
    for (int e = 0; e < entities; ++e)
      b.add(Section::actor,
            {{"id", ("a" + std::to_string((e * 7919) % entities)).c_str()}, {"name", "N"}});
    const char* types[] = {"related_to", "member_of", "part_of", "detained"};
    const char* roles[] = {"", "chair", "member"};
    for (int r = 0; r < 70000; ++r) {
      std::vector<F> fields{{"from", ("a" + std::to_string(rng() % entities)).c_str()},
                            {"type", types[rng() % 4]},
                            {"to", ("a" + std::to_string(rng() % entities)).c_str()},
                            {"start", std::to_string(1990 + rng() % 30).c_str()}};
      if (const char* role = roles[rng() % 3]; *role) fields.emplace_back("role", role);
      b.add(Section::relation, std::move(fields));
    }
    auto g = b.finish(helpers);
    EXPECT_TRUE(g) << testing::PrintToString(b.messages());
    return g ? described(*g) : std::vector<std::string>{};
  };
  const std::vector<std::string> alone = build(0);
  ASSERT_GT(alone.size(), 3000u + 50000u);
  EXPECT_TRUE(build(1) == alone);
  EXPECT_TRUE(build(3) == alone);
}

TEST(GraphBuilder, MergesRepeatedIdsWhateverTheOrder) {
  auto build = [](bool reversed) {
    Builder b;
    std::vector<std::pair<Section, std::vector<F>>> records = {
        {Section::actor,
         {{"id", "qin"},
          {"name", "Qin Gang"},
          {"aliases", std::vector<std::string>{"Qin"}},
          {"tag", "a"}}},
        {Section::actor,
         {{"id", "qin"},
          {"name", "秦刚"},
          {"kind", "person"},
          {"tag", std::vector<std::string>{"b", "a"}},
          {"rank", 3}}},
        {Section::actor, {{"id", "mfa"}, {"name", "MFA"}}},
        {Section::relation,
         {{"from", "qin"}, {"type", "spokesperson_of"}, {"to", "mfa"}, {"quote", "x"}}},
        {Section::relation,
         {{"from", "qin"}, {"type", "spokesperson_of"}, {"to", "mfa"}, {"quote", "y"}}},
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

// Equal relations are staged one per record and merged once sorted: among other relations
// of the same entities, in the order read, each problem reported once where first read.
TEST(GraphBuilder, EqualRelationsMergeAmongOthersOnceSorted) {
  auto fill = [](Builder& b) {
    b.add(Section::source, {{"id", "s1"}}).add(Section::source, {{"id", "s2"}});
    b.add(Section::actor, {{"id", "a"}, {"name", "A"}});
    b.add(Section::actor, {{"id", "b"}, {"name", "B"}});
    b.add(Section::actor, {{"id", "c"}, {"name", "C"}});
    auto member_of = [&](const char* to, std::vector<F> more) {
      std::vector<F> fields = {{"from", "a"}, {"type", "member_of"}, {"to", to}};
      fields.insert(fields.end(), more.begin(), more.end());
      b.add(Section::relation, fields);
    };
    member_of("c", {{"id", "r2"}});
    member_of("b", {{"quote", "x"}, {"sources", "s1"}});
    member_of("c", {});
    member_of("b", {{"role", "chair"}});
    member_of("b", {{"quote", "y"}, {"sources", "s2"}, {"id", "r1"}});
    member_of("b", {{"quote", "x"}, {"id", "r1"}});
    member_of("c", {{"id", "r2"}});
  };
  for (unsigned helpers : {0u, 1u}) {
    Builder again;
    fill(again);
    auto g = again.finish(helpers);
    ASSERT_TRUE(g) << testing::PrintToString(again.messages());
    ASSERT_EQ(g->relations().size(), 3u);
    const Relation& plain = g->relations()[0];  // a -> b without a role, then with, then a -> c
    EXPECT_EQ(g->str(g->entities()[plain.to].id), "b");
    EXPECT_EQ(plain.role, kEmpty);
    EXPECT_EQ(texts(*g, plain.sources), (std::vector<std::string>{"s1", "s2"}));
    const PropertyList& props = g->properties_of(plain);
    ASSERT_EQ(props.size(), 2u);  // id, quote
    EXPECT_EQ(g->str(props[0].key), "id");
    EXPECT_EQ(props[0].values.size(), 1u);
    EXPECT_EQ(props[1].values.size(), 2u);
    EXPECT_EQ(g->str(g->relations()[1].role), "chair");
    EXPECT_EQ(g->str(g->entities()[g->relations()[2].to].id), "c");
  }

  Builder refused;
  refused.add(Section::actor, {{"id", "a"}, {"name", "A"}});
  refused.add(Section::place, {{"id", "p"}, {"name", "P"}});
  for (int i = 0; i < 3; ++i) {
    refused.add(Section::relation, {{"from", "p"}, {"type", "member_of"}, {"to", "a"}});
    refused.add(Section::relation, {{"from", "a"}, {"type", "located_in"}, {"to", "p"}});
  }
  EXPECT_FALSE(refused.finish());
  const auto messages = refused.messages();
  ASSERT_EQ(messages.size(), 1u) << testing::PrintToString(messages);
  EXPECT_EQ(messages[0].substr(0, 19), "in.json:3:2: error:");
}

TEST(GraphBuilder, ShorthandFieldsMakeRelations) {
  Builder b;
  b.add(Section::source, {{"id", "s1"}})
      .add(Section::place, {{"id", "china"}, {"name", "China"}, {"kind", "country"}})
      .add(Section::place,
           {{"id", "shenyang"}, {"name", "Shenyang"}, {"kind", "city"}, {"within", "china"}})
      .add(Section::event, {{"id", "ev"},
                            {"name", "Entry"},
                            {"date", "2006-09"},
                            {"place", "shenyang"},
                            {"sources", "s1"}})
      .add(Section::actor, {{"id", "mfa"}, {"name", "MFA"}})
      .add(Section::actor, {{"id", "gov"}, {"name", "Gov"}})
      .add(Section::actor,
           {{"id", "mfa"}, {"name", "MFA"}, {"part_of", std::vector<std::string>{"gov"}}});
  auto g = b.finish();
  ASSERT_TRUE(g) << testing::PrintToString(b.messages());
  ASSERT_EQ(g->relations().size(), 3u);
  std::vector<std::string> seen;
  for (const Relation& r : g->relations())
    seen.push_back(std::string(g->str(g->entities()[r.from].id)) + " " +
                   std::string(g->str(r.type)) + " " + std::string(g->str(g->entities()[r.to].id)));
  EXPECT_EQ(seen, (std::vector<std::string>{"ev occurred_in shenyang", "mfa part_of gov",
                                            "shenyang located_in china"}));
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
      {{{Section::actor, {{"id", 7}, {"name", "A"}}}},
       "in.json:1:2: error: field \"id\" must be a string"},
      {{{Section::actor, {{"id", "a\x01"}, {"name", "A"}}}},
       "in.json:1:2: error: field \"id\" must not contain control characters"},
      {{{Section::actor, {{"id", "a"}, {"name", "A\x07"}}}},
       "in.json:1:12: error: field \"name\" contains a control character"},
      {{{Section::event, {{"id", "e"}, {"name", "E"}, {"date", "2006-13-01"}}}},
       "in.json:1:22: error: invalid date \"2006-13-01\" in field \"date\""},
      {{{Section::event, {{"id", "e"}, {"name", "E"}, {"date", "2006"}, {"start", "2006"}}}},
       "in.json:1:22: error: field \"date\" cannot be combined with \"start\"/\"end\""},
      {{{Section::event, {{"id", "e"}, {"name", "E"}, {"start", "2007"}, {"end", "2006-05"}}}},
       "in.json:1:22: error: start \"2007\" is after end \"2006-05\""},
      {{{Section::event, {{"id", "e"}, {"name", "E"}, {"date", 2006}}}},
       "in.json:1:22: error: field \"date\" must be a date string such as \"2006\", \"2006-09\" or "
       "\"2006-09-19\" (write the year as a string: \"2006\")"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}}},
        {Section::law, {{"id", "a"}, {"name", "A"}}}},
       "in.json:2:2: error: id \"a\" is a law here but a actor at in.json:1"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}}},
        {Section::relation, {{"from", "a"}, {"type", "member_of"}, {"to", "b"}}}},
       "in.json:2:22: error: unknown entity id \"b\": no actor, law, event or place has it"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}}},
        {Section::relation, {{"from", "a"}, {"type", "membr_of"}, {"to", "a"}}}},
       "in.json:2:12: error: unknown relation type \"membr_of\"; did you mean \"member_of\"?"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}}},
        {Section::place, {{"id", "p"}, {"name", "P"}}},
        {Section::relation, {{"from", "p"}, {"type", "member_of"}, {"to", "a"}}}},
       "in.json:3:2: error: relation \"member_of\" cannot go from place \"p\" to actor \"a\"; "
       "allowed: actor -> actor"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}, {"sources", "nope"}}}},
       "in.json:1:1: error: unknown source id \"nope\""},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}, {"place", "x"}}}},
       "in.json:1:22: error: field \"place\" is shorthand for occurred_in and belongs to events"},
      {{{Section::place, {{"id", "p"}, {"name", "P"}, {"place", "x"}}}},
       "in.json:1:22: error: field \"place\" is shorthand for occurred_in and belongs to events; "
       "for a place write a "
       "located_in relation"},
      {{{Section::law, {{"id", "l"}, {"name", "L"}, {"within", "x"}}}},
       "in.json:1:22: error: field \"within\" is shorthand for located_in and belongs to places; "
       "for a law write a "
       "located_in relation"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}, {"type", "person"}}}},
       "in.json:1:22: error: an entity's type comes from its section (actor); did you mean "
       "\"kind\"?"},
      {{{Section::actor, {{"id", "a"}, {"name", "A"}}},
        {Section::actor, {{"id", "b"}, {"name", "B"}}},
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

// A problem in a text is found wherever it stands (at the start, the end, across any 8-byte
// boundary a faster scan would use), and a harmless lookalike is not one.
TEST(GraphBuilder, TextProblemsAreFoundAtAnyPlaceInTheText) {
  auto problem_in = [](const std::string& name) {
    Builder b;
    b.add(Section::actor, {{"id", "a"}, {"name", name.c_str()}});
    b.finish();
    const auto messages = b.messages();
    return messages.empty() ? std::string() : messages[0];
  };
  for (std::size_t length = 3; length <= 20; ++length) {
    for (std::size_t at = 0; at + 3 <= length; ++at) {
      auto with = [&](const std::string& piece) {
        std::string text(length, 'x');
        for (std::size_t i = 0; i < length; ++i) text[i] = static_cast<char>('a' + (i % 26));
        return text.replace(at, piece.size(), piece);
      };
      const std::string where = "length " + std::to_string(length) + ", at " + std::to_string(at);
      EXPECT_NE(problem_in(with("\x01")).find("contains a control character"), std::string::npos)
          << where;
      EXPECT_NE(problem_in(with("\x1f")).find("contains a control character"), std::string::npos)
          << where;
      EXPECT_NE(problem_in(with("\xef\xbf\xbe")).find("U+FFFE or U+FFFF"), std::string::npos)
          << where;
      EXPECT_NE(problem_in(with("\xef\xbf\xbf")).find("U+FFFE or U+FFFF"), std::string::npos)
          << where;
      EXPECT_EQ(problem_in(with("\t\r\n")), "") << where;
      EXPECT_EQ(problem_in(with("\xef\xbb\xbf")), "") << where;  // U+FEFF is a character
      EXPECT_EQ(problem_in(with("\xc3\xa9 ")), "") << where;
    }
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

std::string numbered(const char* prefix, int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%05d", prefix, i);
  return buf;
}

/// The names, aliases, sources and properties of one entity and one relation, as text.
std::string describe_merged(const KnowledgeGraph& g) {
  std::string out;
  auto props = [&](const PropertyList& list) {
    for (const Property& p : list) {
      out += " " + std::string(g.str(p.key)) + "=";
      for (const Value& v : p.values) out += value_text(v, g.strings()) + ",";
    }
  };
  const Entity& a = g.entities()[*g.find_entity("a")];
  out += "name " + std::string(g.str(a.name)) + "\naliases";
  for (const std::string& s : texts(g, a.aliases)) out += " " + s;
  out += "\nsources";
  for (const std::string& s : texts(g, a.sources)) out += " " + s;
  out += "\nproperties";
  props(a.properties);
  for (const Relation& r : g.relations()) {
    out += "\nrelation sources";
    for (const std::string& s : texts(g, r.sources)) out += " " + s;
    out += "\nrelation properties";
    props(g.properties_of(r));
  }
  return out;
}

/// Records merging into actor "a" and one relation a -> b, many more than the lists and property
/// sets that merge at once (kMergeAtOnceBelow), in an order given by `seed` (0: as written).
std::optional<KnowledgeGraph> build_many_merges(unsigned seed,
                                                std::vector<std::string>* messages = nullptr) {
  std::vector<std::pair<Section, std::vector<F>>> records;
  constexpr int n = 300;
  for (int i = 0; i < n; ++i)
    records.push_back({Section::source, {{"id", numbered("s", i).c_str()}}});
  records.push_back({Section::actor, {{"id", "b"}, {"name", "B"}}});
  for (int i = 0; i < n; ++i) {
    std::vector<F> fields = {
        {"id", "a"},
        {"name", numbered("N", i % 200).c_str()},
        {"sources", std::vector<std::string>{numbered("s", i), numbered("s", (i * 7) % n)}},
        {numbered("k", i % 40), i % 3},
        {"tag", std::vector<std::string>{numbered("t", i % 90), numbered("t", (i + 1) % 90)}}};
    // Some aliases are names of other records, one is the smallest name of all.
    if (i % 10 == 0)
      fields.push_back({"aliases", std::vector<std::string>{numbered("N", (i + 5) % 200), "N00000",
                                                            numbered("A", i)}});
    if (i % 4 == 0) fields.push_back({"score", 0.5 * (i % 16)});
    records.push_back({Section::actor, fields});
    records.push_back({Section::relation,
                       {{"from", "a"},
                        {"type", "member_of"},
                        {"to", "b"},
                        {"sources", numbered("s", (i * 11) % n).c_str()},
                        {"quote", numbered("q", i % 150).c_str()},
                        {"weight", i % 5}}});
  }
  if (seed != 0) std::shuffle(records.begin(), records.end(), std::mt19937(seed));
  Builder b;
  for (auto& [s, f] : records) b.add(s, f);
  auto g = b.finish();
  if (messages) *messages = b.messages();
  return g;
}

TEST(GraphBuilder, ManyRecordsOfOneIdMergeAsFewDo) {
  std::vector<std::string> messages;
  auto g = build_many_merges(0, &messages);
  ASSERT_TRUE(g) << testing::PrintToString(messages);
  const Entity& a = g->entities()[*g->find_entity("a")];
  EXPECT_EQ(g->str(a.name), "N00000");
  std::vector<std::string> aliases;  // every other name and alias, never the name
  for (int i = 1; i < 200; ++i) aliases.push_back(numbered("N", i));
  for (int i = 0; i < 300; i += 10) aliases.push_back(numbered("A", i));
  std::sort(aliases.begin(), aliases.end());
  EXPECT_EQ(texts(*g, a.aliases), aliases);
  EXPECT_EQ(g->list(a.sources).size(), 300u);
  ASSERT_EQ(a.properties.size(), 42u);  // k00000..k00039, score, tag
  EXPECT_EQ(g->str(a.properties[0].key), "k00000");
  EXPECT_EQ(a.properties[0].values.size(), 3u);  // 0, 1, 2
  EXPECT_EQ(g->str(a.properties[40].key), "score");
  EXPECT_EQ(a.properties[40].values.size(), 4u);  // 0.0, 2.0, 4.0, 6.0
  EXPECT_EQ(a.properties[41].values.size(), 90u);
  ASSERT_EQ(g->relations().size(), 1u);
  EXPECT_EQ(g->list(g->relations()[0].sources).size(), 300u);
  const PropertyList& rel = g->properties_of(g->relations()[0]);
  ASSERT_EQ(rel.size(), 2u);
  EXPECT_EQ(rel[0].values.size(), 150u);  // quote
  EXPECT_EQ(rel[1].values.size(), 5u);    // weight
  for (std::size_t i = 1; i < rel[0].values.size(); ++i)
    EXPECT_LT(g->str(rel[0].values[i - 1].string), g->str(rel[0].values[i].string));

  const std::string expected = describe_merged(*g);
  for (unsigned seed : {1u, 2u, 3u}) {
    auto shuffled = build_many_merges(seed);
    ASSERT_TRUE(shuffled);
    EXPECT_EQ(describe_merged(*shuffled), expected) << "seed " << seed;
  }
}

// Issue #10: merging each record at once kept every intermediate list, n²/2 strings for n
// records of one id (20,000 records took 1.5 GB).
TEST(GraphBuilder, ListsStayLinearWhenOneIdMergesManyTimes) {
  constexpr int n = 4000;
  Builder b;
  for (int i = 0; i < n; ++i) b.add(Section::source, {{"id", numbered("s", i).c_str()}});
  b.add(Section::actor, {{"id", "b"}, {"name", "B"}});
  for (int i = 0; i < n; ++i) {
    b.add(Section::actor, {{"id", "a"}, {"name", numbered("N", i).c_str()}});
    b.add(Section::place, {{"id", "p"}, {"name", "P"}, {"sources", numbered("s", i).c_str()}});
    b.add(
        Section::relation,
        {{"from", "a"}, {"type", "member_of"}, {"to", "b"}, {"sources", numbered("s", i).c_str()}});
  }
  auto g = b.finish();
  ASSERT_TRUE(g) << testing::PrintToString(b.messages());
  EXPECT_EQ(g->list(g->entities()[*g->find_entity("a")].aliases).size(), std::size_t{n - 1});
  EXPECT_EQ(g->list(g->entities()[*g->find_entity("p")].sources).size(), std::size_t{n});
  EXPECT_EQ(g->list(g->relations()[0].sources).size(), std::size_t{n});
  // The final lists hold 3n strings, the one-source lists n; what the folds keep on the way
  // is at most as much again.
  EXPECT_LE(g->lists().items(), std::size_t{10 * n});
}

// Issue #10: one record with many values (or records adding values in reverse order) sorted
// each value into place, n² moves (200k columns took 10 s). Now under half a second; the
// bound leaves room for sanitizers and a busy machine, and the old code took a minute.
TEST(GraphBuilder, ManyValuesInOneRecordOrOneRelationTakeNLogN) {
  const auto started = std::chrono::steady_clock::now();
  constexpr int n = 100000;
  std::vector<std::string> list;
  for (int i = n; i > 0; --i) list.push_back(numbered("v", i));
  std::vector<F> fields = {{"id", "a"}, {"name", "A"}, {"tags", list}};
  for (int i = n / 2; i > 0; --i) fields.push_back({numbered("p", i), i});
  Builder b;
  b.add(Section::actor, fields).add(Section::actor, {{"id", "b"}, {"name", "B"}});
  for (int i = 0; i < n / 4; ++i) b.add(Section::source, {{"id", numbered("s", i).c_str()}});
  for (int i = n / 4; i > 0; --i)
    b.add(Section::relation, {{"from", "a"},
                              {"type", "member_of"},
                              {"to", "b"},
                              {"quote", numbered("q", i).c_str()},
                              {"sources", numbered("s", i - 1).c_str()}});
  auto g = b.finish();
  ASSERT_TRUE(g) << testing::PrintToString(b.messages());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const Entity& a = g->entities()[*g->find_entity("a")];
  ASSERT_EQ(a.properties.size(), std::size_t{n / 2 + 1});
  EXPECT_EQ(a.properties.back().values.size(), std::size_t{n});
  EXPECT_EQ(g->properties_of(g->relations()[0])[0].values.size(), std::size_t{n / 4});
  EXPECT_LT(seconds, 10.0);
}

// Issue #10, "Bounded resources": what one record may hold is a limit with a clear error.
TEST(GraphBuilder, RejectsARecordPastTheLimits) {
  struct Case {
    const char* name;
    std::vector<F> fields;
    std::vector<std::string> messages;
  };
  const std::string mib(std::size_t{1} << 20, 'x');
  std::string long_text;
  for (std::size_t i = 0; i < (kMaxRecordTextBytes >> 20); ++i) long_text += mib;
  const std::vector<Case> cases = {
      {"values at the limit",
       {{"id", "a"}, {"name", "A"}, {"tags", std::vector<std::string>(kMaxRecordValues - 2, "t")}},
       {}},
      {"one value more",
       {{"id", "a"}, {"name", "A"}, {"tags", std::vector<std::string>(kMaxRecordValues - 1, "t")}},
       {"in.json:1:1: error: record holds 1048577 values; a record may hold at most 1048576\n"
        "  hint: split the values over several records with the same id: they merge into one"}},
      {"text past the limit",
       {{"id", "a"}, {"name", "A"}, {"description", long_text.c_str()}},
       {"in.json:1:1: error: record holds 65 MiB of text; a record may hold at most 64 MiB\n"
        "  hint: split the values over several records with the same id, or keep long texts in "
        "files and "
        "point to them"}},
  };
  for (const Case& c : cases) {
    Builder b;
    b.add(Section::actor, c.fields);
    EXPECT_EQ(b.finish().has_value(), c.messages.empty()) << c.name;
    EXPECT_EQ(b.messages(), c.messages) << c.name;
  }
}

}  // namespace
}  // namespace kgraph
