#pragma once
/// A CSV row assembled in a small local buffer and handed to the output in one append. The
/// database exporters write tens of millions of short cells; appending each one to a
/// std::string (a capacity check, a call, a terminator every time) cost more than the cells.

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "exporters/csv_text.hpp"
#include "exporters/date_text.hpp"
#include "exporters/rendered_fields.hpp"
#include "graph/partial_date.hpp"
#include "graph/string_pool.hpp"

namespace kgraph {

class RowBuilder {
 public:
  explicit RowBuilder(std::string& out) : out_(out) {}
  RowBuilder(const RowBuilder&) = delete;
  RowBuilder& operator=(const RowBuilder&) = delete;
  /// Whatever is still in the buffer goes to the output.
  ~RowBuilder() { flush(); }

  void put(char c) {
    reserve(1);
    *end_++ = c;
  }
  void put(std::string_view s) {
    if (s.size() > kCapacity / 2) {  // long text goes straight out
      flush();
      out_.append(s);
      return;
    }
    reserve(s.size());
    std::memcpy(end_, s.data(), s.size());
    end_ += s.size();
  }
  /// `2006`, `2006-09` or `2006-09-19`; nothing when absent.
  void put(const PartialDate& d) {
    reserve(kMaxDateChars);
    end_ = write_date(end_, d);
  }
  /// An entity's rendered field.
  void put(const EntityFields& fields, std::uint32_t entity) {
    reserve(EntityFields::kPutBytes);
    if (char* end = fields.put(end_, entity))
      end_ = end;
    else
      put(fields.get(entity));
  }
  /// A pooled string as a CSV field (see csv::append_field); true if it was quoted.
  bool put_field(std::string_view s, CharClasses classes) {
    if (!csv::needs_quotes(s, classes)) {
      put(s);
      return false;
    }
    csv::append_quoted(output(), s);
    return true;
  }

  /// The output with everything so far in it, for code that appends to it directly.
  std::string& output() {
    flush();
    return out_;
  }

 private:
  static constexpr std::size_t kCapacity = 256;

  void reserve(std::size_t n) {
    if (static_cast<std::size_t>(buffer_ + kCapacity - end_) < n) flush();
  }
  void flush() {
    // Only buffer_[0, end_) is read, and all of it was written; GCC 12 with the sanitizers
    // cannot see that and warns of the uninitialised rest (filling 256 bytes per row would not
    // be free).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
    out_.append(buffer_, static_cast<std::size_t>(end_ - buffer_));
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
    end_ = buffer_;
  }

  std::string& out_;
  char buffer_[kCapacity];
  char* end_ = buffer_;
};

}  // namespace kgraph
