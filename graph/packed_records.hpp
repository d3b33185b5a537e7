#pragma once
/// Records packed one after another into one buffer, for handing a batch of them from the
/// thread that read them to the builder's thread.
///
/// Why not a vector of RawRecord: copying a record into one means following its fields' and
/// values' pointers into memory the other core read last, one dependent miss after another
/// (measured: a third of the reader's time, docs/performance.md, session 12). Packing writes,
/// and unpacking reads, one buffer from start to end, which the hardware streams; the builder
/// sees each record through a RecordView of its own, which stays in its cache, of texts left
/// where they were packed.
///
///   PackedRecords batch;
///   batch.append(record);                  // the reader, once per record
///   RecordView r;
///   for (std::size_t at = 0; at < batch.bytes(); ) at = batch.unpack(at, r);   // the builder

#include <cstddef>
#include <vector>

#include "graph/record.hpp"
#include "graph/record_view.hpp"

namespace kgraph {

class PackedRecords {
 public:
  /// Appends a copy of `record` (its first field_count fields).
  void append(const RawRecord& record);
  /// Shows in `into` the record packed at byte `at` (0, or what the previous call returned),
  /// as views of this batch's bytes: no text is copied, and `into`'s storage is reused. The
  /// views last until the batch is changed (append, clear) or destroyed. Returns where the next
  /// record starts.
  std::size_t unpack(std::size_t at, RecordView& into) const;

  std::size_t size() const { return count_; }  // records
  std::size_t bytes() const { return buffer_.size(); }
  /// The batch's bytes, which RecordViews look at.
  const char* data() const { return buffer_.data(); }
  /// Empties the buffer, keeping its allocation.
  void clear() {
    buffer_.clear();
    count_ = 0;
  }

 private:
  std::vector<char> buffer_;
  std::size_t count_ = 0;
};

}  // namespace kgraph
