#pragma once
/// `kgraph merge` one partition at a time (docs/scale.md, "Merge memory and partitioned
/// outputs"): when every output is a partitioned folder and the shard folders were cut into
/// as many parts as the outputs have, part p of every folder holds every record of the ids of
/// part p, so each partition is merged, checked and written alone. What needs the whole graph
/// comes from a first pass over every part file that keeps only small tables: each entity id's
/// type and kind, and the sources, merged.
///
///   if (!merge_by_partition(session, schema, parts, writers, ctx)) return exit_status::invalid_input;

#include <memory>
#include <vector>

#include "cli/input_files.hpp"
#include "cli/input_session.hpp"
#include "cli/verb.hpp"
#include "exporters/exporter.hpp"
#include "graph/schema.hpp"

namespace kgraph::cli {

/// The part files of every shard folder, by part: `files[p]` holds part p of each folder.
using PartFiles = std::vector<std::vector<InputFile>>;

/// Reads `parts` three times, holding one partition at a time: (1) the tables of what every
/// partition needs of the others; (2) each partition merged and checked, then planned by every
/// writer; (3) each partition merged again and written by every writer. The writers' begin()
/// runs between (2) and (3), their end() after (3). Problems are reported to the session's
/// diagnostics and printed; false if there were errors (then nothing more is written). With
/// KGRAPH_TIMINGS set, each pass prints its phase line (`tables`, `plan`, `write`).
bool merge_by_partition(InputSession& session, const Schema& schema, const PartFiles& parts,
                        const std::vector<PartWriter*>& writers, Context& ctx);

}  // namespace kgraph::cli
