#!/usr/bin/env bash
# Installs the npm packages that the client tests load (Kuzu, LadybugDB, Oxigraph, graphology
# readers) into one folder outside the repository, so that the ~550 MB Kuzu package is fetched
# once per machine. Idempotent: returns at once when every pinned version is there and loads.
#
#   tests/clients/setup-node-clients.sh [DIR]
#
# DIR defaults to $KGRAPH_NODE_CLIENTS, else $HOME/.cache/kgraph-test-node. Tests find the
# packages with NODE_PATH=DIR/node_modules. Needs node and npm (scripts/install-deps.sh --tests).
set -euo pipefail

dir=${1:-${KGRAPH_NODE_CLIENTS:-}}
if [[ -z "$dir" ]]; then
  [[ -n "${HOME:-}" ]] || { echo "setup-node-clients: give DIR, or set KGRAPH_NODE_CLIENTS or HOME" >&2; exit 2; }
  dir=$HOME/.cache/kgraph-test-node
fi
packages=(kuzu@0.11.3 oxigraph@0.5.11 graphology@0.26.0 graphology-gexf@0.13.2 graphology-graphml@0.5.2)
# playwright-core drives Debian's chromium (scripts/install-deps.sh --tests) in the viewer tests.
packages+=(playwright-core@1.65.2)
# LadybugDB, Kuzu's maintained successor, loads the same kuzu: folders (kuzu_client_test).
packages+=(@ladybugdb/core@0.19.1)

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "setup-node-clients: $tool not found; run scripts/install-deps.sh --tests" >&2; exit 1; }
done

# Prints the packages that are missing, at another version, or fail to load.
missing() {
  local p name version
  for p in "${packages[@]}"; do
    name=${p%@*}  # the last @: scoped names (@ladybugdb/core) keep theirs
    version=${p##*@}
    NODE_PATH="$dir/node_modules" node -e '
      const [dir, name, version] = process.argv.slice(1);
      const meta = JSON.parse(require("fs").readFileSync(dir + "/node_modules/" + name + "/package.json", "utf8"));
      if (meta.version !== version) process.exit(1);
      require(name);' "$dir" "$name" "$version" >/dev/null 2>&1 || echo "$p"
  done
}

mkdir -p "$dir"
# Two test runs at once must not both write node_modules.
exec 9>"$dir/.lock"
flock 9

todo=$(missing)
[[ -z "$todo" ]] && exit 0

echo "setup-node-clients: installing $(echo $todo) into $dir" >&2
[[ -f "$dir/package.json" ]] || echo '{"name":"kgraph-test-node-clients","private":true}' >"$dir/package.json"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "${packages[@]}" >&2
# Kuzu's source tree and spare prebuilt addons are not needed once install.js has run.
rm -rf "$dir/node_modules/kuzu/kuzu-source" "$dir/node_modules/kuzu/prebuilt"

todo=$(missing)
if [[ -n "$todo" ]]; then
  echo "setup-node-clients: still missing or failing to load after npm install: $(echo $todo)" >&2
  exit 1
fi
