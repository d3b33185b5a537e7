#!/usr/bin/python3
"""Writes edge_cases.json beside this script: the corners of the Neo4j and Kuzu encodings
(docs/formats/neo4j.md, docs/formats/kuzu.md) that tests/data/hostile does not reach: empty
strings, list items that Kuzu's list syntax cannot carry, list items holding `;` and `|` (so the
Neo4j array delimiter moves to U+001F), property keys that collide with
built-in columns, with each other ignoring case, or with Kuzu's reserved names, typed lists,
and parallel relations told apart only by role or dates.

Deterministic: run again after editing:  /usr/bin/python3 tests/data/databases/make_edge_cases.py
"""
import json
import os

S1 = "src,1 \"q\""
S2 = "s2"

sources = [
    {"id": S1, "title": "", "url": "https://example.org/?a=1&b=2", "date": "2006-10"},
    {"id": S2, "title": "Plain", "pages": [1, 2, 3]},
]

actors = [
    {
        "id": "edge",
        "name": "Edge \"cases\", all\nof them",
        "kind": "government_body",
        "aliases": ["; semi", "|pipe", " lead", "trail ", "null", "NULL", "[x]", "{y}", "a,b", "it's",
                    "q\"q", "back\\slash", "tab\tin", "nl\nin", "crlf\r\nin", "😀", "שלום"],
        "start": "2006",
        "end": "2006-10-03",
        "sources": [S1, S2],
        "empty": "",
        "emptylist": ["", "a"],
        "Name": "capital Name",
        "Note": "capital Note",
        "note": "lower note",
        "_id": "underscore id",
        "_label": "reserved in Kuzu",
        "a`b": "backtick key",
        "a_b": "underscore key",
        "x{y}": "braces key",
        "x:y": "colon key",
        "weird,key": "comma key",
        "\"quoted\"": "quoted key",
        "ints": [1, 2, -3],
        "reals": [0.5, 1.5],
        "bools": [True, False],
        "mixbool": True,
        "hugemix": 2**60 + 1,
        "bigint": 2**53 + 1,
        "neg": -0.0,
        "tiny": 5e-324,
        "huge": 1e300,
    },
    {"id": "other", "name": "Other", "kind": "person", "mixbool": 1, "hugemix": 0.5, "bigint": 7,
     "ints": 4, "reals": 2, "bools": True},
    {"id": "bare", "name": "Bare"},
]

laws = [{"id": "law;1", "name": "Law, with comma", "kind": "treaty", "score": 1.25}]
events = [{"id": "ev", "name": "Event", "date": "2006-09-19", "place": "pl", "sources": [S2]}]
places = [{"id": "pl", "name": " ", "kind": "city"}]

relations = [
    {"from": "edge", "type": "related_to", "to": "other", "role": "first", "sources": [S1],
     "quote": ["one, \"two\"", "three"]},
    {"from": "edge", "type": "related_to", "to": "other", "role": "second", "sources": [S1, S2], "quote": ""},
    {"from": "edge", "type": "related_to", "to": "other", "start": "2005", "end": "2006", "sources": [S1]},
    {"from": "edge", "type": "related_to", "to": "other", "sources": [S2], "weight": [1, 2.5]},
    {"from": "other", "type": "spokesperson_of", "to": "edge", "date": "2006-09", "quote": "[not a list]"},
    {"from": "edge", "type": "party_to", "to": "law;1", "quote": "NULL"},
    {"from": "other", "type": "participated_in", "to": "ev", "role": " spaced role "},
    {"from": "law;1", "type": "applies_to", "to": "pl"},
    {"from": "pl", "type": "related_to", "to": "law;1", "note": "place to law"},
]

document = {"sources": sources, "actors": actors, "laws": laws, "events": events, "places": places,
            "relations": relations}

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "edge_cases.json")
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
