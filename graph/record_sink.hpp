#pragma once
/// Where an importer puts what it reads: records, and the problems of its text. A GraphBuilder
/// is one; graph/record_relay.hpp has another, which carries records and problems to a builder
/// on another thread in the order they were read.

#include "graph/diagnostics.hpp"
#include "graph/record.hpp"
#include "graph/schema.hpp"

namespace kgraph {

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  /// Takes one record; the caller may reuse it once this returns.
  virtual void add(const RawRecord& record) = 0;
  /// Where the importer reports problems of its input.
  virtual Diagnostics& diagnostics() = 0;
  /// What records are checked against (read-only; importers with mappings check them by it).
  virtual const Schema& schema() const = 0;
};

}  // namespace kgraph
