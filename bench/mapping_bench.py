#!/usr/bin/python3
"""Mapped-table import speed against the plain CSV importer, per record (docs/performance.md,
"Tables through a mapping").

    bench/mapping_bench.py --kgraph build/cli/kgraph --rows 400000 --dir /tmp/kgraph-bench

Writes the same N actors three ways and times `kgraph validate` on each, best of 3 in one run,
as wall time and as CPU time:

1. `actors.csv`, kgraph's own CSV layout (id, name, kind, aliases, start, description, a typed
   property), read by the plain CSV importer;
2. `people.csv`, the same facts in a foreign layout (other column names and order, dates written
   `%d/%m/%Y`, a 0/1 flag, a numeric code) with a mapping that gives the same entities;
3. the same foreign table through a mapping that also does what tables as found need: a `when`
   condition, a lookup (the kind from a code), a date format, a typed boolean and a file
   placeholder in a property.

Each run's output (the counts `kgraph validate` prints) must be the same for 1 and 2.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time

KINDS = ["person", "organization", "government", "ngo", "media", "company"]


def write_tables(rows, directory, seed):
    rng = random.Random(seed)
    own = os.path.join(directory, "actors.csv")
    foreign = os.path.join(directory, "people.csv")
    with open(own, "w", encoding="utf-8") as a, open(foreign, "w", encoding="utf-8") as p:
        a.write("id,name,kind,aliases,start,description,staff:int\n")
        p.write("code,full name,category,other names,founded,notes,staff,active\n")
        for i in range(rows):
            kind = rng.randrange(len(KINDS))
            name = "Actor %d %s" % (i, rng.choice(["Lee", "Kim", "Wang", "Ali", "Noor", "Smith"]))
            alias = "A%d" % i
            y, m, d = rng.randrange(1950, 2020), rng.randrange(1, 13), rng.randrange(1, 29)
            desc = "Synthetic actor number %d, of kind %s" % (i, KINDS[kind])
            staff = rng.randrange(1, 100000)
            a.write('actor-%d,%s,%s,%s,%04d-%02d-%02d,"%s",%d\n' %
                    (i, name, KINDS[kind], alias, y, m, d, desc, staff))
            p.write('%d,%s,%d,%s,%02d/%02d/%04d,"%s",%d,%d\n' %
                    (i, name, kind, alias, d, m, y, desc, staff, 1))
    kinds = {str(i): k for i, k in enumerate(KINDS)}
    plain = {
        "entities": {"a": {
            "type": "actor", "slug": False, "id": "actor-{code}", "name": "{full name}",
            "kind": "{lookup:kind:category}", "aliases": "{other names}",
            "start": {"column": "founded", "format": "%d/%m/%Y"}, "description": "{notes}",
            "properties": {"staff": {"column": "staff", "type": "int"}}}},
        "lookups": {"kind": {"values": kinds}},
    }
    found = json.loads(json.dumps(plain))
    found["files"] = "(?<table>people)\\.csv"
    found["entities"]["a"]["when"] = {"all": [{"active": ["1", "yes"]}, {"not": {"code": ""}}]}
    found["entities"]["a"]["properties"]["active"] = {"column": "active", "type": "boolean"}
    found["entities"]["a"]["properties"]["table"] = "{$table}"
    paths = {}
    for name, mapping in (("plain", plain), ("found", found)):
        paths[name] = os.path.join(directory, name + ".mapping.json")
        with open(paths[name], "w", encoding="utf-8") as f:
            json.dump(mapping, f, indent=1)
    return own, foreign, paths


def best_of(times, command):
    """The best wall time and the best CPU time (user + system) of `times` runs."""
    best, best_cpu, output = None, None, ""
    for _ in range(times):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        run = subprocess.run(command, capture_output=True, text=True)
        took = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if run.returncode != 0:
            sys.exit("failed: %s\n%s" % (" ".join(command), run.stderr[-2000:]))
        output = run.stdout.strip()
        best = took if best is None else min(best, took)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    return best, best_cpu, output


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kgraph", required=True)
    ap.add_argument("--rows", type=int, default=400000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dir", default="/tmp/kgraph-bench")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    own, foreign, mappings = write_tables(args.rows, args.dir, args.seed)
    runs = [
        ("CSV importer", [args.kgraph, "validate", own]),
        ("mapped (plain)", [args.kgraph, "validate", "--mapping", mappings["plain"], foreign]),
        ("mapped (as found)", [args.kgraph, "validate", "--mapping", mappings["found"], foreign]),
    ]
    results = []
    for label, command in runs:
        wall, cpu, out = best_of(args.repeat, command)
        results.append((label, wall, cpu, out))
        print("%-18s wall %6.2f s  cpu %6.2f s  %.2f us/record (cpu)  %s" %
              (label, wall, cpu, cpu / args.rows * 1e6, out))
    if results[0][3] != results[1][3]:
        sys.exit("the mapped table gave another graph: %r vs %r" % (results[0][3], results[1][3]))
    base = results[0]
    for label, wall, cpu, _ in results[1:]:
        print("%s per record: %.2fx the CPU time, %.2fx the wall time of the CSV importer" %
              (label, cpu / base[2], wall / base[1]))


if __name__ == "__main__":
    main()
