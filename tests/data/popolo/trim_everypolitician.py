#!/usr/bin/env python3
"""Cuts an EveryPolitician ep-popolo-v1.0.json file down to a small test file (SOURCES.txt).

    python3 trim_everypolitician.py ORIGINAL.json PERSONS > NAME.popolo.json

Keeps the memberships of the first PERSONS persons (file order) and of the first five persons
who hold a post, those persons, the areas those memberships name, and every organization,
event and post, unchanged. Objects keep their members and order; the output is indented by two.
"""
import json
import sys


def main():
    path, count = sys.argv[1], int(sys.argv[2])
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    people = {p["id"] for p in doc["persons"][:count]}
    holders = []
    for m in doc["memberships"]:
        if "post_id" in m and m["person_id"] not in holders and len(holders) < 5:
            holders.append(m["person_id"])
    people.update(holders)
    memberships = [m for m in doc["memberships"] if m["person_id"] in people]
    areas = {m["area_id"] for m in memberships if "area_id" in m}
    out = {}
    for key, value in doc.items():
        if key == "persons":
            value = [p for p in value if p["id"] in people]
        elif key == "memberships":
            value = memberships
        elif key == "areas":
            value = [a for a in value if a["id"] in areas]
        out[key] = value
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
