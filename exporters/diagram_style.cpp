#include "exporters/diagram_style.hpp"

#include <algorithm>
#include <array>

namespace kgraph::diagram {
namespace {

/// Which group each known kind belongs to. Kinds not listed fall into their type's "other".
struct KindGroup {
  std::string_view kind;
  std::string_view group;
};

constexpr std::array kActorKinds = {
    KindGroup{"person", "person"},
    KindGroup{"group", "group"},
    KindGroup{"armed_group", "group"},
    KindGroup{"government", "state"},
    KindGroup{"government_body", "state"},
    KindGroup{"diplomatic_mission", "state"},
    KindGroup{"court", "state"},
    KindGroup{"organization", "organization"},
    KindGroup{"international_organization", "organization"},
    KindGroup{"ngo", "organization"},
    KindGroup{"company", "organization"},
    KindGroup{"political_party", "organization"},
    KindGroup{"media", "organization"},
};
constexpr std::array kLawKinds = {
    KindGroup{"treaty_article", "provision"},
    KindGroup{"statute_article", "provision"},
};
constexpr std::array kEventKinds = {
    KindGroup{"press_conference", "communication"},
    KindGroup{"statement", "communication"},
    KindGroup{"publication", "communication"},
    KindGroup{"testimony", "communication"},
    KindGroup{"meeting", "communication"},
    KindGroup{"negotiation", "communication"},
    KindGroup{"repatriation", "coercion"},
    KindGroup{"detention", "coercion"},
    KindGroup{"arrest", "coercion"},
    KindGroup{"trial", "coercion"},
    KindGroup{"sentencing", "coercion"},
    KindGroup{"access_denial", "coercion"},
    KindGroup{"attack", "coercion"},
};
constexpr std::array kPlaceKinds = {
    KindGroup{"site", "site"},
    KindGroup{"building", "site"},
};

template <std::size_t N>
std::string_view group_of(const std::array<KindGroup, N>& table, std::string_view kind) {
  auto it =
      std::find_if(table.begin(), table.end(), [&](const KindGroup& k) { return k.kind == kind; });
  return it == table.end() ? std::string_view{} : it->group;
}

// Colours: one hue per type (blue actors, amber laws, vermilion events, green places), darker
// and more saturated for the groups an analyst looks for first (state bodies, coercive events).
constexpr std::string_view kActorBorder = "#1f4e79";
constexpr std::string_view kLawBorder = "#8a6100";
constexpr std::string_view kEventBorder = "#a6461a";
constexpr std::string_view kCoercionBorder = "#9b1c1c";
constexpr std::string_view kPlaceBorder = "#2e6b30";

}  // namespace

TypeColours type_colours(EntityType type) {
  switch (type) {
    case EntityType::actor:
      return {"#d6e6f5", kActorBorder, "#f3f8fc"};
    case EntityType::law:
      return {"#fcefc7", kLawBorder, "#fffaec"};
    case EntityType::event:
      return {"#fbe3d4", kEventBorder, "#fef6f1"};
    case EntityType::place:
      return {"#dcefd9", kPlaceBorder, "#f3faf2"};
  }
  return {"#eeeeee", "#555555", "#fafafa"};
}

NodeStyle node_style(EntityType type, std::string_view kind) {
  switch (type) {
    case EntityType::actor: {
      const std::string_view g = group_of(kActorKinds, kind);
      if (g == "person")
        return {"person", "ellipse", "filled", "#d6e6f5", kActorBorder, 1, 1.0, "ellipse"};
      if (g == "group")
        return {"group", "ellipse", "filled", "#e8f0f9", kActorBorder, 2, 1.0, "double ellipse"};
      if (g == "state")
        return {"state", "box", "filled", "#b9d2ec", kActorBorder, 1, 2.2, "box, thick border"};
      if (g == "organization")
        return {"organization", "box", "rounded,filled", "#d6e6f5", kActorBorder, 1, 1.0,
                "rounded box"};
      return {"other", "box", "rounded,filled,dashed", "#eef3f8", kActorBorder,
              1,       1.0,   "dashed rounded box"};
    }
    case EntityType::law:
      if (group_of(kLawKinds, kind) == "provision")
        return {"provision", "tab", "filled", "#fff6d9", kLawBorder, 1, 1.0, "tabbed sheet"};
      return {"instrument", "note", "filled", "#fcefc7",
              kLawBorder,   1,      1.0,      "sheet with folded corner"};
    case EntityType::event: {
      const std::string_view g = group_of(kEventKinds, kind);
      if (g == "coercion")
        return {"coercion",      "octagon", "filled", "#f5c4b6",
                kCoercionBorder, 1,         2.2,      "octagon, thick red border"};
      if (g == "communication")
        return {"communication", "cds",      "filled", "#fbe3d4", kEventBorder, 1, 1.0,
                "tag",           "0.16,0.12"};
      return {"other", "box", "filled,diagonals",       "#fdeee4", kEventBorder,
              1,       1.0,   "box with marked corners"};
    }
    case EntityType::place:
      if (group_of(kPlaceKinds, kind) == "site")
        return {"site", "house", "filled", "#ecf7ea", kPlaceBorder, 1, 1.0, "house"};
      return {"area", "folder", "filled", "#dcefd9", kPlaceBorder, 1, 1.0, "folder"};
  }
  return {"other", "box", "filled", "#eeeeee", "#555555", 1, 1.0, "box"};
}

EdgeStyle edge_style(std::string_view relation_type) {
  struct Entry {
    std::string_view type;
    EdgeStyle style;
  };
  static constexpr EdgeStyle kStructure{"structure", "#6b6b6b", "solid", 1.0};
  static constexpr EdgeStyle kAction{"action", "#3a5f8f", "solid", 1.0};
  static constexpr EdgeStyle kLegal{"legal", "#8a6100", "solid", 1.2};
  static constexpr EdgeStyle kBreach{"breach", "#b22222", "solid", 2.2};
  static constexpr EdgeStyle kMovement{"movement", "#2e6b30", "solid", 1.2};
  static constexpr EdgeStyle kOther{"other", "#8c8c8c", "dashed", 1.0};
  static constexpr std::array kTable = {
      Entry{"part_of", kStructure},
      Entry{"member_of", kStructure},
      Entry{"spokesperson_of", kStructure},
      Entry{"leader_of", kStructure},
      Entry{"employed_by", kStructure},
      Entry{"located_in", kStructure},
      Entry{"occurred_in", kStructure},
      Entry{"participated_in", kAction},
      Entry{"organized", kAction},
      Entry{"reported", kAction},
      Entry{"stated", kAction},
      Entry{"responded_to", kAction},
      Entry{"caused", kAction},
      Entry{"party_to", kLegal},
      Entry{"signed", kLegal},
      Entry{"ratified", kLegal},
      Entry{"enacted", kLegal},
      Entry{"applies_to", kLegal},
      Entry{"prohibits", kLegal},
      Entry{"cites", kLegal},
      Entry{"violates", kBreach},
      Entry{"detained", kBreach},
      Entry{"repatriated", kBreach},
      Entry{"denied_access", kBreach},
      Entry{"entered", kMovement},
  };
  for (const Entry& e : kTable)
    if (e.type == relation_type) return e.style;
  return kOther;
}

}  // namespace kgraph::diagram
