#include "importers/popolo_kinds.hpp"

#include <algorithm>
#include <span>
#include <string>
#include <utility>

namespace kgraph {
namespace {

using KindPair = std::pair<std::string_view, std::string_view>;
using KindTable = std::span<const KindPair>;

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

std::string_view lookup(KindTable table, std::string_view classification) {
  const std::string key = lowercase(classification);
  for (const auto& [text, kind] : table)
    if (key == text) return kind;
  return {};
}

}  // namespace

std::string_view popolo_organization_kind(std::string_view classification) {
  // The classifications EveryPolitician and the Popolo examples use, and their obvious kin.
  static constexpr KindPair kTable[] = {
      {"party", "political_party"},
      {"political party", "political_party"},
      {"legislature", "government_body"},
      {"parliament", "government_body"},
      {"chamber", "government_body"},
      {"house", "government_body"},
      {"upper house", "government_body"},
      {"lower house", "government_body"},
      {"senate", "government_body"},
      {"assembly", "government_body"},
      {"committee", "government_body"},
      {"commission", "government_body"},
      {"council", "government_body"},
      {"ministry", "government_body"},
      {"department", "government_body"},
      {"agency", "government_body"},
      {"executive", "government"},
      {"government", "government"},
      {"cabinet", "government"},
      {"court", "court"},
      {"judiciary", "court"},
      {"corporation", "company"},
      {"company", "company"},
      {"business", "company"},
      {"ngo", "ngo"},
      {"non-governmental organization", "ngo"},
      {"charity", "ngo"},
      {"media", "media"},
      {"international organization", "international_organization"},
      {"group", "group"},
      {"faction", "group"},
      {"caucus", "group"},
      {"parliamentary group", "group"},
  };
  const std::string_view kind = lookup(kTable, classification);
  return kind.empty() ? std::string_view("organization") : kind;
}

std::string_view popolo_area_kind(std::string_view classification) {
  static constexpr KindPair kTable[] = {
      {"country", "country"},   {"nation", "country"},        {"region", "region"},
      {"state", "region"},      {"province", "province"},     {"city", "city"},
      {"town", "city"},         {"municipality", "city"},     {"village", "city"},
      {"district", "district"}, {"constituency", "district"}, {"electoral district", "district"},
      {"ward", "district"},     {"county", "district"},       {"division", "district"},
  };
  return lookup(kTable, classification);
}

std::string_view popolo_event_kind(std::string_view classification) {
  // "general election", "by-election", "presidential election", ...: every election.
  const std::string key = lowercase(classification);
  if (key.find("election") != std::string::npos) return "election";
  static constexpr KindPair kTable[] = {{"meeting", "meeting"}, {"negotiation", "negotiation"}};
  return lookup(kTable, classification);
}

}  // namespace kgraph
