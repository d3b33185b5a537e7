#!/usr/bin/env bash
# Install what is missing (with the test clients), build, and run the whole test suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --tests
# npm clients (Kuzu, Oxigraph, graphology) live outside the repository, installed once per machine.
"$root/tests/clients/setup-node-clients.sh"
"$root/scripts/build.sh" -DKGRAPH_BUILD_TESTS=ON -DKGRAPH_BUILD_BENCH=ON
cd "$root/build"
ctest --output-on-failure -j2 --timeout 600
