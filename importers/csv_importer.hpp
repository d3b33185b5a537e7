#pragma once
/// CSV input (docs/formats/csv.md): one section per file, the header row names the fields,
/// Neo4j-style typed columns (`population:int`, `tags:string[]`). The pieces the mapping
/// importer shares are declared here too.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/record.hpp"
#include "importers/importer.hpp"

namespace kgraph {

/// The CSV importer ("csv", ".csv"), for register_builtin_importers.
std::unique_ptr<Importer> make_csv_importer();

/// The section a CSV file name says (`actors*.csv`, `laws*.csv`, ... by base name, ignoring
/// case), or nullopt.
std::optional<Section> section_from_csv_name(std::string_view file_name);

/// The scalar type of a typed column (`:int`, `:float`, `:boolean`, `:string`).
/// True for `.tsv` and `.tab` files, which separate fields with tabs (and do not quote).
bool is_tab_separated_name(std::string_view file_name);

enum class CellType : std::uint8_t { string, integer, real, boolean };

/// "int", "float", ... as written in headers and messages.
std::string_view cell_type_name(CellType t);
/// Parses a header type word (`int`, `long`, `float`, `double`, `boolean`, `string`; any case),
/// without the `[]`.
std::optional<CellType> parse_cell_type(std::string_view word);
/// Every accepted type word, with and without `[]` (for did-you-mean).
std::vector<std::string> cell_type_words();

/// Converts one cell to a scalar of `type`. On failure returns false and sets `problem` to
/// what was expected ("a whole number such as 42").
bool parse_cell(std::string_view text, CellType type, RawScalar& out, std::string& problem);

/// Splits a list cell on `;`, trims spaces and tabs around items and drops empty items.
/// Takes at most `max_items` items (the rest of the cell is left unsplit), so that a cell of
/// separators cannot claim more than a record may hold.
void split_list_cell(std::string_view text, std::vector<std::string_view>& items,
                     std::size_t max_items = static_cast<std::size_t>(-1));

}  // namespace kgraph
