#!/usr/bin/python3
"""Counts what kgraph should make of an FtM file, computed independently of the C++ importer.

    ftm_counts.py MAPPING.json COUNTRIES.json FILE.ftm.json

Reads the FtM lines with Python's json module and applies the mapping as docs/formats/ftm.md
describes it; prints one line per count, sorted:

    entity actor/person 12      (type/kind; an entity without kind is "actor/")
    relation related_to 68
    sources 3
    dropped 2                   (relations whose end is not in the file)
    skipped Passport 1          (entities of schemata the mapping does not name)
    deleted 1                   (DEL lines of a delta file, when there are any)

tests/importers/ftm_real_files_test.cpp compares these with the graph kgraph builds.
"""

import calendar
import collections
import json
import sys


def day_range(text):
    """(first day, last day) as yyyymmdd of an FtM date, or None if it is not a calendar date."""
    text = text.split("T", 1)[0]
    parts = text.split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            y = int(parts[0])
            return (y * 10000 + 101, y * 10000 + 1231)
        if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
            y, m = int(parts[0]), int(parts[1])
            if not 1 <= m <= 12:
                return None
            return (y * 10000 + m * 100 + 1, y * 10000 + m * 100 + calendar.monthrange(y, m)[1])
        if len(parts) == 3 and [len(p) for p in parts] == [4, 2, 2]:
            y, m, d = (int(p) for p in parts)
            if not 1 <= m <= 12 or not 1 <= d <= calendar.monthrange(y, m)[1]:
                return None
            return (y * 10000 + m * 100 + d,) * 2
    except ValueError:
        return None
    return None


def pick_dates(props, start_names, end_names):
    """The first start property given (earliest value) and end property (latest value)."""

    def pick(names, earliest):
        for name in names:
            values = [v for v in props.get(name) or []]
            if not values:
                continue
            dated = [(day_range(v), v.split("T", 1)[0]) for v in values]
            dated = [d for d in dated if d[0]]
            if not dated:
                continue
            if earliest:
                return name, min(dated, key=lambda d: d[0][0])
            return name, max(dated, key=lambda d: d[0][1])
        return None

    start = pick(start_names, True)
    end = pick(end_names, False)
    if start and end and end[1][0][1] < start[1][0][0] and end[0] in start_names:
        end = None
    return (start[1][1] if start else "", end[1][1] if end else "")


def main():
    mapping = json.load(open(sys.argv[1], encoding="utf-8"))
    countries = json.load(open(sys.argv[2], encoding="utf-8"))["countries"]
    entities = {}  # id -> "type/kind"
    made = {}  # ids of countries and laws -> "type/kind"
    sources = set()
    relations = []  # (from, type, to, start, end, role, check_from, check_to)
    skipped = collections.Counter()
    deleted = 0
    src = mapping.get("sources", {})

    for line in open(sys.argv[3], encoding="utf-8-sig"):
        if not line.strip():
            continue
        obj = json.loads(line)
        if "op" in obj:
            if obj["op"] == "DEL":
                deleted += 1
                continue
            obj = obj["entity"]
        schema = obj["schema"]
        props = obj.get("properties") or {}
        ent_sources = set()
        urls = props.get(src.get("url", "")) or []
        publishers = props.get(src.get("publisher", "")) or []
        ent_sources.update(urls)
        if not urls:
            ent_sources.update(src.get("publisher_id_prefix", "") + p for p in publishers)
        ent_sources.update(src.get("dataset_id_prefix", "") + d for d in obj.get("datasets") or [])
        if schema in mapping["entities"]:
            rule = mapping["entities"][schema]
            sources.update(ent_sources)
            entities[obj["id"]] = rule["type"] + "/" + rule.get("kind", "")
            for prop, link in mapping.get("links", {}).items():
                rtype = link["relation"].get(rule["type"])
                if not rtype:
                    continue
                for value in props.get(prop) or []:
                    if link["target"] == "country":
                        code = value.lower()
                        if code not in countries:
                            continue
                        to = mapping["country_id_prefix"] + code
                        made[to] = "place/country"
                        relations.append((obj["id"], rtype, to, "", "", link["role"], False, False))
                    elif link.get("reverse"):
                        relations.append((value, rtype, obj["id"], "", "", link["role"], True, False))
                    else:
                        relations.append((obj["id"], rtype, value, "", "", link["role"], False, True))
        elif schema in mapping["relations"]:
            rule = mapping["relations"][schema]
            sources.update(ent_sources)
            if "from_law" in rule:
                law = rule["from_law"]
                law_id = next((props[p][0] for p in law["id"] if props.get(p)), obj["id"])
                law_id = law.get("id_prefix", "") + law_id
                made[law_id] = "law/" + law.get("kind", "")
                froms, check_from = [law_id], False
            else:
                froms, check_from = props.get(rule["from"]) or [], True
            tos = props.get(rule["to"]) or []
            roles = props.get(rule.get("role", "")) or []
            role = min(roles) if roles else rule.get("default_role", "")
            start, end = pick_dates(props, rule.get("start") or mapping["interval_dates"]["start"],
                                    rule.get("end") or mapping["interval_dates"]["end"])
            for f in froms:
                for t in tos:
                    relations.append((f, rule["type"], t, start, end, role, check_from, True))
        else:
            skipped[schema] += 1

    counts = collections.Counter()
    for kind in list(entities.values()) + list(made.values()):
        counts["entity " + kind] += 1
    kept, dropped = set(), 0
    for f, rtype, t, start, end, role, check_from, check_to in relations:
        if (check_from and f not in entities) or (check_to and t not in entities):
            dropped += 1
            continue
        kept.add((f, rtype, t, start, end, role))
    for _, rtype, *_ in kept:
        counts["relation " + rtype] += 1
    counts["sources"] = len(sources)
    counts["dropped"] = dropped
    if deleted:
        counts["deleted"] = deleted
    for schema, n in skipped.items():
        counts["skipped " + schema] = n
    for key in sorted(counts):
        print(key, counts[key])


if __name__ == "__main__":
    main()
