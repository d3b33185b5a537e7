#!/usr/bin/env bash
# Builds and runs the libFuzzer targets of tests/fuzz (docs/reliability.md, "Fuzzing").
#
#   scripts/fuzz.sh --list                     the targets, one per line
#   scripts/fuzz.sh TARGET SECONDS [FLAG...]   build, then fuzz TARGET for SECONDS
#   scripts/fuzz.sh all SECONDS [FLAG...]      every target in turn (the CI step)
#   scripts/fuzz.sh minimize TARGET FILE [SECONDS]   shrink a crashing input
#   scripts/fuzz.sh campaign SECONDS [JOBS [TARGET...]]   each target (default all) for
#                                              SECONDS, JOBS at a time, going on past findings
#
# FLAGs go to libFuzzer after ours, so they win (e.g. -max_len=4096, -jobs=2).
# Exits 1 when a target finds a crash, a leak, a timeout or an out-of-memory; the input that
# shows it is left under build-fuzz/findings/TARGET/ and the output says which file.
# Everything is written under build-fuzz/ (or $KGRAPH_FUZZ_BUILD): the libFuzzer build, the
# working corpora (seeded from the files that tests/fuzz/targets.txt names, kept between runs)
# and the findings. Needs clang++ (set CXX to choose another clang). A $KGRAPH_FUZZ_BUILD that
# is configured already with -DKGRAPH_FUZZ=ON is used as it is (scripts/test.sh fuzzes in its
# sanitizer build, so that the libraries are compiled once for both).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${KGRAPH_FUZZ_BUILD:-$root/build-fuzz}
targets_file=$root/tests/fuzz/targets.txt
# Stack traces for undefined behaviour too (ASan prints them anyway).
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

usage() {
  sed -n '3,10s/^# \{0,1\}//p' "$0" >&2
  exit "${1:-2}"
}

target_names() { awk '/^[a-z]/ {print $1}' "$targets_file"; }
target_line() { awk -v t="$1" '$1 == t' "$targets_file"; }

# The seed files of a target, relative to the repository: every file under the pattern's
# folder whose path matches the pattern, where * also matches slashes (as fnmatch without
# FNM_PATHNAME, which fuzz_regressions_test.cpp uses).
seed_files() {
  local pattern walk rel f
  for pattern in $(target_line "$1" | awk '{for (i = 3; i <= NF; i++) print $i}'); do
    walk=${pattern%%[*?[]*}
    walk=${walk%/*}
    [[ -d $root/$walk ]] || continue
    while IFS= read -r -d '' f; do
      rel=${f#"$root"/}
      # shellcheck disable=SC2053  # the pattern is meant to match as a glob
      [[ $rel == $pattern ]] && printf '%s\n' "$rel"
    done < <(find "$root/$walk" -type f -print0)
  done | sort -u
}

build_targets() {
  local cxx=${CXX:-clang++} launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  if [[ -z ${KGRAPH_FUZZ_BUILD:-} ]] || ! grep -qs '^KGRAPH_FUZZ:BOOL=ON$' "$build/CMakeCache.txt"; then
    # Optimised but with assertions on (no NDEBUG) and line tables for the stack traces.
    cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" "${launcher[@]}" \
      -DCMAKE_BUILD_TYPE=Fuzz -DCMAKE_CXX_FLAGS_FUZZ="-O1 -gline-tables-only" \
      -DKGRAPH_FUZZ=ON -DKGRAPH_BUILD_TESTS=OFF -DKGRAPH_BUILD_BENCH=OFF >/dev/null
  fi
  if ! cmake --build "$build" -j"${JOBS:-2}" --target "${@/#/fuzz_}" >"$build/build.log" 2>&1; then
    grep -E 'error' "$build/build.log" | head -n 20 >&2
    echo "fuzz.sh: the build failed; see $build/build.log" >&2
    exit 1
  fi
  grep -E 'warning:' "$build/build.log" >&2 || true
}

# Copies the seeds into the target's working corpus under their content hash, so that a run
# never writes into the source tree and copying again adds nothing.
seed_corpus() {
  local corpus=$build/corpus/$1 rel hash n=0
  mkdir -p "$corpus"
  while IFS= read -r rel; do
    hash=$(sha1sum "$root/$rel" | cut -d' ' -f1)
    [[ -e $corpus/$hash ]] || cp "$root/$rel" "$corpus/$hash"
    n=$((n + 1))
  done < <(seed_files "$1")
  echo "fuzz.sh: $1: $n seed files, $(find "$corpus" -type f | wc -l) inputs in $corpus"
}

run_target() {
  local target=$1 seconds=$2
  shift 2
  local dict findings=$build/findings/$target
  dict=$(target_line "$target" | awk '{print $2}')
  mkdir -p "$findings"
  seed_corpus "$target"
  echo "fuzz.sh: fuzzing $target for $seconds s"
  local status=0
  "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
    -dict="$root/tests/fuzz/dictionaries/$dict" -artifact_prefix="$findings/" -print_final_stats=1 \
    "$@" "$build/corpus/$target" 2>"$findings/last-run.log" || status=$?
  # The summary: libFuzzer's last status line and final statistics.
  grep -E '^#[0-9]+[[:space:]]+DONE|^stat::(number_of_executed_units|peak_rss_mb)|^Done ' "$findings/last-run.log" || true
  if ((status != 0)); then
    grep -E '^==[0-9]+==ERROR|SUMMARY:|^artifact_prefix|Test unit written to|ALARM|out-of-memory|runtime error' \
      "$findings/last-run.log" | head -n 8 || tail -n 5 "$findings/last-run.log"
    echo "fuzz.sh: $target: FINDING (libFuzzer exited $status); the log is $findings/last-run.log" >&2
    echo "fuzz.sh: replay it with $build/tests/fuzz/fuzz_$target FILE; shrink it with $0 minimize $target FILE" >&2
    return 1
  fi
  echo "fuzz.sh: $target: no finding"
}

minimize() {
  local target=$1 file=$2 seconds=${3:-60}
  build_targets "$target"
  local out
  out="$build/findings/$target/minimized-$(basename "$file")"
  "$build/tests/fuzz/fuzz_$target" -minimize_crash=1 -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -exact_artifact_path="$out" "$file" 2>&1 | grep -E 'CRASH_MIN|^==[0-9]+==ERROR' | tail -n 3 || true
  [[ -f $out ]] || { echo "fuzz.sh: $file did not crash: nothing to minimise" >&2; exit 1; }
  echo "fuzz.sh: minimised to $out ($(wc -c <"$out") bytes)"
}

# A long run of every target, JOBS targets at a time (one process each), in libFuzzer's fork
# mode so that a finding is saved and counted and the run goes on. Writes a table of the figures
# docs/reliability.md reports to $build/campaign/summary.md; exits 1 if anything was found.
campaign() {
  local seconds=$1 jobs=${2:-2} dir=$build/campaign
  if (($# > 2)); then
    targets=("${@:3}")
    for t in "${targets[@]}"; do
      target_line "$t" | grep -q . || { echo "fuzz.sh: unknown target '$t' (see --list)" >&2; exit 2; }
    done
  else
    mapfile -t targets < <(target_names)
  fi
  build_targets "${targets[@]}"
  mkdir -p "$dir"
  for t in "${targets[@]}"; do seed_corpus "$t" >/dev/null; done
  printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} "$0" campaign-one {} "$seconds"
  {
    echo "| target | seconds | executions | coverage start → end | corpus at end | findings |"
    echo "|---|---|---|---|---|---|"
    for t in "${targets[@]}"; do cat "$dir/$t.row"; done
  } >"$dir/summary.md"
  cat "$dir/summary.md"
  ! grep -q '/findings/' "$dir/summary.md"
}

# One target of a campaign; its row of the summary goes to $build/campaign/TARGET.row.
campaign_one() {
  local target=$1 seconds=$2 dir=$build/campaign findings=$build/findings/$1
  local dict log=$dir/$1.log
  dict=$(target_line "$target" | awk '{print $2}')
  mkdir -p "$findings"
  echo "fuzz.sh: campaign: $target for $seconds s, log in $log"
  "$build/tests/fuzz/fuzz_$target" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
    -dict="$root/tests/fuzz/dictionaries/$dict" -artifact_prefix="$findings/" \
    "$build/corpus/$target" >"$log" 2>&1 || true
  # Fork mode's status lines: "#EXECS: cov: C ft: F corp: N exec/s E oom/timeout/crash: a/b/c time: Ts ..."
  local first last counts found="none"
  first=$(grep -E '^#[0-9]+: cov:' "$log" | head -n 1)
  last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1)
  # The counts, not the files: the job still running when time is up is killed, and the
  # artifact it leaves is not a finding.
  counts=$(awk '{for (i = 1; i < NF; i++) if ($i == "oom/timeout/crash:") print $(i + 1)}' <<<"$last")
  [[ -n $counts && $counts != 0/0/0 ]] && found="oom/timeout/crash $counts, inputs in ${build#"$root"/}/findings/$target"
  awk -v t="$target" -v first="$first" -v last="$last" -v found="$found" -v corpus="$(du -sh "$build/corpus/$target" | cut -f1)" '
    function field(line, name,   a) { split(line, a, " "); for (i = 1; i in a; i++) if (a[i] == name) return a[i + 1]; return "?" }
    BEGIN {
      execs = last; sub(/^#/, "", execs); sub(/:.*/, "", execs)
      secs = field(last, "time:"); sub(/s$/, "", secs)
      printf "| `%s` | %s | %s | %s → %s | %s inputs, %s | %s |\n", t, secs, execs, field(first, "cov:"), field(last, "cov:"), field(last, "corp:"), corpus, found
    }' >"$dir/$target.row"
  cat "$dir/$target.row"
}

(($# >= 1)) || usage
case $1 in
  --list) target_names ;;
  minimize)
    (($# >= 3)) || usage
    target_line "$2" | grep -q . || { echo "fuzz.sh: unknown target '$2' (see --list)" >&2; exit 2; }
    minimize "${@:2}" ;;
  campaign)
    if (($# < 2)) || ! [[ $2 =~ ^[0-9]+$ ]]; then usage; fi
    campaign "${@:2}" ;;
  campaign-one) campaign_one "$2" "$3" ;;  # one worker of `campaign`
  -h | --help) usage 0 ;;
  *)
    if (($# < 2)) || ! [[ $2 =~ ^[0-9]+$ ]]; then usage; fi
    what=$1 seconds=$2
    shift 2
    if [[ $what == all ]]; then
      mapfile -t targets < <(target_names)
    else
      target_line "$what" | grep -q . || { echo "fuzz.sh: unknown target '$what' (see --list)" >&2; exit 2; }
      targets=("$what")
    fi
    build_targets "${targets[@]}"
    failed=()
    for t in "${targets[@]}"; do run_target "$t" "$seconds" "$@" || failed+=("$t"); done
    if ((${#failed[@]} > 0)); then
      echo "fuzz.sh: findings in: ${failed[*]}" >&2
      exit 1
    fi
    ;;
esac
