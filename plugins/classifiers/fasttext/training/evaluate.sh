#!/usr/bin/env bash
# Measures a model through the real host (`parley classify`, one worker):
# precision, recall and F1 of toxicity.offensive >= 0.5 on
#   - the 20% of offensive-en-davidson that train.sh held out, and
#   - offensive-en-tweeteval (OLID, other tweets, other annotators: generalisation),
# and texts per second (host included: JSON in and out).
#
#   plugins/classifiers/fasttext/training/evaluate.sh [BUILD_DIR] [MODEL]
#
# BUILD_DIR (default: build) holds bin/parley, bin/parley-fasttext-prep and
# the replay and fasttext plugins. MODEL defaults to offensive-en.ftz here.
# PARLEY_DATA as in train.sh. Reads the data sets; writes only to a temp folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
build_dir=$(cd "$repo" && realpath "${1:-build}")
model=$(realpath "${2:-$here/offensive-en.ftz}")
data_dir=$(realpath "${PARLEY_DATA:-$repo/../shared/data/dev}")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/none.jsonl"
cat > "$work/pipeline.yaml" <<YAML
client: fasttext-eval
connectors:
  - plugin: replay
    config: { input: none.jsonl, output: actions.jsonl }
classifiers:
  - plugin: fasttext
    config: { model: "$model", languages: [] }
YAML

"$build_dir/bin/parley-fasttext-prep" --raw --holdout 20 --part holdout \
  "$data_dir/offensive-en-davidson.jsonl" > "$work/davidson-holdout.jsonl"
cp "$data_dir/offensive-en-tweeteval.jsonl" "$work/tweeteval.jsonl"

echo "model $model"
for set in davidson-holdout tweeteval; do
  start=$(date +%s.%N)
  "$build_dir/bin/parley" classify "$work/pipeline.yaml" --input "$work/$set.jsonl" --workers 1 \
    --log-level warn > "$work/$set.out"
  end=$(date +%s.%N)
  python3 - "$work/$set.jsonl" "$work/$set.out" "$set" "$start" "$end" <<'PY'
import json, sys
gold_file, out_file, name, start, end = sys.argv[1:]
gold = {}
for line in open(gold_file, encoding="utf-8"):
    row = json.loads(line)
    gold[str(row["id"])] = row["labels"]["offensive"] == 1
tp = fp = fn = tn = 0
for line in open(out_file, encoding="utf-8"):
    out = json.loads(line)
    predicted = out.get("labels", {}).get("toxicity.offensive", 0.0) >= 0.5
    actual = gold[out["id"]]
    tp += predicted and actual
    fp += predicted and not actual
    fn += actual and not predicted
    tn += not predicted and not actual
n = tp + fp + fn + tn
p = tp / (tp + fp) if tp + fp else 0.0
r = tp / (tp + fn) if tp + fn else 0.0
f1 = 2 * p * r / (p + r) if p + r else 0.0
rate = n / (float(end) - float(start))
print(f"{name:17} n={n:6}  offensive={tp + fn:6}  P={p:.3f} R={r:.3f} F1={f1:.3f}  "
      f"accuracy={(tp + tn) / n:.3f}  {rate:,.0f} texts/s (parley classify, 1 worker)")
PY
done
