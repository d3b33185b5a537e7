#pragma once
/// Turns a Popolo JSON document (EveryPolitician's ep-popolo layout: persons, organizations,
/// memberships, areas, events, posts) into kgraph records, each field at its place in the text.
/// docs/formats/popolo.md gives the mapping.
///
///   PopoloSettings settings{.id_scheme = "wikidata"};
///   read_popolo(text, file, diags, settings, [&](const RawRecord& r) { builder.add(r); });

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "graph/diagnostics.hpp"
#include "graph/record.hpp"

namespace kgraph {

/// The `popolo.*` input options.
struct PopoloSettings {
  /// `popolo.id`: the identifier scheme whose value becomes the id of an object that has one
  /// ("wikidata"); empty keeps the Popolo ids.
  std::string id_scheme;
};

/// Reads the document in `text` (file index `file` for Locations); problems go to `diags`.
void read_popolo(std::string_view text, std::uint32_t file, Diagnostics& diags,
                 const PopoloSettings& settings, const std::function<void(const RawRecord&)>& sink);

}  // namespace kgraph
