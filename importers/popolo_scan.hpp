#pragma once
/// The top level of a Popolo document found without building its tree, so that the items of
/// its lists can be parsed one at a time (memory follows the largest object, not the file).
///
///   if (auto top = scan_popolo_top_level(text))
///     for (const PopoloTopMember& m : *top) for (const PopoloSpan& item : m.items) ...
///   else
///     /* not plain enough to scan: parse the whole text, which reports any error */;

#include <optional>
#include <string_view>
#include <vector>

#include "importers/json_tree.hpp"

namespace kgraph {

/// The text of one value and where it starts.
struct PopoloSpan {
  std::string_view text;
  TextPosition at;
};

/// One member of the root object: its key (as written, without escapes), its value, and, when
/// the value is an array, the text of each item.
struct PopoloTopMember {
  std::string_view key;
  TextPosition key_at;
  PopoloSpan value;
  bool is_array = false;
  std::vector<PopoloSpan> items;
};

/// The members of the root object, in order; nullopt when the top level is not a plain object
/// of members, or uses anything the scan leaves to the full parser (comments, escapes or
/// non-ASCII text in a key, a NUL byte, syntax errors, nesting within 4 of kMaxJsonNesting).
/// The items' own text is not checked here: parse each with parse_json_tree.
std::optional<std::vector<PopoloTopMember>> scan_popolo_top_level(std::string_view text);

}  // namespace kgraph
