#include "graph/graph_builder.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "graph/flat_index.hpp"
#include "graph/list_pool.hpp"
#include "graph/merge_backlog.hpp"
#include "graph/text.hpp"

namespace kgraph {
namespace {

using detail::FlatIndex;
using detail::mix_hash;

/// An entity while inputs are still arriving. `declared` is false for ids that so far were
/// only referenced by a relation; `at` is then the first reference.
struct StagedEntity {
  Entity entity;
  Location at;
  bool declared = false;
};

struct StagedSource {
  Source source;
  Location at;
};

/// Where a relation's endpoints were written, kept only until finish() has checked them.
struct RelationPlaces {
  Location from_at;
  Location to_at;
};

std::string place_text(const Diagnostics& diags, Location at) {
  std::string s = diags.file_name(at.file);
  if (at.line > 0) s += ":" + std::to_string(at.line);
  return s;
}

/// Finds a problem that no output format could carry: C0 controls other than tab, newline
/// and carriage return, and the non-characters U+FFFE/U+FFFF (both excluded from XML 1.0).
const char* text_problem(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return "a control character";
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE)
      return "the non-character U+FFFE or U+FFFF";
  }
  return nullptr;
}

/// Iterators that feed the sorted relations to Boost's CSR constructor without copying them.
struct EdgeIter {
  const Relation* r;
  using iterator_category = std::forward_iterator_tag;
  using value_type = std::pair<std::uint32_t, std::uint32_t>;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = value_type;
  value_type operator*() const { return {r->from, r->to}; }
  EdgeIter& operator++() {
    ++r;
    return *this;
  }
  EdgeIter operator++(int) {
    EdgeIter t = *this;
    ++r;
    return t;
  }
  bool operator==(const EdgeIter& o) const { return r == o.r; }
  bool operator!=(const EdgeIter& o) const { return r != o.r; }
};
struct RefIter {
  std::uint32_t i;
  using iterator_category = std::forward_iterator_tag;
  using value_type = RelationRef;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = RelationRef;
  RelationRef operator*() const { return RelationRef{i}; }
  RefIter& operator++() {
    ++i;
    return *this;
  }
  RefIter operator++(int) {
    RefIter t = *this;
    ++i;
    return t;
  }
};

}  // namespace

namespace detail {
struct BuilderState {
  explicit BuilderState(Schema s) : schema(std::move(s)) {}

  Schema schema;
  StringPool strings;
  ListPool lists;

  std::vector<StagedEntity> entities;
  // Entity slot by the StrId of its id: a direct index, one cache miss instead of a probe.
  std::vector<std::uint32_t> entity_of_string;
  std::vector<StagedSource> sources;
  FlatIndex source_index;

  std::vector<Relation> relations;  // from/to are staging entity slots until finish()
  std::vector<RelationPlaces> relation_places;
  std::vector<PropertyList> relation_properties{PropertyList{}};
  FlatIndex relation_index;
  std::unordered_map<StrId, std::uint32_t> relation_ids;  // relation `id` -> relation

  // Elements whose lists or properties grew large: what later records add, not yet folded
  // in (merge_backlog.hpp). By entity slot, source slot and relation index.
  std::unordered_map<std::uint32_t, MergeBacklog> entity_backlogs;
  std::unordered_map<std::uint32_t, MergeBacklog> source_backlogs;
  std::unordered_map<std::uint32_t, MergeBacklog> relation_backlogs;

  // Scratch buffers reused between records.
  std::vector<StrId> scratch_ids;
  std::vector<KeyedValue> scratch_pairs;  // the property values of the record being read
  std::vector<StrId> fold_ids;
  std::vector<KeyedValue> fold_pairs;

  StrId key_description = strings.intern("description");
  StrId key_quote = strings.intern("quote");
  StrId key_id = strings.intern("id");
  StrId key_title = strings.intern("title");
  StrId key_publisher = strings.intern("publisher");
  StrId key_url = strings.intern("url");
  StrId rel_occurred_in = strings.intern("occurred_in");
  StrId rel_located_in = strings.intern("located_in");
  StrId rel_part_of = strings.intern("part_of");

  std::uint32_t entity_slot(StrId id, Location at) {
    if (id >= entity_of_string.size())
      entity_of_string.resize(std::max<std::size_t>(id + 1, strings.size() + strings.size() / 2),
                              FlatIndex::kNone);
    std::uint32_t& slot = entity_of_string[id];
    if (slot != FlatIndex::kNone) return slot;
    slot = static_cast<std::uint32_t>(entities.size());
    StagedEntity staged;
    staged.entity.id = id;
    staged.at = at;
    entities.push_back(std::move(staged));
    return slot;
  }

  std::uint32_t source_slot(StrId id, Location at, bool& fresh) {
    const std::uint32_t h = mix_hash(id);
    std::uint32_t slot =
        source_index.find(h, [&](std::uint32_t s) { return sources[s].source.id == id; });
    fresh = slot == FlatIndex::kNone;
    if (!fresh) return slot;
    slot = static_cast<std::uint32_t>(sources.size());
    StagedSource staged;
    staged.source.id = id;
    staged.at = at;
    sources.push_back(std::move(staged));
    source_index.insert(h, slot);
    return slot;
  }

  /// Adds strings to an element's sorted list, less `drop` (kMissing: nothing). A short list
  /// merges at once; a long one through the element's backlog, folded in with one sort when
  /// the backlog is as long as the list, so that n additions cost n log n in all.
  void add_to_list(ListId& list, std::span<const StrId> more, StrId drop,
                   std::unordered_map<std::uint32_t, MergeBacklog>& backlogs, std::uint32_t slot,
                   std::vector<StrId> MergeBacklog::*pending) {
    if (more.empty()) return;
    const std::size_t have = lists.view(list).size();
    if (have < kMergeAtOnceBelow) {
      list = lists.merge(list, more, strings);
      if (drop != StringPool::kMissing) {
        auto items = lists.view(list);
        if (std::find(items.begin(), items.end(), drop) != items.end()) {
          fold_ids.assign(items.begin(), items.end());
          fold_ids.erase(std::remove(fold_ids.begin(), fold_ids.end(), drop), fold_ids.end());
          list = lists.intern(fold_ids);
        }
      }
      return;
    }
    std::vector<StrId>& waiting = backlogs[slot].*pending;
    waiting.insert(waiting.end(), more.begin(), more.end());
    if (waiting.size() >= have) list = fold_list(list, waiting, drop, lists, strings, fold_ids);
  }

  /// Adds a record's properties to an element's, the same way: small sets merge at once, large
  /// ones through the backlog. `from` may be left empty (moved from).
  void add_properties(PropertyList& into, PropertyList& from,
                      std::unordered_map<std::uint32_t, MergeBacklog>& backlogs,
                      std::uint32_t slot) {
    if (from.empty()) return;
    if (into.empty()) {
      // A backlog is never pending beside an empty set: it holds values only while the set
      // has at least kMergeAtOnceBelow.
      into.swap(from);
      return;
    }
    auto small_count = [](const PropertyList& p) {
      return p.size() >= kMergeAtOnceBelow ? kMergeAtOnceBelow : value_count(p);
    };
    if (small_count(into) + small_count(from) < kMergeAtOnceBelow) {
      merge_properties(into, from, strings);
      return;
    }
    auto [it, fresh] = backlogs.try_emplace(slot);
    MergeBacklog& b = it->second;
    if (fresh || b.properties.empty()) b.folded_values = value_count(into);
    append_pairs(from, b.properties);
    // Folding at once while the set is small keeps "pending implies large" true, so that the
    // at-once path above never passes values waiting here (the first of equal values wins).
    if (b.properties.size() >= b.folded_values || b.folded_values < kMergeAtOnceBelow) {
      fold_properties(into, b.properties, strings, fold_pairs);
      b.folded_values = value_count(into);
    }
  }

  /// Folds every backlog in; finish() calls it before anything reads the lists. In slot order,
  /// so that lists are interned in the same order on every run.
  void fold_backlogs() {
    auto in_order = [](std::unordered_map<std::uint32_t, MergeBacklog>& backlogs) {
      std::vector<std::pair<std::uint32_t, MergeBacklog*>> out;
      out.reserve(backlogs.size());
      for (auto& [slot, b] : backlogs) out.emplace_back(slot, &b);
      std::sort(out.begin(), out.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      return out;
    };
    for (auto [slot, b] : in_order(entity_backlogs)) {
      Entity& e = entities[slot].entity;
      e.aliases = fold_list(e.aliases, b->aliases, e.name, lists, strings, fold_ids);
      e.sources = fold_list(e.sources, b->sources, StringPool::kMissing, lists, strings, fold_ids);
      fold_properties(e.properties, b->properties, strings, fold_pairs);
    }
    for (auto [slot, b] : in_order(source_backlogs))
      fold_properties(sources[slot].source.properties, b->properties, strings, fold_pairs);
    for (auto [index, b] : in_order(relation_backlogs)) {
      Relation& r = relations[index];
      r.sources = fold_list(r.sources, b->sources, StringPool::kMissing, lists, strings, fold_ids);
      fold_properties(relation_properties[r.properties], b->properties, strings, fold_pairs);
    }
    std::unordered_map<std::uint32_t, MergeBacklog>().swap(entity_backlogs);
    std::unordered_map<std::uint32_t, MergeBacklog>().swap(source_backlogs);
    std::unordered_map<std::uint32_t, MergeBacklog>().swap(relation_backlogs);
  }

  static std::uint32_t relation_hash(const Relation& r) {
    std::uint64_t h = r.from;
    h = h * 0x9E3779B97F4A7C15ull + r.to;
    h = h * 0x9E3779B97F4A7C15ull + r.type;
    h = h * 0x9E3779B97F4A7C15ull + r.role;
    h = h * 0x9E3779B97F4A7C15ull +
        (static_cast<std::uint64_t>(r.start.first_day()) << 32 | r.end.last_day());
    h = h * 0x9E3779B97F4A7C15ull + (r.start.precision() == DatePrecision::none) * 2 +
        (r.end.precision() == DatePrecision::none);
    return mix_hash(h);
  }
  static bool same_key(const Relation& a, const Relation& b) {
    return a.from == b.from && a.to == b.to && a.type == b.type && a.role == b.role &&
           a.start == b.start && a.end == b.end;
  }
};
}  // namespace detail

using detail::BuilderState;

/// Interprets the fields of one record. Field-level problems are reported here, against the
/// field's own location.
class RecordInterpreter {
 public:
  RecordInterpreter(BuilderState& s, Diagnostics& diags, const RawRecord& r)
      : s_(s), diags_(diags), r_(r) {
    s_.scratch_pairs.clear();
  }

  void run() {
    switch (r_.section) {
      case Section::source:
        return source();
      case Section::relation:
        return relation();
      case Section::actor:
        return entity(EntityType::actor);
      case Section::law:
        return entity(EntityType::law);
      case Section::event:
        return entity(EntityType::event);
      case Section::place:
        return entity(EntityType::place);
    }
  }

 private:
  void error(Location at, std::string message) {
    diags_.error(at, std::move(message));
    ok_ = false;
  }

  /// A field that must hold one string. Returns false (after reporting) otherwise.
  bool one_string(const RawField& f, std::string_view& out) {
    if (f.is_list || f.values.size() != 1 || f.values[0].kind != ValueKind::string) {
      error(f.at, "field " + quoted(f.key) + " must be a string");
      return false;
    }
    out = f.values[0].text;
    return true;
  }

  /// A field that holds a string or a list of strings.
  bool strings(const RawField& f, std::vector<std::string_view>& out) {
    out.clear();
    for (const RawScalar& v : f.values) {
      if (v.kind != ValueKind::string) {
        error(f.at, "field " + quoted(f.key) + " must be a string or a list of strings");
        return false;
      }
      if (!checked_text(f, v.text)) return false;
      out.push_back(v.text);
    }
    return true;
  }

  bool checked_text(const RawField& f, std::string_view text) {
    if (const char* problem = text_problem(text)) {
      error(f.at, "field " + quoted(f.key) + " contains " + problem +
                      ", which no output format can carry");
      return false;
    }
    return true;
  }

  bool checked_id(const RawField& f, std::string_view id) {
    if (id.empty()) {
      error(f.at, "field " + quoted(f.key) + " must not be empty");
      return false;
    }
    if (has_control_character(id)) {
      error(f.at, "field " + quoted(f.key) + " must not contain control characters (found in " +
                      quoted(id) + ")");
      return false;
    }
    return checked_text(f, id);
  }

  bool parse_date(const RawField& f, PartialDate& out) {
    if (f.is_list || f.values.size() != 1 || f.values[0].kind != ValueKind::string) {
      std::string hint;
      if (f.values.size() == 1 && f.values[0].kind == ValueKind::integer)
        hint = " (write the year as a string: \"" + std::to_string(f.values[0].integer) + "\")";
      error(f.at, "field " + quoted(f.key) +
                      " must be a date string such as \"2006\", \"2006-09\" or \"2006-09-19\"" +
                      hint);
      return false;
    }
    auto d = parse_partial_date(f.values[0].text);
    if (!d) {
      error(f.at, invalid_date_message(f.values[0].text, f.key));
      return false;
    }
    out = *d;
    return true;
  }

  /// Reads `date` or `start`/`end` into the pair; reports the combinations docs/data-model.md forbids.
  void dates(const RawField* date, const RawField* start, const RawField* end, PartialDate& from,
             PartialDate& to) {
    if (date && (start || end)) {
      error(
          date->at,
          "field \"date\" cannot be combined with \"start\"/\"end\"; use either date or start/end");
      return;
    }
    if (date) {
      if (parse_date(*date, from)) to = from;
      return;
    }
    if (start) parse_date(*start, from);
    if (end) parse_date(*end, to);
    if (from.present() && to.present() && from.first_day() > to.last_day())
      error(start->at,
            "start " + quoted(from.to_string()) + " is after end " + quoted(to.to_string()));
  }

  /// Collects the values of a field under `key`; properties() sorts them all at once.
  void add_values(const RawField& f, StrId key) {
    for (const RawScalar& v : f.values) {
      Value value;
      switch (v.kind) {
        case ValueKind::string:
          if (!checked_text(f, v.text)) return;
          value = Value::of_string(s_.strings.intern(v.text));
          break;
        case ValueKind::integer:
          value = Value::of_int(v.integer);
          break;
        case ValueKind::real:
          value = Value::of_real(v.real);
          break;
        case ValueKind::boolean:
          value = Value::of_bool(v.boolean);
          break;
      }
      s_.scratch_pairs.push_back(
          KeyedValue{key, static_cast<std::uint32_t>(s_.scratch_pairs.size()), value});
    }
  }

  /// The record's properties collected so far, sorted once (one record may have many).
  PropertyList properties() {
    PropertyList props;
    build_properties(s_.scratch_pairs, props, s_.strings);
    return props;
  }

  /// Any field not interpreted otherwise: a property, if its name is usable.
  void property(const RawField& f) {
    if (f.key.empty() || has_control_character(f.key)) {
      error(f.at,
            "property name " + quoted(f.key) + " must be non-empty and without control characters");
      return;
    }
    if (!checked_text(f, f.key)) return;
    add_values(f, s_.strings.intern(f.key));
  }

  void string_property(const RawField& f, StrId key) {
    std::vector<std::string_view> values;
    if (!strings(f, values)) return;
    add_values(f, key);
  }

  ListId source_list(const RawField* f) {
    if (!f) return 0;
    std::vector<std::string_view> ids;
    if (!strings(*f, ids)) return 0;
    s_.scratch_ids.clear();
    for (std::string_view id : ids) {
      if (!checked_id(*f, id)) return 0;
      s_.scratch_ids.push_back(s_.strings.intern(id));
    }
    sort_unique_by_text(s_.scratch_ids, s_.strings);
    return s_.lists.intern(s_.scratch_ids);
  }

  /// The required identifying string field `name`; reports when missing.
  bool required(std::string_view name, std::string_view& out, const RawField*& field) {
    field = r_.find(name);
    if (!field || field->is_null()) {
      error(r_.at,
            std::string(section_name(r_.section)) + " record has no " + quoted(name) + " field");
      return false;
    }
    return one_string(*field, out);
  }

  void source() {
    std::string_view id;
    const RawField* id_field = nullptr;
    if (!required("id", id, id_field) || !checked_id(*id_field, id)) return;
    PartialDate date;
    for (std::size_t i = 0; i < r_.field_count; ++i) {
      const RawField& f = r_.fields[i];
      if (f.is_null() || f.key == "id") continue;
      if (f.key == "date") {
        parse_date(f, date);
      } else if (f.key == "record") {
        error(f.at, "field \"record\" is reserved (it names the record's section in JSON Lines)");
      } else if (f.key == "title" || f.key == "publisher" || f.key == "url") {
        string_property(f, s_.strings.intern(f.key));
      } else {
        property(f);
      }
    }
    if (!ok_) return;
    bool fresh = false;
    const std::uint32_t slot = s_.source_slot(s_.strings.intern(id), r_.at, fresh);
    StagedSource& staged = s_.sources[slot];
    if (!fresh && date.present() && staged.source.date.present() && staged.source.date != date) {
      error(id_field->at, "source " + quoted(id) + " has date " + quoted(date.to_string()) +
                              " here but " + quoted(staged.source.date.to_string()) + " at " +
                              place_text(diags_, staged.at));
      return;
    }
    if (date.present()) staged.source.date = date;
    PropertyList props = properties();
    s_.add_properties(staged.source.properties, props, s_.source_backlogs, slot);
  }

  void entity(EntityType type) {
    std::string_view id, name;
    const RawField *id_field = nullptr, *name_field = nullptr;
    const bool has_id = required("id", id, id_field) && checked_id(*id_field, id);
    const bool has_name = required("name", name, name_field) && checked_text(*name_field, name);
    if (has_name && name.empty()) error(name_field->at, "field \"name\" must not be empty");

    const RawField *date = nullptr, *start = nullptr, *end = nullptr, *sources = nullptr,
                   *kind_field = nullptr;
    std::vector<std::string_view> aliases, values;
    std::vector<std::pair<StrId, const RawField*>> shorthands;
    for (std::size_t i = 0; i < r_.field_count; ++i) {
      const RawField& f = r_.fields[i];
      if (f.is_null()) continue;
      const std::string_view key = f.key;
      if (key == "id" || key == "name") continue;
      if (key == "kind")
        kind_field = &f;
      else if (key == "date")
        date = &f;
      else if (key == "start")
        start = &f;
      else if (key == "end")
        end = &f;
      else if (key == "sources")
        sources = &f;
      else if (key == "aliases")
        strings(f, aliases);
      else if (key == "description")
        string_property(f, s_.key_description);
      else if (key == "place" || key == "within" || key == "part_of")
        shorthand(type, f, shorthands);
      else if (key == "type")
        error(f.at, "an entity's type comes from its section (" + std::string(type_name(type)) +
                        ")" + did_you_mean_suffix("kind"));
      else if (key == "from" || key == "to")
        error(f.at, "field " + quoted(key) + " belongs to relations, not to a " +
                        std::string(type_name(type)));
      else if (key == "record")
        error(f.at, "field \"record\" is reserved (it names the record's section in JSON Lines)");
      else
        property(f);
    }

    std::string_view kind;
    if (kind_field && one_string(*kind_field, kind) && !s_.schema.has_kind(type, kind)) {
      std::vector<std::string> kinds;
      for (const auto& [k, _] : s_.schema.type(type).kinds) kinds.push_back(k);
      error(kind_field->at, unknown_kind_message(kind, type_name(type), kinds));
    }
    PartialDate from, to;
    dates(date, start, end, from, to);
    const ListId source_ids = source_list(sources);
    if (!has_id) return;
    const StrId id_str = s_.strings.intern(id);
    const std::uint32_t slot = s_.entity_slot(id_str, r_.at);
    StagedEntity& staged = s_.entities[slot];
    if (!ok_ || !has_name) {
      // Keep the id known, so that relations to it do not report it as missing as well.
      if (!staged.declared) {
        staged.declared = true;
        staged.at = r_.at;
        staged.entity.type = type;
      }
      return;
    }

    Entity& e = staged.entity;
    const StrId name_str = s_.strings.intern(name);
    const StrId kind_str = kind.empty() ? kEmpty : s_.strings.intern(kind);

    if (!staged.declared) {
      staged.declared = true;
      staged.at = r_.at;
      e.type = type;
      e.name = name_str;
      e.kind = kind_str;
      e.start = from;
      e.end = to;
    } else {
      const std::string first = " at " + place_text(diags_, staged.at);
      if (e.type != type) {
        error(id_field->at, "id " + quoted(id) + " is a " + std::string(type_name(type)) +
                                " here but a " + std::string(type_name(e.type)) + first +
                                "; one id is one entity of one type");
        return;
      }
      if (kind_str != kEmpty && e.kind != kEmpty && kind_str != e.kind) {
        error(kind_field->at, "entity " + quoted(id) + " has kind " + quoted(kind) + " here but " +
                                  quoted(s_.strings.view(e.kind)) + first);
        return;
      }
      if ((from.present() && e.start.present() && from != e.start) ||
          (to.present() && e.end.present() && to != e.end)) {
        error((date    ? date
               : start ? start
                       : end)
                  ->at,
              "entity " + quoted(id) + " has dates " + quoted(from.to_string()) + ".." +
                  quoted(to.to_string()) + " here but " + quoted(e.start.to_string()) + ".." +
                  quoted(e.end.to_string()) + first);
        return;
      }
      if (kind_str != kEmpty) e.kind = kind_str;
      if (from.present()) e.start = from;
      if (to.present()) e.end = to;
      if (name_str != e.name) {
        // The smaller name (byte order) stays the name, so the result is order-independent.
        StrId other = name_str;
        if (name < s_.strings.view(e.name)) std::swap(e.name, other);
        s_.add_to_list(e.aliases, std::span<const StrId>(&other, 1), e.name, s_.entity_backlogs,
                       slot, &MergeBacklog::aliases);
      }
    }

    // Aliases never hold the name; names only get smaller, so a name dropped here stays out
    // unless it comes back as an alias or as a name that lost its place, which is then kept.
    s_.scratch_ids.clear();
    for (std::string_view a : aliases) s_.scratch_ids.push_back(s_.strings.intern(a));
    s_.add_to_list(e.aliases, s_.scratch_ids, e.name, s_.entity_backlogs, slot,
                   &MergeBacklog::aliases);
    s_.add_to_list(e.sources, s_.lists.view(source_ids), StringPool::kMissing, s_.entity_backlogs,
                   slot, &MergeBacklog::sources);
    PropertyList props = properties();
    s_.add_properties(e.properties, props, s_.entity_backlogs, slot);

    for (const auto& [rel_type, field] : shorthands) {
      std::vector<std::string_view> targets;
      strings(*field, targets);
      for (std::string_view target : targets) {
        if (!checked_id(*field, target)) continue;
        Relation r;
        r.from = slot;
        r.to = s_.entity_slot(s_.strings.intern(target), field->at);
        r.type = rel_type;
        r.sources = source_ids;
        stage_relation(r, RelationPlaces{field->at, field->at}, nullptr);
      }
    }
  }

  void shorthand(EntityType type, const RawField& f,
                 std::vector<std::pair<StrId, const RawField*>>& out) {
    if (f.key == "place") {
      if (type != EntityType::event) {
        error(f.at, "field \"place\" is shorthand for occurred_in and belongs to events; for a " +
                        std::string(type_name(type)) + " write a located_in relation");
        return;
      }
      out.emplace_back(s_.rel_occurred_in, &f);
    } else if (f.key == "within") {
      if (type != EntityType::place) {
        error(f.at, "field \"within\" is shorthand for located_in and belongs to places; for a " +
                        std::string(type_name(type)) + " write a located_in relation");
        return;
      }
      out.emplace_back(s_.rel_located_in, &f);
    } else {
      out.emplace_back(s_.rel_part_of, &f);
    }
    std::vector<std::string_view> ids;
    strings(f, ids);
  }

  void relation() {
    std::string_view from, to, type;
    const RawField *from_f = nullptr, *to_f = nullptr, *type_f = nullptr;
    const bool ok_from = required("from", from, from_f) && checked_id(*from_f, from);
    const bool ok_to = required("to", to, to_f) && checked_id(*to_f, to);
    const bool ok_type = required("type", type, type_f);
    if (ok_type && !s_.schema.relation(type)) {
      std::vector<std::string> names;
      for (const auto& [n, _] : s_.schema.relations()) names.push_back(n);
      error(type_f->at, unknown_relation_type_message(type, names));
    }
    const RawField *date = nullptr, *start = nullptr, *end = nullptr, *sources = nullptr;
    std::string_view role;
    std::string_view rel_id;
    const RawField* id_f = nullptr;
    for (std::size_t i = 0; i < r_.field_count; ++i) {
      const RawField& f = r_.fields[i];
      if (f.is_null()) continue;
      const std::string_view key = f.key;
      if (key == "from" || key == "to" || key == "type") continue;
      if (key == "date")
        date = &f;
      else if (key == "start")
        start = &f;
      else if (key == "end")
        end = &f;
      else if (key == "sources")
        sources = &f;
      else if (key == "role")
        one_string(f, role) && checked_text(f, role);
      else if (key == "quote")
        string_property(f, s_.key_quote);
      else if (key == "id") {
        if (one_string(f, rel_id) && checked_id(f, rel_id)) {
          id_f = &f;
          add_values(f, s_.key_id);
        }
      } else if (key == "record") {
        error(f.at, "field \"record\" is reserved (it names the record's section in JSON Lines)");
      } else
        property(f);
    }
    PropertyList props = properties();
    Relation r;
    dates(date, start, end, r.start, r.end);
    r.sources = source_list(sources);
    if (!ok_ || !ok_from || !ok_to || !ok_type) return;
    r.from = s_.entity_slot(s_.strings.intern(from), from_f->at);
    r.to = s_.entity_slot(s_.strings.intern(to), to_f->at);
    r.type = s_.strings.intern(type);
    r.role = role.empty() ? kEmpty : s_.strings.intern(role);
    const std::uint32_t index =
        stage_relation(r, RelationPlaces{from_f->at, to_f->at}, props.empty() ? nullptr : &props);
    if (id_f) {
      const StrId id_str = s_.strings.intern(rel_id);
      auto [it, fresh] = s_.relation_ids.try_emplace(id_str, index);
      if (!fresh && it->second != index)
        error(id_f->at, "relation id " + quoted(rel_id) +
                            " is already used by another relation at " +
                            place_text(diags_, s_.relation_places[it->second].from_at));
    }
  }

  /// Adds a relation or merges it into an equal one; returns its index.
  std::uint32_t stage_relation(const Relation& r, RelationPlaces places, PropertyList* props) {
    const std::uint32_t h = BuilderState::relation_hash(r);
    std::uint32_t index = s_.relation_index.find(
        h, [&](std::uint32_t i) { return BuilderState::same_key(s_.relations[i], r); });
    if (index == FlatIndex::kNone) {
      index = static_cast<std::uint32_t>(s_.relations.size());
      s_.relations.push_back(r);
      s_.relation_places.push_back(places);
      s_.relation_index.insert(h, index);
      if (props) {
        s_.relations.back().properties = static_cast<std::uint32_t>(s_.relation_properties.size());
        s_.relation_properties.push_back(std::move(*props));
      }
      return index;
    }
    Relation& existing = s_.relations[index];
    s_.add_to_list(existing.sources, s_.lists.view(r.sources), StringPool::kMissing,
                   s_.relation_backlogs, index, &MergeBacklog::sources);
    if (props) {
      if (existing.properties == 0) {
        existing.properties = static_cast<std::uint32_t>(s_.relation_properties.size());
        s_.relation_properties.push_back(std::move(*props));
      } else {
        s_.add_properties(s_.relation_properties[existing.properties], *props, s_.relation_backlogs,
                          index);
      }
    }
    return index;
  }

  BuilderState& s_;
  Diagnostics& diags_;
  const RawRecord& r_;
  bool ok_ = true;
};

GraphBuilder::GraphBuilder(Schema schema, Diagnostics& diags)
    : s_(std::make_unique<BuilderState>(std::move(schema))), diags_(diags) {}

GraphBuilder::~GraphBuilder() = default;

const Schema& GraphBuilder::schema() const { return s_->schema; }

void GraphBuilder::add(const RawRecord& record) {
  ++records_;
  if (!within_limits(record)) return;
  RecordInterpreter(*s_, diags_, record).run();
}

bool GraphBuilder::within_limits(const RawRecord& record) {
  std::size_t values = 0, bytes = 0;
  for (std::size_t i = 0; i < record.field_count; ++i) {
    const RawField& f = record.fields[i];
    values += f.values.size();
    bytes += f.key.size();
    for (const RawScalar& v : f.values) bytes += v.text.size();
  }
  if (values > kMaxRecordValues) {
    diags_.error(record.at,
                 "record holds " + std::to_string(values) + " values; a record may hold at most " +
                     std::to_string(kMaxRecordValues),
                 "split the values over several records with the same id: they merge into one");
    return false;
  }
  if (bytes > kMaxRecordTextBytes) {
    constexpr std::size_t mib = std::size_t{1} << 20;
    diags_.error(
        record.at,
        "record holds " + std::to_string((bytes + mib - 1) / mib) +
            " MiB of text; a record may hold at most " + std::to_string(kMaxRecordTextBytes / mib) +
            " MiB",
        "split the values over several records with the same id, or keep long texts in files "
        "and point to them");
    return false;
  }
  return true;
}

std::optional<KnowledgeGraph> GraphBuilder::finish() {
  BuilderState& s = *s_;
  s.fold_backlogs();
  const std::size_t entity_count = s.entities.size();

  // Ids that relations or shorthand fields name but no record declares.
  std::vector<std::string> known_ids;
  if (entity_count <= 20000)
    for (const StagedEntity& e : s.entities)
      if (e.declared) known_ids.emplace_back(s.strings.view(e.entity.id));
  for (const StagedEntity& e : s.entities) {
    if (e.declared) continue;
    const std::string_view id = s.strings.view(e.entity.id);
    diags_.error(e.at, "unknown entity id " + quoted(id) +
                           ": no actor, law, event or place has it" +
                           did_you_mean_suffix(id, known_ids));
  }

  // Relation endpoints against the schema. Relation types are few: look each up once.
  std::unordered_map<StrId, const RelationType*> relation_types;
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const Relation& r = s.relations[i];
    const StagedEntity& from = s.entities[r.from];
    const StagedEntity& to = s.entities[r.to];
    if (!from.declared || !to.declared) continue;
    auto [cached, fresh] = relation_types.try_emplace(r.type, nullptr);
    if (fresh) cached->second = s.schema.relation(s.strings.view(r.type));
    const RelationType* type = cached->second;
    if (!type) continue;
    const std::string_view from_kind = s.strings.view(from.entity.kind),
                           to_kind = s.strings.view(to.entity.kind);
    if (Schema::allows(*type, from.entity.type, from_kind, to.entity.type, to_kind)) continue;
    std::string allowed;
    for (const RelationRule& rule : type->allowed)
      allowed +=
          (allowed.empty() ? "" : ", ") + rule.from.to_string() + " -> " + rule.to.to_string();
    auto describe = [&](const StagedEntity& e) {
      std::string t(type_name(e.entity.type));
      if (e.entity.kind != kEmpty) t += "/" + std::string(s.strings.view(e.entity.kind));
      return t + " " + quoted(s.strings.view(e.entity.id));
    };
    diags_.error(s.relation_places[i].from_at, "relation " + quoted(type->name) +
                                                   " cannot go from " + describe(from) + " to " +
                                                   describe(to) + "; allowed: " + allowed);
  }

  // Every cited source must be declared. Lists are interned and shared by many elements, so
  // each is checked once, at the first element citing it.
  std::vector<bool> list_checked(s.lists.size(), false);
  auto check_sources = [&](ListId list, Location at) {
    if (list_checked[list]) return;
    list_checked[list] = true;
    for (StrId id : s.lists.view(list)) {
      const bool found = s.source_index.find(mix_hash(id), [&](std::uint32_t k) {
        return s.sources[k].source.id == id;
      }) != FlatIndex::kNone;
      if (!found)
        diags_.error(
            at, "unknown source id " + quoted(s.strings.view(id)) + ": no source record has it");
    }
  };
  for (const StagedEntity& e : s.entities)
    if (e.declared) check_sources(e.entity.sources, e.at);
  for (std::size_t i = 0; i < s.relations.size(); ++i)
    check_sources(s.relations[i].sources, s.relation_places[i].from_at);

  if (diags_.has_errors()) {
    s_ = std::make_unique<BuilderState>(std::move(s.schema));
    return std::nullopt;
  }

  // What only validation needed goes first, to keep the peak low.
  std::vector<RelationPlaces>().swap(s.relation_places);
  s.relation_index.clear();
  std::vector<std::uint32_t>().swap(s.entity_of_string);
  s.source_index.clear();
  std::unordered_map<StrId, std::uint32_t>().swap(s.relation_ids);

  KnowledgeGraph g;

  // Entities in id order; `rank[slot]` is the final index.
  std::vector<std::uint32_t> order(entity_count);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return s.strings.view(s.entities[a].entity.id) < s.strings.view(s.entities[b].entity.id);
  });
  std::vector<std::uint32_t> rank(entity_count);
  for (std::uint32_t i = 0; i < entity_count; ++i) rank[order[i]] = i;
  g.entities_.reserve(entity_count);
  for (std::uint32_t slot : order) g.entities_.push_back(std::move(s.entities[slot].entity));
  std::vector<StagedEntity>().swap(s.entities);
  std::vector<std::uint32_t>().swap(order);

  // Relations: a counting sort by source entity, then the rest of the key within each bucket.
  std::vector<Relation>& rels = s.relations;
  for (Relation& r : rels) {
    r.from = rank[r.from];
    r.to = rank[r.to];
  }
  std::vector<std::uint32_t>().swap(rank);
  {
    std::vector<std::uint32_t> start(entity_count + 1, 0);
    for (const Relation& r : rels) ++start[r.from + 1];
    for (std::size_t i = 1; i <= entity_count; ++i) start[i] += start[i - 1];
    std::vector<std::uint32_t> dest(rels.size());
    {
      std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
      for (std::size_t i = 0; i < rels.size(); ++i) dest[i] = next[rels[i].from]++;
    }
    // Apply the permutation in place: element i belongs at dest[i].
    for (std::uint32_t i = 0; i < rels.size(); ++i) {
      while (dest[i] != i) {
        const std::uint32_t j = dest[i];
        std::swap(rels[i], rels[j]);
        std::swap(dest[i], dest[j]);
      }
    }
    std::vector<std::uint32_t>().swap(dest);
    const StringPool& pool = s.strings;
    auto less = [&](const Relation& a, const Relation& b) {
      if (a.type != b.type) return pool.view(a.type) < pool.view(b.type);
      if (a.to != b.to) return a.to < b.to;
      if (a.start != b.start) return a.start < b.start;
      if (a.end != b.end) return a.end < b.end;
      return a.role != b.role && pool.view(a.role) < pool.view(b.role);
    };
    for (std::size_t v = 0; v < entity_count; ++v)
      if (start[v + 1] - start[v] > 1)
        std::sort(rels.begin() + start[v], rels.begin() + start[v + 1], less);
  }
  rels.shrink_to_fit();
  g.relations_ = std::move(rels);
  g.relation_properties_ = std::move(s.relation_properties);

  // Sources in id order.
  std::sort(s.sources.begin(), s.sources.end(), [&](const StagedSource& a, const StagedSource& b) {
    return s.strings.view(a.source.id) < s.strings.view(b.source.id);
  });
  g.sources_.reserve(s.sources.size());
  for (StagedSource& src : s.sources) g.sources_.push_back(std::move(src.source));

  // The Boost.Graph topology over the sorted relations.
  {
    const Relation* base = g.relations_.data();
    g.topology_ = Topology(boost::edges_are_unsorted_multi_pass, EdgeIter{base},
                           EdgeIter{base + g.relations_.size()}, RefIter{0},
                           static_cast<std::uint32_t>(entity_count));
  }

  g.strings_ = std::move(s.strings);
  g.lists_ = std::move(s.lists);
  g.schema_ = std::move(s.schema);
  s_ = std::make_unique<BuilderState>(g.schema_);
  return g;
}

}  // namespace kgraph
