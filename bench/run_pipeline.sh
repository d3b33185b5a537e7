#!/usr/bin/env bash
# The pipeline benchmark of docs/performance.md, in one run:
#   1. generate synthetic JSON Lines (once; kept in the scratch directory for later runs),
#   2. time the RapidJSON parse-only baseline over it,
#   3. time `kgraph validate` (import only) and `kgraph build -o out.graphml` (import + export),
#   4. print input MB, parse-only s, import s and MB/s, export s and MB/s, end-to-end time as
#      a ratio to parse-only, and peak RSS per relation.
#
#   bench/run_pipeline.sh                           # 1M entities, 4M relations, build dir ./build
#   bench/run_pipeline.sh --entities 100000 --relations 400000 --repeat 3
#   bench/run_pipeline.sh --build-dir build-bench --dir /tmp/kgraph-bench
#   bench/run_pipeline.sh --format json             # one JSON document instead of JSON Lines
#
# Times are wall-clock, best of --repeat runs, with the input in the page cache; CPU time
# (user + system, GNU time) is shown beside them, since on a busy machine it is the steadier
# figure. Peak RSS is the largest "Maximum resident set size" GNU time reported over the runs.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
entities=1000000
relations=4000000
seed=42
repeat=1
format=jsonl
dir=/tmp/kgraph-bench
build_dir=$root/build
kgraph= generator= parse_only=
keep_output=0
extra_args=()

usage() {
  sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  cat <<EOF
Options:
  --entities N        entities in the synthetic graph (default $entities)
  --relations N       relations, shorthand ones included (default $relations)
  --seed N            generator seed (default $seed)
  --repeat N          runs of each timed step; the best time is kept (default $repeat)
  --format jsonl|json input as JSON Lines records or one JSON document (default $format)
  --dir DIR           scratch directory for data and outputs (default $dir)
  --build-dir DIR     where kgraph and the bench tools were built (default $build_dir)
  --kgraph PATH, --generator PATH, --parse-only PATH   explicit binaries
  --keep-output       keep out.graphml afterwards (deleted by default: it is large)
  -- ARGS...          further arguments for both kgraph commands
EOF
  exit "${1:-0}"
}

while (($#)); do
  case $1 in
    --entities) entities=$2; shift 2 ;;
    --relations) relations=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --format) format=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --build-dir) build_dir=$2; shift 2 ;;
    --kgraph) kgraph=$2; shift 2 ;;
    --generator) generator=$2; shift 2 ;;
    --parse-only) parse_only=$2; shift 2 ;;
    --keep-output) keep_output=1; shift ;;
    -h|--help) usage 0 ;;
    --) shift; extra_args=("$@"); break ;;
    *) echo "run_pipeline.sh: unknown option $1" >&2; usage 2 >&2 ;;
  esac
done

kgraph=${kgraph:-$build_dir/cli/kgraph}
generator=${generator:-$build_dir/bench/generate_synthetic}
parse_only=${parse_only:-$build_dir/bench/parse_only}
for bin in "$kgraph" "$generator" "$parse_only"; do
  if [[ ! -x $bin ]]; then
    echo "run_pipeline.sh: $bin not found; build it first:" >&2
    echo "  cmake -S $root -B $build_dir -DCMAKE_BUILD_TYPE=Release &&" \
         "cmake --build $build_dir -j2 --target kgraph generate_synthetic parse_only" >&2
    exit 3
  fi
done
if [[ ! -x /usr/bin/time ]]; then
  echo "run_pipeline.sh: GNU time (/usr/bin/time) is needed for peak RSS: apt-get install time" >&2
  exit 3
fi

mkdir -p "$dir"
case $format in jsonl|json) ;; *) echo "run_pipeline.sh: --format jsonl or json" >&2; exit 2 ;; esac
data=$dir/synthetic-e$entities-r$relations-s$seed.$format
if [[ ! -s $data || ! -s $data.meta.json ]]; then
  echo "generating $data ..." >&2
  "$generator" --entities "$entities" --relations "$relations" --seed "$seed" --format "$format" \
      -o "$data.tmp" 2>/dev/null
  mv "$data.tmp.meta.json" "$data.meta.json"
  mv "$data.tmp" "$data"
fi
meta_field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" "$data.meta.json"; }
input_bytes=$(stat -c %s "$data")
rel_count=$(meta_field relations)
ent_count=$(meta_field entities)

cat "$data" >/dev/null  # into the page cache: every step reads warm input

now() { date +%s.%N; }
# timed LABEL CMD...: runs CMD --repeat times; sets best_s, best_cpu and peak_kb. Fails loudly.
timed() {
  local label=$1; shift
  best_s= best_cpu= peak_kb=0
  local r t0 t1 s kb cpu
  for ((r = 0; r < repeat; r++)); do
    t0=$(now)
    if ! /usr/bin/time -f '%M %U %S' -o "$dir/time.txt" "$@" >"$dir/$label.out" 2>"$dir/$label.err"; then
      echo "run_pipeline.sh: $label failed: $*" >&2
      head -20 "$dir/$label.err" >&2
      exit 1
    fi
    t1=$(now)
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    read -r kb cpu < <(tail -1 "$dir/time.txt" | awk '{ printf "%d %.2f\n", $1, $2 + $3 }')
    if [[ -z $best_s ]] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$s; fi
    if [[ -z $best_cpu ]] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu=$cpu; fi
    ((kb > peak_kb)) && peak_kb=$kb
    echo "  $label run $((r + 1)): ${s} s wall, ${cpu} s CPU, peak RSS $((kb / 1024)) MiB" >&2
  done
}

out=$dir/out.graphml
rm -f "$out"
timed parse_only "$parse_only" "$data"
parse_s=$best_s parse_cpu=$best_cpu parse_kb=$peak_kb
timed validate "$kgraph" validate "$data" "${extra_args[@]}"
validate_s=$best_s validate_cpu=$best_cpu validate_kb=$peak_kb
timed build "$kgraph" build "$data" -o "$out" "${extra_args[@]}"
build_s=$best_s build_cpu=$best_cpu build_kb=$peak_kb
graphml_bytes=$(stat -c %s "$out")
((keep_output)) || rm -f "$out"

awk -v in_b="$input_bytes" -v ents="$ent_count" -v rels="$rel_count" \
    -v parse_s="$parse_s" -v validate_s="$validate_s" -v build_s="$build_s" \
    -v out_b="$graphml_bytes" -v parse_kb="$parse_kb" -v validate_kb="$validate_kb" \
    -v build_kb="$build_kb" -v data="$data" -v repeat="$repeat" -v fmt="$format" \
    -v parse_cpu="$parse_cpu" -v validate_cpu="$validate_cpu" -v build_cpu="$build_cpu" \
    -v load="$(cut -d' ' -f1-3 /proc/loadavg)" -v ncpu="$(nproc)" '
BEGIN {
  export_s = build_s - validate_s; if (export_s <= 0) export_s = 0.001
  if (parse_cpu <= 0) parse_cpu = 0.01; if (parse_s <= 0) parse_s = 0.001; if (validate_s <= 0) validate_s = 0.001
  printf "kgraph pipeline benchmark: %s -> GraphML (best of %d; %d CPUs, load average %s)\n", toupper(fmt), repeat, ncpu, load
  printf "  input                 %s\n", data
  printf "  entities / relations  %d / %d\n", ents, rels
  printf "  input size            %.1f MB\n", in_b / 1e6
  printf "                          wall s   CPU s     MB/s\n"
  printf "  parse-only (RapidJSON) %7.2f %7.2f %8.1f   peak RSS %d MiB\n", parse_s, parse_cpu, in_b / 1e6 / parse_s, parse_kb / 1024
  printf "  import (validate)      %7.2f %7.2f %8.1f   peak RSS %d MiB\n", validate_s, validate_cpu, in_b / 1e6 / validate_s, validate_kb / 1024
  printf "  export (build-import)  %7.2f %7.2f %8.1f   GraphML %.1f MB\n", export_s, build_cpu - validate_cpu, out_b / 1e6 / export_s, out_b / 1e6
  printf "  end-to-end (build)     %7.2f %7.2f           %.2fx parse-only wall, %.2fx CPU (target <= 3x)\n", build_s, build_cpu, build_s / parse_s, build_cpu / parse_cpu
  printf "  peak RSS (build)       %d MiB = %.0f B per relation   (target <= 150 B)\n", build_kb / 1024, build_kb * 1024 / rels
  printf "| %.0f MB | %.2f s | %.2f s (%.0f MB/s) | %.2f s (%.0f MB/s) | %.2f s | %.2fx (CPU %.2fx) | %.0f B |\n",
         in_b / 1e6, parse_s, validate_s, in_b / 1e6 / validate_s, export_s, out_b / 1e6 / export_s,
         build_s, build_s / parse_s, build_cpu / parse_cpu, build_kb * 1024 / rels
}'
