#!/usr/bin/env bash
# Fails when a C++ file differs from .clang-format (prints the files).
# clang-format checks 50 files per process, two processes at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
format=$(command -v clang-format-14 || command -v clang-format)
status=0
output=$(git ls-files -z -- '*.cpp' '*.hpp' |
  xargs -0 -n 50 -P "${PARLEY_JOBS:-2}" "$format" --dry-run --Werror 2>&1) || status=$?
if [ "$status" -ne 0 ]; then
  bad=$(sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' <<<"$output" | sort -u)
  if [ -z "$bad" ]; then
    printf 'clang-format failed:\n%s\n' "$output" >&2
    exit 1
  fi
  printf 'Not clang-formatted (run scripts/format.sh):\n'; printf '  %s\n' $bad; exit 1
fi
