#pragma once
/// GEXF 1.3 output for Gephi (docs/formats/gexf.md): typed node and edge attributes, colours
/// by entity type, and a dynamic graph whose intervals come from `start`/`end`.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "exporters/exporter.hpp"
#include "graph/partial_date.hpp"
#include "graph/schema.hpp"

namespace kgraph {

/// The GEXF exporter (`.gexf`).
std::unique_ptr<Exporter> make_gexf_exporter();

namespace gexf {

/// The first day a date covers, as GEXF `date` time: 2006 -> 2006-01-01, 2006-09 -> 2006-09-01.
std::string interval_start(const PartialDate& d);
/// The last day a date covers: 2006 -> 2006-12-31, 2006-09 -> 2006-09-30, 2008-02 -> 2008-02-29.
std::string interval_end(const PartialDate& d);

/// Appends one item of a GEXF 1.3 list value (`["a", "b"]`): the text in double quotes with
/// `"` `\` newline, carriage return and tab written as `\"` `\\` `\n` `\r` `\t`.
void append_list_item(std::string& out, std::string_view text);

/// The attribute title under which a property key is written. A key that, stripped of its
/// leading underscores, is a built-in title of its class gets one more leading `_`
/// (`type` -> `_type`, `_type` -> `__type`), so titles never collide.
/// Node built-ins: id label type kind name aliases start end sources color size x y z shape.
/// Edge built-ins: label type kind role start end sources weight color thickness shape.
std::string attribute_title(std::string_view key, bool for_node);

/// The node colour of an entity type, as 0xRRGGBB.
std::uint32_t type_color(EntityType type);

}  // namespace gexf
}  // namespace kgraph
