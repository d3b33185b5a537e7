#pragma once
/// RDF output (docs/formats/rdf.md): N-Triples (`.nt`) and Turtle (`.ttl`) with schema.org
/// classes where they fit and the kgraph vocabulary for the rest. Relations are written as a
/// direct triple plus a reified `kg:Relation` node carrying their provenance (no RDF-star,
/// which Virtuoso 7 does not read).

#include <memory>
#include <string_view>

#include "exporters/exporter.hpp"

namespace kgraph {

/// The N-Triples exporter (`.nt`, format name `ntriples`).
std::unique_ptr<Exporter> make_ntriples_exporter();
/// The Turtle exporter (`.ttl`, format name `turtle`).
std::unique_ptr<Exporter> make_turtle_exporter();

namespace rdf {

/// The fixed kgraph vocabulary: classes `kg:Actor` ... and properties `kg:source` ... .
inline constexpr std::string_view kVocab = "https://kgraph.example/vocab/";
/// Relation types as properties: `kgr:located_in`.
inline constexpr std::string_view kRelationVocab = "https://kgraph.example/vocab/relation/";
/// Entity, relation and source properties without a schema.org equivalent: `kgp:names_zh`.
inline constexpr std::string_view kPropertyVocab = "https://kgraph.example/vocab/property/";
/// Kinds as classes: `kgk:government_body`.
inline constexpr std::string_view kKindVocab = "https://kgraph.example/vocab/kind/";
inline constexpr std::string_view kSchemaOrg = "http://schema.org/";

}  // namespace rdf
}  // namespace kgraph
