#!/usr/bin/env bash
# cmake/embed_file.cmake turns a file into a C string byte for byte: files of every size around
# its 4 KiB chunks and 16-byte lines, holding every byte value but NUL, compile into a program
# that prints them back exactly; a file with a NUL byte is refused.
# Usage: embed_file_test.sh SOURCE_DIR CXX_COMPILER
set -euo pipefail
root=$1
cxx=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/print.cpp" <<'CPP'
#include <cstdio>
#include <cstring>
namespace kgraph {
extern const char* const kEmbedded;
}
int main() {
  std::fwrite(kgraph::kEmbedded, 1, std::strlen(kgraph::kEmbedded), stdout);
}
CPP

embed() {  # INPUT OUTPUT
  cmake -DINPUT="$1" -DOUTPUT="$2" -DNAME=kEmbedded -P "$root/cmake/embed_file.cmake"
}

for size in 0 1 15 16 17 4095 4096 4097 8192 8209 12345; do
  /usr/bin/python3 -c "import sys; sys.stdout.buffer.write(bytes((i % 255) + 1 for i in range($size)))" \
    >"$work/in.bin"
  embed "$work/in.bin" "$work/embedded.cpp"
  "$cxx" -o "$work/print" "$work/print.cpp" "$work/embedded.cpp"
  "$work/print" >"$work/out.bin"
  if ! cmp "$work/in.bin" "$work/out.bin"; then
    echo "FAIL: a file of $size bytes did not come back as it was" >&2
    exit 1
  fi
done

printf 'ab\0cd' >"$work/nul.bin"
if embed "$work/nul.bin" "$work/nul.cpp" 2>"$work/nul.err"; then
  echo "FAIL: a file with a NUL byte was embedded" >&2
  exit 1
fi
grep -q "holds a NUL byte" "$work/nul.err" || { cat "$work/nul.err" >&2; exit 1; }
echo "embed_file_test: passed"
