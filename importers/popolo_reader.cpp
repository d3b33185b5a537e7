#include "importers/popolo_reader.hpp"

#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "importers/json_tree.hpp"
#include "importers/popolo_kinds.hpp"
#include "importers/popolo_scan.hpp"

namespace kgraph {
namespace {

/// The lists of a Popolo document that become records.
constexpr std::array<std::string_view, 6> kCollections = {"persons", "organizations", "memberships",
                                                          "areas",   "events",        "posts"};

/// Fields GraphBuilder interprets on an entity; a Popolo field of such a name that the mapping
/// does not use itself is kept as the property `popolo_NAME`, so that it is not misread.
bool reserved_on_entity(std::string_view key) {
  for (std::string_view k : {"kind", "date", "start", "end", "aliases", "place", "within",
                             "part_of", "type", "from", "to", "record"})
    if (key == k) return true;
  return false;
}

/// The same for relations.
bool reserved_on_relation(std::string_view key) {
  for (std::string_view k :
       {"from", "to", "type", "date", "start", "end", "role", "quote", "record", "kind", "aliases"})
    if (key == k) return true;
  return false;
}

bool is_scalar(const JsonNode& n) {
  return n.kind != JsonNode::Kind::null && n.kind != JsonNode::Kind::array &&
         n.kind != JsonNode::Kind::object;
}

RawScalar scalar_of(const JsonNode& n) {
  RawScalar s;
  switch (n.kind) {
    case JsonNode::Kind::boolean:
      s.kind = ValueKind::boolean;
      s.boolean = n.boolean;
      break;
    case JsonNode::Kind::integer:
      s.kind = ValueKind::integer;
      s.integer = n.integer;
      break;
    case JsonNode::Kind::real:
      s.kind = ValueKind::real;
      s.real = n.real;
      break;
    default:
      s.text = n.text;
      break;
  }
  return s;
}

/// The value of the first member `key` of an object, or nullptr.
const JsonNode* member(const JsonNode& object, std::string_view key) {
  for (const JsonMember& m : object.members)
    if (m.key == key) return &m.value;
  return nullptr;
}

/// A key as messages show it: in quotes, control characters escaped, long ones cut.
std::string quoted_key(std::string_view key) { return quoted(key); }

/// An entity id as the records name it, and where the reference to it was written.
struct Ref {
  std::string id;
  Location at;
};

/// What an embedded membership takes from the object it sits in.
struct MembershipDefaults {
  std::optional<Ref> person;
  std::optional<Ref> organization;
  std::optional<Ref> post;
};

class Reader {
 public:
  Reader(std::uint32_t file, Diagnostics& diags, const PopoloSettings& settings,
         const std::function<void(const RawRecord&)>& sink)
      : file_(file), diags_(diags), settings_(settings), sink_(sink) {}

  /// Reads a document whose top level scan_popolo_top_level found, one item at a time.
  void read_scanned(const std::vector<PopoloTopMember>& top) {
    bool any = false;
    for (const PopoloTopMember& m : top) {
      if (collection_index(m.key) >= kCollections.size()) continue;
      any = true;
      if (!m.is_array) {
        JsonNode value;
        if (!parse(m.value, value)) return;
        if (value.kind != JsonNode::Kind::null)
          error(value, quoted_key(m.key) + " must be a list, not " +
                           std::string(json_kind_text(value.kind)));
      }
    }
    if (!any) {
      base_ = TextPosition{};
      error(JsonNode{},
            "no Popolo lists here: a Popolo document has \"persons\", "
            "\"organizations\", \"memberships\", \"areas\", \"events\" or \"posts\"");
      return;
    }
    // First the ids chosen by popolo.id, then the posts' organizations (which use them).
    for (const bool scheme_pass : {true, false}) {
      if (scheme_pass && settings_.id_scheme.empty()) continue;
      for (const PopoloTopMember& m : top) {
        const bool posts = m.key == "posts", organizations = m.key == "organizations";
        if (!m.is_array || collection_index(m.key) >= kCollections.size() ||
            (!scheme_pass && !posts && !organizations))
          continue;
        for (const PopoloSpan& item : m.items) {
          JsonNode node;
          if (!parse(item, node)) return;
          if (scheme_pass)
            collect_scheme_ids(node);
          else if (posts)
            collect_posts(node, nullptr);
          else
            collect_organization_posts(node);
        }
      }
    }
    for (const PopoloTopMember& m : top) {
      const std::size_t index = collection_index(m.key);
      if (index < kCollections.size()) {
        for (const PopoloSpan& item : m.items) {
          JsonNode node;
          if (!parse(item, node)) return;
          top_level_item(index, node);
        }
      } else if (m.key == "meta") {
        JsonNode node;
        if (!parse(m.value, node)) return;
        meta(node);
      } else {
        diags_.warning(Location{file_, m.key_at.line, m.key_at.column},
                       "the top-level list " + quoted_key(m.key) + " is not read by kgraph");
      }
    }
  }

  /// Parses the text of one value into `node` and makes it the tree being read; false (after
  /// reporting the error) if it is not valid JSON.
  bool parse(const PopoloSpan& span, JsonNode& node) {
    base_ = span.at;
    if (const auto e = parse_json_tree(span.text, node)) {
      diags_.error(at(e->at), e->message);
      return false;
    }
    return true;
  }

  void read(const JsonNode& root) {
    if (root.kind != JsonNode::Kind::object) {
      error(root,
            "a Popolo document is an object with lists \"persons\", \"organizations\", "
            "\"memberships\", ...; this is " +
                std::string(json_kind_text(root.kind)));
      return;
    }
    bool any = false;
    for (const JsonMember& m : root.members) {
      if (collection_index(m.key) < kCollections.size()) {
        any = true;
        if (m.value.kind != JsonNode::Kind::array && m.value.kind != JsonNode::Kind::null)
          error(m.value, quoted_key(m.key) + " must be a list, not " +
                             std::string(json_kind_text(m.value.kind)));
      }
    }
    if (!any) {
      error(root,
            "no Popolo lists here: a Popolo document has \"persons\", \"organizations\", "
            "\"memberships\", \"areas\", \"events\" or \"posts\"");
      return;
    }
    if (!settings_.id_scheme.empty()) collect_scheme_ids(root);
    collect_post_organizations(root);
    for (const JsonMember& m : root.members) {
      const std::size_t index = collection_index(m.key);
      if (index < kCollections.size()) {
        if (m.value.kind == JsonNode::Kind::array)
          for (const JsonNode& item : m.value.items) top_level_item(index, item);
      } else if (m.key == "meta") {
        meta(m.value);
      } else {
        diags_.warning(at(m.key_at),
                       "the top-level list " + quoted_key(m.key) + " is not read by kgraph");
      }
    }
  }

 private:
  using Sink = std::function<void(const RawRecord&)>;

  static std::size_t collection_index(std::string_view key) {
    for (std::size_t i = 0; i < kCollections.size(); ++i)
      if (kCollections[i] == key) return i;
    return kCollections.size();
  }

  /// Where a position of the tree being read is in the file: trees of single items count from
  /// the item's start (`base_`).
  Location at(TextPosition p) const {
    return Location{file_, base_.line + p.line - 1,
                    p.line == 1 ? base_.column + p.column - 1 : p.column};
  }
  void error(const JsonNode& n, std::string message) { diags_.error(at(n.at), std::move(message)); }
  /// True if `n` is an object; reports it otherwise as an item of `list`.
  bool is_object_item(const JsonNode& n, std::string_view list) {
    if (n.kind == JsonNode::Kind::object) return true;
    error(n, "each item of " + quoted_key(list) + " must be an object, not " +
                 std::string(json_kind_text(n.kind)));
    return false;
  }

  std::string resolve(const std::string& popolo_id) const {
    const auto it = scheme_ids_.find(popolo_id);
    return it == scheme_ids_.end() ? popolo_id : it->second;
  }

  // --- first pass: what references need before the objects are read -------------------------

  /// Every object with an `id` and an identifier of the chosen scheme, at any depth.
  void collect_scheme_ids(const JsonNode& n) {
    if (n.kind == JsonNode::Kind::object) {
      const JsonNode* id = member(n, "id");
      const JsonNode* identifiers = member(n, "identifiers");
      if (id && id->kind == JsonNode::Kind::string && identifiers &&
          identifiers->kind == JsonNode::Kind::array) {
        for (const JsonNode& item : identifiers->items) {
          if (item.kind != JsonNode::Kind::object) continue;
          const JsonNode* scheme = member(item, "scheme");
          const JsonNode* value = member(item, "identifier");
          if (scheme && scheme->kind == JsonNode::Kind::string &&
              scheme->text == settings_.id_scheme && value &&
              value->kind == JsonNode::Kind::string && !value->text.empty()) {
            scheme_ids_.emplace(id->text, value->text);
            break;
          }
        }
      }
      for (const JsonMember& m : n.members) collect_scheme_ids(m.value);
    } else if (n.kind == JsonNode::Kind::array) {
      for (const JsonNode& item : n.items) collect_scheme_ids(item);
    }
  }

  /// The organization of each post, for memberships that name only the post.
  void collect_post_organizations(const JsonNode& root) {
    if (const JsonNode* posts = member(root, "posts");
        posts && posts->kind == JsonNode::Kind::array)
      for (const JsonNode& post : posts->items) collect_posts(post, nullptr);
    if (const JsonNode* organizations = member(root, "organizations");
        organizations && organizations->kind == JsonNode::Kind::array)
      for (const JsonNode& o : organizations->items) collect_organization_posts(o);
  }

  /// A post (at the top level, or in the organization `organization`) and its organization.
  void collect_posts(const JsonNode& post, const std::string* organization) {
    if (post.kind != JsonNode::Kind::object) return;
    const JsonNode* id = member(post, "id");
    const JsonNode* org = member(post, "organization_id");
    if (!id || id->kind != JsonNode::Kind::string) return;
    if (org && org->kind == JsonNode::Kind::string)
      post_organizations_.emplace(resolve(id->text), Ref{resolve(org->text), at(org->at)});
    else if (organization)
      post_organizations_.emplace(resolve(id->text), Ref{resolve(*organization), at(post.at)});
  }

  /// The posts embedded in an organization.
  void collect_organization_posts(const JsonNode& o) {
    if (o.kind != JsonNode::Kind::object) return;
    const JsonNode* id = member(o, "id");
    const JsonNode* posts = member(o, "posts");
    if (!id || id->kind != JsonNode::Kind::string || !posts || posts->kind != JsonNode::Kind::array)
      return;
    for (const JsonNode& post : posts->items) collect_posts(post, &id->text);
  }

  // --- second pass: the records --------------------------------------------------------------

  void top_level_item(std::size_t index, const JsonNode& item) {
    if (!is_object_item(item, kCollections[index])) return;
    switch (index) {
      case 0:
        person(item);
        break;
      case 1:
        organization(item);
        break;
      case 2:
        membership(item, {});
        break;
      case 3:
        area(item);
        break;
      case 4:
        event(item);
        break;
      default:
        post(item, std::nullopt);
        break;
    }
  }

  /// The object's own id, resolved, if it has one.
  std::optional<Ref> own_id(const JsonNode& o) const {
    const JsonNode* id = member(o, "id");
    if (!id || id->kind != JsonNode::Kind::string) return std::nullopt;
    return Ref{resolve(id->text), at(id->at)};
  }

  RawRecord start_record(Section section, const JsonNode& o) const {
    RawRecord r;
    r.section = section;
    r.at = at(o.at);
    return r;
  }

  static void add_text(RawRecord& r, std::string_view key, Location where, std::string_view text) {
    r.add_field(key, where).values.push_back(RawScalar::of_string(text));
  }

  /// Appends a value to the field `key` of `r`, adding the field if it is not there yet.
  static void append(RawRecord& r, std::string_view key, Location where, RawScalar value) {
    for (std::size_t i = 0; i < r.field_count; ++i) {
      RawField& f = r.fields[i];
      if (f.key == key) {
        f.values.push_back(std::move(value));
        f.is_list = true;
        return;
      }
    }
    r.add_field(key, where).values.push_back(std::move(value));
  }

  /// A field the mapping gives a meaning (name, start, role, ...): a scalar or a list of
  /// scalars, handed on for GraphBuilder to check; anything else is an error here.
  void mapped_field(const JsonMember& m, std::string_view key, RawRecord& r) {
    const JsonNode& v = m.value;
    if (v.kind == JsonNode::Kind::null) return;
    if (is_scalar(v)) {
      r.add_field(key, at(v.at)).values.push_back(scalar_of(v));
      return;
    }
    if (v.kind == JsonNode::Kind::array) {
      RawField& f = r.add_field(key, at(v.at));
      f.is_list = true;
      for (const JsonNode& item : v.items) {
        if (!is_scalar(item)) {
          error(item, quoted_key(m.key) + " must hold strings, not " +
                          std::string(json_kind_text(item.kind)));
          r.field_count--;
          return;
        }
        f.values.push_back(scalar_of(item));
      }
      return;
    }
    error(v, quoted_key(m.key) + " must be a string, not " + std::string(json_kind_text(v.kind)));
  }

  /// Any other field: a property if it holds a scalar or a list of scalars; objects are not read
  /// (one warning per field name and list, not one per object).
  void property(const JsonMember& m, RawRecord& r, std::string_view list, bool relation) {
    const JsonNode& v = m.value;
    if (v.kind == JsonNode::Kind::null) return;
    const bool reserved = relation ? reserved_on_relation(m.key) : reserved_on_entity(m.key);
    const std::string key = reserved ? "popolo_" + m.key : m.key;
    bool scalars = v.kind != JsonNode::Kind::object;
    if (v.kind == JsonNode::Kind::array)
      for (const JsonNode& item : v.items) scalars = scalars && is_scalar(item);
    if (!scalars) {
      if (warned_.insert(std::string(list) + "\n" + m.key).second)
        diags_.warning(at(v.at), "field " + quoted_key(m.key) + " of " + std::string(list) +
                                     " holds objects and is not read (reported once)");
      return;
    }
    if (v.kind == JsonNode::Kind::array && v.items.empty()) return;
    mapped_field(m, key, r);
  }

  /// Calls `each` on every object of a list of objects (`other_names`, `identifiers`, ...).
  template <typename Each>
  void objects_of(const JsonMember& m, Each each) {
    const JsonNode& v = m.value;
    if (v.kind == JsonNode::Kind::null) return;
    if (v.kind != JsonNode::Kind::array) {
      error(v, quoted_key(m.key) + " must be a list of objects, not " +
                   std::string(json_kind_text(v.kind)));
      return;
    }
    for (const JsonNode& item : v.items)
      if (is_object_item(item, m.key)) each(item);
  }

  /// The string member `key` of an item of the list `list`, or nullptr if it is absent or null;
  /// reports any other value.
  const JsonNode* text_member(const JsonNode& item, std::string_view key, std::string_view list) {
    const JsonNode* v = member(item, key);
    if (!v || v->kind == JsonNode::Kind::null) return nullptr;
    if (v->kind == JsonNode::Kind::string) return v;
    error(*v, quoted_key(key) + " in " + quoted_key(list) + " must be a string, not " +
                  std::string(json_kind_text(v->kind)));
    return nullptr;
  }

  /// `sources`: each {url, note} is declared as a source once and cited by the record.
  void sources(const JsonMember& m, RawRecord& r) {
    objects_of(m, [&](const JsonNode& item) {
      const JsonNode* url = text_member(item, "url", m.key);
      const JsonNode* note = text_member(item, "note", m.key);
      if (!url) {
        if (!member(item, "url")) error(item, "a source in \"sources\" needs a \"url\"");
        return;
      }
      declare_source(*url, note);
      append(r, "sources", at(url->at), RawScalar::of_string(url->text));
    });
  }

  void declare_source(const JsonNode& url, const JsonNode* note) {
    std::string key = url.text;
    if (note) key.append("\n").append(note->text);
    if (!declared_sources_.insert(key).second) return;
    RawRecord s = start_record(Section::source, url);
    add_text(s, "id", at(url.at), url.text);
    add_text(s, "url", at(url.at), url.text);
    if (note) add_text(s, "note", at(note->at), note->text);
    sink_(s);
  }

  /// The fields every kind of Popolo object may have, into its record `r`. Returns false for a field it does not know, which the caller keeps as a
  /// property.
  bool common(const JsonMember& m, RawRecord& r) {
    if (m.key == "id") {
      if (m.value.kind == JsonNode::Kind::string)
        add_text(r, "id", at(m.value.at), resolve(m.value.text));
      else if (m.value.kind != JsonNode::Kind::null)
        error(m.value, "\"id\" must be a string, not " + std::string(json_kind_text(m.value.kind)));
    } else if (m.key == "name" || m.key == "description") {
      mapped_field(m, m.key, r);
    } else if (m.key == "other_names") {
      objects_of(m, [&](const JsonNode& item) {
        if (const JsonNode* name = text_member(item, "name", m.key))
          append(r, "aliases", at(name->at), RawScalar::of_string(name->text));
      });
    } else if (m.key == "identifiers") {
      objects_of(m, [&](const JsonNode& item) {
        const JsonNode* value = text_member(item, "identifier", m.key);
        const JsonNode* scheme = text_member(item, "scheme", m.key);
        if (value)
          append(r, scheme ? "identifier:" + scheme->text : std::string("identifier"),
                 at(value->at), RawScalar::of_string(value->text));
      });
    } else if (m.key == "contact_details") {
      objects_of(m, [&](const JsonNode& item) {
        const JsonNode* value = text_member(item, "value", m.key);
        const JsonNode* type = text_member(item, "type", m.key);
        if (value)
          append(r, type ? "contact:" + type->text : std::string("contact"), at(value->at),
                 RawScalar::of_string(value->text));
      });
    } else if (m.key == "links" || m.key == "images") {
      objects_of(m, [&](const JsonNode& item) {
        if (const JsonNode* url = text_member(item, "url", m.key))
          append(r, m.key, at(url->at), RawScalar::of_string(url->text));
      });
    } else if (m.key == "sources") {
      sources(m, r);
    } else {
      return false;
    }
    return true;
  }

  /// A reference written `KEY_id` (a string) or `KEY` (an embedded object, read as an entity of
  /// its own by `read_embedded`).
  template <typename ReadEmbedded>
  bool reference(const JsonMember& m, std::string_view key, std::optional<Ref>& out,
                 ReadEmbedded read_embedded) {
    const std::string id_key = std::string(key) + "_id";
    if (m.key == id_key) {
      if (m.value.kind == JsonNode::Kind::string)
        out = Ref{resolve(m.value.text), at(m.value.at)};
      else if (m.value.kind != JsonNode::Kind::null)
        error(m.value, quoted_key(id_key) + " must be a string, not " +
                           std::string(json_kind_text(m.value.kind)));
      return true;
    }
    if (m.key != key) return false;
    if (m.value.kind == JsonNode::Kind::object) {
      if (auto id = read_embedded(m.value)) out = Ref{id->id, at(m.value.at)};
    } else if (m.value.kind != JsonNode::Kind::null) {
      error(m.value, quoted_key(key) + " must be an object, not " +
                         std::string(json_kind_text(m.value.kind)));
    }
    return true;
  }

  auto as_person() {
    return [this](const JsonNode& o) { return person(o); };
  }
  auto as_organization() {
    return [this](const JsonNode& o) { return organization(o); };
  }
  auto as_area() {
    return [this](const JsonNode& o) { return area(o); };
  }
  auto as_event() {
    return [this](const JsonNode& o) { return event(o); };
  }
  auto as_post() {
    return [this](const JsonNode& o) { return post(o, std::nullopt); };
  }

  /// A relation record of `type` from `from` to `to`, at the reference to `to`, with the
  /// fields of `like` named in `copied` (dates, role, sources of the membership it comes from).
  void relation(const RawRecord* like, const Ref& from, std::string_view type, const Ref& to,
                std::initializer_list<std::string_view> copied, std::string_view role = {}) {
    RawRecord r;
    r.section = Section::relation;
    r.at = to.at;
    add_text(r, "from", from.at, from.id);
    add_text(r, "type", to.at, type);
    add_text(r, "to", to.at, to.id);
    if (!role.empty()) add_text(r, "role", to.at, role);
    if (like)
      for (std::string_view key : copied)
        if (const RawField* f = like->find(key)) r.add_field(key, f->at) = *f;
    sink_(r);
  }

  void memberships_in(const JsonMember& m, const MembershipDefaults& defaults) {
    objects_of(m, [&](const JsonNode& item) { membership(item, defaults); });
  }

  std::optional<Ref> person(const JsonNode& o) {
    RawRecord r = start_record(Section::actor, o);
    add_text(r, "kind", at(o.at), "person");
    const std::optional<Ref> self = own_id(o);
    std::vector<const JsonMember*> memberships;
    for (const JsonMember& m : o.members) {
      if (m.key == "memberships")
        memberships.push_back(&m);
      else if (!common(m, r))
        property(m, r, "persons", false);
    }
    sink_(r);
    for (const JsonMember* m : memberships) memberships_in(*m, MembershipDefaults{self, {}, {}});
    return self;
  }

  std::optional<Ref> organization(const JsonNode& o) {
    RawRecord r = start_record(Section::actor, o);
    const std::optional<Ref> self = own_id(o);
    std::optional<Ref> parent, area_ref;
    std::vector<const JsonMember*> memberships, posts;
    Location kind_at;
    std::string_view kind;  // none without a classification, so that a bare reference merges
    for (const JsonMember& m : o.members) {
      if (m.key == "memberships") {
        memberships.push_back(&m);
      } else if (m.key == "posts") {
        posts.push_back(&m);
      } else if (reference(m, "parent", parent, as_organization()) ||
                 reference(m, "area", area_ref, as_area())) {
      } else if (m.key == "founding_date") {
        mapped_field(m, "start", r);
      } else if (m.key == "dissolution_date") {
        mapped_field(m, "end", r);
      } else if (!common(m, r)) {
        if (m.key == "classification" && m.value.kind == JsonNode::Kind::string) {
          kind = popolo_organization_kind(m.value.text);
          kind_at = at(m.value.at);
        }
        property(m, r, "organizations", false);
      }
    }
    if (!kind.empty()) add_text(r, "kind", kind_at, kind);
    if (parent) add_text(r, "part_of", parent->at, parent->id);
    sink_(r);
    if (self && area_ref) relation(nullptr, *self, "located_in", *area_ref, {});
    for (const JsonMember* m : posts)
      objects_of(*m, [&](const JsonNode& item) { post(item, self); });
    for (const JsonMember* m : memberships) memberships_in(*m, MembershipDefaults{{}, self, {}});
    return self;
  }

  std::optional<Ref> area(const JsonNode& o) {
    RawRecord r = start_record(Section::place, o);
    std::optional<Ref> parent;
    std::optional<Location> kind_at;
    std::string_view kind;
    for (const JsonMember& m : o.members) {
      if (reference(m, "parent", parent, as_area())) continue;
      if (common(m, r)) continue;
      if ((m.key == "classification" || m.key == "type") &&
          m.value.kind == JsonNode::Kind::string && kind.empty()) {
        kind = popolo_area_kind(m.value.text);
        kind_at = at(m.value.at);
      }
      property(m, r, "areas", false);
    }
    if (!kind.empty()) add_text(r, "kind", *kind_at, kind);
    if (parent) add_text(r, "within", parent->at, parent->id);
    sink_(r);
    return own_id(o);
  }

  std::optional<Ref> event(const JsonNode& o) {
    RawRecord r = start_record(Section::event, o);
    const std::optional<Ref> self = own_id(o);
    std::optional<Ref> parent, organization_ref;
    std::vector<Ref> attendees;
    std::string_view kind;
    Location kind_at;
    for (const JsonMember& m : o.members) {
      if (reference(m, "parent", parent, as_event()) ||
          reference(m, "organization", organization_ref, as_organization())) {
      } else if (m.key == "start_date") {
        mapped_field(m, "start", r);
      } else if (m.key == "end_date") {
        mapped_field(m, "end", r);
      } else if (m.key == "attendees") {
        objects_of(m, [&](const JsonNode& item) {
          if (const JsonNode* id = text_member(item, "id", m.key))
            attendees.push_back(Ref{resolve(id->text), at(id->at)});
        });
      } else if (!common(m, r)) {
        if (m.key == "classification" && m.value.kind == JsonNode::Kind::string) {
          kind = popolo_event_kind(m.value.text);
          kind_at = at(m.value.at);
        }
        property(m, r, "events", false);
      }
    }
    if (!kind.empty()) add_text(r, "kind", kind_at, kind);
    if (parent) add_text(r, "part_of", parent->at, parent->id);
    sink_(r);
    if (self) {
      if (organization_ref) relation(nullptr, *self, "related_to", *organization_ref, {});
      for (const Ref& a : attendees) relation(nullptr, a, "participated_in", *self, {});
    }
    return self;
  }

  std::optional<Ref> post(const JsonNode& o, std::optional<Ref> organization_ref) {
    RawRecord r = start_record(Section::actor, o);
    const std::optional<Ref> self = own_id(o);
    std::optional<Ref> area_ref;
    std::vector<const JsonMember*> memberships;
    add_text(r, "popolo_class", at(o.at), "post");
    for (const JsonMember& m : o.members) {
      if (reference(m, "organization", organization_ref, as_organization()) ||
          reference(m, "area", area_ref, as_area())) {
      } else if (m.key == "memberships") {
        memberships.push_back(&m);
      } else if (m.key == "label") {
        mapped_field(m, "name", r);
      } else if (m.key == "other_label") {
        mapped_field(m, "aliases", r);
      } else if (m.key == "start_date") {
        mapped_field(m, "start", r);
      } else if (m.key == "end_date") {
        mapped_field(m, "end", r);
      } else if (!common(m, r)) {
        property(m, r, "posts", false);
      }
    }
    if (organization_ref) add_text(r, "part_of", organization_ref->at, organization_ref->id);
    sink_(r);
    if (self && area_ref) relation(nullptr, *self, "located_in", *area_ref, {});
    for (const JsonMember* m : memberships)
      memberships_in(*m, MembershipDefaults{{}, organization_ref, self});
    return self;
  }

  void membership(const JsonNode& o, const MembershipDefaults& defaults) {
    RawRecord r = start_record(Section::relation, o);
    std::optional<Ref> person_ref = defaults.person, organization_ref = defaults.organization,
                       post_ref = defaults.post, on_behalf_of, area_ref, period;
    for (const JsonMember& m : o.members) {
      if (reference(m, "person", person_ref, as_person()) ||
          reference(m, "organization", organization_ref, as_organization()) ||
          reference(m, "post", post_ref, as_post()) ||
          reference(m, "on_behalf_of", on_behalf_of, as_organization()) ||
          reference(m, "area", area_ref, as_area()) ||
          reference(m, "legislative_period", period, as_event())) {
      } else if (m.key == "start_date") {
        mapped_field(m, "start", r);
      } else if (m.key == "end_date") {
        mapped_field(m, "end", r);
      } else if (m.key == "role" || m.key == "id") {
        mapped_field(m, m.key, r);
      } else if (m.key == "name" || m.key == "description" || !common(m, r)) {
        property(m, r, "memberships", true);
      }
    }
    if (!organization_ref && post_ref) {
      const auto it = post_organizations_.find(post_ref->id);
      if (it != post_organizations_.end()) organization_ref = it->second;
    }
    if (!person_ref) {
      error(o, "a membership needs a \"person_id\" (or an embedded \"person\")");
      return;
    }
    if (!organization_ref) {
      error(o,
            "a membership needs an \"organization_id\" (or an embedded \"organization\", or the "
            "\"post_id\" of a post that names its organization)");
      return;
    }
    add_text(r, "from", person_ref->at, person_ref->id);
    add_text(r, "type", at(o.at), "member_of");
    add_text(r, "to", organization_ref->at, organization_ref->id);
    for (const auto& [key, ref] :
         {std::pair{"on_behalf_of", &on_behalf_of}, std::pair{"area", &area_ref},
          std::pair{"post", &post_ref}, std::pair{"legislative_period", &period}})
      if (*ref) add_text(r, key, (*ref)->at, (*ref)->id);
    sink_(r);
    if (on_behalf_of && on_behalf_of->id != organization_ref->id)
      relation(&r, *person_ref, "member_of", *on_behalf_of, {"role", "start", "end", "sources"});
    if (area_ref)
      relation(&r, *person_ref, "related_to", *area_ref, {"start", "end", "sources"}, "represents");
    if (post_ref)
      relation(&r, *person_ref, "related_to", *post_ref, {"start", "end", "sources"}, "holds");
    if (period)
      relation(&r, *person_ref, "participated_in", *period, {"role", "start", "end", "sources"});
  }

  /// `meta.sources`: the document's own sources, declared (nothing cites them).
  void meta(const JsonNode& meta) {
    if (meta.kind != JsonNode::Kind::object) return;
    const JsonNode* list = member(meta, "sources");
    if (!list || list->kind != JsonNode::Kind::array) return;
    for (const JsonNode& item : list->items)
      if (item.kind == JsonNode::Kind::string) declare_source(item, nullptr);
  }

  std::uint32_t file_;
  TextPosition base_;  // where the tree being read starts in the file
  Diagnostics& diags_;
  const PopoloSettings& settings_;
  const Sink& sink_;
  std::unordered_map<std::string, std::string> scheme_ids_;  // Popolo id -> chosen id
  std::unordered_map<std::string, Ref> post_organizations_;  // post id -> organization
  std::unordered_set<std::string> declared_sources_;         // url + "\n" + note
  std::unordered_set<std::string> warned_;                   // list + "\n" + field
};

}  // namespace

void read_popolo(std::string_view text, std::uint32_t file, Diagnostics& diags,
                 const PopoloSettings& settings,
                 const std::function<void(const RawRecord&)>& sink) {
  Reader reader(file, diags, settings, sink);
  if (const auto top = scan_popolo_top_level(text)) {
    reader.read_scanned(*top);
    return;
  }
  // Not plain enough to scan (or not valid): the whole tree, which reports the first error.
  JsonNode root;
  if (const auto error = parse_json_tree(text, root)) {
    diags.error(Location{file, error->at.line, error->at.column}, error->message);
    return;
  }
  reader.read(root);
}

}  // namespace kgraph
