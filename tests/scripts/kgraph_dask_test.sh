#!/usr/bin/env bash
# scripts/kgraph_dask.py on a LocalCluster of three workers: its shard and merge tasks must
# write the bytes a single `kgraph build` of the same inputs writes.
#   kgraph_dask_test.sh KGRAPH_BINARY SOURCE_DIR
set -euo pipefail
kgraph=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
example=$root/examples/north-korean-refugees-2006
# Seven inputs, each its own shard task: ids and sources cross files.
inputs=("$example/graph.json" "$example"/csv/*.csv)
outputs=(g.graphml g.jsonl g.json)

# Both runs write to the same paths (the Kuzu folder's scripts name them), one after the other.
mkdir -p "$work/out"
"$kgraph" build "${inputs[@]}" -o "$work/out/g.graphml" -o "$work/out/g.jsonl" \
  -o "$work/out/g.json" -o "kuzu:$work/out/db"
mv "$work/out" "$work/built"
mkdir -p "$work/out"
/usr/bin/python3 "$root/scripts/kgraph_dask.py" --kgraph "$kgraph" --workers 3 --parts 4 \
  --work "$work/shards" --timings "${inputs[@]}" -o "$work/out/g.graphml" \
  -o "$work/out/g.jsonl" -o "$work/out/g.json" -o "kuzu:$work/out/db"

status=0
for f in "${outputs[@]}"; do
  cmp "$work/built/$f" "$work/out/$f" || status=1
done
diff -r "$work/built/db" "$work/out/db" || status=1
# One shard folder per input, each with its manifest.
[[ $(ls "$work/shards" | wc -l) -eq ${#inputs[@]} ]] || { echo "shard folders: $(ls "$work/shards")"; status=1; }
[[ -f "$work/shards/shard-00000/manifest.json" ]] || status=1

# A failing task: its kgraph error and status come back through the driver.
echo '{"actors": [{"id": "x", "name": "X", "date": "2006-13-01"}]}' >"$work/bad.json"
set +e
err=$(/usr/bin/python3 "$root/scripts/kgraph_dask.py" --kgraph "$kgraph" --workers 2 \
  --work "$work/shards2" "$work/bad.json" "$example/graph.json" -o "$work/out/bad.json" 2>&1)
code=$?
set -e
[[ $code -eq 1 ]] || { echo "a bad input gave exit $code"; status=1; }
grep -q "bad.json:1:.*error:" <<<"$err" || { echo "no kgraph error in: $err"; status=1; }
[[ ! -e "$work/out/bad.json" ]] || status=1

if [[ $status -eq 0 ]]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
exit $status
