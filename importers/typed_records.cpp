#include "importers/typed_records.hpp"

namespace kgraph {

Section section_of(EntityType t) {
  switch (t) {
    case EntityType::actor:
      return Section::actor;
    case EntityType::law:
      return Section::law;
    case EntityType::event:
      return Section::event;
    case EntityType::place:
      return Section::place;
  }
  return Section::actor;
}

std::optional<EntityType> entity_type_of(Section s) {
  switch (s) {
    case Section::actor:
      return EntityType::actor;
    case Section::law:
      return EntityType::law;
    case Section::event:
      return EntityType::event;
    case Section::place:
      return EntityType::place;
    case Section::source:
    case Section::relation:
      break;
  }
  return std::nullopt;
}

void add_text(RawRecord& r, std::string_view key, std::string_view text, Location at) {
  r.add_field(key, at).values.push_back(RawScalar::of_string(text));
}

}  // namespace kgraph
