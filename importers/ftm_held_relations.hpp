#pragma once
/// Relation records kept back until the end of an FtM file (importers/ftm_entity_reader.hpp),
/// packed into one byte buffer: a held relation costs about the bytes of its text, where a
/// RawRecord per relation would cost several allocations and many times that.
///
///   HeldRelations held;
///   held.hold(record);
///   held.replay([&](const RawRecord& r) { ... });

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/record.hpp"

namespace kgraph {

class HeldRelations {
 public:
  /// Keeps a copy of `record` (string values only; the file of every Location is the same).
  void hold(const RawRecord& record);

  /// Calls `f(record)` for each relation held, in the order held, then forgets them all. The
  /// record is reused from one call to the next.
  template <typename F>
  void replay(F f) {
    RawRecord record;
    for (std::size_t i = 0; i < starts_.size(); ++i) {
      unpack(starts_[i], record);
      f(static_cast<const RawRecord&>(record));
    }
    clear();
  }

  std::size_t size() const { return starts_.size(); }
  void clear();

 private:
  void unpack(std::size_t at, RawRecord& record) const;

  std::string bytes_;
  std::vector<std::size_t> starts_;
  std::uint32_t file_ = 0;
};

}  // namespace kgraph
