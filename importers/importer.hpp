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
  /// Reads one input. `file` is its index in the builder's diagnostics (for Locations);
  /// `file_name` is the path as given (CSV reads its section from it). Syntax errors and
  /// field errors go to the builder's diagnostics; records go to `builder.add`.
  virtual void read(std::istream& in, std::uint32_t file, std::string_view file_name,
                    GraphBuilder& builder, const ImportOptions& options) const = 0;
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
