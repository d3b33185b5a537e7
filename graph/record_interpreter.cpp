#include "graph/record_interpreter.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "graph/messages.hpp"
#include "graph/text.hpp"

namespace kgraph::detail {
namespace {

/// Interprets the fields of one record: a RawRecord, or a RecordView of a packed one (the same
/// members, texts seen in place). Field-level problems are reported here, against the field's
/// own location.
template <class Record>
class RecordInterpreter {
  using Field = std::remove_cvref_t<decltype(std::declval<const Record&>().fields[0])>;
  using Scalar = std::remove_cvref_t<decltype(std::declval<const Field&>().values[0])>;

 public:
  RecordInterpreter(BuilderState& s, Diagnostics& diags, const Record& r)
      : s_(s), diags_(diags), r_(r) {
    s_.scratch_pairs.clear();
    // A record read on this thread comes with names, not codes: each is coded once here, not
    // at every lookup (find() runs once for each required field).
    if constexpr (std::is_same_v<Record, RawRecord>) {
      s_.scratch_keys.clear();
      for (std::size_t i = 0; i < r_.field_count; ++i)
        s_.scratch_keys.push_back(field_key(r_.fields[i].key));
    }
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
  /// The code of the name of `f`, one of the record's fields.
  FieldKey key_of(const Field& f) const {
    if constexpr (std::is_same_v<Record, RawRecord>)
      return s_.scratch_keys[static_cast<std::size_t>(&f - r_.fields.data())];
    else
      return f.code;
  }

  /// The record's field named `key`, or null.
  const Field* find(FieldKey key) const {
    for (std::size_t i = 0; i < r_.field_count; ++i)
      if (key_of(r_.fields[i]) == key) return &r_.fields[i];
    return nullptr;
  }

  void error(Location at, std::string message) {
    diags_.error(at, std::move(message));
    ok_ = false;
  }

  /// A field that must hold one string. Returns false (after reporting) otherwise.
  bool one_string(const Field& f, std::string_view& out) {
    if (f.is_list || f.values.size() != 1 || f.values[0].kind != ValueKind::string) {
      error(f.at, "field " + quoted(f.key) + " must be a string");
      return false;
    }
    out = f.values[0].text;
    return true;
  }

  /// Whether a field holds a string or a list of strings (reported if not).
  bool strings(const Field& f) {
    for (const Scalar& v : f.values) {
      if (v.kind != ValueKind::string) {
        error(f.at, "field " + quoted(f.key) + " must be a string or a list of strings");
        return false;
      }
      if (!checked_text(f, v)) return false;
    }
    return true;
  }
  /// The same, collecting the strings in `out`.
  bool strings(const Field& f, std::vector<std::string_view>& out) {
    out.clear();
    if (!strings(f)) return false;
    for (const Scalar& v : f.values) out.push_back(v.text);
    return true;
  }

  bool checked_text(const Field& f, std::string_view text) {
    if (const char* problem = text_problem(text)) {
      error(f.at, "field " + quoted(f.key) + " contains " + problem +
                      ", which no output format can carry");
      return false;
    }
    return true;
  }

  /// The same checks of a string value, skipped when the reading thread found it clean.
  bool checked_text(const Field& f, const Scalar& v) {
    return (v.facts.known && v.facts.printable) || checked_text(f, std::string_view(v.text));
  }
  bool checked_id(const Field& f, const Scalar& v) {
    if (v.facts.known && v.facts.printable && v.facts.no_control && !v.text.empty()) return true;
    return checked_id(f, std::string_view(v.text));
  }

  bool checked_id(const Field& f, std::string_view id) {
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

  bool parse_date(const Field& f, PartialDate& out) {
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
  void dates(const Field* date, const Field* start, const Field* end, PartialDate& from,
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
  void add_values(const Field& f, StrId key) {
    for (const Scalar& v : f.values) {
      Value value;
      switch (v.kind) {
        case ValueKind::string:
          if (!checked_text(f, v)) return;
          value = Value::of_string(s_.strings.intern(v.text, text_hash(v)));
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
  void property(const Field& f) {
    if (f.key.empty() || has_control_character(f.key)) {
      error(f.at,
            "property name " + quoted(f.key) + " must be non-empty and without control characters");
      return;
    }
    if (!checked_text(f, f.key)) return;
    add_values(f, s_.strings.intern(f.key));
  }

  void string_property(const Field& f, StrId key) {
    if (!strings(f)) return;
    add_values(f, key);
  }

  ListId source_list(const Field* f) {
    if (!f) return 0;
    if (!strings(*f)) return 0;
    s_.scratch_ids.clear();
    for (const Scalar& id : f->values) {
      if (!checked_id(*f, id)) return 0;
      s_.scratch_ids.push_back(s_.strings.intern(id.text, text_hash(id)));
    }
    sort_unique_by_text(s_.scratch_ids, s_.strings);
    return s_.lists.intern(s_.scratch_ids);
  }

  /// The required identifying string field `key` (`name`); reports when missing.
  bool required(FieldKey key, std::string_view name, std::string_view& out, const Field*& field) {
    field = find(key);
    if (!field || field->is_null()) {
      error(r_.at,
            std::string(section_name(r_.section)) + " record has no " + quoted(name) + " field");
      return false;
    }
    return one_string(*field, out);
  }

  void source() {
    std::string_view id;
    const Field* id_field = nullptr;
    if (!required(FieldKey::id, "id", id, id_field) || !checked_id(*id_field, id)) return;
    PartialDate date;
    for (std::size_t i = 0; i < r_.field_count; ++i) {
      const Field& f = r_.fields[i];
      const FieldKey key = key_of(f);
      if (f.is_null() || key == FieldKey::id) continue;
      if (key == FieldKey::date) {
        parse_date(f, date);
      } else if (key == FieldKey::record) {
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
    const Field *id_field = nullptr, *name_field = nullptr;
    const bool has_id =
        required(FieldKey::id, "id", id, id_field) && checked_id(*id_field, id_field->values[0]);
    const bool has_name = required(FieldKey::name, "name", name, name_field) &&
                          checked_text(*name_field, name_field->values[0]);
    if (has_name && name.empty()) error(name_field->at, "field \"name\" must not be empty");

    const Field *date = nullptr, *start = nullptr, *end = nullptr, *sources = nullptr,
                *kind_field = nullptr, *aliases_field = nullptr;
    std::vector<std::pair<StrId, const Field*>> shorthands;
    for (std::size_t i = 0; i < r_.field_count; ++i) {
      const Field& f = r_.fields[i];
      if (f.is_null()) continue;
      switch (key_of(f)) {
        case FieldKey::id:
        case FieldKey::name:
          break;
        case FieldKey::kind:
          kind_field = &f;
          break;
        case FieldKey::date:
          date = &f;
          break;
        case FieldKey::start:
          start = &f;
          break;
        case FieldKey::end:
          end = &f;
          break;
        case FieldKey::sources:
          sources = &f;
          break;
        case FieldKey::aliases:
          if (strings(f)) aliases_field = &f;
          break;
        case FieldKey::description:
          string_property(f, s_.key_description);
          break;
        case FieldKey::place:
        case FieldKey::within:
        case FieldKey::part_of:
          shorthand(type, f, shorthands);
          break;
        case FieldKey::type:
          error(f.at, "an entity's type comes from its section (" + std::string(type_name(type)) +
                          ")" + did_you_mean_suffix("kind"));
          break;
        case FieldKey::from:
        case FieldKey::to:
          error(f.at, "field " + quoted(f.key) + " belongs to relations, not to a " +
                          std::string(type_name(type)));
          break;
        case FieldKey::record:
          error(f.at, "field \"record\" is reserved (it names the record's section in JSON Lines)");
          break;
        default:
          property(f);
      }
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
    const std::uint32_t slot = s_.entity_slot(id, text_hash(id_field->values[0]), r_.at);
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
    const StrId name_str = s_.strings.intern(name, text_hash(name_field->values[0]));
    const StrId kind_str =
        kind.empty() ? kEmpty : s_.strings.intern(kind, text_hash(kind_field->values[0]));

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
    if (aliases_field)
      for (const Scalar& a : aliases_field->values)
        s_.scratch_ids.push_back(s_.strings.intern(a.text, text_hash(a)));
    s_.add_to_list(e.aliases, s_.scratch_ids, e.name, s_.entity_backlogs, slot,
                   &MergeBacklog::aliases);
    s_.add_to_list(e.sources, s_.lists.view(source_ids), StringPool::kMissing, s_.entity_backlogs,
                   slot, &MergeBacklog::sources);
    PropertyList props = properties();
    s_.add_properties(e.properties, props, s_.entity_backlogs, slot);

    for (const auto& [rel_type, field] : shorthands) {
      // shorthand() checked that they are strings: else ok_ would be false and we gone.
      for (const Scalar& target : field->values) {
        if (target.kind != ValueKind::string || !checked_id(*field, target)) continue;
        Relation r;
        r.from = slot;
        r.to = s_.entity_slot(target.text, text_hash(target), field->at);
        r.type = rel_type;
        r.sources = source_ids;
        stage_relation(r, field->at, nullptr);
      }
    }
  }

  void shorthand(EntityType type, const Field& f,
                 std::vector<std::pair<StrId, const Field*>>& out) {
    const FieldKey key = key_of(f);
    if (key == FieldKey::place) {
      if (type != EntityType::event) {
        error(f.at, "field \"place\" is shorthand for occurred_in and belongs to events; for a " +
                        std::string(type_name(type)) + " write a located_in relation");
        return;
      }
      out.emplace_back(s_.rel_occurred_in, &f);
    } else if (key == FieldKey::within) {
      if (type != EntityType::place) {
        error(f.at, "field \"within\" is shorthand for located_in and belongs to places; for a " +
                        std::string(type_name(type)) + " write a located_in relation");
        return;
      }
      out.emplace_back(s_.rel_located_in, &f);
    } else {
      out.emplace_back(s_.rel_part_of, &f);
    }
    strings(f);
  }

  void relation() {
    std::string_view from, to, type;
    const Field *from_f = nullptr, *to_f = nullptr, *type_f = nullptr;
    const bool ok_from =
        required(FieldKey::from, "from", from, from_f) && checked_id(*from_f, from_f->values[0]);
    const bool ok_to = required(FieldKey::to, "to", to, to_f) && checked_id(*to_f, to_f->values[0]);
    const bool ok_type = required(FieldKey::type, "type", type, type_f);
    // Interned before it is checked: an unknown type's string in the pool is harmless, since
    // the error means no graph is made.
    const StrId type_id = ok_type ? s_.strings.intern(type, text_hash(type_f->values[0])) : kEmpty;
    if (ok_type && !s_.is_relation_type(type_id, type)) {
      std::vector<std::string> names;
      for (const auto& [n, _] : s_.schema.relations()) names.push_back(n);
      error(type_f->at, unknown_relation_type_message(type, names));
    }
    const Field *date = nullptr, *start = nullptr, *end = nullptr, *sources = nullptr;
    std::string_view role;
    const Field *id_f = nullptr, *role_f = nullptr;
    for (std::size_t i = 0; i < r_.field_count; ++i) {
      const Field& f = r_.fields[i];
      if (f.is_null()) continue;
      const FieldKey key = key_of(f);
      if (key == FieldKey::from || key == FieldKey::to || key == FieldKey::type) continue;
      if (key == FieldKey::date)
        date = &f;
      else if (key == FieldKey::start)
        start = &f;
      else if (key == FieldKey::end)
        end = &f;
      else if (key == FieldKey::sources)
        sources = &f;
      else if (key == FieldKey::role && one_string(f, role) && checked_text(f, f.values[0]))
        role_f = &f;
      else if (key == FieldKey::quote)
        string_property(f, s_.key_quote);
      else if (key == FieldKey::id) {
        // A string, or a list of them: a relation merged from records with different ids keeps
        // them all, and kgraph's own outputs write them as a list, which must read back.
        if (strings(f, rel_ids_) && !rel_ids_.empty() &&
            std::all_of(rel_ids_.begin(), rel_ids_.end(),
                        [&](std::string_view id) { return checked_id(f, id); })) {
          id_f = &f;
          add_values(f, s_.key_id);
        }
      } else if (key == FieldKey::record) {
        error(f.at, "field \"record\" is reserved (it names the record's section in JSON Lines)");
      } else
        property(f);
    }
    PropertyList props = properties();
    Relation r;
    dates(date, start, end, r.start, r.end);
    r.sources = source_list(sources);
    if (!ok_ || !ok_from || !ok_to || !ok_type) return;
    r.from = s_.entity_slot(from, text_hash(from_f->values[0]), from_f->at);
    r.to = s_.entity_slot(to, text_hash(to_f->values[0]), to_f->at);
    r.type = type_id;
    r.role = role.empty() ? kEmpty : s_.strings.intern(role, text_hash(role_f->values[0]));
    const std::uint32_t index = stage_relation(r, from_f->at, props.empty() ? nullptr : &props);
    if (id_f)
      for (std::string_view rel_id : rel_ids_)
        s_.relation_id_uses.push_back({s_.strings.intern(rel_id), index, id_f->at});
  }

  /// Stages a relation; one equal to it staged before is merged with it by finish().
  std::uint32_t stage_relation(const Relation& r, Location at, PropertyList* props) {
    const auto index = static_cast<std::uint32_t>(s_.relations.size());
    s_.relations.push_back(r);
    s_.relation_at.push_back(at);
    if (props) {
      s_.relations.back().properties = static_cast<std::uint32_t>(s_.relation_properties.size());
      s_.relation_properties.push_back(std::move(*props));
    }
    return index;
  }

  BuilderState& s_;
  Diagnostics& diags_;
  const Record& r_;
  bool ok_ = true;
  std::vector<std::string_view> rel_ids_;  // the ids of the relation being read
};

}  // namespace

void interpret_record(BuilderState& state, Diagnostics& diags, const RawRecord& record) {
  RecordInterpreter<RawRecord>(state, diags, record).run();
}

void interpret_record(BuilderState& state, Diagnostics& diags, const RecordView& record) {
  RecordInterpreter<RecordView>(state, diags, record).run();
}

}  // namespace kgraph::detail
