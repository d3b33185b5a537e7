#include "graph/record_relay.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
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

}  // namespace
}  // namespace kgraph
