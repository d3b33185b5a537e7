#pragma once
/// The option groups several verbs list, so that a group written once reaches every verb that
/// takes it, and the parser of `--max-errors`, which both the input and the schema groups hold.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command_line.hpp"

namespace kgraph::cli {

/// How many problems are shown when --max-errors is not given.
inline constexpr std::size_t kDefaultMaxErrors = 50;

inline constexpr OptionSpec kInputOptions[] = {
    {"schema", 0, "FILE", "extend the built-in schema with FILE (JSON); repeatable", true},
    {"input-format", 0, "FMT", "read standard input and the files named as INPUT as FMT"},
    {"section", 0, "SECTION", "CSV: the section of files whose name does not say it"},
    {"mapping", 0, "FILE",
     "read the CSV inputs as tables through the mapping FILE (docs/formats/mapping.md)"},
    {"input-option", 0, "NAME=VALUE",
     "a setting of one input format, e.g. graphml.type=labels (docs/inputs.md); repeatable", true},
    {"max-errors", 0, "N", "show at most N problems (default 50; 0: all)"},
    {"lang", 0, "LANG,...",
     "Wikidata: the languages of names and aliases, in order of preference (default: en, then "
     "any)"},
    {"gazetteer", 0, "FILE",
     "articles: also look for the entities of FILE (any input format; only their names are "
     "used); repeatable",
     true},
    {"co-mentions", 0, "", "articles: relate the entities named in one sentence (co_mentioned)"},
    {"threads", 0, "N",
     "work on N threads beside the main one: outputs are formatted while they are written, and "
     "inputs read while the graph is built (default: the cores less one, for outputs only; 0: "
     "one thread); the result is the same for any N"},
};

inline constexpr OptionSpec kOutputOptions[] = {
    {"output", 'o', "[FORMAT:]PATH", "write the graph to PATH; repeatable (at least one)", true},
    {"parts", 0, "N",
     "neo4j:, kuzu: split each table into N part files, by a stable hash of the id (default 1)"},
};

inline constexpr OptionSpec kSelectionOptions[] = {
    {"focus", 0, "ID", "keep the neighbourhood of entity ID (repeatable)", true},
    {"depth", 0, "N", "with --focus: how many relations away from the focus (default 1)"},
    {"types", 0, "TYPE,...", "keep entities of these types (actor, law, event, place)"},
    {"relations", 0, "TYPE,...", "keep relations of these types"},
    {"since", 0, "DATE", "keep what overlaps the time from DATE on (YYYY, YYYY-MM or YYYY-MM-DD)"},
    {"until", 0, "DATE", "keep what overlaps the time up to DATE"},
    {"dated-only", 0, "", "with --since/--until: drop undated entities and relations"},
};

inline constexpr OptionSpec kDiagramOptions[] = {
    {"engine", 0, "NAME", "diagram layout: dot, neato, fdp, sfdp or circo (default: by size)"},
    {"legend", 0, "", "add a legend of the types, kinds and relation types shown"},
    {"cluster", 0, "BY", "group entities: place, type or none (default none)"},
    {"force", 0, "", "lay out a diagram even when it is too large to finish quickly"},
    {"base-iri", 0, "IRI",
     "RDF: the IRI entity ids are appended to (default https://kgraph.example/id/)"},
};

inline constexpr OptionSpec kReportOptions[] = {
    {"quiet", 'q', "", "do not print warnings"},
    {"progress", 0, "", "report progress on standard error (default: on for a terminal)"},
    {"no-progress", 0, "", "do not report progress"},
};

/// --max-errors N: kDefaultMaxErrors when absent; 0 (all) becomes the largest size_t.
/// Throws UsageError for a value that is not a count.
std::size_t max_errors_option(const ParsedArgs& args);

/// --threads N: the threads that read inputs beside the builder's; by default one less than
/// the cores available (std::thread::hardware_concurrency), at least 1. Throws UsageError for
/// a value that is not a count.
unsigned threads_option(const ParsedArgs& args);

/// --lang en,zh-hans,ko: the language codes in order, lower-cased, each once. Throws
/// UsageError for a list that holds something else than codes (letters, digits, `-`).
std::vector<std::string> language_list(std::string_view text);

}  // namespace kgraph::cli
