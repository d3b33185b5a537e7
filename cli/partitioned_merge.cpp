#include "cli/partitioned_merge.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "cli/phase_timer.hpp"
#include "cli/verb.hpp"
#include "graph/graph_builder.hpp"
#include "graph/graph_view.hpp"
#include "graph/record.hpp"
#include "graph/record_sink.hpp"
#include "graph/string_pool.hpp"
#include "importers/typed_records.hpp"

namespace kgraph::cli {
namespace {

/// The text of a record's single-string field, or "" (the builder reports what is wrong
/// with it when it reads the record).
std::string_view text_of(const RawRecord& r, std::string_view key) {
  const RawField* f = r.find(key);
  if (!f || f->is_list || f->values.size() != 1 || f->values[0].kind != ValueKind::string)
    return {};
  return f->values[0].text;
}

/// Every declared entity of every partition by id: its type and kind, what a relation from
/// another partition is checked against (and written with). About the id's bytes plus a dozen.
class EntityTable {
 public:
  struct Entity {
    EntityType type = EntityType::actor;
    std::string_view kind;
  };

  /// The first type wins, and the first kind given, as merging the records does; conflicting
  /// ones meet in one partition, whose merge reports them.
  void declare(std::string_view id, EntityType type, std::string_view kind) {
    const StrId key = strings_.intern(id);
    if (key >= entries_.size()) entries_.resize(static_cast<std::size_t>(key) + 1);
    if (!entries_[key].declared) {
      entries_[key] = {strings_.intern(kind), type, true};
    } else if (entries_[key].kind == kEmpty && !kind.empty()) {
      entries_[key].kind = strings_.intern(kind);  // a record without a kind leaves it open
    }
  }

  std::optional<Entity> find(std::string_view id) const {
    const StrId key = strings_.find(id);
    if (key == StringPool::kMissing || key >= entries_.size() || !entries_[key].declared)
      return std::nullopt;
    return Entity{entries_[key].type, strings_.view(entries_[key].kind)};
  }

 private:
  struct Entry {
    StrId kind = kEmpty;
    EntityType type = EntityType::actor;
    bool declared = false;
  };
  StringPool strings_;
  std::vector<Entry> entries_;  // by the id's string id (kinds' slots stay undeclared)
};

/// The first pass: entity records go to the table, source records to the builder that merges
/// every source (and their ids to `source_ids`); relations wait for their partition. What the
/// reader finds wrong with a line goes to `reading`, not to the run's diagnostics: the second
/// pass reads every line again and reports it there.
class TableSink final : public RecordSink {
 public:
  TableSink(EntityTable& table, GraphBuilder& sources, StringPool& source_ids, Diagnostics& reading)
      : table_(table), sources_(sources), source_ids_(source_ids), reading_(reading) {}
  void add(const RawRecord& r) override {
    if (r.section == Section::source) {
      if (const std::string_view id = text_of(r, "id"); !id.empty()) source_ids_.intern(id);
      sources_.add(r);
      return;
    }
    const std::optional<EntityType> type = entity_type_of(r.section);
    const std::string_view id = text_of(r, "id");
    if (type && !id.empty()) table_.declare(id, *type, text_of(r, "kind"));
  }
  Diagnostics& diagnostics() override { return reading_; }
  const Schema& schema() const override { return sources_.schema(); }

 private:
  EntityTable& table_;
  GraphBuilder& sources_;
  StringPool& source_ids_;
  Diagnostics& reading_;
};

/// A partition's records to its builder, but for the sources (merged in the first pass);
/// notes which ids they name, so that what other partitions declare can be declared here too.
class PartitionSink final : public RecordSink {
 public:
  explicit PartitionSink(GraphBuilder& builder) : builder_(builder) {}

  void add(const RawRecord& r) override {
    if (r.section == Section::source) return;
    if (r.section == Section::relation) {
      note(named_, text_of(r, "from"));
      note(named_, text_of(r, "to"));
    } else {
      note(declared_, text_of(r, "id"));
    }
    if (const RawField* f = r.find("sources"))
      for (const RawScalar& v : f->values)
        if (v.kind == ValueKind::string) note(cited_, v.text);
    builder_.add(r);
  }
  Diagnostics& diagnostics() override { return builder_.diagnostics(); }
  const Schema& schema() const override { return builder_.schema(); }

  /// Declares to the builder, as records without a place, the entities of other partitions
  /// this one's relations end at (id, type and kind: what the checks and the writers read)
  /// and the sources it cites. What no partition declares stays undeclared, for the builder to
  /// report where it is named.
  void declare_the_rest(const EntityTable& table, const StringPool& source_ids) {
    RawRecord stub;
    for (const std::string& id : named_) {
      if (declared_.count(id)) continue;
      const std::optional<EntityTable::Entity> e = table.find(id);
      if (!e) continue;
      stub.clear();
      stub.section = section_of(e->type);
      add_text(stub, "id", id, {});
      add_text(stub, "name", id, {});
      if (!e->kind.empty()) add_text(stub, "kind", e->kind, {});
      builder_.add(stub);
    }
    for (const std::string& id : cited_) {
      if (source_ids.find(id) == StringPool::kMissing) continue;
      stub.clear();
      stub.section = Section::source;
      add_text(stub, "id", id, {});
      builder_.add(stub);
    }
  }

 private:
  static void note(std::unordered_set<std::string>& set, std::string_view id) {
    if (!id.empty()) set.emplace(id);
  }

  GraphBuilder& builder_;
  std::unordered_set<std::string> declared_, named_, cited_;
};

void read_part(const InputFile& file, Diagnostics& diags, RecordSink& sink) {
  read_input(file, diags.add_file(file.name), sink, ImportOptions{}, [](std::uint64_t) {});
}

/// Partition p merged and checked against the tables; nullopt when `diags` has errors.
std::optional<KnowledgeGraph> merge_partition(const std::vector<InputFile>& files,
                                              const Schema& schema, Diagnostics& diags,
                                              const EntityTable& table,
                                              const StringPool& source_ids) {
  GraphBuilder builder(schema, diags);
  PartitionSink sink(builder);
  for (const InputFile& file : files) {
    if (diags.too_many_errors()) return std::nullopt;
    read_part(file, diags, sink);
  }
  sink.declare_the_rest(table, source_ids);
  return builder.finish();
}

}  // namespace

bool merge_by_partition(InputSession& session, const Schema& schema, const PartFiles& parts,
                        const std::vector<PartWriter*>& writers, Context& ctx) {
  Diagnostics& diags = session.diagnostics();
  Progress& progress = session.progress();
  const auto failed = [&] {
    session.print_diagnostics();
    return false;
  };

  // (1) The tables, and every source merged.
  EntityTable table;
  StringPool source_ids;
  GraphBuilder source_builder(schema, diags);
  std::optional<PhaseTimer> phase(std::in_place, ctx.err, "tables");
  {
    Diagnostics reading = diags.with_same_files();
    TableSink sink(table, source_builder, source_ids, reading);
    for (const std::vector<InputFile>& files : parts) {
      for (const InputFile& file : files) {
        if (diags.too_many_errors() || reading.too_many_errors()) break;
        progress.step("reading the ids of " + file.name);
        // The same number in both: the builder reports sources at the reader's places.
        diags.add_file(file.name);
        read_part(file, reading, sink);
      }
    }
  }
  std::optional<KnowledgeGraph> sources = source_builder.finish();

  // (2) Each partition merged and checked; the writers learn what their files need.
  phase.emplace(ctx.err, "plan");
  for (std::uint32_t p = 0; p < parts.size() && !diags.too_many_errors(); ++p) {
    progress.step("merging part " + std::to_string(p + 1) + " of " + std::to_string(parts.size()));
    const std::optional<KnowledgeGraph> graph =
        merge_partition(parts[p], schema, diags, table, source_ids);
    if (!graph) continue;  // the other partitions' problems are reported too
    const GraphView view(*graph);
    for (PartWriter* w : writers) w->plan(view, p);
  }
  if (diags.has_errors() || !sources) return failed();
  const GraphView source_view(*sources);
  for (PartWriter* w : writers) w->plan_sources(source_view);
  for (PartWriter* w : writers) w->begin();

  // (3) Each partition again, written. Its problems were reported in (2): warnings are not
  // repeated.
  phase.emplace(ctx.err, "write");
  for (std::uint32_t p = 0; p < parts.size(); ++p) {
    progress.step("writing part " + std::to_string(p + 1) + " of " + std::to_string(parts.size()));
    Diagnostics again;
    const std::optional<KnowledgeGraph> graph =
        merge_partition(parts[p], schema, again, table, source_ids);
    if (!graph) throw read_error(parts[p].front().name, "changed while kgraph merge read it");
    const GraphView view(*graph);
    for (PartWriter* w : writers) w->write(view, p);
  }
  for (PartWriter* w : writers) w->write_sources(source_view);
  for (PartWriter* w : writers) w->end();
  phase.reset();
  session.print_diagnostics();
  return true;
}

}  // namespace kgraph::cli
