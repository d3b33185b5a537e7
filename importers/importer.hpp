#pragma once
/// The interface every input format implements. A new format is one class plus one line in
/// register_builtin_importers().

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/graph_builder.hpp"

namespace kgraph {

class ArticleGazetteer;

/// Options that reach every importer.
struct ImportOptions {
  /// CSV: the section for files whose name does not say it (`--section`).
  std::string section;
  /// `--input-option NAME=VALUE`, in the order given: settings of one format, each NAME
  /// prefixed with the format's name (`graphml.type`; the CLI checks that the format exists).
  /// An importer reads its own and reports an unknown NAME of its prefix as an error.
  std::vector<std::pair<std::string, std::string>> settings;
  /// `--lang en,zh,ko`: the languages of names, in order of preference, for formats whose
  /// names come in several (Wikidata). Empty: each format's default.
  std::vector<std::string> languages;
  /// Articles (`text`): the entities whose names they look for. Null: the entities staged in
  /// the builder when the article is read. The CLI makes it once, after every other input.
  std::shared_ptr<const ArticleGazetteer> gazetteer;
  /// Articles: also a `co_mentioned` relation per pair of entities named in one sentence.
  bool co_mentions = false;

  /// The value of the last setting `name`, or empty if it was not given.
  std::optional<std::string_view> setting(std::string_view name) const {
    for (auto it = settings.rbegin(); it != settings.rend(); ++it)
      if (it->first == name) return it->second;
    return std::nullopt;
  }
};

class Importer {
 public:
  virtual ~Importer() = default;
  /// Format name as used with `--input-format`, e.g. "json".
  virtual std::string_view name() const = 0;
  /// File name endings it reads, with the dot: ".json".
  virtual std::vector<std::string_view> extensions() const = 0;
  /// Reads one input. `file` is its index in the sink's diagnostics (for Locations);
  /// `file_name` is the path as given (CSV reads its section from it). Syntax errors and
  /// field errors go to the sink's diagnostics; records go to `sink.add`. The sink is a
  /// GraphBuilder, or carries what it is given to one on another thread (record_relay.hpp).
  virtual void read(std::istream& in, std::uint32_t file, std::string_view file_name,
                    RecordSink& sink, const ImportOptions& options) const = 0;
  /// True for a format that needs every other input read first (articles look for the
  /// entities the others declare); such inputs are read last, in their own order.
  virtual bool reads_after_others() const { return false; }
  /// False for a format whose files are read only when named (articles: `.txt` and `.md`
  /// files in a folder of data are mostly READMEs and notes).
  virtual bool read_in_directory_walks() const { return true; }
  /// False for a format whose read() registers files of its own in the diagnostics (FtM and
  /// Wikidata load the mapping an option names): such inputs are read on the builder's
  /// thread, so that files are numbered in the same order whatever the number of threads.
  virtual bool reads_ahead() const { return true; }
};

/// Maps names and file extensions to importers.
class ImporterRegistry {
 public:
  void add(std::unique_ptr<Importer> importer);
  /// The importer for a path, by its extension (case-insensitive; the longest that matches;
  /// after a compressed file ending such as `.gz`), or nullptr.
  const Importer* for_path(std::string_view path) const;
  const Importer* named(std::string_view name) const;
  std::vector<std::string> names() const;
  /// True if some importer reads files with this path's extension (for directory walks).
  bool accepts(std::string_view path) const { return for_path(path) != nullptr; }

 private:
  std::vector<std::unique_ptr<Importer>> importers_;
};

/// The importers shipped with kgraph.
void register_builtin_importers(ImporterRegistry& registry);

}  // namespace kgraph
