#!/usr/bin/env bash
# Configures and builds Parley into a build folder.
#   scripts/build.sh [BUILD_DIR] [extra cmake args...]
# PARLEY_TARGETS="parley replay" builds only those targets (default: all).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
shift || true
launcher=()
# ccache can cache files built with precompiled headers only with these.
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Release at -O2: GCC 12 at -O3 reports false -Wstringop-overflow in
# std::string's inlined code, and -O2 builds faster. PARLEY_BUILD_TYPE=
# RelWithDebInfo adds debug information for gdb.
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${PARLEY_BUILD_TYPE:-Release}" \
  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" "${launcher[@]}" "$@" >/dev/null
targets=()
for target in ${PARLEY_TARGETS:-}; do targets+=(--target "$target"); done
cmake --build "$build_dir" -j"${PARLEY_JOBS:-2}" "${targets[@]}"
