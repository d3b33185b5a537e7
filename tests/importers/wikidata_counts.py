#!/usr/bin/env python3
"""Counts what kgraph should make of a Wikidata dump file through a Wikidata mapping, written
independently of the C++ importer (Python's json module, the rules of docs/inputs.md,
"Wikidata"): entities per type/kind, relations per type (after merging), sources, and the
counted warnings. Prints "NAME COUNT" lines, sorted.

usage: wikidata_counts.py MAPPING.json DUMP.wikidata.json"""
import json, sys
from collections import Counter

mapping = json.load(open(sys.argv[1], encoding="utf-8"))
classes = {}
for qid, rule in mapping["classes"].items():
    for c in [qid] + rule.get("subclasses", []):
        classes[c] = rule
props = mapping["properties"]
dates = mapping["dates"]
date_props = set(dates["start"] + dates["end"] + dates["date"])
quals = mapping["qualifiers"]
refs = mapping["references"]
TYPES = ["actor", "law", "event", "place"]


def statements(claims, pid):
    out = [s for s in claims.get(pid, []) if s.get("rank") != "deprecated"]
    return [s for s in out if s.get("rank") == "preferred"] + [s for s in out if s.get("rank") != "preferred"]


def value(snak):
    return snak.get("datavalue", {}).get("value")


def item(v):
    return v.get("id") if isinstance(v, dict) and v.get("entity-type", "item") == "item" else None


def date(v):
    if not isinstance(v, dict) or v.get("precision") not in (9, 10, 11) or v["time"][0] != "+":
        return None
    y, m, d = v["time"][1:].split("T")[0].split("-")
    return [y, y + "-" + m, y + "-" + m + "-" + d][v["precision"] - 9]


def relation_types(rule):
    r = rule["relation"]
    return {t: r for t in TYPES} if isinstance(r, str) else r


def first_date(qualifiers, pids):
    for pid in pids:
        for snak in qualifiers.get(pid, []):
            d = date(value(snak)) if value(snak) is not None else None
            if d:
                return d
    return None


lines = [l.rstrip().rstrip(",") for l in open(sys.argv[2], encoding="utf-8")]
entities = [json.loads(l) for l in lines if l not in ("[", "]", "")]
counts = Counter()
made = {}  # qid -> (type, kind)
held = []
sources = {mapping["source"]["id"]}
for e in entities:
    rule = None
    for s in statements(e["claims"], "P31"):
        c = item(value(s["mainsnak"])) if value(s["mainsnak"]) else None
        if c in classes:
            rule = classes[c]
            break
    if rule is None:
        counts["skipped items"] += 1
        continue
    made[e["id"]] = (rule["type"], rule.get("kind", ""))
    if not any(l.get("value") for l in e.get("labels", {}).values()):
        counts["unlabelled"] += 1
    for pid, claims in e["claims"].items():
        if pid == "P31" or pid in date_props:
            continue
        rule_p = props.get(pid)
        rel = relation_types(rule_p).get(rule["type"]) if rule_p else None
        if rel is None:
            counts["statements left out"] += len(claims)
            continue
        counts["deprecated"] += sum(1 for s in claims if s.get("rank") == "deprecated")
        for s in statements(e["claims"], pid):
            v = value(s["mainsnak"])
            if v is None:
                counts["no value"] += 1
                continue
            target = item(v)
            a, b = e["id"], target
            if rule_p.get("reverse") or (rule_p.get("symmetric") and b < a):
                a, b = b, a
            q = s.get("qualifiers", {})
            start, end, on = first_date(q, quals["start"]), first_date(q, quals["end"]), first_date(q, quals["date"])
            if not start and not end and on:
                start = end = on
            role = rule_p.get("role", "")
            for pid_r in quals["role"]:
                for snak in q.get(pid_r, []):
                    if value(snak) is not None and role == rule_p.get("role", ""):
                        role = item(value(snak)) or role
            for ref in s.get("references", []):
                for pid_u in refs["url"]:
                    for snak in ref["snaks"].get(pid_u, []):
                        sources.add(value(snak))
                for pid_i in refs["stated_in"]:
                    for snak in ref["snaks"].get(pid_i, []):
                        sources.add("https://www.wikidata.org/wiki/" + item(value(snak)))
            held.append(((a, rel, b, start, end, role), target, rule_p))
relations = set()
for key, target, rule_p in held:
    if target not in made:
        if "stub" not in rule_p:
            counts["dropped"] += 1
            continue
        made[target] = (rule_p["stub"]["type"], rule_p["stub"].get("kind", ""))
        counts["stubs"] += 1
    relations.add(key)
for t, k in made.values():
    counts["entity " + t + "/" + k] += 1
for r in relations:
    counts["relation " + r[1]] += 1
counts["sources"] = len(sources)
for name in sorted(counts):
    if counts[name] == 0:
        continue
    print(name, counts[name])
