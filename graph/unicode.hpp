#pragma once
/// Unicode-aware text keys (through ICU): one for spotting names that are probably the same,
/// one for turning free text into readable ids.

#include <string>
#include <string_view>

namespace kgraph {

/// The key under which two names count as "probably the same": compatibility decomposition
/// (NFKD), combining marks removed, case folded (NFKC_Casefold), and every punctuation mark,
/// space, control and format character removed. "U.S. Consulate-General" and "US consulate
/// general" give the same key; so do "Côte d'Ivoire" and "COTE DIVOIRE". Malformed UTF-8 is
/// read as U+FFFD.
std::string match_key(std::string_view text);

/// A slug for ids: NFKD, combining marks removed, case folded, and every run of characters
/// that are not letters or digits replaced by one "-", with none at either end.
/// "Côte d'Ivoire" -> "cote-d-ivoire", "Türkiye" -> "turkiye", "中国" -> "中国".
std::string slug(std::string_view text);

}  // namespace kgraph
