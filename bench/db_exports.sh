#!/usr/bin/env bash
# The database-export benchmark of docs/performance.md: on the synthetic graph of
# run_pipeline.sh (same generator, same cached input), times
#   1. `kgraph validate` (import only),
#   2. `kgraph build -o out.graphml`, `-o neo4j:DIR` and `-o kuzu:DIR` (import + export),
#   3. loading the Kuzu folder into a new database with its load.mjs (npm kuzu@0.11.3, or
#      LadybugDB's @ladybugdb/core@0.19.1 with --db-module, installed by
#      tests/clients/setup-node-clients.sh),
# and prints each export's time (build minus import), bytes written and MB/s, so that the
# database exports can be compared with GraphML per byte written.
#
#   bench/db_exports.sh                              # 1M entities, 4M relations, build dir ./build
#   bench/db_exports.sh --entities 100000 --relations 400000 --repeat 3
#   bench/db_exports.sh --build-dir build-db --dir /tmp/kgraph-bench --no-load
#   bench/db_exports.sh --parts 16 --db-module @ladybugdb/core   # part files, loaded by LadybugDB
#
# Times are wall-clock, best of --repeat runs, input in the page cache; CPU time (user + system)
# is shown beside them, being the steadier figure on a shared machine.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
entities=1000000
relations=4000000
seed=42
repeat=1
dir=/tmp/kgraph-bench
build_dir=$root/build
load=1
parts=1
db_module=kuzu

usage() {
  sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  cat <<EOF
Options:
  --entities N      entities in the synthetic graph (default $entities)
  --relations N     relations (default $relations)
  --seed N          generator seed (default $seed)
  --repeat N        runs of each timed step; the best is kept (default $repeat)
  --dir DIR         scratch directory for data and outputs (default $dir)
  --build-dir DIR   where kgraph and generate_synthetic were built (default $build_dir)
  --no-load         skip the Kuzu load
  --parts N         write the Neo4j and Kuzu folders in N part files (default $parts)
  --db-module NAME  npm package the Kuzu folder is loaded with: kuzu or @ladybugdb/core
                    (default $db_module)
EOF
  exit "${1:-0}"
}

while (($#)); do
  case $1 in
    --entities) entities=$2; shift 2 ;;
    --relations) relations=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --build-dir) build_dir=$2; shift 2 ;;
    --no-load) load=0; shift ;;
    --parts) parts=$2; shift 2 ;;
    --db-module) db_module=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "db_exports.sh: unknown option $1" >&2; usage 2 >&2 ;;
  esac
done

kgraph=$build_dir/cli/kgraph
generator=$build_dir/bench/generate_synthetic
for bin in "$kgraph" "$generator"; do
  if [[ ! -x $bin ]]; then
    echo "db_exports.sh: $bin not found; build it first:" >&2
    echo "  cmake --build $build_dir -j2 --target kgraph generate_synthetic" >&2
    exit 3
  fi
done
[[ -x /usr/bin/time ]] || { echo "db_exports.sh: needs GNU time (apt-get install time)" >&2; exit 3; }

mkdir -p "$dir"
data=$dir/synthetic-e$entities-r$relations-s$seed.jsonl
if [[ ! -s $data || ! -s $data.meta.json ]]; then
  echo "generating $data ..." >&2
  "$generator" --entities "$entities" --relations "$relations" --seed "$seed" -o "$data.tmp" 2>/dev/null
  mv "$data.tmp.meta.json" "$data.meta.json"
  mv "$data.tmp" "$data"
fi
cat "$data" >/dev/null

now() { date +%s.%N; }
# timed LABEL CMD...: best wall and CPU seconds of --repeat runs into best_s and best_cpu.
timed() {
  local label=$1; shift
  best_s= best_cpu=
  local r t0 t1 s cpu
  for ((r = 0; r < repeat; r++)); do
    "${before_each[@]}"
    t0=$(now)
    if ! /usr/bin/time -f '%U %S' -o "$dir/time.txt" "$@" >"$dir/$label.out" 2>"$dir/$label.err"; then
      echo "db_exports.sh: $label failed: $*" >&2
      head -20 "$dir/$label.err" >&2
      exit 1
    fi
    t1=$(now)
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    cpu=$(tail -1 "$dir/time.txt" | awk '{ printf "%.2f", $1 + $2 }')
    if [[ -z $best_s ]] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$s; fi
    if [[ -z $best_cpu ]] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu=$cpu; fi
    echo "  $label run $((r + 1)): ${s} s wall, ${cpu} s CPU" >&2
  done
}
size_of() { du -sb --exclude=.kgraph-output "$1" | cut -f1; }

before_each=(true)
timed validate "$kgraph" validate "$data"
import_s=$best_s import_cpu=$best_cpu

results=()
for format in graphml neo4j kuzu; do
  options=()
  case $format in
    graphml) target=$dir/out.graphml ;;
    *) target=$format:$dir/out-$format options=(--parts "$parts") ;;
  esac
  before_each=(rm -rf "$dir/out.graphml" "$dir/out-$format")
  timed "$format" "$kgraph" build "$data" "${options[@]}" -o "$target"
  path=${target#*:}
  results+=("$format $best_s $best_cpu $(size_of "$path")")
done

load_s=- load_cpu=-
if ((load)); then
  clients=${KGRAPH_NODE_CLIENTS:-$HOME/.cache/kgraph-test-node}
  "$root/tests/clients/setup-node-clients.sh" "$clients"
  before_each=(rm -rf "$dir/kuzu-db")
  NODE_PATH=$clients/node_modules KGRAPH_DB_MODULE=$db_module \
    timed kuzu_load node "$dir/out-kuzu/load.mjs" "$dir/kuzu-db"
  load_s=$best_s load_cpu=$best_cpu
  rm -rf "$dir/kuzu-db"
fi
rm -rf "$dir/out.graphml" "$dir/out-neo4j" "$dir/out-kuzu"

printf 'kgraph database exports (best of %d; %d CPUs, load average %s; --parts %d)\n' "$repeat" \
  "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$parts"
printf '  input        %s (%.1f MB)\n' "$data" "$(awk -v b="$(stat -c %s "$data")" 'BEGIN { print b / 1e6 }')"
printf '  import       %7.2f s wall %7.2f s CPU\n' "$import_s" "$import_cpu"
printf '  %-8s %9s %9s %10s %9s %9s\n' format "export s" "CPU s" "MB written" "MB/s" "MB/CPU s"
for r in "${results[@]}"; do
  read -r format s cpu bytes <<<"$r"
  awk -v f="$format" -v s="$s" -v cpu="$cpu" -v b="$bytes" -v is="$import_s" -v ic="$import_cpu" 'BEGIN {
    es = s - is; if (es <= 0) es = 0.001; ec = cpu - ic; if (ec <= 0) ec = 0.01
    printf "  %-8s %9.2f %9.2f %10.1f %9.1f %9.1f\n", f, es, ec, b / 1e6, b / 1e6 / es, b / 1e6 / ec }'
done
printf '  kuzu load    %s s wall, %s s CPU (node load.mjs with %s: tables, then the COPY statements)\n' \
  "$load_s" "$load_cpu" "$db_module"
