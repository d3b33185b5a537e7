#pragma once
/// The INPUT arguments: which files to read, with which importer, and reading them into a
/// GraphBuilder.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "importers/importer.hpp"

namespace kgraph::cli {

class Progress;

/// One input to read.
struct InputFile {
  std::string name;            // as shown in messages: the path as given, "<stdin>" for "-"
  std::filesystem::path path;  // empty for standard input
  const Importer* importer = nullptr;
  bool is_stdin() const { return path.empty(); }
};

/// What collect_inputs needs besides the arguments.
struct InputRules {
  const ImporterRegistry* registry = nullptr;
  /// `--input-format`: used for standard input and for files named explicitly (overriding
  /// their extension). Directories are always walked by extension.
  const Importer* forced = nullptr;
  /// Paths never read from a directory walk (this run's outputs, so that
  /// `kgraph build data -o data/all.json` does not read its own previous output).
  std::vector<std::filesystem::path> exclude;
};

/// Resolves INPUT arguments to files, in argument order; a directory expands to every file
/// below it that some importer reads, in sorted path order (symlinked directories are not
/// followed). A file reached twice is read once. Throws UsageError (no importer for a named
/// file, "-" without --input-format or given twice) or CliError with exit 3 (missing or
/// unreadable path). Directories without any input file add a message to `warnings`.
std::vector<InputFile> collect_inputs(std::span<const std::string> args, const InputRules& rules,
                                      std::vector<std::string>& warnings);

/// Every extension the registry reads, sorted: ".json, .jsonl, ...".
std::vector<std::string> supported_extensions(const ImporterRegistry& registry);

/// Reads the input through its importer into `sink`, as file number `file` of the sink's
/// diagnostics; calls `bytes_read` with the bytes read so far after each read of the file.
/// Throws CliError with exit 3 if the file cannot be opened or a read fails.
void read_input(const InputFile& input, std::uint32_t file, RecordSink& sink,
                const ImportOptions& options,
                const std::function<void(std::uint64_t bytes)>& bytes_read);

/// The size of a regular file, for progress reports; nullopt for anything else.
std::optional<std::uint64_t> input_size(const InputFile& input);

}  // namespace kgraph::cli
