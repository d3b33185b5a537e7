#!/usr/bin/env bash
# The main job: install what is missing, build, and turn the shipped example (the CECC article
# of 2006-10-03) into GraphML, an SVG diagram with a legend, canonical JSON and an interactive
# HTML page (docs/formats/html.md) under ./out.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DKGRAPH_BUILD_TESTS=OFF -DKGRAPH_BUILD_BENCH=OFF
mkdir -p "$root/out"
"$root/build/cli/kgraph" build "$root/examples/north-korean-refugees-2006/graph.json" \
  -o "$root/out/north-korean-refugees.graphml" \
  -o "$root/out/north-korean-refugees.svg" \
  -o "$root/out/north-korean-refugees.json" \
  -o "$root/out/north-korean-refugees.html" \
  --legend
echo "kgraph: wrote $(ls "$root"/out/north-korean-refugees.* | tr '\n' ' ')"
