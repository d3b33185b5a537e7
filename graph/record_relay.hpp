#pragma once
/// Reading inputs on other threads for one GraphBuilder, with the result of reading them one
/// after the other on the builder's own thread.
///
/// Each input is a ReadJob. Worker threads take the jobs in order and read each into a sink
/// that copies its records, and the problems reported between them, into batches; the
/// calling thread takes the batches of the first job, then of the second, and so on, and adds
/// them to the builder. So the builder sees the same records in the same order, the
/// diagnostics arrive in the same order, and an exception a job throws is rethrown after what
/// the job read before it: nothing depends on the number of threads or on their timing.
/// Memory stays bounded: a job is read at most kBatchesAhead batches ahead of the builder.
///
///   std::vector<ReadJob> jobs = ...;  // jobs[i].read(sink) reads input i into sink
///   read_relayed(builder, jobs, 1, {});

#include <cstddef>
#include <functional>
#include <vector>

#include "graph/graph_builder.hpp"
#include "graph/record_sink.hpp"

namespace kgraph {

struct ReadJob {
  /// Reads one input into the sink.
  std::function<void(RecordSink& sink)> read;
  /// Run on the builder's thread when its turn comes (an importer that registers files of its
  /// own, Importer::reads_ahead()).
  bool on_builder_thread = false;
};

/// Called on the builder's thread: as a job's records start to arrive (`started`), and after
/// each of its batches (`batch`); for progress reports.
struct RelayEvents {
  std::function<void(std::size_t job)> started;
  std::function<void(std::size_t job)> batch;
};

/// Records per batch, and batches a job may be read ahead of the builder. With reader and
/// builder about as fast as each other, a deep queue lets either catch up after the other
/// stalled (4 batches: 3.2 s read phase, 16: 2.9 s, 48 or 128: 2.6 s on the 1M/4M benchmark;
/// a packed batch is some 60 kB, so 48 of them stay a few megabytes).
inline constexpr std::size_t kRelayBatchRecords = 512;
inline constexpr std::size_t kBatchesAhead = 48;

/// Runs every job with `workers` threads reading ahead (0: every job on the calling thread,
/// its records still gathered in small batches so that GraphBuilder::prefetch can look ahead),
/// adding what they read to `builder` on the calling thread in job order. Stops early, as
/// reading one after the other does, once the builder's diagnostics have too many errors.
void read_relayed(GraphBuilder& builder, const std::vector<ReadJob>& jobs, unsigned workers,
                  const RelayEvents& events);

}  // namespace kgraph
