#pragma once
/// The escaped CSV form of a Kuzu folder's `-escaped` files (docs/formats/kuzu.md, "Rows the
/// plain CSV cannot carry"): the text of every string cell is written as `=` followed by the
/// string with `~` `|` LF CR replaced by `~1` `~2` `~3` `~4`, a list of strings as such items
/// joined by `|`; load.cypher turns them back with Cypher string functions that Kuzu 0.11 and
/// LadybugDB both have. So an empty string (`=`) is told from no value (an empty cell), list items
/// may hold anything, and no cell spans lines, which keeps Kuzu's parallel CSV reader usable.
///
///   std::string cell;
///   kuzu::append_escaped(cell, "a|b");             // cell == "=a~2b"
///   kuzu::escaped_text_expression("c3");           // the Cypher that gives "a|b" back

#include <string>
#include <string_view>

namespace kgraph::kuzu {

/// Appends `=` and `text` escaped (the cell before CSV quoting).
void append_escaped(std::string& cell, std::string_view text);

/// The Cypher expression that turns the escaped text in `column` back into the string (null
/// stays null).
std::string escaped_text_expression(std::string_view column);

/// The Cypher expression that turns the escaped list in `column` back into a STRING[].
std::string escaped_list_expression(std::string_view column);

}  // namespace kgraph::kuzu
