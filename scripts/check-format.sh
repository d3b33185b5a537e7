#!/usr/bin/env bash
# Fails, listing the files, if any C++ source differs from what clang-format makes of it
# (.clang-format at the top). `scripts/check-format.sh --fix` rewrites them instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v clang-format >/dev/null || { echo "check-format: clang-format not found; run scripts/install-deps.sh --tests" >&2; exit 1; }
mapfile -t files < <(find graph importers exporters cli tests bench examples -name '*.cpp' -o -name '*.hpp' | sort)
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if (( ${#bad[@]} )); then
  echo "check-format: these files are not formatted (scripts/check-format.sh --fix):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
