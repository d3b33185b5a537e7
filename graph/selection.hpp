#pragma once
/// Selections: the part of a graph to write, as a GraphView over the unchanged graph.
///
/// Filters first narrow the graph (types, relation types, time window); the focus then takes
/// the neighbourhood of the focus entities, up to `depth` relations away in either direction,
/// inside what the filters kept. Focus entities themselves are always kept. A relation is kept
/// when it passes the filters and both its ends are kept.

#include <optional>
#include <string>
#include <vector>

#include "graph/graph_view.hpp"
#include "graph/partial_date.hpp"

namespace kgraph {

struct SelectionOptions {
  std::vector<std::string> focus;      // entity ids; empty: no focus
  int depth = 1;                       // relations away from the focus
  std::vector<EntityType> types;       // empty: every type
  std::vector<std::string> relations;  // relation types; empty: every type
  PartialDate since;                   // keep what overlaps [since, until]
  PartialDate until;
  bool dated_only = false;  // drop undated entities and relations when a window is set

  bool selects_everything() const {
    return focus.empty() && types.empty() && relations.empty() && !since.present() &&
           !until.present();
  }
};

/// A problem with the selection itself (unknown focus id, unknown relation type).
struct SelectionError {
  std::string message;
};

/// The selected view, or the reason it cannot be made.
std::optional<GraphView> select(const KnowledgeGraph& g, const SelectionOptions& options,
                                SelectionError& error);

/// Whether an element dated [start, end] overlaps the window; undated elements pass unless
/// `dated_only`. Partial dates cover their whole period.
bool overlaps_window(const PartialDate& start, const PartialDate& end,
                     const SelectionOptions& options);

}  // namespace kgraph
