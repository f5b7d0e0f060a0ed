#!/usr/bin/env bash
# The main job on the embedded default: sets up and builds everything, then
# runs configs/demo.yaml (replay connector, language, keywords, persona, rules,
# SQLite state) on
# the multilingual sample events and prints what Parley decided and why.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Only what the demo needs: the host and its built-in plugins (tests: scripts/test.sh).
PARLEY_TARGETS="parley replay language keywords persona rules" scripts/build.sh build >/dev/null
# A fresh state each time, so the demo shows every decision; run
# `build/bin/parley run configs/demo.yaml` yourself to keep state between runs.
rm -rf state/demo state/demo-actions.jsonl
build/bin/parley run configs/demo.yaml --state state/demo
echo
echo "Actions the replay connector executed: state/demo-actions.jsonl"
echo "Audit log and outbox: sqlite3 state/demo/nordic-coffee.db 'select record from audit'"
