#!/usr/bin/env bash
# The main job on the embedded default: sets up and builds everything, then
# runs configs/demo.yaml (replay connector, six classifiers, the playbook,
# SQLite state) on the multilingual sample comments and prints what Parley
# decided and why; then runs it again "four days later" on the same state,
# when the follow-ups it scheduled come due.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Only what the demo needs: the host and its plugins (tests: scripts/test.sh).
PARLEY_TARGETS="parley replay language mention toxicity sentiment intent persona playbook" \
  scripts/build.sh build >/dev/null
# A fresh state each time, so the demo shows every decision; run
# `build/bin/parley run configs/demo.yaml` yourself to keep state between runs.
rm -rf state/demo state/demo-actions.jsonl
echo "=== Run 1: the sample comments of 2 November 2026, in six languages"
build/bin/parley run configs/demo.yaml --state state/demo
echo
echo "=== Run 2: four days later, same state: the follow-ups are due (P14); nothing is done twice"
build/bin/parley run configs/demo.yaml --state state/demo --now 2026-11-06T12:00:00Z
echo
echo "Actions the replay connector executed: state/demo-actions.jsonl"
echo "Waiting for a person:  build/bin/parley approvals list configs/demo.yaml --state state/demo"
echo "  or in a browser:      build/bin/parley console configs/demo.yaml --state state/demo  (http://127.0.0.1:8788)"
echo "Audit log:             sqlite3 state/demo/nordic-coffee.db 'select record from handled'"
echo "A brand's policy tests: build/bin/parley test configs/brands/aroma-coffee/pipeline.yaml"
