#!/usr/bin/env bash
# Builds and runs every test: the normal build (GCC: unit, plugin contract,
# integration and external-plugin tests), then the same tests under
# AddressSanitizer + UndefinedBehaviorSanitizer (clang), the format check, and
# a bounded libFuzzer run over every classifier (PARLEY_FUZZ_SECONDS each,
# default 10; 0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
# How long each step took, so CI time stays visible (the budget is 30 min).
phase() { echo "== [$((SECONDS / 60))m$((SECONDS % 60))s] $*"; }
scripts/setup.sh

phase "build and test (Release)"
scripts/build.sh build
phase "ctest (Release)"
ctest --test-dir build --output-on-failure -j"${PARLEY_JOBS:-2}"

# Built with clang, which also gives the libFuzzer targets (one per
# classifier) with ASan and UBSan on all of their code. Line tables are all
# the debug information sanitizer reports need, and much cheaper to build.
phase "build and test (ASan + UBSan, clang, with the fuzz targets)"
scripts/build.sh build-asan -DCMAKE_CXX_COMPILER=clang++ -DPARLEY_SANITIZE=ON -DPARLEY_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG=-gline-tables-only
phase "ctest (ASan + UBSan)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"${PARLEY_JOBS:-2}" -LE no-sanitize

phase "format check"
scripts/check-format.sh

fuzz_seconds=${PARLEY_FUZZ_SECONDS:-10}
if [ "$fuzz_seconds" -gt 0 ]; then
  phase "fuzz every classifier (${fuzz_seconds}s each)"
  scripts/fuzz.sh "$fuzz_seconds" build-asan
fi
phase "All tests passed."
