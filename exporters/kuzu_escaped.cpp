// The escaped CSV form of a Kuzu folder's `-escaped` files: the writer's side and the Cypher
// that reads it back. See exporters/kuzu_escaped.hpp and docs/formats/kuzu.md.

#include "exporters/kuzu_escaped.hpp"

namespace kgraph::kuzu {

void append_escaped(std::string& cell, std::string_view text) {
  cell += '=';
  for (const char c : text) {
    switch (c) {
      case '~':
        cell += "~1";
        break;
      case '|':
        cell += "~2";
        break;
      case '\n':
        cell += "~3";
        break;
      case '\r':
        cell += "~4";
        break;
      default:
        cell += c;
    }
  }
}

std::string escaped_text_expression(std::string_view column) {
  // Every `~` of the escaped text starts a pair, so `~2`, `~3`, `~4` can be replaced in any order
  // as long as `~1` comes last. Kuzu 0.11 reads `\n` in a string literal as `n` (LadybugDB as a
  // line break), and neither has chr(): the line breaks come from blob literals.
  std::string e = "regexp_replace(";
  e += column;
  e += ", '^=', '')";
  const auto replace = [&](std::string_view from, std::string_view to) {
    e = "regexp_replace(" + e + ", '" + std::string(from) + "', " + std::string(to) + ", 'g')";
  };
  replace("~4", "decode(BLOB('\\\\x0D'))");
  replace("~3", "decode(BLOB('\\\\x0A'))");
  replace("~2", "'|'");
  replace("~1", "'~'");
  return e;
}

std::string escaped_list_expression(std::string_view column) {
  // Items are never empty (each starts with `=`): Kuzu 0.11's string_split drops empty items
  // between two separators.
  return "list_transform(string_split(" + std::string(column) + ", '|'), s -> " +
         escaped_text_expression("s") + ")";
}

}  // namespace kgraph::kuzu
