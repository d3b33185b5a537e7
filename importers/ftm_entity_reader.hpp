#pragma once
/// Turns the FollowTheMoney entities of one file, one JSON object per line, into kgraph records
/// through an FtmMapping (docs/formats/ftm.md). Entities go to the builder at once; relations
/// wait until the end of the file, because FtM writes entities in any order and a relation to an
/// entity the file does not hold is dropped (counted, one warning per file), not an error.
///
///   FtmEntityReader reader(mapping, file, builder);
///   reader.read_line(R"({"id": "p1", "schema": "Person", "properties": {"name": ["Ann"]}})", 1);
///   reader.finish();

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_builder.hpp"
#include "graph/record.hpp"
#include "importers/ftm_held_relations.hpp"
#include "importers/ftm_line_parser.hpp"
#include "importers/ftm_mapping.hpp"
#include "importers/id_table.hpp"

namespace kgraph {

/// The most relations one interval entity makes (its `from` values times its `to` values), so
/// that what a file makes stays linear in its size.
inline constexpr std::size_t kMaxFtmPairs = 1024;

class FtmEntityReader {
 public:
  FtmEntityReader(const FtmMapping& mapping, std::uint32_t file, RecordSink& builder);

  /// Reads one line (without its line break); `line` is its number in the file.
  void read_line(std::string_view text, std::uint32_t line);
  /// Adds the relations held back whose ends the file holds, and reports what was skipped.
  void finish();

 private:
  using Value = FtmValue;
  using Property = FtmProperty;
  using Entity = FtmEntity;
  /// What an entity of the file became, for checking relation ends against the schema.
  struct Made {
    EntityType type = EntityType::actor;
    const std::string* kind = nullptr;
  };
  struct Skipped {
    std::size_t count = 0;
    Location first;
  };

  const Property* find(const Entity& e, std::string_view name) const;

  void make_entity(const Entity& e, const FtmEntityRule& rule);
  void make_relations(const Entity& e, const FtmRelationRule& rule);

  /// Adds the source records of an entity and fills `sources_` with their ids.
  void collect_sources(const Entity& e);
  /// Sets `start` and `end` from the first date properties given; marks what it used.
  void add_dates(RawRecord& r, const Entity& e, const std::vector<std::string>& start,
                 const std::vector<std::string>& end);
  /// Adds every property not in `used_` as a property field.
  void add_properties(RawRecord& r, const Entity& e);
  void add_sources_field(RawRecord& r, Location where);
  void add_country(std::string_view code, std::string_view name, Location where);
  bool used(std::string_view property) const;
  std::optional<Made> known(std::string_view id) const { return entity_ids_.find(id); }
  /// Adds a relation whose ends are both known, if the schema admits their types and kinds;
  /// otherwise counts it for one warning.
  void add_relation(const RawRecord& r, const Made& from, const Made& to);

  const FtmMapping& mapping_;
  std::uint32_t file_;
  RecordSink& builder_;

  FtmLineParser parser_;
  RawRecord record_;
  RawRecord extra_;  // sources, countries and laws made on the side
  std::vector<std::string_view> used_;
  std::vector<std::string> sources_;
  IdTable<Made> entity_ids_;
  IdTable<bool> made_;  // ids of sources, countries and laws already added
  HeldRelations held_;
  std::map<std::string, Skipped, std::less<>> unmapped_;
  Skipped dangling_;
  Skipped unfit_;
  std::string unfit_example_;
  Skipped endless_;
  Skipped deleted_;
};

}  // namespace kgraph
