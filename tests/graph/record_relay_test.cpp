#include "graph/record_relay.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kgraph {
namespace {

/// What the builder ended with: every message, then the graph's entities and relations.
struct Outcome {
  std::vector<std::string> lines;
  std::size_t errors = 0;
  std::string thrown;
  bool operator==(const Outcome&) const = default;
};

RawRecord entity(std::uint32_t file, std::uint32_t line, const std::string& id) {
  RawRecord r;
  r.section = Section::actor;
  r.at = Location{file, line, 1};
  r.add_field("id", Location{file, line, 2}).values.push_back(RawScalar::of_string(id));
  r.add_field("name", Location{file, line, 12}).values.push_back(RawScalar::of_string("N " + id));
  return r;
}

RawRecord relation(std::uint32_t file, std::uint32_t line, const std::string& from,
                   const std::string& to) {
  RawRecord r;
  r.section = Section::relation;
  r.at = Location{file, line, 1};
  r.add_field("from", Location{file, line, 2}).values.push_back(RawScalar::of_string(from));
  r.add_field("type", Location{file, line, 12}).values.push_back(RawScalar::of_string("member_of"));
  // An empty `to` is an error the builder reports; every 7th relation has one.
  r.add_field("to", Location{file, line, 22}).values.push_back(RawScalar::of_string(to));
  return r;
}

/// Input `file`: `records` records, entities first, then relations among them (some with an
/// error the builder finds), with a problem of the reader's own reported every 50 lines and,
/// if `throw_at` > 0, an exception at that line. Stops, as importers do, once the sink has
/// too many errors.
ReadJob job(std::uint32_t file, std::uint32_t records, std::uint32_t throw_at = 0) {
  return ReadJob{[=](RecordSink& sink) {
    const std::uint32_t entities = std::max<std::uint32_t>(1, records / 4);
    for (std::uint32_t line = 1; line <= records; ++line) {
      if (sink.diagnostics().too_many_errors()) return;
      if (line == throw_at) throw std::runtime_error("input broke at line " + std::to_string(line));
      if (line % 50 == 0) sink.diagnostics().error(Location{file, line, 1}, "reader's problem");
      const std::string prefix = "f" + std::to_string(file) + "-";
      if (line <= entities) {
        sink.add(entity(file, line, prefix + std::to_string(line)));
      } else {
        const std::uint32_t a = line * 7919 % entities + 1, b = line * 104729 % entities + 1;
        sink.add(relation(file, line, prefix + std::to_string(a),
                          line % 7 == 0 ? "" : prefix + std::to_string(b)));
      }
    }
  }};
}

/// Runs the jobs with `workers` (-1: each straight into the builder, the reference).
Outcome run(const std::vector<std::uint32_t>& sizes, int workers, std::uint32_t throw_at = 0) {
  Diagnostics diags;
  std::vector<ReadJob> jobs;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const std::uint32_t file = diags.add_file("in" + std::to_string(i) + ".jsonl");
    jobs.push_back(job(file, sizes[i], i == 1 ? throw_at : 0));
  }
  GraphBuilder builder(Schema::builtin(), diags);
  Outcome out;
  try {
    if (workers < 0) {
      for (const ReadJob& j : jobs) {
        if (diags.too_many_errors()) break;
        j.read(builder);
      }
    } else {
      read_relayed(builder, jobs, static_cast<unsigned>(workers), {});
    }
  } catch (const std::runtime_error& e) {
    out.thrown = e.what();
  }
  for (const Diagnostic& d : diags.sorted()) out.lines.push_back(diags.format(d));
  out.errors = diags.error_count();
  diags = Diagnostics();  // finish() would add its own checks' messages: count only the graph
  if (std::optional<PartialGraph> g = builder.finish_partial()) {
    for (const Entity& e : g->graph.entities()) out.lines.emplace_back(g->graph.str(e.id));
    out.lines.push_back("relations " + std::to_string(g->graph.relations().size()));
  }
  return out;
}

// Reading on the builder's thread gathers records in batches and prefetches their lookups:
// the builder must still end with what adding each record at once gives.
TEST(RecordRelay, BatchesGiveWhatReadingStraightIntoTheBuilderGives) {
  const std::vector<std::uint32_t> sizes{3000, 257, 1};
  const Outcome reference = run(sizes, -1);
  ASSERT_GT(reference.errors, 100u);
  ASSERT_GT(reference.lines.size(), 1000u);
  for (int workers : {0, 1, 2}) EXPECT_TRUE(run(sizes, workers) == reference) << workers;
}

TEST(RecordRelay, AnExceptionComesAfterWhatWasReadBeforeIt) {
  const std::vector<std::uint32_t> sizes{600, 2000, 300};
  const Outcome reference = run(sizes, -1, 1100);
  ASSERT_EQ(reference.thrown, "input broke at line 1100");
  for (int workers : {0, 1, 2}) EXPECT_TRUE(run(sizes, workers, 1100) == reference) << workers;
}

TEST(RecordRelay, TooManyErrorsStopAtTheSameRecord) {
  // Past Diagnostics' limit of 10000 errors: a relation in 7 has one, and a line in 50.
  const std::vector<std::uint32_t> sizes{90000, 500};
  const Outcome reference = run(sizes, -1);
  ASSERT_TRUE(reference.errors >= 10000 && reference.errors < 10100) << reference.errors;
  for (int workers : {0, 1}) EXPECT_TRUE(run(sizes, workers) == reference) << workers;
}

/// A record of `section` at `line` of `file` with the given fields, each a string, a list of
/// strings (given as "[a|b]"), or a number or boolean (given as "#12", "#1.5", "#true").
RawRecord record(Section section, std::uint32_t file, std::uint32_t line,
                 const std::vector<std::pair<std::string, std::string>>& fields) {
  RawRecord r;
  r.section = section;
  r.at = Location{file, line, 1};
  std::uint32_t column = 2;
  for (const auto& [key, text] : fields) {
    RawField& f = r.add_field(key, Location{file, line, column});
    column += 10;
    if (text.size() > 1 && text.front() == '[' && text.back() == ']') {
      f.is_list = true;
      std::string rest = text.substr(1, text.size() - 2);
      for (std::size_t at = 0; at <= rest.size();) {
        const std::size_t bar = std::min(rest.find('|', at), rest.size());
        f.values.push_back(RawScalar::of_string(rest.substr(at, bar - at)));
        at = bar + 1;
      }
    } else if (text.size() > 1 && text.front() == '#') {
      RawScalar v;
      v.text = text.substr(1);
      if (v.text == "true") {
        v.kind = ValueKind::boolean;
        v.boolean = true;
      } else if (v.text.find('.') != std::string::npos) {
        v.kind = ValueKind::real;
        v.real = std::stod(v.text);
      } else {
        v.kind = ValueKind::integer;
        v.integer = std::stoll(v.text);
      }
      f.values.push_back(v);
    } else if (text != "null") {
      f.values.push_back(RawScalar::of_string(text));
    }
  }
  return r;
}

/// Gives `records` to `builder` straight (workers < 0) or through the relay with `workers`.
void feed(GraphBuilder& builder, const std::vector<RawRecord>& records, int workers) {
  const std::vector<ReadJob> jobs{ReadJob{[&](RecordSink& sink) {
    for (const RawRecord& r : records) sink.add(r);
  }}};
  if (workers < 0)
    jobs[0].read(builder);
  else
    read_relayed(builder, jobs, static_cast<unsigned>(workers), {});
}

std::string describe(const KnowledgeGraph& g, const PropertyList& props) {
  std::string out;
  for (const Property& p : props) {
    out += " " + std::string(g.str(p.key)) + "=";
    for (const Value& v : p.values) {
      switch (v.kind) {
        case ValueKind::string:
          out += std::string(g.str(v.string)) + ";";
          break;
        case ValueKind::integer:
          out += std::to_string(v.integer) + ";";
          break;
        case ValueKind::real:
          out += std::to_string(v.real) + ";";
          break;
        case ValueKind::boolean:
          out += v.boolean ? "true;" : "false;";
          break;
      }
    }
  }
  return out;
}

std::string describe(const KnowledgeGraph& g, ListId list) {
  std::string out = " [";
  for (StrId s : g.list(list)) out += std::string(g.str(s)) + ",";
  return out + "]";
}

// Records of every section with fields of every kind, good and bad: the builder must interpret
// a record seen in its batch (RecordView) as it does the record itself, to the same graph and
// the same messages.
TEST(RecordRelay, EveryKindOfFieldReadsTheSameFromABatch) {
  std::vector<RawRecord> records{
      record(Section::source, 1, 1, {{"id", "s1"}, {"title", "T"}, {"date", "2001-02"}}),
      record(Section::source, 1, 2, {{"id", "s2"}, {"url", "http://x"}, {"extra", "#3"}}),
      record(Section::actor, 1, 3,
             {{"id", "a"},
              {"name", "Zed"},
              {"kind", "person"},
              {"aliases", "[Z|Zee]"},
              {"sources", "[s2|s1]"},
              {"description", "d"},
              {"score", "#1.5"},
              {"active", "#true"},
              {"tags", "[x|y|x]"},
              {"born", "1970"}}),
      record(Section::actor, 1, 4, {{"id", "a"}, {"name", "Alpha"}, {"sources", "[s1]"}}),
      record(Section::actor, 1, 5, {{"id", "b"}, {"name", "Beta"}, {"kind", "organization"}}),
      record(Section::place, 1, 6, {{"id", "p"}, {"name", "P"}, {"within", "q"}}),
      record(Section::place, 1, 7, {{"id", "q"}, {"name", "Q"}, {"kind", "country"}}),
      record(Section::event, 1, 8,
             {{"id", "e"}, {"name", "E"}, {"start", "2001"}, {"end", "2002-03"}, {"place", "p"}}),
      record(Section::relation, 1, 9,
             {{"from", "a"},
              {"type", "member_of"},
              {"to", "b"},
              {"role", "chair"},
              {"sources", "[s1]"},
              {"start", "2001"},
              {"quote", "q1"},
              {"weight", "#2"}}),
      record(Section::relation, 1, 10,
             {{"from", "a"},
              {"type", "member_of"},
              {"to", "b"},
              {"role", "chair"},
              {"start", "2001"},
              {"sources", "[s2]"},
              {"id", "[r1|r2]"}}),
      record(Section::relation, 1, 11, {{"from", "a"}, {"type", "participated_in"}, {"to", "e"}}),
      // Problems, one or more in each.
      record(Section::actor, 1, 12, {{"id", "c"}, {"name", ""}, {"type", "x"}}),
      record(Section::actor, 1, 13, {{"id", "d"}, {"name", "D"}, {"date", "2001-13"}}),
      record(Section::actor, 1, 14, {{"id", "f"}, {"name", "F"}, {"kind", "planet"}}),
      record(Section::place, 1, 15, {{"id", "g"}, {"name", "G"}, {"place", "p"}, {"from", "a"}}),
      record(Section::relation, 1, 16, {{"from", "a"}, {"type", "likes"}, {"to", "b"}}),
      record(Section::relation, 1, 17,
             {{"from", "a"}, {"type", "member_of"}, {"to", "nobody"}, {"record", "x"}}),
      record(Section::relation, 1, 18, {{"from", ""}, {"to", "b"}, {"date", "#2001"}}),
      record(Section::event, 1, 19,
             {{"id", "h"},
              {"name", "H"},
              {"date", "2001"},
              {"start", "2000"},
              {"\x01"
               "bad",
               "v"}}),
      record(Section::actor, 1, 20, {{"id", "a"}, {"name", "Zed"}, {"kind", "organization"}}),
      record(
          Section::relation, 0, 21,
          {{"from", "b"}, {"type", "member_of"}, {"to", "a"}, {"id", "r3"}, {"sources", "[s9]"}}),
      record(Section::source, 1, 22, {{"id", "s1"}, {"date", "1999"}}),
      record(Section::actor, 1, 23, {{"id", "i"}, {"name", "[I]"}, {"kind", "null"}}),
  };

  auto outcome = [&](int workers) {
    Diagnostics diags;
    diags.add_file("in.jsonl");
    GraphBuilder builder(Schema::builtin(), diags);
    feed(builder, records, workers);
    Outcome out;
    for (const Diagnostic& d : diags.sorted()) out.lines.push_back(diags.format(d));
    out.errors = diags.error_count();
    // The graph as well, though the records had errors: finish_partial() looks at the
    // diagnostics it is given.
    diags = Diagnostics();
    diags.add_file("in.jsonl");
    if (std::optional<PartialGraph> g = builder.finish_partial()) {
      const KnowledgeGraph& k = g->graph;
      for (const Entity& e : k.entities())
        out.lines.push_back(std::string(k.str(e.id)) + " " + std::string(k.str(e.name)) + " " +
                            std::string(k.str(e.kind)) + " " + e.start.to_string() + ".." +
                            e.end.to_string() + describe(k, e.aliases) + describe(k, e.sources) +
                            describe(k, e.properties));
      for (const Relation& r : k.relations())
        out.lines.push_back(
            std::string(k.str(k.entities()[r.from].id)) + " " + std::string(k.str(r.type)) + " " +
            std::string(k.str(k.entities()[r.to].id)) + " " + std::string(k.str(r.role)) + " " +
            r.start.to_string() + describe(k, r.sources) + describe(k, k.properties_of(r)));
      for (const Source& src : k.sources())
        out.lines.push_back(std::string(k.str(src.id)) + " " + src.date.to_string() +
                            describe(k, src.properties));
    }
    return out;
  };
  const Outcome reference = outcome(-1);
  ASSERT_GE(reference.errors, 10u);
  ASSERT_NE(std::find(reference.lines.begin(), reference.lines.end(),
                      "a Alpha person .. [Z,Zed,Zee,] [s1,s2,] active=true; born=1970; "
                      "description=d; score=1.500000; tags=x;y;"),
            reference.lines.end());
  for (int workers : {0, 1, 2}) {
    const Outcome relayed = outcome(workers);
    EXPECT_EQ(relayed.lines, reference.lines) << workers;
    EXPECT_EQ(relayed.errors, reference.errors) << workers;
  }
}

// A record seen in its batch is held to the limits by what packing counted: past either, it is
// refused with the message the record itself gets.
TEST(RecordRelay, RecordsPastTheLimitsAreRefusedTheSameFromABatch) {
  std::vector<RawRecord> records(3);
  records[0] = record(Section::actor, 1, 1, {{"id", "a"}, {"name", "A"}});
  RawField& many = records[0].add_field("tags", Location{1, 1, 40});
  many.is_list = true;
  many.values.assign(kMaxRecordValues + 1, RawScalar::of_string("t"));
  records[1] = record(Section::actor, 1, 2, {{"id", "b"}, {"name", "B"}});
  records[1]
      .add_field("note", Location{1, 2, 40})
      .values.push_back(RawScalar::of_string(std::string(kMaxRecordTextBytes, 'x')));
  records[2] = record(Section::actor, 1, 3, {{"id", "c"}, {"name", "C"}});
  auto outcome = [&](int workers) {
    Diagnostics diags;
    diags.add_file("in.jsonl");
    GraphBuilder builder(Schema::builtin(), diags);
    feed(builder, records, workers);
    std::vector<std::string> lines;
    for (const Diagnostic& d : diags.sorted()) lines.push_back(diags.format(d));
    return lines;
  };
  const std::vector<std::string> reference = outcome(-1);
  ASSERT_EQ(reference.size(), 2u);
  EXPECT_NE(reference[0].find("record holds " + std::to_string(kMaxRecordValues + 3) + " values"),
            std::string::npos)
      << reference[0];
  EXPECT_NE(reference[1].find("MiB of text"), std::string::npos) << reference[1];
  EXPECT_EQ(outcome(1), reference);
}

}  // namespace
}  // namespace kgraph
