#pragma once
/// Turns Wikidata items (the entity JSON of dumps and of wbgetentities) into kgraph records
/// through a WikidataMapping (docs/inputs.md, "Wikidata"). Items go to the builder at once;
/// their relations wait for the end of the file, because a statement may name an item the
/// file holds further down. A relation to an item the file lacks becomes a stub entity when the
/// mapping says so for its property, and is otherwise dropped (counted, one warning per file).
///
///   WikidataEntityReader reader(mapping, {"en"}, file, builder);
///   reader.read_entity(node, line);  // node: one parsed entity; positions from `line` on
///   reader.finish();

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/graph_builder.hpp"
#include "graph/record.hpp"
#include "importers/ftm_held_relations.hpp"
#include "importers/json_tree.hpp"
#include "importers/wikidata_mapping.hpp"

namespace kgraph {

class WikidataEntityReader {
 public:
  /// `languages`: the label languages in order of preference (`--lang`); empty: English, then
  /// any language in code order.
  WikidataEntityReader(const WikidataMapping& mapping, std::vector<std::string> languages,
                       std::uint32_t file, RecordSink& builder);

  /// Reads one entity; the positions in `entity` count lines from `first_line` of the file.
  void read_entity(const JsonNode& entity, std::uint32_t first_line);
  /// Adds the relations held back whose ends are known (or stubbed), and reports what was
  /// left out.
  void finish();

 private:
  /// What an item of the file became, for checking relation ends against the schema.
  struct Made {
    EntityType type = EntityType::actor;
    const std::string* kind = nullptr;
  };
  /// Things left out, counted for one warning: how many, and where the first was.
  struct Skipped {
    std::size_t count = 0;
    Location first;
    void add(Location at) {
      if (count++ == 0) first = at;
    }
  };
  /// A statement's main value and qualifiers, with their places.
  struct Statement {
    const JsonNode* node = nullptr;
    const JsonNode* value = nullptr;  // mainsnak.datavalue.value; nullptr: no value
    TextPosition at;                  // where the value (or the statement) starts
  };

  Location at(const TextPosition& p) const {
    return Location{file_, first_line_ + p.line - 1, p.column};
  }
  void error(const TextPosition& p, std::string message, std::string hint = {});

  /// The statements of one property, preferred ones first, the deprecated ones left out (and
  /// counted in `deprecated` if given); false after reporting a malformed one.
  bool statements(const JsonNode& list, std::vector<Statement>& out, Skipped* deprecated = nullptr);
  const WikidataClassRule* class_of(const JsonNode* claims, std::string& first_class,
                                    TextPosition& class_at);
  void add_names(RawRecord& r, const JsonNode& entity, std::string_view qid, Location id_at);
  /// The date a time value holds, or nullopt after a warning at its place.
  std::optional<PartialDate> date_of(const JsonNode& value, TextPosition at);
  /// Sets start/end (or date) from the first properties (or qualifiers) stated.
  void add_dates(RawRecord& r, const JsonNode* owner, const std::vector<std::string>& start,
                 const std::vector<std::string>& end, const std::vector<std::string>& date,
                 bool qualifiers);
  void add_relations(const JsonNode& claims, std::string_view qid, const Made& self,
                     Location id_at);
  void collect_references(const JsonNode& statement);
  void add_source(const std::string& id, std::string_view url, std::string_view title,
                  Location where);
  void add_sources_field(RawRecord& r, Location where);
  /// Adds a relation whose ends are both known, if the schema admits their types and kinds;
  /// otherwise counts it for one warning.
  void add_relation(const RawRecord& r, const Made& from, const Made& to);
  const Made* stub(const std::string& qid, const WikidataStubRule& rule, Location where);
  const Made* known(const std::string& id) const;

  const WikidataMapping& mapping_;
  std::vector<std::string> languages_;
  std::uint32_t file_;
  RecordSink& builder_;
  std::uint32_t first_line_ = 1;

  RawRecord record_;
  RawRecord extra_;                   // sources and stubs made on the side
  std::vector<std::string> sources_;  // of the statement (or item) being read
  std::unordered_map<std::string, Made> entity_ids_;
  std::unordered_set<std::string> made_sources_;
  HeldRelations held_;

  std::map<std::string, Skipped, std::less<>> unmapped_classes_;  // by the first P31 value
  std::map<std::string, std::size_t, std::less<>> unmapped_properties_;
  Skipped unmapped_statements_;
  Skipped unlabelled_;
  Skipped not_items_;
  Skipped missing_;
  Skipped no_value_;
  Skipped deprecated_;
  Skipped dangling_;
  Skipped unfit_;
  std::string unfit_example_;
};

}  // namespace kgraph
