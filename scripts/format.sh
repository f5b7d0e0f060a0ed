#!/usr/bin/env bash
# Formats every tracked C++ file with .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
format=$(command -v clang-format-14 || command -v clang-format)
git ls-files -z -- '*.cpp' '*.hpp' | xargs -0 -r "$format" -i
