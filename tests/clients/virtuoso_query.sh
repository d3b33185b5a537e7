#!/usr/bin/env bash
# Bulk-loads RDF files into a throwaway Virtuoso 7 server and runs statements against it.
#
#   tests/clients/virtuoso_query.sh STATEMENTS FILE...
#
# Starts `virtuoso-t` on a free loopback port with its database in a fresh temporary folder,
# loads each FILE (.nt or .ttl) with ld_dir + rdf_loader_run() into the graph
# urn:kgraph:test:BASENAME, checkpoints, then prints
#   == load_list              one line per file: LL_FILE LL_STATE LL_ERROR (NULL when none)
#   == NAME                   the rows of each statement of STATEMENTS, one per line
# STATEMENTS holds one `NAME<TAB>STATEMENT` per line (e.g. `count<TAB>SPARQL SELECT ...`).
# Always shuts the server down and removes its folder (KGRAPH_KEEP_TEMP=1 keeps the folder),
# even on failure or interruption. Every step has a timeout. Needs virtuoso-opensource.
set -euo pipefail

if (($# < 2)); then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
statements=$1
shift

for tool in virtuoso-t isql-vt node; do
  command -v "$tool" >/dev/null || {
    echo "virtuoso_query: $tool not found; run scripts/install-deps.sh --tests" >&2
    exit 1
  }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/kgraph-virtuoso.XXXXXX")
pid=
port=

isql() { timeout "${2:-120}" isql-vt "127.0.0.1:$port" dba dba VERBOSE=OFF BANNER=OFF PROMPT=OFF "exec=$1"; }
# Runs one statement and prints its rows; isql exits 0 even when a statement fails, so its
# error lines are looked for.
run() {
  local out
  if ! out=$(isql "$1" "${2:-120}" 2>&1); then
    echo "virtuoso_query: isql failed or timed out on: $1" >&2
    echo "$out" >&2
    exit 1
  fi
  if grep -q '^\*\*\* Error' <<<"$out"; then
    echo "virtuoso_query: $out" >&2
    exit 1
  fi
  [[ -z $out ]] || printf '%s\n' "$out"
}

cleanup() {
  local status=$?
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    isql "shutdown;" 30 >/dev/null 2>&1 || true
    for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      sleep 2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  fi
  if [[ -n ${KGRAPH_KEEP_TEMP:-} ]]; then echo "virtuoso_query: kept $work" >&2; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$work/data"
for f in "$@"; do cp "$f" "$work/data/"; done

# A free port: the kernel picks one, then it is released for the server.
port=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')

cat >"$work/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $work/virtuoso.db
ErrorLogFile = $work/virtuoso.log
LockFile = $work/virtuoso.lck
TransactionFile = $work/virtuoso.trx
xa_persistent_file = $work/virtuoso.pxa
[TempDatabase]
DatabaseFile = $work/virtuoso-temp.db
TransactionFile = $work/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$port
DirsAllowed = ., $work/data, $work
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
EOF

(cd "$work" && exec virtuoso-t +foreground +configfile "$work/virtuoso.ini" >"$work/server.log" 2>&1) &
pid=$!

for _ in $(seq 180); do
  grep -q "Server online at" "$work/server.log" 2>/dev/null && break
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "virtuoso_query: virtuoso-t exited while starting:" >&2
    tail -20 "$work/server.log" >&2
    exit 1
  fi
  sleep 0.5
done
if ! grep -q "Server online at" "$work/server.log"; then
  echo "virtuoso_query: virtuoso-t not online after 90 s:" >&2
  tail -20 "$work/server.log" >&2
  exit 1
fi

for f in "$@"; do
  name=$(basename "$f")
  run "ld_dir('$work/data', '$name', 'urn:kgraph:test:$name');" >/dev/null
done
run "rdf_loader_run();" 600 >/dev/null
run "checkpoint;" >/dev/null

echo "== load_list"
run "SELECT ll_file, ll_state, ll_error FROM DB.DBA.load_list ORDER BY ll_file;"
while IFS=$'\t' read -r name statement; do
  [[ -z $name ]] && continue
  echo "== $name"
  run "$statement;"
done <"$statements"
