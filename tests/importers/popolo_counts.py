#!/usr/bin/env python3
"""Counts what kgraph should make of a flat Popolo file (EveryPolitician layout), computed here
from the file with Python's json, independently of the C++ importer; popolo_importer_test.cpp
compares them with the graph. Prints `WHAT COUNT` lines: `actor/person 20`, `relation/member_of 41`,
`source 12`. Relations are counted as the graph keeps them: one per (from, type, to, start, end,
role). Usage: python3 popolo_counts.py FILE.popolo.json
"""
import collections
import json
import sys

# The organization classifications of the EveryPolitician files and their kinds (docs/formats/popolo.md).
ORGANIZATION_KINDS = {"party": "political_party", "legislature": "government_body"}
AREA_KINDS = {"constituency": "district"}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f)
    counts = collections.Counter()
    sources = set(doc.get("meta", {}).get("sources", []))
    for p in doc.get("persons", []):
        counts["actor/person"] += 1
        sources.update(s["url"] for s in p.get("sources", []))
    for o in doc.get("organizations", []):
        counts["actor/" + ORGANIZATION_KINDS[o["classification"]]] += 1
    for _ in doc.get("posts", []):
        counts["actor/"] += 1
    for a in doc.get("areas", []):
        counts["place/" + AREA_KINDS[a["type"]]] += 1
    for e in doc.get("events", []):
        counts["event/" + ("election" if "election" in e["classification"] else "")] += 1

    relations = set()
    for m in doc.get("memberships", []):
        person, start, end, role = m["person_id"], m.get("start_date"), m.get("end_date"), m.get("role")
        relations.add((person, "member_of", m["organization_id"], start, end, role))
        if m.get("on_behalf_of_id") not in (None, m["organization_id"]):
            relations.add((person, "member_of", m["on_behalf_of_id"], start, end, role))
        if "area_id" in m:
            relations.add((person, "related_to", m["area_id"], start, end, "represents"))
        if "post_id" in m:
            relations.add((person, "related_to", m["post_id"], start, end, "holds"))
        if "legislative_period_id" in m:
            relations.add((person, "participated_in", m["legislative_period_id"], start, end, role))
        sources.update(s["url"] for s in m.get("sources", []))
    for e in doc.get("events", []):
        if "organization_id" in e:
            relations.add((e["id"], "related_to", e["organization_id"], None, None, None))
    for p in doc.get("posts", []):
        if "organization_id" in p:
            relations.add((p["id"], "part_of", p["organization_id"], None, None, None))
    for r in relations:
        counts["relation/" + r[1]] += 1
    counts["source"] = len(sources)
    for what in sorted(counts):
        print(what, counts[what])


if __name__ == "__main__":
    main()
