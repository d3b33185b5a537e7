#include "exporters/rdf_exporter.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "exporters/date_text.hpp"
#include "exporters/output_buffer.hpp"
#include "exporters/rdf_schema_org.hpp"
#include "exporters/rdf_statements.hpp"
#include "exporters/rdf_text.hpp"
#include "exporters/rendered_fields.hpp"
#include "graph/diagnostics.hpp"
#include "graph/graph_view.hpp"

namespace kgraph {
namespace {

using rdf::schema_relation_property;
using rdf::schema_role;
using rdf::SchemaRole;

using rdf::kRdf;
using rdf::kRdfs;
using rdf::kXsd;
using rdf::Syntax;

std::string_view type_class_name(EntityType t) {
  switch (t) {
    case EntityType::actor:
      return "Actor";
    case EntityType::law:
      return "Law";
    case EntityType::event:
      return "Event";
    case EntityType::place:
      return "Place";
  }
  return "Actor";
}

// Writes one view as N-Triples or Turtle. Every IRI reaches the buffer through
// append_iri_component (or is a constant) and every literal through append_string_literal.
class Writer {
 public:
  Writer(const GraphView& view, std::ostream& out, const ExportOptions& options, Syntax syntax)
      : view_(view), g_(view.graph()), out_(out), base_(options.base_iri), st_(syntax) {
    if (const std::string problem = rdf::check_base_iri(base_); !problem.empty())
      throw ExportError("cannot write " + format_name() + ": the base IRI " +
                        kgraph::quoted(base_) + " " + problem);
    st_.text().reserve(kOutputBlockBytes + (kOutputBlockBytes >> 2));
    make_terms();
    id_key_ = g_.strings().find("id");
    quote_key_ = g_.strings().find("quote");
    description_key_ = g_.strings().find("description");
    title_key_ = g_.strings().find("title");
    publisher_key_ = g_.strings().find("publisher");
    url_key_ = g_.strings().find("url");
  }

  void write() {
    if (st_.turtle()) write_prefixes();
    write_vocabulary();
    for (std::uint32_t s : view_.sources()) {
      write_source(s);
      if (!maybe_flush()) return;
    }
    for (std::uint32_t e : view_.entities()) {
      write_entity(e);
      if (!maybe_flush()) return;
    }
    const IndexSet& rels = view_.relations();
    for (std::uint32_t i = 0; i < rels.size(); ++i) {
      // The far entity's encoded id is anywhere in memory: fetch it a few relations ahead.
      if (i + 8 < rels.size()) locals_.prefetch(g_.relations()[rels[i + 8]].to);
      write_relation(rels[i], i == 0 ? nullptr : &g_.relations()[rels[i - 1]]);
      if (!maybe_flush()) return;
    }
    st_.end_subject();
    flush();
  }

 private:
  std::string format_name() const { return st_.turtle() ? "Turtle" : "N-Triples"; }

  // ---- constant terms --------------------------------------------------------------------

  void make_terms() {
    t_type_ = st_.turtle() ? "a" : st_.vocab(kRdf, "rdf", "type");
    t_subject_ = st_.vocab(kRdf, "rdf", "subject");
    t_predicate_ = st_.vocab(kRdf, "rdf", "predicate");
    t_object_ = st_.vocab(kRdf, "rdf", "object");
    t_statement_ = st_.vocab(kRdf, "rdf", "Statement");
    t_property_ = st_.vocab(kRdf, "rdf", "Property");
    t_class_ = st_.vocab(kRdfs, "rdfs", "Class");
    t_label_ = st_.vocab(kRdfs, "rdfs", "label");
    t_subclass_ = st_.vocab(kRdfs, "rdfs", "subClassOf");
    for (EntityType t : kEntityTypes)
      t_type_class_[static_cast<int>(t)] = st_.vocab(rdf::kVocab, "kg", type_class_name(t));
    t_relation_class_ = st_.vocab(rdf::kVocab, "kg", "Relation");
    t_source_class_ = st_.vocab(rdf::kVocab, "kg", "Source");
    t_start_ = st_.vocab(rdf::kVocab, "kg", "start");
    t_end_ = st_.vocab(rdf::kVocab, "kg", "end");
    t_source_ = st_.vocab(rdf::kVocab, "kg", "source");
    t_role_ = st_.vocab(rdf::kVocab, "kg", "role");
    t_quote_ = st_.vocab(rdf::kVocab, "kg", "quote");
    t_identifier_ = st_.vocab(rdf::kSchemaOrg, "schema", "identifier");
    t_name_ = st_.vocab(rdf::kSchemaOrg, "schema", "name");
    t_alternate_name_ = st_.vocab(rdf::kSchemaOrg, "schema", "alternateName");
    t_description_ = st_.vocab(rdf::kSchemaOrg, "schema", "description");
    t_start_date_ = st_.vocab(rdf::kSchemaOrg, "schema", "startDate");
    t_end_date_ = st_.vocab(rdf::kSchemaOrg, "schema", "endDate");
    t_legislation_date_ = st_.vocab(rdf::kSchemaOrg, "schema", "legislationDate");
    t_date_published_ = st_.vocab(rdf::kSchemaOrg, "schema", "datePublished");
    t_publisher_ = st_.vocab(rdf::kSchemaOrg, "schema", "publisher");
    t_url_ = st_.vocab(rdf::kSchemaOrg, "schema", "url");
    t_creative_work_ = st_.vocab(rdf::kSchemaOrg, "schema", "CreativeWork");
  }

  void write_prefixes() {
    const std::string source_base = base_ + "source/";
    st_.prefixes({{"rdf", kRdf},
                  {"rdfs", kRdfs},
                  {"xsd", kXsd},
                  {"schema", rdf::kSchemaOrg},
                  {"kg", rdf::kVocab},
                  {"kgr", rdf::kRelationVocab},
                  {"kgp", rdf::kPropertyVocab},
                  {"kgk", rdf::kKindVocab},
                  {"id", base_},
                  {"src", source_base}});
  }

  // ---- literals --------------------------------------------------------------------------

  // Where a text came from, for the error message; only looked at when writing fails.
  struct Context {
    enum Kind : std::uint8_t { entity, relation, source, vocabulary } kind = entity;
    std::uint32_t index = 0;
    std::string_view field;
  };

  [[noreturn]] void fail(const Context& at, std::string_view text,
                         const rdf::TextCheck& check) const {
    std::string where;
    switch (at.kind) {
      case Context::entity:
        where = "entity " + quoted(g_.str(g_.entities()[at.index].id));
        break;
      case Context::source:
        where = "source " + quoted(g_.str(g_.sources()[at.index].id));
        break;
      case Context::vocabulary:
        where = "the schema";
        break;
      case Context::relation: {
        const Relation& r = g_.relations()[at.index];
        where = "relation " + quoted(g_.str(g_.entities()[r.from].id)) + " " +
                std::string(g_.str(r.type)) + " " + quoted(g_.str(g_.entities()[r.to].id));
        break;
      }
    }
    throw ExportError("cannot write " + format_name() + ": " + where + ", field " +
                      quoted(at.field) + ": the text " + rdf::describe(check, text));
  }

  void object_string(std::string_view s, const Context& at) {
    if (const rdf::TextCheck check = st_.object_string(s); !check.ok()) fail(at, s, check);
  }

  void object_value(const Value& v, const Context& at) {
    switch (v.kind) {
      case ValueKind::string:
        object_string(g_.str(v.string), at);
        break;
      case ValueKind::integer:
        st_.object_integer(v.integer);
        break;
      case ValueKind::boolean:
        st_.object_boolean(v.boolean);
        break;
      case ValueKind::real:
        st_.object_real(v.real);
        break;
    }
  }

  // ---- IRIs of graph elements ------------------------------------------------------------

  // `id:local` in Turtle when the escaped id allows it, else `<base + escaped id>`.
  void append_element_term(std::string& out, std::string_view prefix, std::string_view path,
                           std::string_view local) {
    if (st_.turtle() && rdf::is_simple_local_name(local)) {
      out += prefix;
      out += ':';
      out += local;
      return;
    }
    out += '<';
    out += base_;
    out += path;
    out += local;
    out += '>';
  }

  void append_element_iri(std::string& out, std::string_view prefix, std::string_view path,
                          std::string_view id) {
    scratch_.clear();
    rdf::append_iri_component(scratch_, id);
    append_element_term(out, prefix, path, scratch_);
  }

  /// The entity's IRI; its encoded id is kept for the relations that name it.
  void entity_iri(std::string& out, std::uint32_t index) {
    scratch_.clear();
    rdf::append_iri_component(scratch_, g_.str(g_.entities()[index].id));
    locals_.set(index, scratch_);
    append_element_term(out, "id", "", scratch_);
  }

  const std::string& source_iri(StrId id) {
    auto it = source_terms_.find(id);
    if (it == source_terms_.end()) {
      std::string term;
      append_element_iri(term, "src", "source/", g_.str(id));
      it = source_terms_.emplace(id, std::move(term)).first;
    }
    return it->second;
  }

  const std::string& relation_local(StrId type) {
    auto it = relation_locals_.find(type);
    if (it == relation_locals_.end())
      it = relation_locals_.emplace(type, rdf::iri_component(g_.str(type))).first;
    return it->second;
  }

  const std::string& relation_property(StrId type) {
    auto it = relation_terms_.find(type);
    if (it == relation_terms_.end())
      it =
          relation_terms_.emplace(type, st_.escaped_vocab(rdf::kRelationVocab, "kgr", g_.str(type)))
              .first;
    return it->second;
  }

  const std::string& property_term(StrId key) {
    auto it = property_terms_.find(key);
    if (it == property_terms_.end())
      it = property_terms_.emplace(key, st_.escaped_vocab(rdf::kPropertyVocab, "kgp", g_.str(key)))
               .first;
    return it->second;
  }

  const std::string& kind_term(StrId kind) {
    auto it = kind_terms_.find(kind);
    if (it == kind_terms_.end())
      it = kind_terms_.emplace(kind, st_.escaped_vocab(rdf::kKindVocab, "kgk", g_.str(kind))).first;
    return it->second;
  }

  const std::string& schema_term(std::string_view local) {
    auto it = schema_terms_.find(local);
    if (it == schema_terms_.end())
      it = schema_terms_.emplace(std::string(local), st_.vocab(rdf::kSchemaOrg, "schema", local))
               .first;
    return it->second;
  }

  SchemaRole role_of(const Entity& e) {
    const std::uint64_t k = (std::uint64_t{static_cast<std::uint8_t>(e.type)} << 32) | e.kind;
    auto it = roles_.find(k);
    if (it == roles_.end()) it = roles_.emplace(k, schema_role(e.type, g_.str(e.kind))).first;
    return it->second;
  }

  // The classes of an entity: its type, its kind, then schema.org's.
  const std::vector<std::string>& classes_of(const Entity& e) {
    const std::uint64_t k = (std::uint64_t{static_cast<std::uint8_t>(e.type)} << 32) | e.kind;
    auto it = classes_.find(k);
    if (it == classes_.end()) {
      std::vector<std::string> terms{t_type_class_[static_cast<int>(e.type)]};
      if (e.kind != kEmpty) terms.push_back(kind_term(e.kind));
      for (std::string_view c : rdf::schema_classes(e.type, g_.str(e.kind)))
        terms.push_back(schema_term(c));
      it = classes_.emplace(k, std::move(terms)).first;
    }
    return it->second;
  }

  // ---- vocabulary ------------------------------------------------------------------------
  // Labels (from the schema) for the types, kinds and relation types the view uses, so that
  // a triplestore can show them; sorted by text.

  void write_vocabulary() {
    std::array<bool, 4> types{};
    std::set<std::pair<std::string_view, EntityType>> kinds;
    for (std::uint32_t e : view_.entities()) {
      const Entity& ent = g_.entities()[e];
      types[static_cast<int>(ent.type)] = true;
      if (ent.kind != kEmpty) kinds.emplace(g_.str(ent.kind), ent.type);
    }
    std::set<std::string_view> relation_types;
    StrId last = StringPool::kMissing;
    for (std::uint32_t r : view_.relations()) {
      const StrId t = g_.relations()[r].type;
      if (t != last) relation_types.insert(g_.str(t));
      last = t;
    }
    const Schema& schema = g_.schema();
    const Context at{Context::vocabulary, 0, "label"};
    for (EntityType t : kEntityTypes) {
      if (!types[static_cast<int>(t)]) continue;
      st_.begin_subject(t_type_class_[static_cast<int>(t)]);
      st_.predicate(t_type_);
      st_.object_term(t_class_);
      st_.predicate(t_label_);
      object_string(schema.type(t).label.empty() ? type_class_name(t) : schema.type(t).label, at);
    }
    std::string_view previous;
    for (const auto& [kind, type] : kinds) {
      if (kind != previous) {
        st_.begin_subject(kind_term(g_.strings().find(kind)));
        st_.predicate(t_type_);
        st_.object_term(t_class_);
      }
      previous = kind;
      st_.predicate(t_label_);
      object_string(schema.kind_label(type, kind), at);
      st_.predicate(t_subclass_);
      st_.object_term(t_type_class_[static_cast<int>(type)]);
    }
    for (std::string_view type : relation_types) {
      st_.begin_subject(relation_property(g_.strings().find(type)));
      st_.predicate(t_type_);
      st_.object_term(t_property_);
      const RelationType* rt = schema.relation(type);
      st_.predicate(t_label_);
      object_string(rt && !rt->label.empty() ? std::string_view(rt->label) : type, at);
    }
    if (!view_.relations().empty()) {
      st_.begin_subject(t_relation_class_);
      st_.predicate(t_type_);
      st_.object_term(t_class_);
      st_.predicate(t_subclass_);
      st_.object_term(t_statement_);
    }
    if (!view_.sources().empty()) {
      st_.begin_subject(t_source_class_);
      st_.predicate(t_type_);
      st_.object_term(t_class_);
      st_.predicate(t_subclass_);
      st_.object_term(t_creative_work_);
    }
  }

  // ---- elements --------------------------------------------------------------------------

  // Many elements cite the same list of sources (lists are interned), so each list's terms
  // are rendered once: joined by ", " for Turtle, by newlines for N-Triples.
  void sources(ListId list) {
    if (list == 0) return;
    const std::string_view joined = source_lists_.get(list, [&](std::string& text) {
      const std::size_t start = text.size();
      for (StrId s : g_.list(list)) {
        if (text.size() > start) text += st_.turtle() ? ", " : "\n";
        text += source_iri(s);
      }
    });
    st_.predicate(t_source_);
    if (st_.turtle()) {
      st_.object_term(joined);
      return;
    }
    std::string_view rest = joined;
    for (std::size_t nl; (nl = rest.find('\n')) != std::string_view::npos;
         rest.remove_prefix(nl + 1))
      st_.object_term(rest.substr(0, nl));
    st_.object_term(rest);
  }

  void dates(const PartialDate& start, const PartialDate& end) {
    if (start.present()) {
      st_.predicate(t_start_);
      st_.object_date(start);
    }
    if (end.present()) {
      st_.predicate(t_end_);
      st_.object_date(end);
    }
  }

  void property(std::string_view term, const Property& p, Context at) {
    at.field = g_.str(p.key);
    st_.predicate(term);
    for (const Value& v : p.values) object_value(v, at);
  }

  void write_source(std::uint32_t index) {
    const Source& s = g_.sources()[index];
    Context at{Context::source, index, "id"};
    st_.begin_subject(source_iri(s.id));
    st_.predicate(t_type_);
    st_.object_term(t_creative_work_);
    st_.object_term(t_source_class_);
    st_.predicate(t_identifier_);
    object_string(g_.str(s.id), at);
    if (s.date.present()) {
      st_.predicate(t_date_published_);
      st_.object_date(s.date);
    }
    for (const Property& p : s.properties) {
      if (p.key == title_key_)
        property(t_name_, p, at);
      else if (p.key == publisher_key_)
        property(t_publisher_, p, at);
      else if (p.key == url_key_)
        property(t_url_, p, at);
      else
        property(property_term(p.key), p, at);
    }
  }

  void write_entity(std::uint32_t index) {
    const Entity& e = g_.entities()[index];
    Context at{Context::entity, index, "id"};
    term_.clear();
    entity_iri(term_, index);
    st_.begin_subject(term_);
    st_.predicate(t_type_);
    for (const std::string& c : classes_of(e)) st_.object_term(c);
    st_.predicate(t_identifier_);
    object_string(g_.str(e.id), at);
    at.field = "name";
    st_.predicate(t_name_);
    object_string(g_.str(e.name), at);
    if (e.aliases != 0) {
      at.field = "aliases";
      st_.predicate(t_alternate_name_);
      for (StrId a : g_.list(e.aliases)) object_string(g_.str(a), at);
    }
    dates(e.start, e.end);
    if (e.type == EntityType::event) {
      if (e.start.present()) {
        st_.predicate(t_start_date_);
        st_.object_date(e.start);
      }
      if (e.end.present()) {
        st_.predicate(t_end_date_);
        st_.object_date(e.end);
      }
    } else if (e.type == EntityType::law && e.start.present()) {
      st_.predicate(t_legislation_date_);
      st_.object_date(e.start);
    }
    for (const Property& p : e.properties)
      property(p.key == description_key_ ? t_description_ : property_term(p.key), p, at);
    sources(e.sources);
  }

  void write_relation(std::uint32_t index, const Relation* previous) {
    const Relation& r = g_.relations()[index];
    const Entity& from = g_.entities()[r.from];
    const Entity& to = g_.entities()[r.to];
    Context at{Context::relation, index, "type"};
    // Relations come sorted by their source entity: encode it once per run of relations.
    if (r.from != last_from_) {
      last_from_ = r.from;
      from_local_ = locals_.get(r.from);
      from_.clear();
      append_element_term(from_, "id", "", from_local_);
    }
    to_local_ = locals_.get(r.to);
    to_.clear();
    append_element_term(to_, "id", "", to_local_);
    const std::string& type = relation_property(r.type);

    // Relations are sorted by (from, type, to, ...), so equal direct triples are adjacent.
    const bool repeated =
        previous && previous->from == r.from && previous->type == r.type && previous->to == r.to;
    if (!repeated) {
      st_.begin_subject(from_);
      st_.predicate(type);
      st_.object_term(to_);
      const std::string_view schema_property =
          schema_relation_property(g_.str(r.type), from.type, role_of(from), to.type, role_of(to));
      if (!schema_property.empty()) {
        st_.predicate(schema_term(schema_property));
        st_.object_term(to_);
      }
    }

    // The reified relation: an IRI from the relation's key, so that it is the same in every
    // export of the same fact.
    term_ = "<";
    term_ += base_;
    term_ += "relation/";
    term_ += from_local_;
    term_ += '/';
    term_ += relation_local(r.type);
    term_ += '/';
    term_ += to_local_;
    if (r.start.present() || r.end.present() || r.role != kEmpty) {
      term_ += '/';
      append_date(term_, r.start);
      term_ += '/';
      append_date(term_, r.end);
      term_ += '/';
      rdf::append_iri_component(term_, g_.str(r.role));
    }
    term_ += '>';

    st_.begin_subject(term_);
    st_.predicate(t_type_);
    st_.object_term(t_relation_class_);
    st_.predicate(t_subject_);
    st_.object_term(from_);
    st_.predicate(t_predicate_);
    st_.object_term(type);
    st_.predicate(t_object_);
    st_.object_term(to_);
    if (r.role != kEmpty) {
      at.field = "role";
      st_.predicate(t_role_);
      object_string(g_.str(r.role), at);
    }
    dates(r.start, r.end);
    for (const Property& p : g_.properties_of(r)) {
      if (p.key == quote_key_)
        property(t_quote_, p, at);
      else if (p.key == id_key_)
        property(t_identifier_, p, at);
      else
        property(property_term(p.key), p, at);
    }
    sources(r.sources);
  }

  // ---- output ----------------------------------------------------------------------------

  bool maybe_flush() { return flush_if_full(st_.text(), out_); }
  void flush() { write_out(st_.text(), out_); }

  const GraphView& view_;
  const KnowledgeGraph& g_;
  std::ostream& out_;
  const std::string base_;
  rdf::Statements st_;
  std::string scratch_, term_, from_, to_, from_local_, to_local_;
  std::uint32_t last_from_ = UINT32_MAX;  // entity whose IRI from_ holds

  StrId id_key_, quote_key_, description_key_, title_key_, publisher_key_, url_key_;

  std::string t_type_, t_subject_, t_predicate_, t_object_, t_statement_, t_property_, t_class_,
      t_label_, t_subclass_, t_relation_class_, t_source_class_, t_start_, t_end_, t_source_,
      t_role_, t_quote_, t_identifier_, t_name_, t_alternate_name_, t_description_, t_start_date_,
      t_end_date_, t_legislation_date_, t_date_published_, t_publisher_, t_url_, t_creative_work_;
  std::array<std::string, 4> t_type_class_;

  std::unordered_map<StrId, std::string> source_terms_, relation_terms_, relation_locals_,
      property_terms_, kind_terms_;
  EntityFields locals_{
      g_.entities().size()};  // encoded entity ids, by entity (set as entities are written)
  RenderedText source_lists_{g_.lists().size()};  // object terms of each source list
  std::map<std::string, std::string, std::less<>> schema_terms_;
  std::unordered_map<std::uint64_t, std::vector<std::string>> classes_;
  std::unordered_map<std::uint64_t, SchemaRole> roles_;
};

class NTriplesExporter final : public Exporter {
 public:
  std::string_view name() const override { return "ntriples"; }
  std::vector<std::string_view> extensions() const override { return {".nt"}; }
  void write(const GraphView& view, std::ostream& out,
             const ExportOptions& options) const override {
    Writer(view, out, options, Syntax::ntriples).write();
  }
};

class TurtleExporter final : public Exporter {
 public:
  std::string_view name() const override { return "turtle"; }
  std::vector<std::string_view> extensions() const override { return {".ttl"}; }
  void write(const GraphView& view, std::ostream& out,
             const ExportOptions& options) const override {
    Writer(view, out, options, Syntax::turtle).write();
  }
};

}  // namespace

std::unique_ptr<Exporter> make_ntriples_exporter() { return std::make_unique<NTriplesExporter>(); }
std::unique_ptr<Exporter> make_turtle_exporter() { return std::make_unique<TurtleExporter>(); }

}  // namespace kgraph
