#include "importers/ftm_entity_reader.hpp"

#include <algorithm>
#include <optional>

#include "graph/partial_date.hpp"
#include "importers/typed_records.hpp"

namespace kgraph {
namespace {

/// FtM dates may carry a time (`2023-04-20T18:00:25`); kgraph keeps the calendar date.
std::optional<PartialDate> ftm_date(std::string_view text) {
  const auto t = text.find('T');
  return parse_partial_date(t == std::string_view::npos ? text : text.substr(0, t));
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// kgraph's own fields (docs/data-model.md): an FtM property of one of these names is kept
/// under `ftm_NAME`, so that it stays a property.
bool reserved(std::string_view name) {
  static constexpr std::string_view kReserved[] = {
      "id",     "name",    "kind", "aliases", "date", "start", "end",    "sources", "place",
      "within", "part_of", "from", "to",      "type", "role",  "record", "quote"};
  return std::find(std::begin(kReserved), std::end(kReserved), name) != std::end(kReserved);
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

FtmEntityReader::FtmEntityReader(const FtmMapping& mapping, std::uint32_t file, RecordSink& builder)
    : mapping_(mapping), file_(file), builder_(builder) {}

void FtmEntityReader::read_line(std::string_view text, std::uint32_t line) {
  const FtmLine& got = parser_.parse(text, file_, line);
  if (got.what == FtmLine::What::problem) {
    for (const FtmLineProblem& p : got.problems)
      builder_.diagnostics().error(p.at, p.message, p.hint);
    return;
  }
  if (got.what == FtmLine::What::deleted) {
    if (deleted_.count++ == 0) deleted_.first = got.at;
    return;
  }
  const Entity& entity = *got.entity;
  if (const FtmEntityRule* rule = mapping_.entity(entity.schema)) {
    make_entity(entity, *rule);
  } else if (const FtmRelationRule* relation = mapping_.relation(entity.schema)) {
    make_relations(entity, *relation);
  } else {
    auto it = unmapped_.find(entity.schema);
    if (it == unmapped_.end())
      it = unmapped_.emplace(std::string(entity.schema), Skipped{0, entity.id_at}).first;
    ++it->second.count;
  }
}

const FtmEntityReader::Property* FtmEntityReader::find(const Entity& e,
                                                       std::string_view name) const {
  for (const Property& p : e.properties())
    if (p.name == name && !p.values.empty()) return &p;
  return nullptr;
}

bool FtmEntityReader::used(std::string_view property) const {
  return std::find(used_.begin(), used_.end(), property) != used_.end();
}

void FtmEntityReader::collect_sources(const Entity& e) {
  sources_.clear();
  auto add_source = [&](std::string id, std::string_view key, std::string_view value,
                        const Property* publishers, Location where) {
    sources_.push_back(id);
    if (!made_.add(id, true)) return;
    extra_.clear();
    extra_.section = Section::source;
    extra_.at = where;
    add_text(extra_, "id", id, where);
    add_text(extra_, key, value, where);
    if (publishers) {
      RawField& f = extra_.add_field("publisher", publishers->at);
      f.is_list = true;
      for (const Value& p : publishers->values) f.values.push_back(RawScalar::of_string(p.text));
    }
    builder_.add(extra_);
  };
  const Property* urls = mapping_.source_url.empty() ? nullptr : find(e, mapping_.source_url);
  const Property* publishers =
      mapping_.source_publisher.empty() ? nullptr : find(e, mapping_.source_publisher);
  if (urls) {
    used_.push_back(urls->name);
    if (publishers) used_.push_back(publishers->name);
    for (const Value& u : urls->values)
      add_source(std::string(u.text), "url", u.text, publishers, u.at);
  } else if (publishers) {
    used_.push_back(publishers->name);
    for (const Value& p : publishers->values)
      add_source(mapping_.publisher_id_prefix + std::string(p.text), "publisher", p.text, nullptr,
                 p.at);
  }
  for (const Value& d : e.datasets)
    add_source(mapping_.dataset_id_prefix + std::string(d.text), "title", d.text, nullptr, d.at);
  std::sort(sources_.begin(), sources_.end());
  sources_.erase(std::unique(sources_.begin(), sources_.end()), sources_.end());
}

void FtmEntityReader::add_sources_field(RawRecord& r, Location where) {
  if (sources_.empty()) return;
  RawField& f = r.add_field("sources", where);
  f.is_list = true;
  for (const std::string& s : sources_) f.values.push_back(RawScalar::of_string(s));
}

void FtmEntityReader::add_dates(RawRecord& r, const Entity& e,
                                const std::vector<std::string>& start,
                                const std::vector<std::string>& end) {
  struct Chosen {
    std::string_view property;
    PartialDate date;
    std::string_view text;
    Location at;
  };
  // The first property given wins; of its values, the earliest start and the latest end.
  auto choose = [&](const std::vector<std::string>& names, bool earliest) -> std::optional<Chosen> {
    for (const std::string& name : names) {
      const Property* p = find(e, name);
      if (!p) continue;
      std::optional<Chosen> best;
      bool all_valid = true;
      for (const Value& v : p->values) {
        auto d = ftm_date(v.text);
        if (!d) {
          all_valid = false;
          continue;
        }
        if (!best || (earliest ? d->first_day() < best->date.first_day()
                               : d->last_day() > best->date.last_day()))
          best = Chosen{p->name, *d, v.text, v.at};
      }
      // A property of several values, or with values that are not dates, also stays a property.
      if (best && all_valid && p->values.size() == 1) used_.push_back(p->name);
      if (best) return best;
    }
    return std::nullopt;
  };
  auto s = choose(start, true);
  auto n = choose(end, false);
  // A property read for both ends (`date`) is no end before a start read from another.
  if (n && s && n->date.last_day() < s->date.first_day() &&
      std::find(start.begin(), start.end(), n->property) != start.end())
    n.reset();
  if (s) add_text(r, "start", s->date.to_string(), s->at);
  if (n) add_text(r, "end", n->date.to_string(), n->at);
}

void FtmEntityReader::add_properties(RawRecord& r, const Entity& e) {
  for (const Property& p : e.properties()) {
    if (p.values.empty() || used(p.name)) continue;
    RawField& f = reserved(p.name) ? r.add_field("ftm_" + std::string(p.name), p.at)
                                   : r.add_field(p.name, p.at);
    f.is_list = p.values.size() > 1;
    for (const Value& v : p.values) f.values.push_back(RawScalar::of_string(v.text));
  }
  if (!e.referents.empty()) {
    RawField& f = r.add_field("referents", e.referents.front().at);
    f.is_list = e.referents.size() > 1;
    for (const Value& v : e.referents) f.values.push_back(RawScalar::of_string(v.text));
  }
}

void FtmEntityReader::add_country(std::string_view code, std::string_view name, Location where) {
  std::string id = mapping_.country_id_prefix + std::string(code);
  if (!made_.add(id, true)) return;
  extra_.clear();
  extra_.section = Section::place;
  extra_.at = where;
  add_text(extra_, "id", id, where);
  add_text(extra_, "name", name, where);
  add_text(extra_, "kind", "country", where);
  add_text(extra_, "ftm_country", code, where);
  builder_.add(extra_);
  static const std::string kCountry = "country";
  entity_ids_.add(id, Made{EntityType::place, &kCountry});
}

void FtmEntityReader::make_entity(const Entity& e, const FtmEntityRule& rule) {
  used_.clear();
  collect_sources(e);
  RawRecord& r = record_;
  r.clear();
  r.section = section_of(rule.type);
  r.at = e.id_at;
  add_text(r, "id", e.id, e.id_at);

  // The name: the smallest value of the first name property given (the merge rule of
  // docs/data-model.md); its other values become aliases.
  const std::vector<std::string>& names = rule.names.empty() ? mapping_.names : rule.names;
  const Property* name = nullptr;
  for (const std::string& n : names)
    if ((name = find(e, n))) break;
  std::vector<const Value*> aliases;
  if (name) {
    used_.push_back(name->name);
    const Value* smallest = &name->values.front();
    for (const Value& v : name->values)
      if (v.text < smallest->text) smallest = &v;
    add_text(r, "name", smallest->text, smallest->at);
    for (const Value& v : name->values)
      if (&v != smallest) aliases.push_back(&v);
  } else {
    add_text(r, "name", e.caption.empty() ? e.id : e.caption, e.id_at);
  }
  for (const std::string& a : mapping_.aliases) {
    if (const Property* p = find(e, a); p && !used(p->name)) {
      used_.push_back(p->name);
      for (const Value& v : p->values) aliases.push_back(&v);
    }
  }
  if (!aliases.empty()) {
    RawField& f = r.add_field("aliases", aliases.front()->at);
    f.is_list = true;
    for (const Value* v : aliases) f.values.push_back(RawScalar::of_string(v->text));
  }
  if (!rule.kind.text.empty()) add_text(r, "kind", rule.kind.text, e.id_at);
  add_dates(r, e, rule.start, rule.end);

  // Links: entity references and country codes that become relations from this entity.
  // Country places are made here, so those relations go in at once; the others wait for the
  // end of the file.
  for (const Property& p : e.properties()) {
    const FtmLinkRule* link = mapping_.link(p.name);
    if (!link || used(p.name)) continue;
    auto type = link->relation.find(rule.type);
    if (type == link->relation.end()) continue;
    bool kept = false;  // a country code the table does not know stays a property
    for (const Value& v : p.values) {
      const bool country = link->target == FtmLinkRule::Target::country;
      std::string to;
      if (country) {
        const std::string code = ascii_lower(v.text);
        const std::string_view country_name = ftm_country_name(code);
        if (country_name.empty()) {
          kept = true;
          continue;
        }
        add_country(code, country_name, v.at);
        to = mapping_.country_id_prefix + code;
      } else {
        to.assign(v.text);
      }
      RawRecord& rel = extra_;
      rel.clear();
      rel.section = Section::relation;
      rel.at = v.at;
      if (link->reverse) {
        add_text(rel, "from", to, v.at);
        add_text(rel, "type", type->second.text, v.at);
        add_text(rel, "to", e.id, e.id_at);
      } else {
        add_text(rel, "from", e.id, e.id_at);
        add_text(rel, "type", type->second.text, v.at);
        add_text(rel, "to", to, v.at);
      }
      if (!link->role.empty()) add_text(rel, "role", link->role, v.at);
      add_sources_field(rel, v.at);
      // The entity itself is known; the other end may come later in the file.
      const Made self{rule.type, &rule.kind.text};
      if (const std::optional<Made> other = known(to))
        add_relation(rel, link->reverse ? *other : self, link->reverse ? self : *other);
      else
        held_.hold(rel);
    }
    if (!kept) used_.push_back(p.name);
  }

  add_sources_field(r, e.id_at);
  if (!mapping_.schema_property.empty()) add_text(r, mapping_.schema_property, e.schema, e.id_at);
  add_properties(r, e);
  builder_.add(r);
  entity_ids_.add(e.id, Made{rule.type, &rule.kind.text});
}

void FtmEntityReader::make_relations(const Entity& e, const FtmRelationRule& rule) {
  used_.clear();
  collect_sources(e);
  std::vector<Value> from;
  std::string law_id;
  if (rule.from_law) {
    // The law the relation starts at: made here, from the interval's own properties.
    const FtmLawRule& law = *rule.from_law;
    const Property* id = nullptr;
    const Property* name = nullptr;
    for (const std::string& p : law.id)
      if ((id = find(e, p))) break;
    for (const std::string& p : law.name)
      if ((name = find(e, p))) break;
    law_id = law.id_prefix + std::string(id ? id->values.front().text : e.id);
    const Location where = id ? id->values.front().at : e.id_at;
    if (id) used_.push_back(id->name);
    if (name) used_.push_back(name->name);
    if (made_.add(law_id, true)) {
      extra_.clear();
      extra_.section = Section::law;
      extra_.at = where;
      add_text(extra_, "id", law_id, where);
      add_text(extra_, "name", name ? name->values.front().text : law_id, where);
      if (!law.kind.text.empty()) add_text(extra_, "kind", law.kind.text, where);
      add_sources_field(extra_, where);
      builder_.add(extra_);
    }
    entity_ids_.add(law_id, Made{EntityType::law, &law.kind.text});
    from.push_back(Value{law_id, where});
  } else if (const Property* p = find(e, rule.from)) {
    used_.push_back(p->name);
    from = p->values;
  }
  const Property* to = find(e, rule.to);
  if (to) used_.push_back(to->name);
  if (from.empty() || !to) {
    if (endless_.count++ == 0) endless_.first = e.id_at;
    return;
  }
  if (from.size() * to->values.size() > kMaxFtmPairs) {
    builder_.diagnostics().error(e.id_at, quoted(e.schema) + " entity " + quoted(e.id) + " joins " +
                                              std::to_string(from.size()) + " × " +
                                              std::to_string(to->values.size()) +
                                              " entities; at most " + std::to_string(kMaxFtmPairs) +
                                              " relations are made from one entity");
    return;
  }

  const Property* role = rule.role.empty() ? nullptr : find(e, rule.role);
  std::string_view role_text = rule.default_role;
  if (role) {
    role_text = role->values.front().text;
    for (const Value& v : role->values) role_text = std::min(role_text, v.text);
    if (role->values.size() == 1) used_.push_back(role->name);
  }

  // Everything but the ends is the same on each relation the entity makes: build it once.
  RawRecord& r = record_;
  r.clear();
  r.section = Section::relation;
  r.at = e.id_at;
  add_text(r, "from", "", e.id_at);
  add_text(r, "type", rule.type.text, e.id_at);
  add_text(r, "to", "", e.id_at);
  if (!role_text.empty()) add_text(r, "role", role_text, role ? role->values.front().at : e.id_at);
  add_dates(r, e, rule.start.empty() ? mapping_.interval_start : rule.start,
            rule.end.empty() ? mapping_.interval_end : rule.end);
  add_sources_field(r, e.id_at);
  if (!mapping_.schema_property.empty()) add_text(r, mapping_.schema_property, e.schema, e.id_at);
  if (!mapping_.id_property.empty()) add_text(r, mapping_.id_property, e.id, e.id_at);
  add_properties(r, e);
  for (const Value& f : from) {
    for (const Value& t : to->values) {
      r.fields[0].values[0].text.assign(f.text);
      r.fields[0].at = f.at;
      r.fields[2].values[0].text.assign(t.text);
      r.fields[2].at = t.at;
      // Both ends already read: the relation goes in now; otherwise it waits for the end.
      const std::optional<Made> from_made = known(r.fields[0].values[0].text);
      const std::optional<Made> to_made = known(r.fields[2].values[0].text);
      if (from_made && to_made)
        add_relation(r, *from_made, *to_made);
      else
        held_.hold(r);
    }
  }
}

void FtmEntityReader::add_relation(const RawRecord& r, const Made& from, const Made& to) {
  const RelationType* type = builder_.schema().relation(r.fields[1].values[0].text);
  if (!type || Schema::allows(*type, from.type, *from.kind, to.type, *to.kind)) {
    builder_.add(r);  // an unknown type is the builder's to report
    return;
  }
  if (unfit_.count++ == 0) {
    unfit_.first = r.at;
    auto end = [](const Made& m) {
      return std::string(type_name(m.type)) + (m.kind->empty() ? "" : "/" + *m.kind);
    };
    unfit_example_ = r.fields[1].values[0].text + " from " + end(from) + " to " + end(to);
  }
}

void FtmEntityReader::finish() {
  Diagnostics& diags = builder_.diagnostics();
  held_.replay([&](const RawRecord& r) {
    const RawField& from = r.fields[0];
    const RawField& to = r.fields[2];
    const std::optional<Made> from_made =
        known(from.values[0].text);  // laws made here are known too
    const std::optional<Made> to_made = known(to.values[0].text);
    const bool from_known = from_made.has_value();
    if (from_made && to_made) {
      add_relation(r, *from_made, *to_made);
    } else if (dangling_.count++ == 0) {
      dangling_.first = from_known ? to.at : from.at;
    }
  });
  if (dangling_.count)
    diags.warning(dangling_.first,
                  plural(dangling_.count, "relation", "relations") +
                      " dropped: an end names an entity that is not in this file (the first "
                      "here)",
                  "FtM exports are often partial; put the entities they name in the same file "
                  "to keep these relations");
  if (unfit_.count)
    diags.warning(unfit_.first,
                  plural(unfit_.count, "relation", "relations") +
                      " dropped: the schema does not admit their ends (the first here: " +
                      unfit_example_ + ")",
                  "map the schema to another relation type with --input-option "
                  "ftm.mapping=FILE, or extend the schema with --schema");
  if (endless_.count)
    diags.warning(endless_.first, plural(endless_.count, "interval entity", "interval entities") +
                                      " skipped: no entity at one of the ends (the first here)");
  if (deleted_.count)
    diags.warning(deleted_.first, plural(deleted_.count, "DEL line", "DEL lines") +
                                      " skipped: a delta file is read as the entities it adds");
  for (const auto& [schema, skipped] : unmapped_)
    diags.warning(skipped.first,
                  "schema " + quoted(schema) + " is not in the FtM mapping: " +
                      plural(skipped.count, "entity", "entities") + " skipped (the first here)",
                  "map it in a mapping file given with --input-option ftm.mapping=FILE "
                  "(docs/formats/ftm.md)");
}

}  // namespace kgraph
