#!/usr/bin/env bash
# The committed viewer bundle (viewer/dist/viewer.min.js, compiled into kgraph) is what its
# sources and lockfile build: npm ci from the lockfile in a fresh folder, esbuild, then a
# byte-for-byte comparison. On failure: cd viewer && npm ci && npm run build, and commit dist/.
#
#   tests/repo/viewer_bundle_test.sh SOURCE_DIR
set -euo pipefail
src=${1:?usage: viewer_bundle_test.sh SOURCE_DIR}
for tool in node npm cmp; do
  command -v "$tool" >/dev/null || { echo "viewer_bundle_test: $tool not found; run scripts/install-deps.sh --tests" >&2; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/kgraph-viewer-bundle.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$src/viewer/package.json" "$src/viewer/package-lock.json" "$src/viewer/src" "$work/"
cd "$work"
# esbuild's binary comes in its platform package (@esbuild/linux-x64); its install script only
# checks that, so it is not needed.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
npm run --silent build >&2
if cmp "$work/dist/viewer.min.js" "$src/viewer/dist/viewer.min.js"; then
  echo "viewer bundle: rebuilt from the lockfile, identical ($(wc -c <"$work/dist/viewer.min.js") bytes)"
else
  echo "viewer bundle: viewer/dist/viewer.min.js differs from what viewer/src and the lockfile build;" \
       "run: cd viewer && npm ci && npm run build" >&2
  exit 1
fi
