#!/usr/bin/env bash
# Install what is missing (with the test clients), build, and run every check:
#   1. the source format (clang-format, .clang-format);
#   2. the Release build with warnings as errors, and the whole test suite;
#   3. every fuzz target for a short time (scripts/fuzz.sh);
#   4. a second build with AddressSanitizer + UndefinedBehaviorSanitizer, and the whole test
#      suite again under it (tests/lsan.supp lists the third-party leaks we accept, each with
#      its reason).
# KGRAPH_FUZZ_SECONDS sets the time per fuzz target (default 10: 13 targets must fit in CI's
# 30 minutes with both builds; 0 skips fuzzing).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --tests
# npm clients (Kuzu, Oxigraph, graphology) live outside the repository, installed once per machine.
"$root/tests/clients/setup-node-clients.sh"

step() { printf '\n== %s\n' "$*"; }

step "format"
"$root/scripts/check-format.sh"

step "Release build (warnings are errors) and tests"
"$root/scripts/build.sh" -DKGRAPH_BUILD_TESTS=ON -DKGRAPH_BUILD_BENCH=ON -DKGRAPH_WERROR=ON
ctest --test-dir "$root/build" --output-on-failure -j2 --timeout 600

fuzz_seconds=${KGRAPH_FUZZ_SECONDS:-10}
if (( fuzz_seconds > 0 )); then
  step "fuzz targets, $fuzz_seconds s each"
  "$root/scripts/fuzz.sh" all "$fuzz_seconds"
fi

step "AddressSanitizer + UndefinedBehaviorSanitizer build and tests"
# -O1, not Release's -O3: an instrumented file takes about three times as long to compile at
# -O3 (importers/mapping_loader.cpp: 40 s against 14 s), and CI has 30 minutes for everything.
# Warnings are errors in the Release build above; here they are only shown, since what gcc's
# flow analysis sees differs at -O1.
cmake -S "$root" -B "$root/build-sanitize" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" -DKGRAPH_SANITIZE=ON \
      -DKGRAPH_WERROR=OFF -DKGRAPH_BUILD_TESTS=ON -DKGRAPH_BUILD_BENCH=OFF >/dev/null
cmake --build "$root/build-sanitize" -j2
# Sanitizer reports end the process with a status no test expects (kgraph itself uses 0-3).
export ASAN_OPTIONS=detect_leaks=1:exitcode=86:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0:exitcode=88
ctest --test-dir "$root/build-sanitize" --output-on-failure -j2 --timeout 900
