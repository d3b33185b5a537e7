#!/usr/bin/env bash
# Shows that self_contained_test.sh can fail: runs it on made-up projects (in a temporary
# folder) and expects exactly the offending lines, and success once they are gone. Both ways of
# listing files are covered: `find` for a plain folder, `git ls-files` for a checkout.
#
#   tests/repo/self_contained_check_test.sh
#
# The offending texts are written in pieces so that this file does not match the check.
set -euo pipefail

check=$(cd "$(dirname "$0")" && pwd)/self_contained_test.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

up='..'/'sha''red'
w='/wo''rk'
r='/ro''ot'
h='/ho''me'

# A project with one offence of each kind, each at a known line, and lines that are fine.
make_project() {
  local p=$1
  mkdir -p "$p/docs/images" "$p/tests/clients" "$p/scripts" "$p/tools/build" "$p/build/sub" "$p/build-asan"
  printf '# Title\n\nThe contract is %s/SP%s.md.\n' "$up" 'EC' >"$p/README.md"
  printf 'See SP%s.md for the rules.\n' 'EC' >"$p/docs/contract.md"
  printf 'int main() {\n  const char* home = "%s";\n}\n' "$r" >"$p/tests/clients/a_test.cpp"
  printf '#!/bin/sh\ncd %s/alice/kgraph\n' "$h" >"$p/scripts/b.sh"
  printf 'set(X %s/main/shared)\n' "$w" >"$p/CMakeLists.txt"
  printf 'stray %s/x\n' "$w" >"$p/tools/build/notes.txt"       # a build folder, but not at the top
  # Fine: system programs, scratch under /tmp, the user's own home, URLs, relative paths.
  cat >"$p/scripts/ok.sh" <<EOF
#!/usr/bin/env bash
dir=\${1:-/tmp/kgraph-bench}
clients=\${KGRAPH_NODE_CLIENTS:-\$HOME/.cache/kgraph-test-node}
/usr/bin/python3 x.py ~$w/y "\${HOME}$w/z"
# https://example.org$r/page and docs$h/x and a_shared/x
EOF
  # Skipped: build folders at the top, images, binary files.
  printf '%s/SP%s.md\n' "$up" 'EC' >"$p/build/sub/log.txt"
  printf 'CMAKE_HOME_DIRECTORY=%s/main\n' "$w" >"$p/build-asan/CMakeCache.txt"
  printf '<svg><text>%s/x</text></svg>\n' "$w" >"$p/docs/images/d.svg"
  printf 'bin\0ary %s/x\n' "$w" >"$p/docs/blob.dat"
}

expected_offences() {
  cat <<'EOF'
CMakeLists.txt:1
README.md:3
docs/contract.md:1
scripts/b.sh:2
tests/clients/a_test.cpp:2
tools/build/notes.txt:1
EOF
}

# Runs the check on $1 and compares the FILE:LINE of its findings with $2 (a file).
expect_offences() {
  local project=$1 expected=$2 what=$3 out status=0
  out=$(bash "$check" "$project" 2>/dev/null) || status=$?
  if [[ $status -ne 1 ]]; then fail "$what: exit status $status, expected 1"; fi
  if ! diff <(printf '%s\n' "$out" | cut -d: -f1,2) "$expected" >"$tmp/diff"; then
    fail "$what: findings differ (< found, > expected):"; cat "$tmp/diff" >&2
  fi
  # Every finding names what is wrong and shows the line.
  if ! printf '%s\n' "$out" | grep -q "^README.md:3: the folder beside the project (a clone has none): The contract is"; then
    fail "$what: README.md:3 is not reported with its reason and text:"; printf '%s\n' "$out" >&2
  fi
}

expect_clean() {
  local project=$1 what=$2 out status=0
  out=$(bash "$check" "$project" 2>&1) || status=$?
  [[ $status -eq 0 ]] || { fail "$what: exit status $status, expected 0:"; printf '%s\n' "$out" >&2; }
}

remove_offences() {
  local p=$1
  rm "$p/README.md" "$p/docs/contract.md" "$p/tests/clients/a_test.cpp" "$p/scripts/b.sh" "$p/CMakeLists.txt" \
     "$p/tools/build/notes.txt"
}

# 1. A plain folder (a copy, an unpacked archive): every file but build*/ and .git.
plain=$tmp/plain
make_project "$plain"
mkdir -p "$plain/.git" && printf '[remote]\n  url = %s/main\n' "$w" >"$plain/.git/config"
expected_offences >"$tmp/expected"
expect_offences "$plain" "$tmp/expected" "plain folder"
remove_offences "$plain"
expect_clean "$plain" "plain folder without offences"

# 2. A git checkout: tracked files and new files not ignored; ignored files are not read.
if command -v git >/dev/null; then
  repo=$tmp/repo
  make_project "$repo"
  git -C "$repo" init -q
  printf '/build/\n/ignored.txt\n' >"$repo/.gitignore"
  printf '%s/x\n' "$w" >"$repo/ignored.txt"
  git -C "$repo" add README.md CMakeLists.txt scripts docs .gitignore
  expected_offences >"$tmp/expected"                       # tracked and untracked alike
  expect_offences "$repo" "$tmp/expected" "git checkout"
  remove_offences "$repo"
  expect_clean "$repo" "git checkout without offences"
else
  echo "self_contained_check_test: git not found; the git checkout case was not run" >&2
fi

[[ $failures -eq 0 ]] || { echo "self_contained_check_test: $failures failure(s)" >&2; exit 1; }
echo "self_contained_check_test: the check finds every offence and passes a clean project"
