#include "exporters/diagram_legend.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "exporters/diagram_style.hpp"
#include "exporters/diagram_text.hpp"

namespace kgraph::diagram {

std::string legend_html(const GraphView& view) {
  const KnowledgeGraph& kg = view.graph();
  const Schema& schema = kg.schema();

  // Entities: type, then kind label, each once.
  std::map<std::pair<int, std::string>, std::string> kinds;  // (type, kind label) -> kind
  for (std::uint32_t e : view.entities()) {
    const Entity& ent = kg.entities()[e];
    const std::string kind(kg.str(ent.kind));
    kinds.emplace(std::pair{static_cast<int>(ent.type), schema.kind_label(ent.type, kind)}, kind);
  }
  // Relations: by style group, then label.
  static constexpr std::array<std::string_view, 6> kGroupOrder = {"structure", "action",   "legal",
                                                                  "breach",    "movement", "other"};
  std::map<std::pair<std::size_t, std::string>, std::string> relations;  // -> type
  for (std::uint32_t r : view.relations()) {
    const std::string_view type = kg.str(kg.relations()[r].type);
    const RelationType* rt = schema.relation(type);
    const std::string label = rt && !rt->label.empty() ? rt->label : std::string(type);
    const std::size_t group = static_cast<std::size_t>(
        std::find(kGroupOrder.begin(), kGroupOrder.end(), edge_style(type).group) -
        kGroupOrder.begin());
    relations.emplace(std::pair{group, label}, std::string(type));
  }

  auto h = [](std::string_view s) { return text::html_text(text::sanitize(s)); };
  const std::string small =
      "<FONT POINT-SIZE=\"8.5\" COLOR=\"" + std::string(kCaptionColour) + "\">";

  // Each row of a block is two cells; blocks stand side by side in one table, so that rows
  // line up and Graphviz does not stretch a shorter block.
  using Block = std::vector<std::string>;
  Block entity_rows;
  int current_type = -1;
  for (const auto& [key, kind] : kinds) {
    const auto type = static_cast<EntityType>(key.first);
    if (key.first != current_type) {
      current_type = key.first;
      std::string heading(type_plural(type));
      heading[0] = static_cast<char>(heading[0] - 'a' + 'A');
      entity_rows.push_back("<TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT COLOR=\"" +
                            std::string(type_colours(type).border) + "\"><B>" + heading +
                            "</B></FONT></TD>");
    }
    const NodeStyle st = node_style(type, kind);
    entity_rows.push_back(
        "<TD BGCOLOR=\"" + std::string(st.fill) + "\" COLOR=\"" + std::string(st.border) +
        "\" BORDER=\"" + (st.penwidth > 1 ? "2" : "1") + "\"" +
        (st.style.find("dashed") != std::string_view::npos ? " STYLE=\"dashed\"" : "") +
        " ALIGN=\"LEFT\">" + h(key.second) + "</TD><TD ALIGN=\"LEFT\">" + small + h(st.shape_text) +
        "</FONT></TD>");
  }

  Block relation_rows;
  for (const auto& [key, type] : relations) {
    const EdgeStyle st = edge_style(type);
    const std::string width = st.penwidth > 1.5 ? "3" : "1";
    relation_rows.push_back("<TD SIDES=\"B\" BORDER=\"" + width + "\" COLOR=\"" +
                            std::string(st.colour) + "\"" +
                            (st.style == "dashed" ? " STYLE=\"dashed\"" : "") +
                            " WIDTH=\"34\" HEIGHT=\"10\"></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"" +
                            std::string(st.colour) + "\">\u25b6</FONT> " + h(key.second) + "</TD>");
  }

  // Blocks of at most kRows rows, evenly filled; a title over the first block of each part.
  constexpr std::size_t kRows = 16;
  std::vector<std::pair<std::string, Block>> blocks;
  auto split = [&](const Block& rows, const std::string& title) {
    const std::size_t n = (rows.size() + kRows - 1) / kRows;
    const std::size_t per = n ? (rows.size() + n - 1) / n : kRows;
    for (std::size_t i = 0; i < rows.size(); i += per)
      blocks.emplace_back(
          i == 0 ? title : std::string{},
          Block(rows.begin() + static_cast<std::ptrdiff_t>(i),
                rows.begin() + static_cast<std::ptrdiff_t>(std::min(rows.size(), i + per))));
  };
  split(entity_rows, "Entities");
  split(relation_rows, "Relations");
  std::size_t height = 0;
  for (const auto& b : blocks) height = std::max(height, b.second.size());

  std::string html =
      "<TABLE BORDER=\"1\" COLOR=\"#bbbbbb\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\" "
      "BGCOLOR=\"#ffffff\">\n<TR>";
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (b) html += "<TD WIDTH=\"12\"></TD>";
    html += blocks[b].first.empty()
                ? "<TD COLSPAN=\"2\"></TD>"
                : "<TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>" + blocks[b].first + "</B></TD>";
  }
  html += "</TR>\n";
  for (std::size_t r = 0; r < height; ++r) {
    html += "<TR>";
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      if (b) html += "<TD></TD>";
      html += r < blocks[b].second.size() ? blocks[b].second[r] : "<TD COLSPAN=\"2\"></TD>";
    }
    html += "</TR>\n";
  }
  html += "</TABLE>";
  return html;
}

}  // namespace kgraph::diagram
