#!/usr/bin/env python3
"""Import speed of the Popolo importer against the JSON Lines importer on the same facts
(docs/formats/popolo.md, "Speed").

    python3 bench/popolo_speed.py --kgraph build/cli/kgraph [--persons 100000] [--dir DIR]

Writes PERSONS persons (two other names, an identifier, a gender), 50 parties and a legislature,
and one membership per person (person -> legislature, with role and start date) once as a
Popolo document and once as JSON Lines records holding the same facts; checks that both give
the same canonical JSON; then times `kgraph validate` on each, best of 3, and prints MB/s.
"""
import argparse
import json
import os
import subprocess
import tempfile
import time


def facts(persons):
    parties = [{"id": f"party/{i}", "name": f"Party {i}", "classification": "party"}
               for i in range(50)]
    legislature = {"id": "legislature", "name": "Legislature", "classification": "legislature"}
    people, memberships = [], []
    for i in range(persons):
        people.append({"id": f"person/{i}", "name": f"Person {i}", "gender": "female" if i % 2 else "male",
                       "identifiers": [{"scheme": "wikidata", "identifier": f"Q{1000000 + i}"}],
                       "other_names": [{"name": f"Персона {i}", "lang": "ru"},
                                       {"name": f"Πρόσωπο {i}", "lang": "el"}]})
        memberships.append({"person_id": f"person/{i}", "organization_id": "legislature",
                            "role": "member", "start_date": f"{1990 + i % 30}-01-01"})
    return parties + [legislature], people, memberships


def write_popolo(path, organizations, people, memberships):
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"organizations": organizations, "persons": people, "memberships": memberships},
                  f, ensure_ascii=False, indent=1)


def write_jsonl(path, organizations, people, memberships):
    kinds = {"party": "political_party", "legislature": "government_body"}
    with open(path, "w", encoding="utf-8") as f:
        def line(record):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        for o in organizations:
            line({"record": "actor", "id": o["id"], "name": o["name"],
                  "kind": kinds[o["classification"]], "classification": o["classification"]})
        for p in people:
            line({"record": "actor", "id": p["id"], "name": p["name"], "kind": "person",
                  "aliases": [n["name"] for n in p["other_names"]], "gender": p["gender"],
                  "identifier:wikidata": p["identifiers"][0]["identifier"]})
        for m in memberships:
            line({"record": "relation", "from": m["person_id"], "type": "member_of",
                  "to": m["organization_id"], "role": m["role"], "start": m["start_date"]})


def best_of_3(kgraph, path):
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([kgraph, "validate", path], check=True, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kgraph", required=True)
    parser.add_argument("--persons", type=int, default=100000)
    parser.add_argument("--dir")
    args = parser.parse_args()
    folder = args.dir or tempfile.mkdtemp(prefix="kgraph-popolo-bench-")
    popolo = os.path.join(folder, "facts.popolo.json")
    jsonl = os.path.join(folder, "facts.jsonl")
    organizations, people, memberships = facts(args.persons)
    write_popolo(popolo, organizations, people, memberships)
    write_jsonl(jsonl, organizations, people, memberships)
    outputs = []
    for path in (popolo, jsonl):
        out = path + ".out.json"
        subprocess.run([args.kgraph, "build", path, "-o", out], check=True)
        with open(out, encoding="utf-8") as f:
            outputs.append(f.read())
    if outputs[0] != outputs[1]:
        raise SystemExit("the two inputs do not give the same graph")
    rates = {}
    for name, path in (("popolo", popolo), ("jsonl", jsonl)):
        size = os.path.getsize(path) / 1e6
        seconds = best_of_3(args.kgraph, path)
        rates[name] = size / seconds
        print(f"{name:7} {size:8.1f} MB {seconds:7.3f} s {rates[name]:7.1f} MB/s")
    # The same facts take more bytes in Popolo, so compare time per fact as well.
    print(f"popolo/jsonl MB/s: {rates['popolo'] / rates['jsonl']:.2f}")


if __name__ == "__main__":
    main()
