#!/usr/bin/python3
"""Import and end-to-end speed against a RapidJSON parse-only pass, as ratios measured in one run
(issue #15; docs/performance.md, "Import speed on two cores").

    bench/import_speed.py --build-dir build --dir /tmp/kgraph-bench --repeat 5

Uses the synthetic JSON Lines file of bench/run_pipeline.sh (1M entities, 4M relations; written
by generate_synthetic on first use) and the same graph in kgraph's CSV layout (jsonl_to_csv).
Each round runs every step once, one after the other, so that a change in the machine's load
touches every step of a round alike:

  parse-only        RapidJSON SAX with a null handler over the JSON Lines (the anchor)
  validate/1        kgraph validate --threads 0            (import on one thread)
  validate          kgraph validate                        (default threads)
  build/1           kgraph build --threads 0 -o out.graphml
  build             kgraph build -o out.graphml
  csv validate      kgraph validate on the CSV files       (default threads)

and keeps each step's best wall time and best CPU time over the rounds, and the median wall
time, which shows how much the machine moved. kgraph runs with KGRAPH_TIMINGS=1, so the best
round's phases (read, finish, export) are printed too. Ratios are to parse-only's best time
of the same kind; peak RSS per relation is the build's. Five rounds by default: on a shared
machine the same run's CPU time moves by a quarter from one round to the next
(docs/performance.md, session 17), and the best of three was often not a quiet round.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def run(cmd, env=None):
    """Runs cmd; returns (wall s, cpu s, max RSS KiB, stderr)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), err[-2000:]))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, err


def phases(err):
    out = []
    for line in err.splitlines():
        if line.startswith("kgraph: phase "):
            out.append(line[len("kgraph: phase "):])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir", default="build")
    ap.add_argument("--kgraph", help="default: BUILD_DIR/cli/kgraph")
    ap.add_argument("--dir", default="/tmp/kgraph-bench")
    ap.add_argument("--entities", type=int, default=1000000)
    ap.add_argument("--relations", type=int, default=4000000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-csv", action="store_true", help="leave out the CSV step")
    ap.add_argument("--baseline", metavar="KGRAPH",
                    help="another kgraph binary (an older commit) timed beside, as validate/base and build/base")
    args = ap.parse_args()

    bench = os.path.join(args.build_dir, "bench")
    kgraph = args.kgraph or os.path.join(args.build_dir, "cli", "kgraph")
    os.makedirs(args.dir, exist_ok=True)
    data = os.path.join(args.dir, "synthetic-e%d-r%d-s%d.jsonl" % (args.entities, args.relations, args.seed))
    if not os.path.exists(data):
        subprocess.run([os.path.join(bench, "generate_synthetic"), "--entities", str(args.entities),
                        "--relations", str(args.relations), "--seed", str(args.seed), "-o", data], check=True)
    csv_dir = data[:-len(".jsonl")] + "-csv"
    if not args.no_csv and not os.path.isdir(csv_dir):
        subprocess.run([os.path.join(bench, "jsonl_to_csv"), data, csv_dir], check=True)
    with open(data + ".meta.json") as f:
        meta = json.load(f)
    out = os.path.join(args.dir, "import-speed-out.graphml")
    with open(data, "rb") as f:  # into the page cache
        while f.read(1 << 24):
            pass

    env = dict(os.environ, KGRAPH_TIMINGS="1")
    steps = [
        ("parse-only", [os.path.join(bench, "parse_only"), data]),
        ("validate/1", [kgraph, "validate", "--no-progress", "--threads", "0", data]),
        ("validate", [kgraph, "validate", "--no-progress", data]),
        ("build/1", [kgraph, "build", "--no-progress", "--threads", "0", data, "-o", out]),
        ("build", [kgraph, "build", "--no-progress", data, "-o", out]),
    ]
    if args.baseline:
        steps.append(("validate/base", [args.baseline, "validate", "--no-progress", data]))
        steps.append(("build/base", [args.baseline, "build", "--no-progress", data, "-o", out]))
    if not args.no_csv:
        steps.append(("csv validate", [kgraph, "validate", "--no-progress", csv_dir]))
    best = {}
    for _ in range(args.repeat):
        for name, cmd in steps:
            wall, cpu, rss, err = run(cmd, env)
            b = best.setdefault(name, {"wall": wall, "cpu": cpu, "rss": rss, "phases": phases(err),
                                       "walls": []})
            b["walls"].append(wall)
            if wall < b["wall"]:
                b["wall"], b["phases"] = wall, phases(err)
            b["cpu"] = min(b["cpu"], cpu)
            b["rss"] = max(b["rss"], rss)
            if os.path.exists(out):
                os.remove(out)

    base = best["parse-only"]
    load = os.getloadavg()[0]
    print("kgraph import speed: %s (%.1f MB, %d relations), best of %d, %d CPUs, load %.1f"
          % (os.path.basename(data), os.path.getsize(data) / 1e6, meta["distinct_relations"],
             args.repeat, os.cpu_count(), load))
    print("%-14s %8s %8s %10s %10s %9s %9s" % ("step", "wall s", "CPU s", "x parse", "x parse", "peak RSS",
                                                "median"))
    print("%-14s %8s %8s %10s %10s %9s %9s" % ("", "", "", "(wall)", "(CPU)", "MiB", "wall s"))
    for name, _ in steps:
        b = best[name]
        print("%-14s %8.2f %8.2f %10.2f %10.2f %9d %9.2f" % (name, b["wall"], b["cpu"], b["wall"] / base["wall"],
                                                           b["cpu"] / base["cpu"], b["rss"] / 1024,
                                                           statistics.median(b["walls"])))
        for p in b["phases"]:
            print("%-14s   %s" % ("", p))
    rels = meta["distinct_relations"]
    print("peak RSS per relation (build): %.0f B" % (best["build"]["rss"] * 1024 / rels))
    print("targets: build <= 5x parse-only, validate <= 3.5x, <= 130 B per relation")
    if not args.no_csv:
        print("CSV per record vs JSON Lines (same graph, wall): %.2f" % (best["csv validate"]["wall"] / best["validate"]["wall"]))


if __name__ == "__main__":
    main()
