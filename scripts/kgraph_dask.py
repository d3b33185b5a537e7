#!/usr/bin/python3
"""Runs a kgraph build as Dask tasks: `kgraph shard` on groups of inputs, then `kgraph merge`.

    /usr/bin/python3 scripts/kgraph_dask.py --workers 4 --parts 16 --work /shared/kg-work \\
        data/2024/*.jsonl -o graph.graphml -o kuzu:db

Each group of inputs (--group-size arguments, one by default) is one shard task, run by
whichever worker is free: `kgraph shard GROUP --parts P -o WORK/shard-NNNNN`. Once all are done,
one merge task runs `kgraph merge WORK/shard-* -o OUTPUT...`, which writes what a single
`kgraph build` of all the inputs writes (docs/scale.md). Every task calls the kgraph binary on
its worker, so the workers need kgraph (--kgraph) and a file system shared with the driver
where the inputs, WORK and the outputs are (on one machine: any folder).

Without --scheduler, a LocalCluster of --workers processes (one thread each) runs the tasks; with
--scheduler tcp://HOST:8786 the same script uses a running cluster (`dask scheduler`,
`dask worker tcp://HOST:8786` on each machine). Debian: python3-dask, python3-distributed;
run with /usr/bin/python3.

Exit status: kgraph's when a task fails (its standard error is printed), 2 for a bad command
line.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time


class TaskFailed(Exception):
    """A kgraph command that ended with a non-zero status."""

    def __init__(self, command, status, stderr):
        super().__init__(f"{' '.join(command)}: exit {status}")
        self.command = command
        self.status = status
        self.stderr = stderr

    def __reduce__(self):  # raised on a worker, unpickled by the driver
        return (TaskFailed, (self.command, self.status, self.stderr))


def run_kgraph(command):
    """Runs one kgraph command on a worker; returns its time in seconds."""
    started = time.monotonic()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise TaskFailed(command, done.returncode, done.stderr)
    return time.monotonic() - started


def shard_task(kgraph, group, parts, folder, options):
    """`kgraph shard GROUP --parts P -o FOLDER`: one map task."""
    seconds = run_kgraph([kgraph, "shard", *group, "--parts", str(parts), "-o", folder, *options])
    return {"folder": folder, "seconds": seconds}


def merge_task(kgraph, folders, outputs, options, shards_done):
    """`kgraph merge FOLDERS -o OUTPUT...`: after every shard task (`shards_done`)."""
    del shards_done  # only orders the task after the shards
    args = [kgraph, "merge", *folders]
    for output in outputs:
        args += ["-o", output]
    return {"seconds": run_kgraph(args + options)}


def parse_arguments(argv):
    p = argparse.ArgumentParser(
        description="Run kgraph shard and merge tasks on a Dask cluster (docs/scale.md).")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="kgraph inputs (files or folders)")
    p.add_argument("-o", "--output", action="append", required=True, metavar="[FORMAT:]PATH",
                   help="an output of the merge, as kgraph build takes it; repeatable")
    p.add_argument("--parts", type=int, default=16, help="parts per shard folder (default 16)")
    p.add_argument("--group-size", type=int, default=1,
                   help="INPUT arguments per shard task (default 1)")
    p.add_argument("--work", required=True,
                   help="folder for the shard folders; shared by every worker, replaced")
    p.add_argument("--kgraph", default=os.environ.get("KGRAPH", shutil.which("kgraph") or "kgraph"),
                   help="the kgraph binary on the workers (default: $KGRAPH, else kgraph on PATH)")
    p.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://HOST:8786)")
    p.add_argument("--workers", type=int, default=2,
                   help="workers of the LocalCluster when no --scheduler is given (default 2)")
    p.add_argument("--schema", action="append", default=[], metavar="FILE",
                   help="passed to every shard and merge task; repeatable")
    p.add_argument("--shard-option", action="append", default=[], metavar="ARG",
                   help="one more argument for kgraph shard (e.g. --shard-option=--quiet)")
    p.add_argument("--merge-option", action="append", default=[], metavar="ARG",
                   help="one more argument for kgraph merge (e.g. --merge-option=--legend)")
    p.add_argument("--timings", action="store_true",
                   help="print each task's time on standard error")
    args = p.parse_args(argv)
    if args.parts < 1 or args.group_size < 1 or args.workers < 1:
        p.error("--parts, --group-size and --workers take a count of at least 1")
    return args


def run(args):
    from dask.distributed import Client, LocalCluster  # imported here: --help needs no Dask

    kgraph = os.path.abspath(args.kgraph) if os.sep in args.kgraph else args.kgraph
    work = os.path.abspath(args.work)
    if os.path.isdir(work):
        shutil.rmtree(work)
    os.makedirs(work)
    groups = [args.inputs[i:i + args.group_size]
              for i in range(0, len(args.inputs), args.group_size)]
    schema = [a for s in args.schema for a in ("--schema", s)]

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        started = time.monotonic()
        shards = [
            client.submit(shard_task, kgraph, group, args.parts,
                          os.path.join(work, f"shard-{i:05d}"), schema + args.shard_option,
                          key=f"kgraph-shard-{i:05d}", pure=False)
            for i, group in enumerate(groups)
        ]
        folders = [os.path.join(work, f"shard-{i:05d}") for i in range(len(groups))]
        merged = client.submit(merge_task, kgraph, folders, args.output,
                               schema + args.merge_option, shards, key="kgraph-merge", pure=False)
        merge_result = merged.result()
        shard_results = client.gather(shards)
        if args.timings:
            for folder, r in zip(folders, shard_results):
                print(f"shard {os.path.basename(folder)}: {r['seconds']:.2f} s", file=sys.stderr)
            print(f"merge: {merge_result['seconds']:.2f} s", file=sys.stderr)
            print(f"total: {time.monotonic() - started:.2f} s", file=sys.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 0


def main(argv):
    args = parse_arguments(argv)
    try:
        return run(args)
    except TaskFailed as e:
        sys.stderr.write(e.stderr)
        print(f"kgraph_dask: {e}", file=sys.stderr)
        return e.status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
