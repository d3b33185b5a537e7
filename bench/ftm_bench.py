#!/usr/bin/python3
"""FtM import speed against JSON Lines on the same facts (docs/formats/ftm.md, "Speed").

    bench/ftm_bench.py --kgraph build/cli/kgraph --generator build/bench/generate_synthetic \
        --entities 200000 --relations 800000 --dir /tmp/kgraph-bench

1. generate_synthetic writes the synthetic JSON Lines (bench/generate_synthetic.cpp);
2. this script writes the same facts as FtM lines: each entity one line of a schema named after
   its type and kind (`actor_person`), each relation (shorthand ones included) one interval
   line (`rel_member_of` with `subject`, `object`, `role`, dates), every other field a property
   of strings, and a mapping for those schemata (FtM's own schemata cannot say every kgraph
   kind and relation type) that leaves out `ftm_schema` and `ftm_id`, which the JSON Lines
   facts do not have;
3. `kgraph validate` reads each file three times; the best time of each gives MB/s and records/s.

Sources are left out of the FtM form (FtM has no source records), so that file holds the same
entities and relations and nothing else.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time


def as_strings(value):
    if isinstance(value, list):
        return [as_strings(v)[0] for v in value]
    if isinstance(value, bool):
        return ["true" if value else "false"]
    return [str(value)]


def convert(jsonl_path, ftm_path, mapping_path):
    entity_schemata = {}
    relation_schemata = set()
    shorthand = {"place": "occurred_in", "within": "located_in", "part_of": "part_of"}
    n = 0
    with open(jsonl_path, encoding="utf-8") as src, open(ftm_path, "w", encoding="utf-8") as out:

        def relation(rtype, frm, to, props):
            nonlocal n
            n += 1
            relation_schemata.add(rtype)
            props["subject"] = [frm]
            props["object"] = [to]
            line = {"id": "r%d" % n, "schema": "rel_" + rtype, "properties": props}
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")

        for text in src:
            record = json.loads(text)
            section = record.pop("record")
            if section == "source":
                continue
            if section == "relation":
                props = {}
                for key, value in record.items():
                    if key in ("from", "to", "type", "sources"):
                        continue
                    name = {"start": "startDate", "end": "endDate", "id": "relationId"}.get(key, key)
                    props[name] = as_strings(value)
                relation(record["type"], record["from"], record["to"], props)
                continue
            schema = section + "_" + record.get("kind", "")
            entity_schemata[schema] = (section, record.get("kind", ""))
            props = {}
            for key, value in record.items():
                if key in ("id", "kind", "sources"):
                    continue
                if key in shorthand:
                    for target in value if isinstance(value, list) else [value]:
                        relation(shorthand[key], record["id"], target, {})
                    continue
                name = {"aliases": "alias", "start": "startDate", "end": "endDate"}.get(key, key)
                props[name] = as_strings(value)
            line = {"id": record["id"], "schema": schema, "properties": props}
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")

    mapping = {
        "about": "bench/ftm_bench.py: the synthetic facts as FtM lines",
        "entities": {s: {"type": t, "kind": k, "start": ["startDate", "date"], "end": ["endDate", "date"]}
                     for s, (t, k) in entity_schemata.items()},
        "names": ["name"],
        "aliases": ["alias"],
        "relations": {"rel_" + r: {"type": r, "from": "subject", "to": "object", "role": "role"}
                      for r in sorted(relation_schemata)},
        "interval_dates": {"start": ["startDate", "date"], "end": ["endDate", "date"]},
        "schema_property": "",
        "id_property": "",
    }
    with open(mapping_path, "w", encoding="utf-8") as f:
        json.dump(mapping, f, indent=1)


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
        output = run.stdout.strip() or run.stderr.strip().splitlines()[-1]
        best = took if best is None else min(best, took)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    return best, best_cpu, output


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kgraph", required=True)
    ap.add_argument("--generator", required=True)
    ap.add_argument("--entities", type=int, default=200000)
    ap.add_argument("--relations", type=int, default=800000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--dir", default="/tmp/kgraph-bench")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    os.makedirs(args.dir, exist_ok=True)
    stem = os.path.join(args.dir, "ftm-e%d-r%d-s%d" % (args.entities, args.relations, args.seed))
    jsonl, ftm, mapping = stem + ".jsonl", stem + ".ftm.jsonl", stem + ".mapping.json"
    if not os.path.exists(jsonl):
        subprocess.run([args.generator, "--entities", str(args.entities), "--relations",
                        str(args.relations), "--seed", str(args.seed), "-o", jsonl], check=True)
    if not os.path.exists(ftm) or not os.path.exists(mapping):
        convert(jsonl, ftm, mapping)

    rows = []
    for name, path, extra in (("JSON Lines", jsonl, []),
                              ("FtM", ftm, ["--input-option", "ftm.mapping=" + mapping])):
        seconds, cpu, summary = best_of(args.repeat,
                                        [args.kgraph, "validate", "--no-progress", path] + extra)
        mb = os.path.getsize(path) / 1e6
        rows.append((name, mb, seconds, cpu, summary))
        print("%-10s %8.1f MB  wall %6.2f s %6.1f MB/s  cpu %6.2f s %6.1f MB/s  %s"
              % (name, mb, seconds, mb / seconds, cpu, mb / cpu, summary))
    print("FtM import takes %.2fx the wall time and %.2fx the CPU time of JSON Lines on the same "
          "facts (%.2fx the bytes)" % (rows[1][2] / rows[0][2], rows[1][3] / rows[0][3],
                                       rows[1][1] / rows[0][1]))


if __name__ == "__main__":
    main()
