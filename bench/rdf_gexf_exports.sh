#!/usr/bin/env bash
# Export speed of N-Triples, Turtle and GEXF against GraphML, on the synthetic graph of
# docs/performance.md (1M entities, 4M relations by default):
#   1. generate the synthetic JSON Lines once (the same file bench/run_pipeline.sh uses),
#   2. time `kgraph validate` (the import alone, for reference),
#   3. run `kgraph build --progress data -o out.graphml -o out.nt -o out.ttl -o out.gexf -o END`:
#      one import, then the exports one after the other; each export is timed from its
#      "writing" progress line to the next, in wall time and in the process's CPU time,
#   4. print, per format, the bytes written, the best export time, MB/s (10^6 bytes per second)
#      and the ratio of that speed to GraphML's, by wall time and by CPU time.
#
#   bench/rdf_gexf_exports.sh                                   # 1M entities, 4M relations
#   bench/rdf_gexf_exports.sh --repeat 4                        # every format once in each position
#   bench/rdf_gexf_exports.sh --entities 100000 --relations 400000 --repeat 4
#   bench/rdf_gexf_exports.sh --build-dir build-rdf --dir /tmp/kgraph-bench
#
# Best of --repeat runs (the order of the formats rotates between runs), with the input in the
# page cache. Timing the exports inside one process, back to back, keeps them comparable when
# other load comes and goes; subtracting two separate runs (build less validate) does not. Wall
# time also counts waiting for the disk (the kernel throttles a writer once much is dirty, so an
# export that follows the 5 GB of N-Triples waits more); CPU time (user + system, which includes
# copying into the page cache) does not, and is the steadier figure on a shared machine. Outputs are deleted after each run (N-Triples of the
# default graph is about 5.4 GB, so the scratch directory needs about 10 GB free).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
entities=1000000
relations=4000000
seed=42
repeat=1
dir=/tmp/kgraph-bench
build_dir=$root/build
kgraph= generator=
formats=(graphml nt ttl gexf)

usage() {
  sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  cat <<EOF
Options:
  --entities N        entities in the synthetic graph (default $entities)
  --relations N       relations, shorthand ones included (default $relations)
  --seed N            generator seed (default $seed)
  --repeat N          runs of each timed step; the best time is kept (default $repeat)
  --dir DIR           scratch directory for data and outputs (default $dir)
  --build-dir DIR     where kgraph and generate_synthetic were built (default $build_dir)
  --kgraph PATH, --generator PATH   explicit binaries
  --formats LIST      comma-separated extensions (default ${formats[*]// /,})
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
    --kgraph) kgraph=$2; shift 2 ;;
    --generator) generator=$2; shift 2 ;;
    --formats) IFS=, read -r -a formats <<<"$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "rdf_gexf_exports.sh: unknown option $1" >&2; usage 2 >&2 ;;
  esac
done

kgraph=${kgraph:-$build_dir/cli/kgraph}
generator=${generator:-$build_dir/bench/generate_synthetic}
for bin in "$kgraph" "$generator"; do
  if [[ ! -x $bin ]]; then
    echo "rdf_gexf_exports.sh: $bin not found; build it first:" >&2
    echo "  cmake -S $root -B $build_dir -DCMAKE_BUILD_TYPE=Release &&" \
         "cmake --build $build_dir -j2 --target kgraph generate_synthetic" >&2
    exit 3
  fi
done
if [[ ! -x /usr/bin/time ]]; then
  echo "rdf_gexf_exports.sh: GNU time (/usr/bin/time) is needed: apt-get install time" >&2
  exit 3
fi

mkdir -p "$dir"
data=$dir/synthetic-e$entities-r$relations-s$seed.jsonl
if [[ ! -s $data || ! -s $data.meta.json ]]; then
  echo "generating $data ..." >&2
  "$generator" --entities "$entities" --relations "$relations" --seed "$seed" -o "$data.tmp" 2>/dev/null
  mv "$data.tmp.meta.json" "$data.meta.json"
  mv "$data.tmp" "$data"
fi
cat "$data" >/dev/null  # into the page cache

# timed_import: `kgraph validate` --repeat times; sets import_s (best wall) and import_cpu.
timed_import() {
  import_s= import_cpu=
  local r t0 t1 s cpu
  for ((r = 0; r < repeat; r++)); do
    t0=$EPOCHREALTIME
    if ! /usr/bin/time -f '%U %S' -o "$dir/time.txt" "$kgraph" validate --no-progress "$data" >/dev/null 2>"$dir/validate.err"; then
      echo "rdf_gexf_exports.sh: kgraph validate failed:" >&2
      head -20 "$dir/validate.err" >&2
      exit 1
    fi
    t1=$EPOCHREALTIME
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    cpu=$(tail -1 "$dir/time.txt" | awk '{ printf "%.2f", $1 + $2 }')
    if [[ -z $import_s ]] || awk -v a="$s" -v b="$import_s" 'BEGIN { exit !(a < b) }'; then import_s=$s import_cpu=$cpu; fi
    echo "  validate run $((r + 1)): $s s, $cpu CPU s" >&2
  done
}

# One build writing every format in turn, in the given order, then a last GraphML file that
# only marks the end of the last measured export. The exports run back to back in one process on
# one imported graph; each is timed from its "writing" progress line to the next, in wall time
# and in the process's CPU time (user + system, read from /proc at each line).
# Keeps the best of each in best_wall[FORMAT], best_cpu[FORMAT]; sets bytes[FORMAT].
declare -A best_wall best_cpu bytes
one_build() {
  local order=("$@") args=() f fifo=$dir/progress.fifo
  for f in "${order[@]}"; do args+=(-o "$dir/out.$f"); rm -f "$dir/out.$f"; done
  args+=(-o "$dir/end-marker.graphml")
  rm -f "$fifo" "$dir/end-marker.graphml"
  mkfifo "$fifo"
  "$kgraph" build --progress "$data" "${args[@]}" 2>"$fifo" >/dev/null &
  local pid=$! line st
  while IFS= read -r line; do
    [[ $line == "kgraph: writing "* ]] || continue
    read -r -a st <"/proc/$pid/stat"
    printf '%s %s %s\n' "$EPOCHREALTIME" $((st[13] + st[14])) "${line#kgraph: writing }"
  done <"$fifo" >"$dir/stamps.txt"
  local status=0
  wait "$pid" || status=$?
  rm -f "$fifo" "$dir/end-marker.graphml"
  if ((status != 0)); then
    echo "rdf_gexf_exports.sh: kgraph build failed ($status)" >&2
    exit 1
  fi
  local times wall cpu
  times=$(awk -v hz="$(getconf CLK_TCK)" -v prefix="$dir/out." '
    { n++; t[n] = $1; c[n] = $2; f[n] = substr($3, length(prefix) + 1) }
    END { for (i = 1; i < n; i++) printf "%s %.3f %.2f\n", f[i], t[i + 1] - t[i], (c[i + 1] - c[i]) / hz }' \
    "$dir/stamps.txt")
  while read -r f wall cpu; do
    bytes[$f]=$(stat -c %s "$dir/out.$f")
    rm -f "$dir/out.$f"
    if [[ -z ${best_wall[$f]:-} ]] || awk -v a="$wall" -v b="${best_wall[$f]}" 'BEGIN { exit !(a < b) }'; then
      best_wall[$f]=$wall
    fi
    if [[ -z ${best_cpu[$f]:-} ]] || awk -v a="$cpu" -v b="${best_cpu[$f]}" 'BEGIN { exit !(a < b) }'; then
      best_cpu[$f]=$cpu
    fi
    echo "    $f: $wall s, $cpu CPU s, ${bytes[$f]} bytes" >&2
  done <<<"$times"
}

timed_import
n=${#formats[@]}
for ((r = 0; r < repeat; r++)); do
  # Rotate the order, so that with --repeat >= the number of formats every format runs once in
  # every position (an export that follows gigabytes of other output is slowed by the page
  # cache; the first one is not).
  order=()
  for ((i = 0; i < n; i++)); do order+=("${formats[(i + r) % n]}"); done
  echo "  build run $((r + 1)): ${order[*]}" >&2
  one_build "${order[@]}"
done

printf '%-8s %14s %9s %8s %10s %9s %10s %10s\n' format bytes wall_s MB/s vs_graphml cpu_s MB/cpu_s vs_graphml
g_wall= g_cpu=
for f in "${formats[@]}"; do
  rate=$(awk -v n="${bytes[$f]}" -v s="${best_wall[$f]}" 'BEGIN { if (s < 0.001) s = 0.001; printf "%.1f", n / 1e6 / s }')
  cpu_rate=$(awk -v n="${bytes[$f]}" -v s="${best_cpu[$f]}" 'BEGIN { if (s < 0.01) s = 0.01; printf "%.1f", n / 1e6 / s }')
  [[ $f == graphml ]] && g_wall=$rate g_cpu=$cpu_rate
  ratio=$(awk -v r="$rate" -v g="${g_wall:-0}" 'BEGIN { if (g > 0) printf "%.2f", r / g; else printf "-" }')
  cpu_ratio=$(awk -v r="$cpu_rate" -v g="${g_cpu:-0}" 'BEGIN { if (g > 0) printf "%.2f", r / g; else printf "-" }')
  printf '%-8s %14d %9.3f %8.1f %10s %9.2f %10.1f %10s\n' "$f" "${bytes[$f]}" "${best_wall[$f]}" "$rate" "$ratio" \
    "${best_cpu[$f]}" "$cpu_rate" "$cpu_ratio"
done
echo "import (validate): $import_s s, $import_cpu CPU s; input $(stat -c %s "$data") bytes"
