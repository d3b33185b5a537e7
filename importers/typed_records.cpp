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

void add_text(RawRecord& r, std::string_view key, std::string_view text, Location at) {
  r.add_field(key, at).values.push_back(RawScalar::of_string(text));
}

}  // namespace kgraph
