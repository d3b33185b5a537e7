#pragma once
/// The fixed halves of the two-part fuzz targets: the table a fuzzed mapping reads, the mapping
/// a fuzzed table is read through, the document a fuzzed schema checks. They are small and use
/// every feature, so that the fuzzed half reaches deep.

#include <string_view>

namespace kgraph::fuzz {

/// The treaty-status table of examples/treaty-status, cut to a few rows.
inline constexpr std::string_view kTreatyTable =
    "participant,iso3,signature,ratification,action\n"
    "Afghanistan,AFG,,2005-08-30,accession\n"
    "Belgium,BEL,1951-07-28,1953-07-22,ratification\n"
    "\"Côte d'Ivoire\",CIV,,1961-12-08,succession\n";

/// The treaty-status mapping of docs/formats/mapping.md, with a typed and a split value, a
/// lookup, conditions and formatted cells.
inline constexpr std::string_view kTreatyMapping = R"({
  "description": "One row: a government, its country, the Convention, and dated relations.",
  "lookups": {"how": {"values": {"accession": "acceded", "ratification": "ratified"}, "default": "other"}},
  "sources": [{"id": "untc", "title": "Status of Treaties", "url": "https://treaties.un.org/"}],
  "entities": {
    "government": {"type": "actor", "kind": "government", "id": "government-{participant}",
                   "name": "Government of {participant}", "aliases": ["{iso3}", "Gov. {participant}"],
                   "properties": {"iso3": "{iso3}", "n": {"template": "{iso3}", "type": "string", "split": true},
                                  "ratified": {"column": "ratification", "format": "%Y-%m-%d"},
                                  "count": {"column": "iso3", "type": "int", "thousands": ","},
                                  "file": "{$stem} {$file}"}},
    "country": {"type": "place", "kind": "country", "id": "country-{participant}", "name": "{participant}"},
    "convention": {"type": "law", "kind": "treaty", "id": "refugee-convention-1951",
                   "name": "Convention relating to the Status of Refugees", "date": "1951"}
  },
  "relations": [
    {"type": "located_in", "from": "government", "to": "country"},
    {"type": "signed", "from": "government", "to": "convention", "date": "{signature}", "require": "signature"},
    {"type": "party_to", "from": "government", "to": "convention", "date": "{ratification}",
     "role": "{lookup:how:action}", "require": ["ratification", "action"],
     "when": {"any": [{"action": ["accession", "ratification"]}, {"not": {"match": {"iso3": "[A-Z]{3}"}}}]}}
  ]
})";

/// A document using the kinds and relation types of tests/data/cli/extra_schema.json.
inline constexpr std::string_view kSchemaDocument = R"({
  "sources": [{"id": "s1", "title": "A report"}],
  "actors": [
    {"id": "band", "name": "Border band", "kind": "militia", "sources": ["s1"]},
    {"id": "refugee", "name": "A refugee", "kind": "person", "place": "border"}
  ],
  "places": [{"id": "border", "name": "The border", "kind": "region"}],
  "laws": [{"id": "treaty", "name": "A treaty", "kind": "treaty", "date": "1951"}],
  "events": [{"id": "crossing", "name": "A crossing", "kind": "border_crossing", "date": "2006-03"}],
  "relations": [
    {"from": "band", "type": "smuggled", "to": "refugee", "sources": ["s1"]},
    {"from": "refugee", "type": "participated_in", "to": "crossing"},
    {"from": "band", "type": "party_to", "to": "treaty"}
  ]
})";

/// The entities a fuzzed article is matched against: overlapping names, an alias, accents, CJK,
/// a possessive-prone name and one of each type.
inline constexpr std::string_view kArticleGraph = R"({
  "actors": [
    {"id": "qin-gang", "name": "Qin Gang", "aliases": ["秦刚", "Qin"], "kind": "person"},
    {"id": "cecc", "name": "Congressional-Executive Commission on China", "aliases": ["CECC", "Commission on China"]},
    {"id": "un", "name": "United Nations", "aliases": ["UN", "U.N."]}
  ],
  "laws": [{"id": "art33", "name": "Article 33", "kind": "treaty_article"}],
  "events": [{"id": "pc", "name": "press conference", "kind": "press_conference", "date": "2006-09-19"}],
  "places": [
    {"id": "china", "name": "China", "aliases": ["中国", "PRC"], "kind": "country"},
    {"id": "north-korea", "name": "North Korea", "aliases": ["DPRK", "조선"], "kind": "country"},
    {"id": "sao-paulo", "name": "São Paulo", "kind": "city"}
  ]
})";

}  // namespace kgraph::fuzz
