#!/usr/bin/env bash
# Checks that the project stands alone: no text file names the folder that sits beside the
# project on development machines, the contract file kept there, or a fixed absolute path of
# some machine (a checkout, a home folder). A user's clone has none of these.
#
#   tests/repo/self_contained_test.sh [DIR]      # DIR: the project (default: this checkout)
#
# Files: `git ls-files` (tracked and untracked-not-ignored) when DIR is the top of a git
# checkout, else every file below DIR except .git; either way without the build*/ folders at
# the top (build trees hold this machine's paths). Binary files and images are skipped. Each finding is printed as FILE:LINE: what: the line; exit status 1
# if there is any, 0 otherwise, 2 on a usage error.
#
# Allowed on purpose: system programs (/usr/bin/python3, /usr/bin/env), /tmp as a scratch
# default that the user can change (bench scripts), $HOME and ~ (they name the user's own home).
#
# The patterns are written in pieces so that this file does not match itself.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$here/../..}
[[ $# -le 1 ]] || { echo "usage: self_contained_test.sh [DIR]" >&2; exit 2; }
[[ -d "$dir" ]] || { echo "self_contained_test: no such directory: $dir" >&2; exit 2; }
dir=$(cd "$dir" && pwd -P)

# A character that cannot come right before an absolute path: part of a word, of a path or URL
# ("host/root/..."), or a variable ("$HOME/src/..." is the user's, not this machine's).
b='(^|[^A-Za-z0-9_.~$}/-])'
patterns=(
  '\.\./sha''red'                      "the folder beside the project (a clone has none)"
  'sha''red/SP''EC'                    "the contract file outside the project"
  '(^|[^A-Za-z0-9_])SP''EC\.md'        "a contract file the project does not have (link docs/ instead)"
  "$b"'/wo''rk/'                        "an absolute path of a build machine"
  "$b"'/ro''ot([^A-Za-z0-9_.-]|$)'     "the superuser's home folder"
  "$b"'/ho''me/[A-Za-z_][A-Za-z0-9_.-]*' "a user's home folder"
  "$b"'/Us''ers/[A-Za-z_][A-Za-z0-9_.-]*' "a user's home folder"
)

files=()
if [[ -e "$dir/.git" ]] && command -v git >/dev/null &&
   [[ "$(git -C "$dir" rev-parse --show-toplevel 2>/dev/null)" == "$dir" ]]; then
  while IFS= read -r -d '' f; do
    [[ "$f" == build*/* || ! -f "$dir/$f" || -L "$dir/$f" ]] || files+=("$f")
  done < <(git -C "$dir" ls-files -z --cached --others --exclude-standard)
else
  while IFS= read -r -d '' f; do
    files+=("${f#./}")
  done < <(cd "$dir" && find . \( -path './build*' -o -name .git \) -prune -o -type f -print0)
fi

text=()
for f in "${files[@]}"; do
  case "${f,,}" in
    *.png|*.jpg|*.jpeg|*.gif|*.svg|*.ico|*.pdf|*.webp) continue ;;
  esac
  text+=("$f")
done

found=$(
  cd "$dir"
  for ((i = 0; i < ${#patterns[@]}; i += 2)); do
    # -I: binary files never match; -H -Z: the file name, ended by a NUL (names may hold ':').
    printf '%s\0' "${text[@]}" | xargs -0 -r grep -nHIZE -e "${patterns[i]}" -- 2>/dev/null |
      tr '\0' '\001' |
      awk -F '\001' -v what="${patterns[i + 1]}" '{
        n = index($2, ":"); print $1 "\001" substr($2, 1, n - 1) "\001 " what ": " substr($2, n + 1) }' || true
  done | sort -t $'\001' -k1,1 -k2,2n -u | tr '\001' ':'
)

if [[ -n "$found" ]]; then
  printf '%s\n' "$found"
  echo "self_contained_test: $(printf '%s\n' "$found" | wc -l) line(s) name something outside the project" \
       "(checked ${#text[@]} files in $dir)" >&2
  exit 1
fi
echo "self_contained_test: ${#text[@]} files checked, none names anything outside the project"
