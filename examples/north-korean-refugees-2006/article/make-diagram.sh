#!/usr/bin/env bash
# Regenerates co-mentions.svg beside this script: who is mentioned with whom in the CECC article.
# The example's graph is the gazetteer, so only the entities the article names enter the graph;
# only the co_mentioned relations are drawn. Usage: make-diagram.sh [PATH-TO-KGRAPH]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kgraph=${1:-"$here/../../../build/cli/kgraph"}
"$kgraph" build "$here/mfa-north-koreans-2006-10-03.txt" \
  --gazetteer "$here/../graph.json" --co-mentions \
  --relations co_mentioned --legend -o "$here/co-mentions.svg"
