#pragma once
/// Streaming readers that turn a JSON document or JSON Lines into RawRecords, shared by the
/// `json` and `jsonl` importers. They only report problems of the text itself (syntax, UTF-8,
/// shape); what the fields mean is GraphBuilder's business.
///
///   read_json_lines(in, file, diags, [&](const RawRecord& r) { builder.add(r); });

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>

#include "graph/diagnostics.hpp"
#include "graph/record.hpp"
#include "importers/importer.hpp"

namespace kgraph {

/// Receives each complete record. The record is reused once the call returns.
using RecordCallback = std::function<void(const RawRecord&)>;

/// Tuning of the JSON readers.
struct JsonReadOptions {
  /// Bytes asked of the stream at a time; tests make it tiny to exercise the refills.
  std::size_t chunk_size = std::size_t{1} << 20;
};

/// Reads one JSON document `{"actors": [{...}], ...}`; a syntax error ends the file.
void read_json_document(std::istream& in, std::uint32_t file, Diagnostics& diags,
                        const RecordCallback& sink, const JsonReadOptions& options = {});

/// Reads JSON Lines, one object with a `"record"` section per line; a syntax error skips
/// only its line.
void read_json_lines(std::istream& in, std::uint32_t file, Diagnostics& diags,
                     const RecordCallback& sink, const JsonReadOptions& options = {});

/// The JSON document importer ("json", ".json"), for register_builtin_importers.
std::unique_ptr<Importer> make_json_importer();
/// The JSON Lines importer ("jsonl", ".jsonl", ".ndjson"), for register_builtin_importers.
std::unique_ptr<Importer> make_jsonl_importer();

}  // namespace kgraph
