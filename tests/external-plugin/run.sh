#!/usr/bin/env bash
# Installs Parley into a temporary prefix, builds this folder's plugin against
# the installed SDK, installs it next to the built-in plugins, and checks that
# the installed `parley` (no flags) loads it and uses it.
#   run.sh BUILD_DIR
set -euo pipefail
build_dir=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

cmake --install "$build_dir" --prefix "$prefix" >/dev/null
cmake -S "$here" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build "$work/build" >/dev/null
cmake --install "$work/build" >/dev/null

"$prefix/bin/parley" plugins | grep -q '^greeting  (classifier 0.1.0' || { echo "greeting plugin not listed"; exit 1; }
"$prefix/bin/parley" plugins | grep -q '^replay' || { echo "installed parley does not find its built-in plugins"; exit 1; }
# The built-in classifiers share libparley-fold-memo.so, found through their RPATH.
"$prefix/bin/parley" plugins | grep -q '^sentiment' || { echo "installed sentiment plugin does not load"; exit 1; }

cat > "$work/pipeline.yaml" <<'YAML'
client: external-test
connectors:
  - plugin: replay
    config: { input: events.jsonl }
classifiers:
  - plugin: greeting
YAML
printf '%s\n' '{"id":"1","text":"Γεια σας!"}' '{"id":"2","text":"nothing here"}' > "$work/events.jsonl"
out=$("$prefix/bin/parley" classify "$work/pipeline.yaml" --input "$work/events.jsonl")
echo "$out" | sed -n 1p | grep -q '"intent.greeting":1' || { echo "greeting not labelled: $out"; exit 1; }
echo "$out" | sed -n 2p | grep -q '"labels":{}' || { echo "unexpected label: $out"; exit 1; }
echo "external plugin built against the installed SDK and loaded"
