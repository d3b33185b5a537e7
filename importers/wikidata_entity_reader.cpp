#include "importers/wikidata_entity_reader.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "graph/partial_date.hpp"
#include "importers/typed_records.hpp"
#include "importers/wikidata_terms.hpp"
#include "importers/wikidata_values.hpp"

namespace kgraph {
namespace {

constexpr std::string_view kItemUrl = "https://www.wikidata.org/wiki/";
constexpr std::string_view kPropertyKey = "wikidata_property";

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string found(const JsonNode& node) { return std::string(json_kind_text(node.kind)); }

/// The value of a snak (`{"snaktype": "value", "datavalue": {"value": ...}}`), or nullptr for
/// "no value" and "unknown value".
const JsonNode* snak_value(const JsonNode& snak) {
  const JsonNode* datavalue = json_member(snak, "datavalue");
  return datavalue ? json_member(*datavalue, "value") : nullptr;
}

/// "P106 ×8, P21 ×3": the most frequent names of `counts`, at most five.
template <typename Map, typename CountOf>
std::string most_frequent(const Map& counts, CountOf count_of) {
  std::vector<std::pair<std::size_t, std::string_view>> sorted;
  for (const auto& [name, value] : counts) sorted.emplace_back(count_of(value), name);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  for (std::size_t i = 0; i < sorted.size() && i < 5; ++i)
    out += (i ? ", " : "") + std::string(sorted[i].second) + " ×" + std::to_string(sorted[i].first);
  if (sorted.size() > 5) out += ", ...";
  return out;
}

}  // namespace

WikidataEntityReader::WikidataEntityReader(const WikidataMapping& mapping,
                                           std::vector<std::string> languages, std::uint32_t file,
                                           RecordSink& builder)
    : mapping_(mapping), languages_(std::move(languages)), file_(file), builder_(builder) {
  if (languages_.empty()) languages_.emplace_back("en");
}

void WikidataEntityReader::error(const TextPosition& p, std::string message, std::string hint) {
  builder_.diagnostics().error(at(p), std::move(message), std::move(hint));
}

bool WikidataEntityReader::statements(const JsonNode& list, std::vector<Statement>& out,
                                      Skipped* deprecated) {
  out.clear();
  if (list.kind != JsonNode::Kind::array) {
    error(list.at, "the statements of a property must be a list; found " + found(list));
    return false;
  }
  for (const JsonNode& item : list.items) {
    if (item.kind != JsonNode::Kind::object) {
      error(item.at, "a statement must be an object; found " + found(item));
      return false;
    }
    const JsonNode* rank = json_member(item, "rank");
    // Deprecated statements are, by Wikidata's definition, not to be used.
    if (rank && rank->kind == JsonNode::Kind::string && rank->text == "deprecated") {
      if (deprecated) deprecated->add(at(item.at));
      continue;
    }
    const JsonNode* snak = json_member(item, "mainsnak");
    if (!snak || snak->kind != JsonNode::Kind::object) {
      error(snak ? snak->at : item.at, "a statement needs a \"mainsnak\" object");
      return false;
    }
    Statement s{&item, snak_value(*snak), item.at};
    if (s.value) s.at = s.value->at;
    out.push_back(s);
  }
  // Preferred statements first (a date is taken from the first), the others in their order.
  std::stable_partition(out.begin(), out.end(), [](const Statement& s) {
    const JsonNode* rank = json_member(*s.node, "rank");
    return rank && rank->kind == JsonNode::Kind::string && rank->text == "preferred";
  });
  return true;
}

const WikidataClassRule* WikidataEntityReader::class_of(const JsonNode* claims,
                                                        std::string& first_class,
                                                        TextPosition& class_at) {
  const JsonNode* p31 = claims ? json_member(*claims, "P31") : nullptr;
  std::vector<Statement> list;
  if (!p31 || !statements(*p31, list)) return nullptr;
  for (const Statement& s : list) {
    const std::string qid = s.value ? wikidata_item_id(*s.value) : std::string();
    if (qid.empty()) continue;
    if (first_class.empty()) {
      first_class = qid;
      class_at = s.at;
    }
    if (const WikidataClassRule* rule = mapping_.class_rule(qid)) return rule;
  }
  return nullptr;
}

void WikidataEntityReader::add_names(RawRecord& r, const JsonNode& entity, std::string_view qid,
                                     Location id_at) {
  const WikidataTerms terms = choose_wikidata_terms(entity, languages_);
  if (terms.name) {
    add_text(r, "name", terms.name->text, at(terms.name->at));
  } else {
    add_text(r, "name", qid, id_at);
    unlabelled_.add(id_at);
  }
  if (!terms.aliases.empty()) {
    RawField& f = r.add_field("aliases", at(terms.aliases.front()->at));
    f.is_list = true;
    for (const JsonNode* v : terms.aliases) f.values.push_back(RawScalar::of_string(v->text));
  }
  if (terms.description)
    add_text(r, "description", terms.description->text, at(terms.description->at));
}

std::optional<PartialDate> WikidataEntityReader::date_of(const JsonNode& value, TextPosition p) {
  const JsonNode* time = json_member(value, "time");
  const JsonNode* precision = json_member(value, "precision");
  const JsonNode* calendar = json_member(value, "calendarmodel");
  if (!time || time->kind != JsonNode::Kind::string || !precision ||
      precision->kind != JsonNode::Kind::integer ||
      (calendar && calendar->kind != JsonNode::Kind::string)) {
    builder_.diagnostics().warning(
        at(p), "expected a time value {\"time\", \"precision\", \"calendarmodel\"}; left out");
    return std::nullopt;
  }
  WikidataTime t =
      read_wikidata_time(time->text, precision->integer, calendar ? calendar->text : "");
  if (!t.date) builder_.diagnostics().warning(at(p), t.problem + "; left out");
  return t.date;
}

void WikidataEntityReader::add_dates(RawRecord& r, const JsonNode* owner,
                                     const std::vector<std::string>& start,
                                     const std::vector<std::string>& end,
                                     const std::vector<std::string>& date, bool qualifiers) {
  struct Found {
    PartialDate date;
    Location at;
  };
  std::vector<Statement> list;
  // The first property (or qualifier) of `pids` stated with a date it can keep.
  auto first = [&](const std::vector<std::string>& pids) -> std::optional<Found> {
    for (const std::string& pid : pids) {
      const JsonNode* values = owner ? json_member(*owner, pid) : nullptr;
      if (!values) continue;
      if (qualifiers) {
        if (values->kind != JsonNode::Kind::array) continue;
        for (const JsonNode& snak : values->items)
          if (const JsonNode* v = snak_value(snak))
            if (auto d = date_of(*v, v->at)) return Found{*d, at(v->at)};
      } else if (statements(*values, list)) {
        for (const Statement& s : list)
          if (s.value)
            if (auto d = date_of(*s.value, s.at)) return Found{*d, at(s.at)};
      }
    }
    return std::nullopt;
  };
  const auto s = first(start), e = first(end);
  if (!s && !e) {
    if (const auto d = first(date)) add_text(r, "date", d->date.to_string(), d->at);
    return;
  }
  if (s && e && s->date.first_day() > e->date.last_day()) {
    builder_.diagnostics().warning(e->at, "end " + e->date.to_string() + " is before start " +
                                              s->date.to_string() + "; both left out");
    return;
  }
  if (s) add_text(r, "start", s->date.to_string(), s->at);
  if (e) add_text(r, "end", e->date.to_string(), e->at);
}

void WikidataEntityReader::add_source(const std::string& id, std::string_view url,
                                      std::string_view title, Location where) {
  sources_.push_back(id);
  if (!made_sources_.insert(id).second) return;
  extra_.clear();
  extra_.section = Section::source;
  extra_.at = where;
  add_text(extra_, "id", id, where);
  if (!title.empty()) add_text(extra_, "title", title, where);
  if (!url.empty()) add_text(extra_, "url", url, where);
  builder_.add(extra_);
}

void WikidataEntityReader::collect_references(const JsonNode& statement) {
  const JsonNode* references = json_member(statement, "references");
  if (!references || references->kind != JsonNode::Kind::array) return;
  for (const JsonNode& reference : references->items) {
    const JsonNode* snaks = json_member(reference, "snaks");
    if (!snaks) continue;
    auto each = [&](const std::vector<std::string>& pids, auto f) {
      for (const std::string& pid : pids)
        if (const JsonNode* list = json_member(*snaks, pid);
            list && list->kind == JsonNode::Kind::array)
          for (const JsonNode& snak : list->items)
            if (const JsonNode* v = snak_value(snak)) f(*v);
    };
    each(mapping_.reference_url, [&](const JsonNode& v) {
      if (v.kind == JsonNode::Kind::string && !v.text.empty())
        add_source(v.text, v.text, "", at(v.at));
    });
    each(mapping_.reference_item, [&](const JsonNode& v) {
      const std::string qid = wikidata_item_id(v);
      if (qid.empty()) return;
      const std::string url = std::string(kItemUrl) + qid;
      add_source(url, url, "", at(v.at));
    });
  }
}

void WikidataEntityReader::add_sources_field(RawRecord& r, Location where) {
  std::sort(sources_.begin(), sources_.end());
  sources_.erase(std::unique(sources_.begin(), sources_.end()), sources_.end());
  if (sources_.empty()) return;
  RawField& f = r.add_field("sources", where);
  f.is_list = true;
  for (const std::string& s : sources_) f.values.push_back(RawScalar::of_string(s));
}

void WikidataEntityReader::read_entity(const JsonNode& entity, std::uint32_t first_line) {
  first_line_ = first_line;
  if (entity.kind != JsonNode::Kind::object)
    return error(
        entity.at,
        "expected a Wikidata entity {\"id\", \"labels\", \"claims\", ...}; found " + found(entity));
  if (json_member(entity, "missing")) return missing_.add(at(entity.at));
  const JsonNode* id = json_member(entity, "id");
  if (!id || id->kind != JsonNode::Kind::string)
    return error(id ? id->at : entity.at, "a Wikidata entity needs an \"id\" string");
  const JsonNode* type = json_member(entity, "type");
  if ((type && (type->kind != JsonNode::Kind::string || type->text != "item")) ||
      (!id->text.empty() && id->text[0] != 'Q'))
    return not_items_.add(at(id->at));
  const std::string& qid = id->text;
  if (!is_wikidata_id(qid, 'Q'))
    return error(id->at, "entity id " + quoted(qid) + " is not an item id such as Q42");
  const JsonNode* claims = json_member(entity, "claims");
  if (claims && claims->kind != JsonNode::Kind::object)
    return error(claims->at, "\"claims\" must be an object; found " + found(*claims));

  const std::size_t errors = builder_.diagnostics().error_count();
  std::string first_class;
  TextPosition class_at = id->at;
  const WikidataClassRule* rule = class_of(claims, first_class, class_at);
  if (builder_.diagnostics().error_count() != errors) return;
  if (!rule) {
    auto it = unmapped_classes_.find(first_class.empty() ? "(no P31)" : first_class);
    if (it == unmapped_classes_.end())
      it = unmapped_classes_.emplace(first_class.empty() ? "(no P31)" : first_class, Skipped{})
               .first;
    it->second.add(at(class_at));
    return;
  }

  const Location id_at = at(id->at);
  RawRecord& r = record_;
  r.clear();
  r.section = section_of(rule->type);
  r.at = id_at;
  add_text(r, "id", qid, id_at);
  add_names(r, entity, qid, id_at);
  if (!rule->kind.text.empty()) add_text(r, "kind", rule->kind.text, id_at);
  add_dates(r, claims, mapping_.start, mapping_.end, mapping_.date, false);
  sources_.clear();
  if (!mapping_.source_id.empty())
    add_source(mapping_.source_id, mapping_.source_url, mapping_.source_title, id_at);
  add_sources_field(r, id_at);
  if (builder_.diagnostics().error_count() != errors) return;
  builder_.add(r);
  const Made& self = entity_ids_.try_emplace(qid, Made{rule->type, &rule->kind.text}).first->second;
  if (claims) add_relations(*claims, qid, self, id_at);
}

void WikidataEntityReader::add_relations(const JsonNode& claims, std::string_view qid,
                                         const Made& self, Location id_at) {
  auto is_date_property = [&](std::string_view pid) {
    for (const auto* list : {&mapping_.start, &mapping_.end, &mapping_.date})
      if (std::find(list->begin(), list->end(), pid) != list->end()) return true;
    return false;
  };
  std::vector<Statement> list;
  for (const JsonMember& m : claims.members) {
    const std::string& pid = m.key;
    if (pid == "P31" || is_date_property(pid)) continue;
    const WikidataPropertyRule* rule = mapping_.property(pid);
    const WikidataMapped* type = nullptr;
    if (rule)
      if (auto it = rule->relation.find(self.type); it != rule->relation.end()) type = &it->second;
    if (!type) {
      const std::size_t n = m.value.kind == JsonNode::Kind::array ? m.value.items.size() : 1;
      if (n == 0) continue;
      unmapped_properties_[pid] += n;
      unmapped_statements_.add(at(m.value.at));
      unmapped_statements_.count += n - 1;
      continue;
    }
    if (!statements(m.value, list, &deprecated_)) return;
    for (const Statement& s : list) {
      if (!s.value) {
        no_value_.add(at(s.at));
        continue;
      }
      const std::string target = wikidata_item_id(*s.value);
      if (target.empty()) {
        error(s.at, "a statement of " + pid +
                        " must name an item, because the Wikidata mapping "
                        "makes it a relation; found " +
                        found(*s.value));
        continue;
      }
      sources_.clear();
      if (!mapping_.source_id.empty()) sources_.push_back(mapping_.source_id);
      collect_references(*s.node);
      RawRecord& r = record_;
      r.clear();
      r.section = Section::relation;
      r.at = at(s.at);
      std::pair<std::string_view, Location> from{qid, id_at}, to{target, r.at};
      if (rule->reverse || (rule->symmetric && to.first < from.first)) std::swap(from, to);
      add_text(r, "from", from.first, from.second);
      add_text(r, "type", type->text, r.at);
      add_text(r, "to", to.first, to.second);
      const JsonNode* qualifiers = json_member(*s.node, "qualifiers");
      add_dates(r, qualifiers, mapping_.qualifier_start, mapping_.qualifier_end,
                mapping_.qualifier_date, true);
      std::string role = rule->role;
      Location role_at = r.at;
      for (const std::string& q : mapping_.qualifier_role) {
        const JsonNode* snaks = qualifiers ? json_member(*qualifiers, q) : nullptr;
        if (!snaks || snaks->kind != JsonNode::Kind::array) continue;
        for (const JsonNode& snak : snaks->items)
          if (const JsonNode* v = snak_value(snak); v && role == rule->role) {
            if (std::string item = wikidata_item_id(*v); !item.empty()) {
              role = item;
              role_at = at(v->at);
            } else if (v->kind == JsonNode::Kind::string && !v->text.empty()) {
              role = v->text;
              role_at = at(v->at);
            }
          }
      }
      if (!role.empty()) add_text(r, "role", role, role_at);
      add_text(r, kPropertyKey, pid, r.at);
      add_sources_field(r, r.at);
      held_.hold(r);
    }
  }
}

const WikidataEntityReader::Made* WikidataEntityReader::known(const std::string& id) const {
  auto it = entity_ids_.find(id);
  return it == entity_ids_.end() ? nullptr : &it->second;
}

const WikidataEntityReader::Made* WikidataEntityReader::stub(const std::string& qid,
                                                             const WikidataStubRule& rule,
                                                             Location where) {
  extra_.clear();
  extra_.section = section_of(rule.type);
  extra_.at = where;
  add_text(extra_, "id", qid, where);
  add_text(extra_, "name", qid, where);
  if (!rule.kind.text.empty()) add_text(extra_, "kind", rule.kind.text, where);
  RawField& f = extra_.add_field("wikidata_stub", where);
  RawScalar yes;
  yes.kind = ValueKind::boolean;
  yes.boolean = true;
  f.values.push_back(yes);
  if (!mapping_.source_id.empty()) add_text(extra_, "sources", mapping_.source_id, where);
  builder_.add(extra_);
  return &entity_ids_.try_emplace(qid, Made{rule.type, &rule.kind.text}).first->second;
}

void WikidataEntityReader::add_relation(const RawRecord& r, const Made& from, const Made& to) {
  const RelationType* type = builder_.schema().relation(r.fields[1].values[0].text);
  if (!type || Schema::allows(*type, from.type, *from.kind, to.type, *to.kind)) {
    builder_.add(r);  // an unknown type is the builder's to report
    return;
  }
  if (unfit_.count == 0) {
    auto end = [](const Made& m) {
      return std::string(type_name(m.type)) + (m.kind->empty() ? "" : "/" + *m.kind);
    };
    unfit_example_ = r.fields[1].values[0].text + " from " + end(from) + " to " + end(to);
  }
  unfit_.add(r.at);
}

void WikidataEntityReader::finish() {
  Diagnostics& diags = builder_.diagnostics();
  held_.replay([&](const RawRecord& r) {
    const std::string& from_id = r.fields[0].values[0].text;
    const std::string& to_id = r.fields[2].values[0].text;
    const Made* from = known(from_id);
    const Made* to = known(to_id);
    if (!from || !to) {
      // The item of the file is known; the end that is not is the statement's value.
      const RawField* property = r.find(kPropertyKey);
      const WikidataPropertyRule* rule =
          property ? mapping_.property(property->values[0].text) : nullptr;
      if (rule && rule->stub) {
        if (!from) from = stub(from_id, *rule->stub, r.fields[0].at);
        if (!to) to = stub(to_id, *rule->stub, r.fields[2].at);
      }
    }
    if (from && to)
      add_relation(r, *from, *to);
    else
      dangling_.add(r.at);
  });
  const std::string mapping_hint =
      "map it in a mapping file given with --input-option wikidata.mapping=FILE "
      "(docs/inputs.md, \"Wikidata\")";
  if (dangling_.count)
    diags.warning(dangling_.first,
                  plural(dangling_.count, "relation", "relations") +
                      " dropped: an end names an item that is not in this file, and the mapping "
                      "makes no stub for its property (the first here)",
                  "put the items in the same file, or give the property a \"stub\" in a mapping "
                  "file (--input-option wikidata.mapping=FILE)");
  if (unfit_.count)
    diags.warning(unfit_.first,
                  plural(unfit_.count, "relation", "relations") +
                      " dropped: the schema does not admit their ends (the first here: " +
                      unfit_example_ + ")",
                  "map the property to another relation type with --input-option "
                  "wikidata.mapping=FILE, or extend the schema with --schema");
  if (!unmapped_classes_.empty()) {
    std::size_t items = 0;
    Location first{file_, ~std::uint32_t{0}, 0};
    for (const auto& [qid, skipped] : unmapped_classes_) {
      items += skipped.count;
      first = std::min(first, skipped.first);
    }
    diags.warning(first,
                  plural(items, "item", "items") +
                      " skipped: no class of theirs (P31) is in the Wikidata mapping (the first "
                      "here; by first class: " +
                      most_frequent(unmapped_classes_, [](const Skipped& s) { return s.count; }) +
                      ")",
                  mapping_hint);
  }
  if (unmapped_statements_.count)
    diags.warning(unmapped_statements_.first,
                  plural(unmapped_statements_.count, "statement", "statements") +
                      " left out: the Wikidata mapping makes no relation of their properties "
                      "for the item's type (the first here; " +
                      most_frequent(unmapped_properties_, [](std::size_t n) { return n; }) + ")",
                  mapping_hint);
  if (no_value_.count)
    diags.warning(no_value_.first, plural(no_value_.count, "statement", "statements") +
                                       " left out: \"no value\" or \"unknown value\" (the first "
                                       "here)");
  if (deprecated_.count)
    diags.warning(deprecated_.first,
                  plural(deprecated_.count, "deprecated statement", "deprecated statements") +
                      " left out: Wikidata ranks them as known to be wrong (the first here)");
  if (unlabelled_.count)
    diags.warning(unlabelled_.first,
                  plural(unlabelled_.count, "item has", "items have") +
                      " no label in any language: the id is the name (the first here)");
  if (not_items_.count)
    diags.warning(not_items_.first,
                  plural(not_items_.count, "entity", "entities") +
                      " skipped: only items (Q...) become kgraph entities, not properties or "
                      "lexemes (the first here)");
  if (missing_.count)
    diags.warning(missing_.first, plural(missing_.count, "entity", "entities") +
                                      " skipped: marked \"missing\" by the Wikidata API (the "
                                      "first here)");
}

}  // namespace kgraph
