#!/usr/bin/env bash
# Installs the Debian 12 packages kgraph needs. `--tests` adds what the test suite's real
# clients need. Runs apt-get only when something is missing; uses sudo when not root.
set -euo pipefail

packages=(build-essential cmake pkg-config libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz libicu-dev libxml2-dev
          zlib1g-dev libbz2-dev libzstd-dev libpcre2-dev libjemalloc-dev libgtest-dev libbenchmark-dev fonts-noto-cjk)
if [[ "${1:-}" == "--tests" ]]; then
  # fontconfig: fc-match, with which a test checks that the CJK font is found.
  # gzip, bzip2 and zstd compress the test inputs of the compressed-input tests.
  packages+=(gzip bzip2 zstd)
  packages+=(libxml2-utils python3 python3-networkx python3-igraph raptor2-utils virtuoso-opensource fontconfig)
  # clang with its libFuzzer runtime builds the fuzz targets (scripts/fuzz.sh); clang-format
  # checks the source format; clang-tidy is for developers (.clang-tidy).
  packages+=(clang libclang-rt-dev clang-format clang-tidy)
  # Node.js runs the npm clients (tests/clients/setup-node-clients.sh); keep a node already on PATH.
  command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
  # chromium opens the html viewer's pages in tests/clients/viewer_browser_test.cpp (driven by
  # npm playwright-core, which downloads no browser of its own).
  packages+=(chromium)
  # Dask runs scripts/kgraph_dask.py's shard and merge tasks on a local cluster
  # (tests/scripts/kgraph_dask_test.sh); GNU parallel runs the recipe of docs/scale.md.
  packages+=(python3-dask python3-distributed parallel)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "kgraph: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  # Packages with services (virtuoso-opensource) must not start them on install: the tests run
  # their own throwaway servers, and a machine without an init system would fail the install.
  policy=/usr/sbin/policy-rc.d
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee $policy >/dev/null
    $sudo chmod +x $policy
    trap '$sudo rm -f '"$policy" EXIT
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
