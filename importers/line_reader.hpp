#pragma once
/// The lines of a line-oriented input (FtM entity files, JSON Lines tables read through a
/// mapping, Wikidata dumps), read in chunks: a line is held only while it is handed on, and a
/// line longer than json_records::kMaxLineBytes is reported at its start and skipped without
/// being held.
///
///   read_lines(in, file, diags, [&](std::string_view text, std::uint32_t line) { ... });
///
/// The handler gets each line without its line break (and without a CR before it, and without
/// a byte order mark at the start of the file); blank lines are skipped (both unless
/// LineReading::keep_layout). Reading stops once `diags` has too many errors.

#include <cstdint>
#include <functional>
#include <istream>
#include <string_view>

#include "graph/diagnostics.hpp"

namespace kgraph {

using LineHandler = std::function<void(std::string_view text, std::uint32_t line)>;

/// What a reader that needs more than the lines' text asks of read_lines.
struct LineReading {
  /// Hand on every line as it is, blank ones and a CR before the line break too: for a reader
  /// that may keep the text whole with its positions (a Wikidata API response).
  bool keep_layout = false;
  /// Called after a line too long to hold has been reported, with its number.
  std::function<void(std::uint32_t line)> too_long;
};

void read_lines(std::istream& in, std::uint32_t file, Diagnostics& diags, const LineHandler& handle,
                const LineReading& reading = {});

}  // namespace kgraph
