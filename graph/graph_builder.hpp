#pragma once
/// Turns records from any importer into a KnowledgeGraph: interprets fields, merges
/// repeated ids, checks the schema, and finally sorts everything into canonical order.
///
///   ImporterRegistry importers;
///   register_builtin_importers(importers);
///   Diagnostics diags;
///   GraphBuilder builder(Schema::builtin(), diags);
///   std::istringstream in(R"({"actors": [{"id": "un", "name": "United Nations"}]})");
///   importers.named("json")->read(in, diags.add_file("a.json"), "a.json", builder, ImportOptions{});
///   std::optional<KnowledgeGraph> g = builder.finish();  // nullopt if diags has errors
///
/// (tests/graph/graph_builder_example_test.cpp runs this example as it is written here.)

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/diagnostics.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/record.hpp"
#include "graph/record_sink.hpp"
#include "graph/record_view.hpp"
#include "graph/schema.hpp"

namespace kgraph {

/// A declared entity as staged so far, by the names it may be found by in a text.
struct NamedEntity {
  std::string id;
  EntityType type = EntityType::actor;
  std::string kind;                // empty: none
  std::vector<std::string> names;  // the name, then the aliases
};

/// A graph made from part of the inputs (`kgraph shard`): finished and sorted like any graph,
/// but ids its relations name may be declared by other inputs, so they stay in it as entities
/// that were never declared (`declared` lists the others).
struct PartialGraph {
  KnowledgeGraph graph;
  std::vector<std::uint32_t> declared;  // indices of the declared entities, ascending
};

/// How many elements the graph of the inputs holds (finish_counts()).
struct GraphCounts {
  std::size_t entities = 0;
  std::size_t relations = 0;  // equal relations merged, as in the graph
  std::size_t sources = 0;
};

namespace detail {
struct BuilderState;
}

class GraphBuilder final : public RecordSink {
 public:
  GraphBuilder(Schema schema, Diagnostics& diags);
  ~GraphBuilder() override;
  GraphBuilder(const GraphBuilder&) = delete;
  GraphBuilder& operator=(const GraphBuilder&) = delete;

  /// Interprets one record. Problems are reported to the diagnostics; the record's valid
  /// parts may still be staged, but finish() fails if any error was reported.
  void add(const RawRecord& record) override;
  /// The same for a record seen in its batch (the record relay's way: no text copied).
  void add(const RecordView& record);

  Diagnostics& diagnostics() override { return diags_; }
  const Schema& schema() const override;
  /// Starts loading what adding these records will look up, so that the lookups of a window
  /// of records wait on memory together rather than one after the other. Call it on records
  /// about to be add()ed; it changes nothing but timing.
  void prefetch(std::span<const RawRecord> records);
  void prefetch(std::span<const RecordView> records);

  /// Number of records added so far (for progress reports).
  std::uint64_t records() const { return records_; }

  /// Every entity declared so far (not those only referred to), in the order first seen, with
  /// its name and aliases: what the articles read after the other inputs look for.
  std::vector<NamedEntity> named_entities() const;

  /// Checks what can only be checked once all input is in (dangling ids, relation endpoints
  /// against the schema, cited sources), then returns the canonical graph, or nullopt if any
  /// error was reported at any point. The builder is empty afterwards. `helpers` threads beside
  /// the calling one share the sorting; the graph is the same whatever their number.
  std::optional<KnowledgeGraph> finish(unsigned helpers = 0);

  /// Makes every check finish() makes, and returns the sizes of the graph finish() would have
  /// returned, without sorting it into one (`kgraph validate`): nullopt if any error was
  /// reported. The builder is empty afterwards.
  std::optional<GraphCounts> finish_counts(unsigned helpers = 0);

  /// Like finish(), without the checks that need every input (dangling ids, relation
  /// endpoints against the schema, cited sources): those are left to whoever merges the
  /// partial graphs. nullopt if any error was reported. The builder is empty afterwards.
  std::optional<PartialGraph> finish_partial();

 private:
  enum class Checks { whole_graph, relation_ids };
  /// What every finish does first: folds what merging left pending, then makes the checks
  /// (all of check_whole_graph(), or only check_relation_ids()); on any error empties the
  /// builder and returns false.
  bool fold_and_check(Checks checks);
  /// Leaves the builder empty, with its schema.
  void empty();
  /// The checks of finish() that need all input; reported to the diagnostics.
  void check_whole_graph();
  /// Reports a relation `id` given to relations that are not equal (finish() and
  /// finish_partial() both, since the records of one input name them).
  void check_relation_ids();
  /// Sorts the staged elements into a graph; `declared`, unless null, gets the indices of the
  /// entities some record declared. `helpers` as finish()'s.
  KnowledgeGraph assemble(std::vector<std::uint32_t>* declared, unsigned helpers);

  template <class Record>
  void add_record(const Record& record);
  template <class Record>
  void prefetch_records(std::span<const Record> records);
  /// Reports a record past kMaxRecordValues or kMaxRecordTextBytes.
  template <class Record>
  bool within_limits(const Record& record);

  std::unique_ptr<detail::BuilderState> s_;
  Diagnostics& diags_;
  std::uint64_t records_ = 0;
  std::vector<std::uint32_t> prefetch_ids_;    // scratch of prefetch(): entity ids' hashes
  std::vector<std::uint32_t> prefetch_texts_;  // and the other strings'
};

}  // namespace kgraph
