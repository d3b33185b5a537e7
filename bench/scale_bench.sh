#!/usr/bin/env bash
# The figures of docs/scale.md: `kgraph shard` and `kgraph merge` on the synthetic set, alone
# and driven by scripts/kgraph_dask.py with 1, 2 and 4 workers, against one `kgraph build`.
#   1. generate synthetic JSON Lines (once; kept in the scratch directory) and deal its lines
#      into --files files (a shard task each);
#   2. time `kgraph build -o g.jsonl` (the reference), then each `kgraph shard` alone and
#      `kgraph merge -o g.jsonl` alone, with their peak RSS, and check that the merge wrote the
#      bytes the build wrote;
#   3. time `build` and `merge` into partitioned Neo4j and Kuzu folders (--parts): the merge
#      that holds one partition at a time, and the same merge holding the whole graph;
#   4. run the Dask driver with each worker count and report its wall time.
#
#   bench/scale_bench.sh                                  # 1M entities, 4M relations
#   bench/scale_bench.sh --entities 100000 --relations 400000 --workers "1 2"
#   bench/scale_bench.sh --workers ""                    # no Dask runs
#
# Times are wall-clock seconds with the input in the page cache; peak RSS is GNU time's
# "Maximum resident set size". On a shared machine, run it when nothing else does.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
entities=1000000
relations=4000000
seed=42
files=8
parts=16
workers="1 2 4"
dir=/tmp/kgraph-scale
build_dir=$root/build

while (( $# )); do
  case $1 in
    --entities) entities=$2; shift 2 ;;
    --relations) relations=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --files) files=$2; shift 2 ;;
    --parts) parts=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --build-dir) build_dir=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scale_bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

kgraph=$build_dir/cli/kgraph
generator=$build_dir/bench/generate_synthetic
[[ -x $kgraph && -x $generator ]] || {
  echo "scale_bench.sh: build kgraph and generate_synthetic first (-DKGRAPH_BUILD_BENCH=ON)" >&2
  exit 2
}
mkdir -p "$dir"
data=$dir/synthetic-e$entities-r$relations-s$seed.jsonl
[[ -f $data ]] || "$generator" --entities "$entities" --relations "$relations" --seed "$seed" -o "$data"
inputs=$dir/inputs-$files
if [[ ! -d $inputs ]]; then
  mkdir -p "$inputs.tmp"
  # Line i goes to file i mod N: every file holds every kind of record.
  awk -v n="$files" -v d="$inputs.tmp" '{ print > sprintf("%s/in-%03d.jsonl", d, (NR - 1) % n) }' "$data"
  mv "$inputs.tmp" "$inputs"
fi
input_files=("$inputs"/in-*.jsonl)
mb=$(( $(stat -L -c %s "$data") / 1000000 ))

# Runs a command under GNU time; prints "SECONDS PEAK_MB CPU_SECONDS". A failing command
# is an error unless OK_STATUS names its status.
timed() {
  local log status=0
  log=$(mktemp)
  /usr/bin/time -f '%e %M %U %S' -o "$log" "$@" >/dev/null 2>&1 || status=$?
  if (( status != 0 && status != ${OK_STATUS:-0} )); then
    echo "scale_bench.sh: $* failed ($status)" >&2
    exit 1
  fi
  tail -1 "$log" | awk '{ printf "%.1f %.0f %.1f\n", $1, $2 / 1024, $3 + $4 }'
  rm -f "$log"
}

out=$dir/out
rm -rf "$out" && mkdir -p "$out"
echo "input: $mb MB, $entities entities, $relations relations, $files files, --parts $parts"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"

read -r build_s build_mb build_cpu < <(timed "$kgraph" build "${input_files[@]}" -o "$out/built.jsonl")
echo "build (reference):      ${build_s} s (cpu ${build_cpu} s), peak ${build_mb} MB"

shard_total=0 shard_cpu=0 shard_peak=0
mkdir -p "$out/shards"
for f in "${input_files[@]}"; do
  name=$(basename "$f" .jsonl)
  read -r s m c < <(timed "$kgraph" shard "$f" --parts "$parts" -o "$out/shards/$name")
  shard_total=$(awk -v a="$shard_total" -v b="$s" 'BEGIN { print a + b }')
  shard_cpu=$(awk -v a="$shard_cpu" -v b="$c" 'BEGIN { print a + b }')
  (( m > shard_peak )) && shard_peak=$m
done
part_mb=$(( $(du -b -s "$out/shards" | cut -f1) / 1000000 ))
echo "shard, one at a time:   ${shard_total} s (cpu ${shard_cpu} s) for $files tasks ($(awk -v t="$shard_total" -v m="$mb" 'BEGIN { printf "%.1f", m / t }') MB/s), peak ${shard_peak} MB per task, parts $part_mb MB in all"
read -r merge_s merge_mb merge_cpu < <(timed "$kgraph" merge "$out"/shards/* -o "$out/merged.jsonl")
echo "merge -o g.jsonl:       ${merge_s} s (cpu ${merge_cpu} s, $(awk -v t="$merge_s" -v m="$part_mb" 'BEGIN { printf "%.1f", m / t }') MB/s of parts), peak ${merge_mb} MB"
# Partitioned database folders (Neo4j and Kuzu, --parts P): build holds the whole graph; merge
# of folders with the same P holds one partition at a time (docs/scale.md); the same merge with
# a selection of every type reads the whole graph, for comparison. All three write one bytes.
db_outputs() { echo "-o neo4j:$out/$1-neo4j -o kuzu:$out/$1-kuzu --parts $parts"; }
# shellcheck disable=SC2046  # the outputs are meant to split into words (no spaces in $out)
read -r dbb_s dbb_mb dbb_cpu < <(timed "$kgraph" build "${input_files[@]}" $(db_outputs built))
echo "build -o neo4j: -o kuzu: --parts $parts: ${dbb_s} s (cpu ${dbb_cpu} s), peak ${dbb_mb} MB"
# shellcheck disable=SC2046
read -r dbm_s dbm_mb dbm_cpu < <(timed "$kgraph" merge "$out"/shards/* $(db_outputs merged))
echo "merge, one partition at a time: ${dbm_s} s (cpu ${dbm_cpu} s), peak ${dbm_mb} MB"
# shellcheck disable=SC2046
read -r dbw_s dbw_mb dbw_cpu < <(timed "$kgraph" merge "$out"/shards/* $(db_outputs whole) \
  --types actor,law,event,place)
echo "merge, whole graph:     ${dbw_s} s (cpu ${dbw_cpu} s), peak ${dbw_mb} MB"
for kind in neo4j kuzu; do
  for run in merged whole; do
    diff -r -q "$out/built-$kind" "$out/$run-$kind" >/dev/null ||
      { echo "$run $kind folder differs from build's" >&2; exit 1; }
  done
done
echo "merged folders = built folders: yes"
cmp -s "$out/built.jsonl" "$out/merged.jsonl" && echo "merge output = build output: yes" ||
  { echo "merge output differs from build output" >&2; exit 1; }

for w in $workers; do
  start=$(date +%s.%N)
  /usr/bin/python3 "$root/scripts/kgraph_dask.py" --kgraph "$kgraph" --workers "$w" \
    --parts "$parts" --work "$out/dask-shards" --timings "${input_files[@]}" \
    -o "$out/dask-$w.jsonl" 2>"$out/dask-$w.log"
  end=$(date +%s.%N)
  total=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  merge=$(awk '/^merge:/ { print $2 }' "$out/dask-$w.log")
  shards=$(awk '/^total:/ { print $2 }' "$out/dask-$w.log")
  cmp -s "$out/built.jsonl" "$out/dask-$w.jsonl" || { echo "dask-$w output differs" >&2; exit 1; }
  echo "dask, $w worker(s):      ${total} s wall (tasks ${shards} s, of which merge ${merge} s)," \
       "shard phase $(awk -v t="$shards" -v m="$merge" -v mb="$mb" 'BEGIN { printf "%.1f", mb / (t - m) }') MB/s"
done
rm -rf "$out"
