#!/usr/bin/python3
"""Wikidata import speed against JSON Lines on the same facts (docs/performance.md, "Wikidata").

    bench/wikidata_bench.py --kgraph build/cli/kgraph --copies 2000 --dir /tmp/kgraph-bench

1. this script writes a large dump (`[`, one entity per line, `]`) by repeating the eight items
   of tests/data/wikidata/family.wikidata.json `--copies` times, each copy renumbered (the
   eight QIDs of copy k become Q<k><old number>, in ids, statement values and numeric ids), so
   the family relations stay inside each copy while the countries, parties and events they
   name are shared and stubbed once;
2. `kgraph build DUMP -o FACTS.jsonl` writes the same facts as JSON Lines;
3. the JSON Lines facts are also written about as large as the dump (the records repeated with
   renumbered ids), so that MB/s compares inputs of equal size;
4. `kgraph validate` reads each file `--repeat` times; the best time of each gives MB/s and
   records/s (entities and relations made per second), and the largest resident memory.

A Wikidata item holds far more than kgraph keeps (statements of unmapped properties, sitelinks,
labels in other languages), so MB/s of the dump and of the JSON Lines measure different work;
records/s compares the two on the same facts.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
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


def scale_jsonl(facts, path, times):
    """The JSON Lines facts `times` over, every entity id of copy j ending in -j (sources
    once): a JSON Lines file about as large as the dump, all of new records, for MB/s on inputs
    of equal size."""
    with open(path, "w", encoding="utf-8") as out:
        for j in range(times):
            for line in open(facts, encoding="utf-8"):
                r = json.loads(line)
                if r["record"] == "source":
                    if j == 0:
                        out.write(line)
                    continue
                for key in ("from", "to") if r["record"] == "relation" else ("id",):
                    r[key] = "%s-%d" % (r[key], j)
                out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


def best_of(times, command):
    """The best wall time, the best CPU time (user + system) and the largest resident memory of
    `times` runs: on a busy machine the CPU time is the steadier figure."""
    best, best_cpu, rss, output = None, None, 0, ""
    for _ in range(times):
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            proc = subprocess.Popen(command, stdout=out, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            took = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            if proc.returncode != 0:
                sys.exit("failed: %s\n%s" % (" ".join(command), err.read().decode()[-2000:]))
            text = out.read().decode().strip()
        output = text.splitlines()[-1] if text else ""
        cpu = usage.ru_utime + usage.ru_stime
        best = took if best is None else min(best, took)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        rss = max(rss, usage.ru_maxrss)
    return best, best_cpu, rss, output


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

    scaled = stem + ".x%d.jsonl" % round(os.path.getsize(dump) / os.path.getsize(facts))
    if not os.path.exists(scaled):
        scale_jsonl(facts, scaled, round(os.path.getsize(dump) / os.path.getsize(facts)))

    rows = {}
    for name, path, count in (("JSON Lines", facts, records),
                              ("JSON Lines, as large", scaled, None),
                              ("Wikidata", dump, records)):
        seconds, cpu, rss, summary = best_of(
            args.repeat, [args.kgraph, "validate", "--quiet", "--no-progress", path])
        mb = os.path.getsize(path) / 1e6
        rows[name] = (mb, seconds, cpu)
        per_s = "%9.0f records/s" % (count / seconds) if count else " " * 19
        print("%-21s %7.1f MB  wall %6.2f s %6.1f MB/s %s  cpu %6.2f s %6.1f MB/s  "
              "max RSS %4.0f MB  %s" % (name, mb, seconds, mb / seconds, per_s, cpu, mb / cpu,
                                        rss / 1024, summary))
    wd, same, large = rows["Wikidata"], rows["JSON Lines"], rows["JSON Lines, as large"]
    print("%d records (entities, relations, sources) in the dump and in the first JSON Lines "
          "file (%.1fx fewer bytes). Per MB, Wikidata runs at %.2fx the CPU MB/s of the JSON "
          "Lines file as large; per record, it takes %.1fx the CPU time of JSON Lines on the same "
          "facts." % (records, wd[0] / same[0], (wd[0] / wd[2]) / (large[0] / large[2]),
                      wd[2] / same[2]))


if __name__ == "__main__":
    main()
