#!/usr/bin/python3
"""Writes hostile.json beside this script: a kgraph JSON document full of text that output
formats must escape correctly (quotes, <&>, backslashes, newlines/tabs/CR, non-BMP emoji,
right-to-left text, CJK, combining marks, a 100 kB name, ids with spaces, slashes and non-ASCII,
property names that collide with built-in keys, values of every type, multi-valued properties).

Deterministic: the output depends only on this script. Run it again after editing:
    /usr/bin/python3 tests/data/hostile/make_hostile.py
"""
import json
import os
import sys

SRC1 = 'src <&> "1"'
SRC2 = "s2/第二"

# A name of about 100 kB mixing ASCII markup, CJK and a non-BMP character.
LONG_UNIT = "長い名前 & <x> \"q\" 😀 "
LONG_NAME = "BEGIN " + LONG_UNIT * (100_000 // len(LONG_UNIT.encode("utf-8")) + 1) + " END"

sources = [
    {
        "id": SRC1,
        "title": 'Title with "quotes" & <tags> and ]]> end',
        "publisher": "وزارة الخارجية",
        "url": "https://example.org/a?b=1&c=<2>#frag",
        "date": "2006-10-03",
        "note": "line one\nline two\ttabbed\r\nwindows",
    },
    {"id": SRC2, "title": "第二资料 — \\backslash\\ and 'single' quotes"},
]

actors = [
    {"id": "a b", "name": "Space in id", "kind": "person", "sources": [SRC1]},
    # The id "a b" is written as the node id -a.20b; this entity's id is that very text.
    {"id": "-a.20b", "name": "Looks like an escaped id", "kind": "person"},
    {"id": "a/b\\c", "name": "C:\\new\\table and \\\" escaped-looking \\u0041", "kind": "organization"},
    {"id": "평양 정부", "name": "조선민주주의인민공화국 정부", "kind": "government"},
    {
        "id": "kim_jong_il",
        "name": 'Kim "Dear Leader" Jong-il <KJI> & co',
        "kind": "person",
        "aliases": ["김정일", "Kim's alias, with comma", '["not","a list"]', "  padded  "],
        "date": "1941-02-16",
        "sources": [SRC1, SRC2],
        "description": "Leader.\n\nSecond paragraph with <b>markup</b> & entities &amp; left as text.",
        # Properties whose names collide with built-in GraphML keys.
        "labels": ":Fake:Labels",
        "_labels": "one underscore",
        "_type": "one underscore",
        "__type": "two underscores",
        "label": "node property named label",
        # Property names that are not XML NMTOKENs.
        "date of birth": "1941-02-16",
        "名前": "キム",
        "a/b": "slash key",
        # Typed values.
        "score": 1.5,
        "count": 3,
        "active": True,
        "big": 2**60,
        "mixed": 1,
        "ratio": 2,
        "tags": ["x", "y", "<z>"],
        "looks_like_list": '["a","b"]',
        "spaces": "  leading and trailing  ",
        "empty": "",
    },
    # The same id again: a different name becomes an alias, properties merge.
    {"id": "kim_jong_il", "name": "Kim Jong Il", "tags": ["w"]},
    {
        "id": "newlines",
        "name": "line1\nline2\r\nline3\ttabbed\rcr-only",
        "kind": "group",
        "mixed": "one",
        "ratio": 0.25,
        "score": 2.0,
        "count": -7,
        "active": False,
        "tags": "single",
    },
    {"id": "emoji😀", "name": "👨‍👩‍👧 family 🇰🇵 flag 𝕏 math 🏳️‍🌈", "kind": "group"},
    {"id": "rtl", "name": "مرحبا \u202eevil\u202c \u200fשלום עולם", "kind": "media"},
    {"id": "combining", "name": "e\u0301 Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o \u0e01\u0e34", "kind": "organization"},
    {"id": "long", "name": LONG_NAME, "kind": "organization"},
    {"id": "naïve:ns", "name": "Colon and diaeresis in id", "kind": "person"},
    {"id": ".dot", "name": "Leading dot", "kind": "person"},
    {"id": "_under", "name": "Leading underscore", "kind": "person"},
    {"id": "123", "name": "Digits only", "kind": "person"},
    {"id": "x.2E", "name": "Plain token containing .2E", "kind": "person"},
    {"id": "amp&lt;", "name": "&lt; is not an entity here", "kind": "person"},
    {"id": "ws", "name": "   ", "kind": "person", "note": " \t "},
]

laws = [
    {"id": "refugee convention", "name": "Convention relating to the Status of Refugees", "kind": "treaty"},
    {"id": "art 33", "name": "Article 33 «non-refoulement»", "kind": "treaty_article",
     "part_of": "refugee convention"},
]

events = [
    {"id": "ev/1", "name": 'Press conference "Q&A" <live>', "kind": "press_conference",
     "date": "2006-09-19", "place": "beijing city", "sources": [SRC1]},
]

places = [
    {"id": "china", "name": "中华人民共和国", "kind": "country"},
    {"id": "beijing city", "name": "北京", "kind": "city", "within": "china"},
]

relations = [
    {"from": "a b", "type": "participated_in", "to": "ev/1", "role": 'speaker <main> & "host"',
     "id": "rel 1/ä", "quote": 'He said: "<no>" & left\nNext line', "sources": [SRC1],
     "label": "edge property named label", "_label": "one underscore", "weight": 0.5, "flag": True},
    # A parallel edge between the same entities.
    {"from": "a b", "type": "reported", "to": "ev/1", "weight": 2, "flag": False},
    {"from": "kim_jong_il", "type": "spokesperson_of", "to": "평양 정부",
     "quote": "Tab\there, CR\rthere, emoji 😀, RTL \u202eabc", "date": "2006"},
    {"from": "평양 정부", "type": "located_in", "to": "china", "start": "1948-09", "end": "2006-10-03"},
    {"from": "ev/1", "type": "violates", "to": "art 33", "quote": "]]> and <![CDATA[x]]>"},
    {"from": "emoji😀", "type": "related_to", "to": "rtl", "note": "first"},
    # Same (from, type, to, start, end, role): one relation with both notes and both quotes.
    {"from": "rtl", "type": "related_to", "to": "combining", "note": "first", "quote": "q1"},
    {"from": "rtl", "type": "related_to", "to": "combining", "note": "second", "quote": "q2"},
    {"from": "long", "type": "related_to", "to": "-a.20b", "role": "\\\\server\\share"},
    {"from": "a/b\\c", "type": "related_to", "to": "naïve:ns"},
    {"from": ".dot", "type": "related_to", "to": "_under"},
    {"from": "123", "type": "related_to", "to": "x.2E"},
    {"from": "amp&lt;", "type": "related_to", "to": "ws", "id": "e0"},
    {"from": "newlines", "type": "related_to", "to": "kim_jong_il"},
]

document = {
    "sources": sources,
    "actors": actors,
    "laws": laws,
    "events": events,
    "places": places,
    "relations": relations,
}


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile.json")
    if len(sys.argv) > 1:
        out = sys.argv[1]
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
