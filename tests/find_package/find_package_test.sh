#!/usr/bin/env bash
# Checks that docs/library.md shows examples/library/main.cpp as it is, installs a built kgraph
# into a fresh prefix, builds that example (examples/library)
# and every installed header against it with find_package(kgraph), runs the example, and checks
# what it wrote: GraphML valid against the GraphML 1.1 schema (offline), an SVG document.
#
#   find_package_test.sh SOURCE_DIR BUILD_DIR WORK_DIR CXX_COMPILER BUILD_TYPE [LAUNCHER]
set -euo pipefail

if [[ $# -lt 5 ]]; then
  echo "usage: $0 SOURCE_DIR BUILD_DIR WORK_DIR CXX_COMPILER BUILD_TYPE [LAUNCHER]" >&2
  exit 2
fi
src=$1 build=$2 work=$3 cxx=$4 build_type=$5 launcher=${6:-}
cmake=${CMAKE_COMMAND:-cmake}
prefix=$work/prefix

step() { echo "--- $*"; }
fail() { echo "find_package_test: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work/out"

step "docs/library.md shows examples/library/main.cpp"
awk '/^```cpp$/ { inside = 1; next } /^```$/ && inside { exit } inside' "$src/docs/library.md" >"$work/doc_main.cpp"
diff -u "$src/examples/library/main.cpp" "$work/doc_main.cpp" ||
  fail "the program in docs/library.md differs from examples/library/main.cpp"

step "install into $prefix"
"$cmake" --install "$build" --prefix "$prefix" --config "$build_type" >"$work/install.log" ||
  { cat "$work/install.log"; fail "cmake --install failed"; }

# Public headers must be clean where kgraph's own code is.
consumer_options=(-DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE="$build_type"
                  -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wpedantic -Werror"
                  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON)
[[ -n $launcher ]] && consumer_options+=(-DCMAKE_CXX_COMPILER_LAUNCHER="$launcher")

for project in examples/library tests/find_package/headers; do
  step "configure and build $project"
  dir=$work/$(basename "$project")
  "$cmake" -S "$src/$project" -B "$dir" "${consumer_options[@]}" >"$dir.log" 2>&1 ||
    { cat "$dir.log"; fail "configuring $project failed"; }
  grep -q "kgraph_DIR:PATH=$prefix/" "$dir/CMakeCache.txt" ||
    fail "$project found a kgraph that is not the one installed into $prefix"
  "$cmake" --build "$dir" --config "$build_type" -j2 >>"$dir.log" 2>&1 ||
    { cat "$dir.log"; fail "building $project failed"; }
done

step "run the example"
example=$work/library/kgraph_example
[[ -x $example ]] || example=$work/library/$build_type/kgraph_example
"$example" "$src/examples/north-korean-refugees-2006/graph.json" "$work/out" ||
  fail "kgraph_example failed"

graphml=$work/out/neighbourhood.graphml svg=$work/out/neighbourhood.svg
[[ -s $graphml ]] || fail "no $graphml"
[[ -s $svg ]] || fail "no $svg"

step "validate $graphml"
schemas=$src/tests/data/schemas/graphml-schema
XML_CATALOG_FILES=$schemas/catalog.xml xmllint --noout --nonet --schema "$schemas/1.1/graphml.xsd" "$graphml" ||
  fail "$graphml does not validate"
# The neighbourhood of the event made in memory: itself, who reported it, what it answered.
nodes=$(xmllint --nonet --xpath "count(//*[local-name()='node'])" "$graphml")
edges=$(xmllint --nonet --xpath "count(//*[local-name()='edge'])" "$graphml")
[[ $nodes == 3 && $edges == 2 ]] || fail "$graphml has $nodes nodes and $edges edges, expected 3 and 2"

step "check $svg"
xmllint --noout --nonet "$svg" || fail "$svg is not well-formed XML"
root=$(xmllint --nonet --xpath "name(/*)" "$svg")
[[ $root == svg ]] || fail "$svg has the root element '$root', expected svg"
grep -q "CECC article" "$svg" || fail "$svg does not show the event made in memory"

step "passed"
