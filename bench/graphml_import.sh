#!/usr/bin/env bash
# GraphML import speed against the JSON Lines importer on the same facts (docs/formats/graphml.md,
# "Speed"):
#   1. generate synthetic JSON Lines with bench/generate_synthetic (deterministic by seed),
#   2. write the graph it makes as kgraph's own JSON Lines and as GraphML (the same facts, each
#      in its canonical form),
#   3. time `kgraph validate` (import only) on each, best of --repeat runs, and print MB/s and
#      the ratio GraphML time / JSON Lines time.
#
#   bench/graphml_import.sh                                   # 100k entities, 400k relations
#   bench/graphml_import.sh --entities 200000 --relations 800000 --repeat 5
#   bench/graphml_import.sh --kgraph build/cli/kgraph --generator build/bench/generate_synthetic
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
entities=100000
relations=400000
repeat=3
dir=/tmp/kgraph-graphml-bench
build_dir=$root/build
kgraph= generator=

while (($#)); do
  case $1 in
    --entities) entities=$2; shift 2 ;;
    --relations) relations=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --build-dir) build_dir=$2; shift 2 ;;
    --kgraph) kgraph=$2; shift 2 ;;
    --generator) generator=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "graphml_import.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
kgraph=${kgraph:-$build_dir/cli/kgraph}
generator=${generator:-$build_dir/bench/generate_synthetic}
for tool in "$kgraph" "$generator"; do
  [[ -x $tool ]] || { echo "graphml_import.sh: $tool not built (cmake -DKGRAPH_BUILD_BENCH=ON; cmake --build $build_dir --target kgraph generate_synthetic)" >&2; exit 1; }
done

mkdir -p "$dir"
synthetic=$dir/synthetic-$entities-$relations.jsonl
[[ -s $synthetic ]] || "$generator" --entities "$entities" --relations "$relations" -o "$synthetic"
# A relation that merged several generated relations holds several ids, which kgraph's JSON Lines
# output writes as a list and its input does not take back: keep the first id of each.
"$kgraph" build "$synthetic" -o "jsonl:$dir/merged.jsonl" >/dev/null
sed -E 's/"id":\["([^"]*)"(,"[^"]*")*\]/"id":"\1"/' "$dir/merged.jsonl" >"$dir/single-ids.jsonl"
"$kgraph" build "$dir/single-ids.jsonl" -o "jsonl:$dir/facts.jsonl" -o "graphml:$dir/facts.graphml" >/dev/null
rm -f "$dir/merged.jsonl" "$dir/single-ids.jsonl"

# Best wall-clock seconds of `kgraph validate FILE` over $repeat runs.
best_time() {
  local best= t
  for ((i = 0; i < repeat; i++)); do
    local start end
    start=$(date +%s.%N)
    "$kgraph" validate "$1" >/dev/null || { echo "graphml_import.sh: $1 does not validate" >&2; exit 1; }
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    if [[ -z $best ]] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  echo "$best"
}

printf '%-8s %10s %9s %9s\n' format MB seconds MB/s
declare -A seconds
for format in jsonl graphml; do
  file=$dir/facts.$format
  mb=$(echo "$(stat -c %s "$file") / 1000000" | bc -l)
  seconds[$format]=$(best_time "$file")
  printf '%-8s %10.1f %9.3f %9.1f\n' "$format" "$mb" "${seconds[$format]}" \
    "$(echo "$mb / ${seconds[$format]}" | bc -l)"
done
printf 'GraphML import takes %.2fx the time of JSON Lines on the same facts\n' \
  "$(echo "${seconds[graphml]} / ${seconds[jsonl]}" | bc -l)"
