#!/usr/bin/python3
"""Instructions and simulated cache misses of `kgraph validate`, counted by Cachegrind: figures that
do not move with the host's load, for changes smaller than its noise (issue #15;
docs/performance.md, "Counted, not timed").

    bench/instruction_counts.py --build-dir build --kgraph NEW --baseline OLD

Runs each kgraph once under `valgrind --tool=cachegrind` on a synthetic JSON Lines file of 100k
entities and 400k relations (generated on first use; the 1M/4M file of import_speed.py would take
an hour under Valgrind), with an 8 MiB last-level cache simulated whatever the host has, and
transparent huge pages off (Valgrind's allocator replaces jemalloc's anyway). Prints the totals
(instructions, first-level and last-level misses) and the instructions of the functions the
builder's thread runs, by name, side by side. Needs valgrind (`apt-get install valgrind`).

Valgrind runs a program's threads one at a time: the counts are the work of both threads
together, not a measure of how the two cores share it.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

# Functions of the builder's thread in the read phase (the part of the import the other thread
# waits for), matched in Cachegrind's function names.
BUILDER = ["PackedRecords::unpack", "interpret_record", "RecordInterpreter", "GraphBuilder::add",
           "GraphBuilder::prefetch", "prefetch_lookups", "prefetch_entry", "entity_slot",
           "StringPool::slot_for", "StringPool::intern", "ListPool::intern", "ListPool::merge",
           "build_properties", "sort_unique_by_text"]
SHARED = ["__memcmp", "__memcpy", "__memmove"]  # both threads call these


def count(kgraph, data, out):
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=yes", "--LL=8388608,16,64",
           "--cachegrind-out-file=" + out, kgraph, "validate", data, "--no-progress"]
    env = dict(os.environ, MALLOC_CONF="thp:never")
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), proc.stderr[-2000:]))
    totals = {}
    for name, pattern in [("instructions", r"I\s+refs:\s+([\d,]+)"),
                          ("D1 misses", r"D1\s+misses:\s+([\d,]+)"),
                          ("LL misses", r"LL misses:\s+([\d,]+)")]:
        m = re.search(pattern, proc.stderr)
        totals[name] = int(m.group(1).replace(",", "")) if m else 0
    functions = {}
    with open(out) as f:
        current = None
        for line in f:
            if line.startswith("fn="):
                current = line[3:].strip()
            elif current and line[:1].isdigit():
                parts = line.split()
                if len(parts) > 1:
                    functions[current] = functions.get(current, 0) + int(parts[1])
    return totals, functions


def by_group(functions, names):
    rows = {}
    for fn, ir in functions.items():
        for n in names:
            if n in fn:
                rows[n] = rows.get(n, 0) + ir
                break
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir", default="build")
    ap.add_argument("--kgraph", help="default: BUILD_DIR/cli/kgraph")
    ap.add_argument("--baseline", metavar="KGRAPH", help="another kgraph binary, counted beside")
    ap.add_argument("--dir", default="/tmp/kgraph-bench")
    args = ap.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind not found: apt-get install valgrind")

    kgraph = args.kgraph or os.path.join(args.build_dir, "cli", "kgraph")
    os.makedirs(args.dir, exist_ok=True)
    data = os.path.join(args.dir, "synthetic-e100000-r400000-s42.jsonl")
    if not os.path.exists(data):
        subprocess.run([os.path.join(args.build_dir, "bench", "generate_synthetic"), "--entities", "100000",
                        "--relations", "400000", "--seed", "42", "-o", data], check=True,
                       stdout=subprocess.DEVNULL)

    runs = [("kgraph", kgraph)] + ([("baseline", args.baseline)] if args.baseline else [])
    results = [(label,) + count(path, data, os.path.join(args.dir, "cachegrind.%s.out" % label))
               for label, path in runs]

    print("kgraph validate under Cachegrind: %s (8 MiB last-level cache simulated)" % os.path.basename(data))
    print("%-28s" % "" + "".join("%16s" % label for label, _, _ in results))
    for key in ["instructions", "D1 misses", "LL misses"]:
        print("%-28s" % key + "".join("%16s" % format(t[key], ",") for _, t, _ in results))
    print("\ninstructions by function (builder's thread; the last three on both threads)")
    groups = [by_group(f, BUILDER + SHARED) for _, _, f in results]
    for n in BUILDER + SHARED:
        print("%-28s" % n + "".join("%16s" % format(g.get(n, 0), ",") for g in groups))
    builder = [sum(g.get(n, 0) for n in BUILDER) for g in groups]
    print("%-28s" % "builder's functions, sum" + "".join("%16s" % format(b, ",") for b in builder))


if __name__ == "__main__":
    main()
