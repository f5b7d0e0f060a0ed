#!/usr/bin/env bash
# Trains the shipped model offensive-en.ftz (toxicity.offensive, English) from
# the Davidson et al. 2017 set (MIT). Reproducible: one thread, fixed seeds,
# the same input gives the same bytes. See README.md, "Training a model".
#
#   plugins/classifiers/fasttext/training/train.sh [BUILD_DIR]
#
# BUILD_DIR (default: build) holds bin/parley-fasttext-prep, which prepares
# text exactly as the plugin does at run time. PARLEY_DATA (default:
# ../shared/data/dev next to the repository) holds offensive-en-davidson.jsonl.
# OUTPUT (default: this folder's offensive-en.ftz) is where the model goes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
build_dir=$(cd "$repo" && realpath "${1:-build}")
data_dir=$(realpath "${PARLEY_DATA:-$repo/../shared/data/dev}")
output=${OUTPUT:-$here/offensive-en.ftz}
prep="$build_dir/bin/parley-fasttext-prep"
input="$data_dir/offensive-en-davidson.jsonl"
[[ -x "$prep" ]] || { echo "train.sh: $prep not found; build the target parley-fasttext-prep first" >&2; exit 2; }
[[ -f "$input" ]] || { echo "train.sh: $input not found; set PARLEY_DATA" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "input    $input"
echo "sha256   $(sha256sum "$input" | cut -d' ' -f1)"

# 80% of the rows train (the split is a hash of the row id, see
# parley-fasttext-prep --help); the other 20% are held out for evaluate.sh.
"$prep" --label offensive --holdout 20 --part train "$input" > "$work/prepared.txt"

# Davidson is 83% offensive (the tweets were sampled by a hate-speech
# lexicon); brand traffic is mostly not. Each not_offensive line is written
# as often as it takes to balance the two classes, so the model's
# probability starts from even odds instead of the set's 83%.
offensive=$(grep -c '^__label__offensive ' "$work/prepared.txt")
not_offensive=$(grep -c '^__label__not_offensive ' "$work/prepared.txt")
copies=$(( (offensive + not_offensive / 2) / not_offensive ))
awk -v copies="$copies" '/^__label__not_offensive /{for (i = 1; i < copies; i++) print} {print}' \
  "$work/prepared.txt" > "$work/train.txt"
echo "rows     $offensive offensive, $not_offensive not_offensive (x$copies)"

# Word bigrams and character 3-5-grams (misspellings, inflection); small
# dimension and hash table keep the quantized model small.
fasttext supervised -input "$work/train.txt" -output "$work/model" \
  -dim 16 -epoch 10 -lr 0.5 -wordNgrams 2 -minn 3 -maxn 5 -minCount 2 -bucket 200000 \
  -loss softmax -thread 1 -seed 1 -verbose 0
# Product quantization; keeps the 40,000 most useful words and n-grams.
fasttext quantize -input "$work/train.txt" -output "$work/model" \
  -qnorm -retrain -cutoff 40000 -dsub 2 -epoch 10 -lr 0.5 -thread 1 -seed 1 -verbose 0

cp "$work/model.ftz" "$output"
echo "model    $output ($(stat -c %s "$output") bytes, sha256 $(sha256sum "$output" | cut -d' ' -f1))"
