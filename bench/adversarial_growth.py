#!/usr/bin/python3
"""Growth of time and memory on the adversarial input shapes of issue #10.

For each shape, writes the input at size n and 4n, runs `kgraph validate` on it, and prints
the CPU time (user + system) and peak RSS of the child with the growth factor from n to 4n:
about 4 means linear, a little above 4 n log n, 16 quadratic. The factors are computed net
of a run on a trivial input (process start, schema, ...). CPU time, not wall time, because
on a shared machine it is the steadier figure; "flat" means both runs took under 20 ms more
than the trivial one (what a rejected input should do).

No CMake needed, only a built kgraph and Debian's Python (standard library only):

    /usr/bin/python3 bench/adversarial_growth.py --kgraph build/cli/kgraph
    /usr/bin/python3 bench/adversarial_growth.py --kgraph build/cli/kgraph --shape names --scale 0.25
    /usr/bin/python3 bench/adversarial_growth.py --list

Inputs go to a scratch directory (--dir, default a fresh temporary one, removed afterwards
unless --keep). Each run is stopped after --timeout seconds (reported as "> T s"). The
default sizes take about two minutes in all on a 2-core machine once every shape is linear
(more while a shape is still quadratic: each run stops at the timeout).
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, separators=(",", ":")))
            f.write("\n")


def same_id_names(d, n):
    """Many records of one actor id, each with a different name (names become aliases)."""
    path = os.path.join(d, "names.jsonl")
    write_jsonl(path, ({"record": "actor", "id": "a", "name": f"Name {i:08d}"} for i in range(n)))
    return ["validate", path]


def cited_by_sources(d, n):
    """One place repeated by many records, each citing another source."""
    path = os.path.join(d, "cited.jsonl")

    def records():
        for i in range(n):
            yield {"record": "source", "id": f"s{i:08d}", "title": "t"}
        for i in range(n):
            yield {"record": "place", "id": "p", "name": "P", "sources": [f"s{i:08d}"]}

    write_jsonl(path, records())
    return ["validate", path]


def merged_relation(d, n):
    """One relation written by many records, each with its own source and quote."""
    path = os.path.join(d, "relation.jsonl")

    def records():
        yield {"record": "actor", "id": "a", "name": "A"}
        yield {"record": "actor", "id": "b", "name": "B"}
        for i in range(n):
            yield {"record": "source", "id": f"s{i:08d}"}
        for i in range(n):
            yield {"record": "relation", "from": "a", "to": "b", "type": "member_of",
                   "sources": [f"s{i:08d}"], "quote": f"quote {i:08d}"}

    write_jsonl(path, records())
    return ["validate", path]


def many_properties(d, n):
    """One JSON Lines record with n properties."""
    path = os.path.join(d, "properties.jsonl")
    record = {"record": "actor", "id": "a", "name": "A"}
    for i in range(n):
        record[f"p{i:08d}"] = f"v{i}"
    write_jsonl(path, [record])
    return ["validate", path]


def long_list(d, n):
    """One JSON Lines record whose property is a list of n strings."""
    path = os.path.join(d, "list.jsonl")
    write_jsonl(path, [{"record": "actor", "id": "a", "name": "A",
                        "tags": [f"t{(i * 7919) % n:08d}" for i in range(n)]}])
    return ["validate", path]


def csv_columns(d, n):
    """One CSV row of n columns (each a property)."""
    path = os.path.join(d, "actors.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,name," + ",".join(f"p{i:08d}" for i in range(n)) + "\n")
        f.write("a,A," + ",".join(f"v{i}" for i in range(n)) + "\n")
    return ["validate", path]


def csv_long_field(d, n):
    """One CSV field of n bytes (a description)."""
    path = os.path.join(d, "actors.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,name,description\n")
        f.write("a,A,\"" + ("word, " * (n // 6 + 1))[:n] + "\"\n")
    return ["validate", path]


def mapping_one_line(d, n):
    """A mapping file of n entities written on one line, applied to a one-row table."""
    mapping = os.path.join(d, "mapping.json")
    entities = {f"e{i}": {"type": "actor", "id": f"e{i}-{{c}}", "name": f"E{i}"} for i in range(n)}
    with open(mapping, "w", encoding="utf-8") as f:
        json.dump({"entities": entities}, f, separators=(",", ":"))
    table = os.path.join(d, "table.csv")
    with open(table, "w", encoding="utf-8") as f:
        f.write("c\nx\n")
    return ["validate", "--mapping", mapping, table]


def nested_jsonl(d, n):
    """A JSON Lines record with a property nested n arrays deep: must be rejected, fast."""
    path = os.path.join(d, "nested.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"record":"actor","id":"a","name":"A","x":' + "[" * n + "]" * n + "}\n")
    return ["validate", path]


def nested_mapping(d, n):
    """A mapping file nested n objects deep: must be rejected, fast."""
    mapping = os.path.join(d, "mapping.json")
    with open(mapping, "w", encoding="utf-8") as f:
        f.write('{"entities":{"e":{"type":"actor","id":"x","name":"X","properties":'
                + '{"a":' * n + "1" + "}" * n + "}}}")
    table = os.path.join(d, "table.csv")
    with open(table, "w", encoding="utf-8") as f:
        f.write("c\nx\n")
    return ["validate", "--mapping", mapping, table]


# name, generator, n, expected outcome ("ok": exit 0; "error": exit 1 with a diagnostic)
SHAPES = [
    ("names", same_id_names, 300_000, "ok"),
    ("cited", cited_by_sources, 100_000, "ok"),
    ("relation", merged_relation, 100_000, "ok"),
    ("properties", many_properties, 100_000, "ok"),
    ("list", long_list, 200_000, "ok"),
    ("csv-columns", csv_columns, 100_000, "ok"),
    ("csv-field", csv_long_field, 8_000_000, "ok"),
    ("mapping-line", mapping_one_line, 10_000, "ok"),
    ("nested-jsonl", nested_jsonl, 50_000, "error"),
    ("nested-mapping", nested_mapping, 50_000, "error"),
]


def trivial(d, _n):
    path = os.path.join(d, "trivial.jsonl")
    write_jsonl(path, [{"record": "actor", "id": "a", "name": "A"}])
    return ["validate", path]


def run(kgraph, args, timeout, rss_file):
    """Runs kgraph; returns (CPU seconds, peak RSS in bytes, exit status or -signal, stderr head).

    The CPU time is what wait4() reports for GNU time, which includes the kgraph it waited for
    (in microseconds; GNU time itself prints hundredths). The peak RSS is GNU time's figure for
    kgraph alone: wait4() on a child of this script would report this script's own high-water
    mark, which a child inherits across fork and exec.
    """
    err_file = rss_file + ".err"
    with open(err_file, "wb") as err_out:
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_file, kgraph] + args,
                                stdout=subprocess.DEVNULL, stderr=err_out, start_new_session=True)
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)  # GNU time and kgraph: their own session
            os.wait4(proc.pid, 0)
            return None, None, "timeout", b""
        time.sleep(0.005)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    seconds = usage.ru_utime + usage.ru_stime
    with open(err_file, "rb") as f:
        err = f.read(4096)
    with open(rss_file, encoding="utf-8") as f:
        lines = f.read().split()
    # GNU time writes "Command terminated by signal N" before the figure when the child died.
    code = proc.returncode
    if "signal" in lines:
        code = -int(lines[lines.index("signal") + 1])
    rss = int(lines[-1]) * 1024 if lines and lines[-1].isdigit() else None
    return seconds, rss, code, err


def code_is_crash(code):
    return code == "timeout" or code < 0


def outcome(code, expected):
    if code == "timeout":
        return "timeout"
    if code < 0:
        return f"crash (signal {-code})"
    if expected == "ok":
        return "ok" if code == 0 else f"exit {code}"
    return "rejected" if code == 1 else f"exit {code}"


def factor(a, b):
    if a is None or b is None:
        return "-"
    return f"{b / a:.1f}" if a > 0 else "-"


def time_factor(a, b):
    if a is not None and b is not None and a < 0.02 and b < 0.02:
        return "flat"
    return factor(a, b)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kgraph", default="build/cli/kgraph", help="the kgraph binary")
    parser.add_argument("--shape", action="append", help="run only this shape (repeatable)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every n by this")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a run is stopped")
    parser.add_argument("--dir", help="scratch directory (default: a new temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the generated inputs")
    parser.add_argument("--list", action="store_true", help="list the shapes and exit")
    opts = parser.parse_args()

    if opts.list:
        for name, gen, n, _ in SHAPES:
            print(f"{name:15} n={n:<10} {gen.__doc__}")
        return 0
    shapes = [s for s in SHAPES if not opts.shape or s[0] in opts.shape]
    unknown = set(opts.shape or []) - {s[0] for s in SHAPES}
    if unknown:
        print(f"unknown shape(s): {', '.join(sorted(unknown))} (see --list)", file=sys.stderr)
        return 2
    kgraph = os.path.abspath(opts.kgraph)
    if not os.access(kgraph, os.X_OK):
        print(f"no kgraph binary at {kgraph} (--kgraph PATH)", file=sys.stderr)
        return 2

    root = opts.dir or tempfile.mkdtemp(prefix="kgraph-growth-")
    os.makedirs(root, exist_ok=True)
    try:
        base_dir = os.path.join(root, "trivial")
        os.makedirs(base_dir, exist_ok=True)
        base_args = trivial(base_dir, 1)
        rss_file = os.path.join(root, "rss.txt")
        base = [run(kgraph, base_args, opts.timeout, rss_file) for _ in range(5)]
        base_s = min(b[0] for b in base)
        base_rss = min(b[1] for b in base)
        print(f"baseline (one record): {base_s * 1000:.0f} ms CPU, {base_rss / 2**20:.1f} MiB; "
              "net figures below subtract it")
        header = (f"{'shape':15} {'n':>9} {'CPU n':>9} {'CPU 4n':>9} {'x CPU':>7} "
                  f"{'RSS n':>9} {'RSS 4n':>9} {'x RSS':>6}  outcome")
        print(header)
        print("-" * len(header))
        worst = 0.0
        for name, gen, n0, expected in shapes:
            n = max(1, int(n0 * opts.scale))
            results = []
            for size in (n, 4 * n):
                d = os.path.join(root, f"{name}-{size}")
                os.makedirs(d, exist_ok=True)
                args = gen(d, size)
                # Best of three for the time (unless slow), the first run's memory.
                first = run(kgraph, args, opts.timeout, rss_file)
                seconds = first[0]
                for _ in range(2 if first[0] is not None and first[0] < 5 else 0):
                    again = run(kgraph, args, opts.timeout, rss_file)
                    if again[0] is not None:
                        seconds = min(seconds, again[0])
                results.append((seconds, first[1], first[2], first[3]))
                if not opts.keep:
                    shutil.rmtree(d, ignore_errors=True)
                if first[2] == "timeout":
                    break
            if len(results) == 1:
                results.append((None, None, "timeout", b""))
            (t1, m1, c1, e1), (t4, m4, c4, e4) = results
            net_t1 = None if t1 is None else max(t1 - base_s, 1e-3)
            net_t4 = None if t4 is None else max(t4 - base_s, 1e-3)
            if code_is_crash(c1) and code_is_crash(c4):
                net_t1 = net_t4 = None
            net_m1 = None if m1 is None else max(m1 - base_rss, 1)
            net_m4 = None if m4 is None else max(m4 - base_rss, 1)
            fmt_t = lambda t: f"> {opts.timeout:.0f} s" if t is None else f"{t:.3f} s"
            fmt_m = lambda m: "-" if m is None else f"{m / 2**20:.0f} MiB"
            outcomes = {outcome(c1, expected), outcome(c4, expected)}
            print(f"{name:15} {n:>9} {fmt_t(t1):>9} {fmt_t(t4):>9} {time_factor(net_t1, net_t4):>7} "
                  f"{fmt_m(m1):>9} {fmt_m(m4):>9} {factor(net_m1, net_m4):>6}  {' / '.join(sorted(outcomes))}")
            for code, err in ((c1, e1), (c4, e4)):
                if outcome(code, expected) not in ("ok", "rejected") and err:
                    print("    stderr: " + err.decode("utf-8", "replace").splitlines()[0][:150])
                    break
            if net_t1 and net_t4 and time_factor(net_t1, net_t4) != "flat":
                worst = max(worst, net_t4 / net_t1)
        print(f"\nworst CPU time growth: {worst:.1f} (4 linear, 16 quadratic)")
    finally:
        if not opts.keep and not opts.dir:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
