#pragma once
/// Records packed one after another into one buffer, for handing a batch of them from the
/// thread that read them to the builder's thread.
///
/// Why not a vector of RawRecord: copying a record into one means following its fields' and
/// values' pointers into memory the other core read last, one dependent miss after another
/// (measured: a third of the reader's time, docs/performance.md, session 12). Packing writes,
/// and unpacking reads, one buffer from start to end, which the hardware streams; the builder
/// unpacks each record into a RawRecord of its own that stays in its cache.
///
///   PackedRecords batch;
///   batch.append(record);                  // the reader, once per record
///   RawRecord r;
///   for (std::size_t at = 0; at < batch.bytes(); ) at = batch.unpack(at, r);   // the builder

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/record.hpp"

namespace kgraph {
namespace detail {
class IdIndex;
}

class PackedRecords {
 public:
  /// Appends a copy of `record` (its first field_count fields). With `numbering`, each
  /// string that may name an entity (may_name_entity) and could be an id (printable, no
  /// control character, not empty) is to be numbered by number_entity_ids(); unpack() then
  /// gives its number (TextFacts::entity).
  void append(const RawRecord& record, bool numbering = false);
  /// Numbers the ids of the records appended since the last call, in the order appended, in
  /// `ids` (new ids get new numbers). Looking up many ids at once lets their cache misses
  /// overlap: the reading thread does it for the builder's (GraphBuilder::lend_entity_ids).
  void number_entity_ids(detail::IdIndex& ids);
  /// Whether some ids wait for number_entity_ids().
  bool ids_waiting() const { return !waiting_.empty(); }
  /// Fills `into` with the record packed at byte `at` (0, or what the previous call returned),
  /// reusing its allocations; returns where the next record starts.
  std::size_t unpack(std::size_t at, RawRecord& into) const;

  std::size_t size() const { return count_; }  // records
  std::size_t bytes() const { return buffer_.size(); }
  /// Empties the buffer, keeping its allocation.
  void clear() {
    buffer_.clear();
    waiting_.clear();
    count_ = 0;
  }

 private:
  /// An id append() left for number_entity_ids(): where its number goes (the text follows),
  /// and its hash.
  struct WaitingId {
    std::size_t number_at;
    std::uint32_t hash;
  };
  std::vector<char> buffer_;
  std::vector<WaitingId> waiting_;
  std::size_t count_ = 0;
};

}  // namespace kgraph
