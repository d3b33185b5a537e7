#pragma once
/// Interprets one record's fields (dates, ids, properties, sources, entities, relations) into the
/// staging state; GraphBuilder keeps the record limits and the checks needing all input.

#include "graph/builder_state.hpp"
#include "graph/diagnostics.hpp"
#include "graph/record.hpp"
#include "graph/record_view.hpp"

namespace kgraph::detail {

/// Stages what `record` declares; reports each field-level problem at the field's location.
void interpret_record(BuilderState& state, Diagnostics& diags, const RawRecord& record);
/// The same for a record seen in its batch (PackedRecords::unpack).
void interpret_record(BuilderState& state, Diagnostics& diags, const RecordView& record);

}  // namespace kgraph::detail
