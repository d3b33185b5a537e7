#!/usr/bin/env bash
# Install what is missing (with the test clients), build, and run the whole test suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --tests
"$root/scripts/build.sh" -DKGRAPH_BUILD_TESTS=ON
cd "$root/build"
ctest --output-on-failure -j2 --timeout 600
