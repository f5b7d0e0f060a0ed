#!/usr/bin/env bash
# Fails when a C++ file differs from .clang-format (prints the files).
set -euo pipefail
cd "$(dirname "$0")/.."
format=$(command -v clang-format-14 || command -v clang-format)
bad=()
while IFS= read -r -d '' file; do
  "$format" --dry-run --Werror "$file" >/dev/null 2>&1 || bad+=("$file")
done < <(git ls-files -z -- '*.cpp' '*.hpp')
if ((${#bad[@]})); then
  printf 'Not clang-formatted (run scripts/format.sh):\n'; printf '  %s\n' "${bad[@]}"; exit 1
fi
