#pragma once
/// The interface every output format implements. A new format is one class plus one line in
/// register_builtin_exporters().

#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_view.hpp"

namespace kgraph {

/// Options that reach every exporter; each reads what concerns it.
struct ExportOptions {
  std::string engine;            // diagrams: "dot", "neato", ...; empty: chosen by size
  bool legend = false;           // diagrams
  std::string cluster = "none";  // diagrams: place|type|none
  bool force = false;            // diagrams: lay out even very large graphs
  std::string base_iri = "https://kgraph.example/id/";  // RDF
  /// Threads that may format at once (exporters/ordered_chunks.hpp); the bytes written are
  /// the same for any number.
  unsigned threads = 1;
  std::uint32_t parts = 1;  // neo4j, kuzu: rows of each table split over this many part files
};

/// Thrown by an exporter when the graph cannot be written in its format; the message is
/// shown to the user and nothing is written.
class ExportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The `part` of PartWriter that means every part: the graph given holds every row.
inline constexpr std::uint32_t kEveryPart = 0xFFFFFFFFu;

/// A directory output written from several graphs in turn, each holding the rows of one part
/// (`--parts`): `kgraph merge` one partition at a time (docs/scale.md). Every graph is given
/// twice, to plan() and then to write(); the sources come from a graph of their own. The files
/// are the bytes write_directory() writes for the union of the graphs.
class PartWriter {
 public:
  virtual ~PartWriter() = default;
  /// First pass: what the files need to know of the rows of part `part` of `view` (its
  /// entities whose id hashes to `part`, and the relations they start). The graph may hold
  /// other entities, the ends of those relations: they give their ids and types only.
  virtual void plan(const GraphView& view, std::uint32_t part) = 0;
  /// First pass over the graph of the sources (every source, merged).
  virtual void plan_sources(const GraphView& view) = 0;
  /// Between the passes: fixes what every file shares (columns, delimiters, headers).
  virtual void begin() = 0;
  /// Second pass: writes the rows of part `part` of `view`, given to plan() before.
  virtual void write(const GraphView& view, std::uint32_t part) = 0;
  virtual void write_sources(const GraphView& view) = 0;
  /// After the second pass: what depends on every row (scripts, schemas, READMEs).
  virtual void end() = 0;
};

class Exporter {
 public:
  virtual ~Exporter() = default;
  /// Format name, usable as the `FORMAT:` prefix of `-o`, e.g. "graphml".
  virtual std::string_view name() const = 0;
  /// File name endings that select it, with the dot. Directory formats have none.
  virtual std::vector<std::string_view> extensions() const = 0;
  /// True if the output is a directory of files rather than one file.
  virtual bool writes_directory() const { return false; }
  /// Writes the view to a stream (single-file formats).
  virtual void write(const GraphView& view, std::ostream& out, const ExportOptions& options) const;
  /// Fills an empty, existing directory (directory formats).
  virtual void write_directory(const GraphView& view, const std::filesystem::path& dir,
                               const ExportOptions& options) const;
  /// A writer filling the empty, existing `dir` one part at a time, or nullptr when the
  /// format needs the whole graph at once (every format but the partitioned folders).
  virtual std::unique_ptr<PartWriter> part_writer(const std::filesystem::path& dir,
                                                  const ExportOptions& options) const;
};

class ExporterRegistry {
 public:
  void add(std::unique_ptr<Exporter> exporter);
  const Exporter* for_path(std::string_view path) const;
  const Exporter* named(std::string_view name) const;
  std::vector<std::string> names() const;

 private:
  std::vector<std::unique_ptr<Exporter>> exporters_;
};

/// The exporters shipped with kgraph.
void register_builtin_exporters(ExporterRegistry& registry);

}  // namespace kgraph
