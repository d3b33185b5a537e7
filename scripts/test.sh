#!/usr/bin/env bash
# Install what is missing (with the test clients), build, and run every check:
#   1. the source format (clang-format, .clang-format);
#   2. the Release build with warnings as errors, and the whole test suite;
#   3. a second build with clang, AddressSanitizer + UndefinedBehaviorSanitizer and libFuzzer's
#      instrumentation, the whole test suite again under it (tests/lsan.supp lists the
#      third-party leaks we accept, each with its reason), then every fuzz target of that same
#      build for a short time (scripts/fuzz.sh): the libraries are compiled once for both.
# KGRAPH_FUZZ_SECONDS sets the time per fuzz target (default 5: 14 targets must fit in CI's
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

step "AddressSanitizer + UndefinedBehaviorSanitizer build (clang) and tests"
# Built as scripts/fuzz.sh builds its targets (clang, -O1, assertions on), with the tests: one
# compilation of the libraries serves the test suite and the fuzz targets, and clang compiles
# instrumented code in about half the time GCC takes (graph/graph_builder.cpp: 5.6 s against
# 11 s). Without fuzz.sh's line tables, which cost a tenth of the compile time here: a report
# names the functions, and `scripts/fuzz.sh TARGET` or a `-gline-tables-only` build replays it
# with lines. Warnings are errors in the Release build above; here they are only shown, since
# what another compiler sees at -O1 differs.
san=$root/build-sanitize
cmake -S "$root" -B "$san" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Fuzz \
      -DCMAKE_CXX_FLAGS_FUZZ="-O1" -DKGRAPH_FUZZ=ON -DKGRAPH_SANITIZE=ON \
      -DKGRAPH_WERROR=OFF -DKGRAPH_BUILD_TESTS=ON -DKGRAPH_BUILD_BENCH=OFF >/dev/null
cmake --build "$san" -j2
# Sanitizer reports end the process with a status no test expects (kgraph itself uses 0-3).
export ASAN_OPTIONS=detect_leaks=1:exitcode=86:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0:exitcode=88
ctest --test-dir "$san" --output-on-failure -j2 --timeout 900

fuzz_seconds=${KGRAPH_FUZZ_SECONDS:-5}
if (( fuzz_seconds > 0 )); then
  step "fuzz targets, $fuzz_seconds s each"
  KGRAPH_FUZZ_BUILD=$san "$root/scripts/fuzz.sh" all "$fuzz_seconds"
fi
