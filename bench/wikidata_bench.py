#!/usr/bin/python3
"""Wikidata import speed against JSON Lines on the same facts (docs/performance.md, "Wikidata").

    bench/wikidata_bench.py --kgraph build/cli/kgraph --copies 2000 --dir /tmp/kgraph-bench

1. this script writes a large dump (`[`, one entity per line, `]`) by repeating the eight items
   of tests/data/wikidata/family.wikidata.json `--copies` times, each copy renumbered (the
   eight QIDs of copy k become Q<k><old number>, in ids, statement values and numeric ids), so
   the family relations stay inside each copy while the countries, parties and events they
   name are shared and stubbed once;
2. `kgraph build DUMP -o FACTS.jsonl` writes the same facts as JSON Lines;
3. `kgraph validate` reads each file `--repeat` times; the best time of each gives MB/s and
   records/s (entities and relations made per second).

A Wikidata item holds far more than kgraph keeps (statements of unmapped properties, sitelinks,
labels in other languages), so MB/s of the dump and of the JSON Lines measure different work;
records/s compares the two on the same facts.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FAMILY = os.path.join(HERE, "..", "tests", "data", "wikidata", "family.wikidata.json")


def renumber(node, ids, k):
    """Copy k of an entity: the QIDs in `ids` (and their numeric ids) renumbered."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "id" and isinstance(value, str):
                qid, sep, rest = value.partition("$")
                if qid in ids:
                    value = "Q%d%s" % (k, qid[1:]) + sep + rest
            elif key == "numeric-id" and ("Q%d" % value) in ids:
                value = int("%d%d" % (k, value))
            elif key == "title" and value in ids:
                value = "Q%d%s" % (k, value[1:])
            out[key] = renumber(value, ids, k)
        return out
    if isinstance(node, list):
        return [renumber(v, ids, k) for v in node]
    return node


def write_dump(path, copies):
    entities = [json.loads(l.rstrip().rstrip(","))
                for l in open(FAMILY, encoding="utf-8") if l.strip() not in ("[", "]")]
    ids = {e["id"] for e in entities}
    with open(path, "w", encoding="utf-8") as out:
        out.write("[\n")
        first = True
        for k in range(1, copies + 1):
            for e in entities:
                if not first:
                    out.write(",\n")
                first = False
                out.write(json.dumps(renumber(e, ids, k), ensure_ascii=False, separators=(",", ":")))
        out.write("\n]\n")


def best_of(times, command):
    """The best wall time and the best CPU time (user + system) of `times` runs: on a busy
    machine the CPU time is the steadier figure."""
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
        output = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
        best = took if best is None else min(best, took)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    return best, best_cpu, output


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kgraph", required=True)
    ap.add_argument("--copies", type=int, default=2000)
    ap.add_argument("--dir", default="/tmp/kgraph-bench")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    os.makedirs(args.dir, exist_ok=True)
    stem = os.path.join(args.dir, "wikidata-c%d" % args.copies)
    dump, facts = stem + ".wikidata.json", stem + ".jsonl"
    if not os.path.exists(dump):
        write_dump(dump, args.copies)
    subprocess.run([args.kgraph, "build", "--quiet", "--no-progress", dump, "-o", facts], check=True)
    records = sum(1 for _ in open(facts, encoding="utf-8"))

    rows = []
    for name, path in (("JSON Lines", facts), ("Wikidata", dump)):
        seconds, cpu, summary = best_of(args.repeat,
                                        [args.kgraph, "validate", "--quiet", "--no-progress", path])
        mb = os.path.getsize(path) / 1e6
        rows.append((name, mb, seconds, cpu))
        print("%-10s %8.1f MB  wall %6.2f s %6.1f MB/s %9.0f records/s  cpu %6.2f s %6.1f MB/s  %s"
              % (name, mb, seconds, mb / seconds, records / seconds, cpu, mb / cpu, summary))
    print("%d records (entities, relations, sources); the dump is %.1fx the bytes of the JSON "
          "Lines; Wikidata import takes %.2fx the wall time and %.2fx the CPU time of JSON Lines "
          "on the same facts" % (records, rows[1][1] / rows[0][1], rows[1][2] / rows[0][2],
                                 rows[1][3] / rows[0][3]))


if __name__ == "__main__":
    main()
