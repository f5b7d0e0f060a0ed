#!/usr/bin/env bash
# Builds and runs every test: the normal build (GCC: unit, plugin contract,
# integration and external-plugin tests), then the same tests under
# AddressSanitizer + UndefinedBehaviorSanitizer (clang), and the format check.
# Then every libFuzzer target (one per classifier, and the text normaliser)
# runs for PARLEY_FUZZ_SECONDS each (scripts/fuzz.sh on the sanitizer build;
# default 5, which keeps CI well inside its 30 minutes; 0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
# How long each step took, so CI time stays visible (the budget is 30 min).
phase() { echo "== [$((SECONDS / 60))m$((SECONDS % 60))s] $*"; }
scripts/setup.sh

phase "build and test (Release)"
scripts/build.sh build
phase "ctest (Release)"
ctest --test-dir build --output-on-failure -j"${PARLEY_JOBS:-2}"

# Built with clang, so our code is compiled by both compilers. Line tables are
# all the debug information sanitizer reports need, and much cheaper to build;
# lld links the large sanitized test executables several times faster than ld.
phase "build and test (ASan + UBSan, clang)"
linker=()
command -v ld.lld >/dev/null && linker=(-DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld -DCMAKE_MODULE_LINKER_FLAGS=-fuse-ld=lld)
# PARLEY_FUZZ=ON also builds the libFuzzer targets here, on the same objects
# (with coverage instrumentation), so fuzzing below adds no second build.
scripts/build.sh build-asan -DCMAKE_CXX_COMPILER=clang++ -DPARLEY_SANITIZE=ON -DPARLEY_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG=-gline-tables-only "${linker[@]}"
phase "ctest (ASan + UBSan)"
# use_tls=0: clang 14's LeakSanitizer can crash at exit reading a plugin's
# dynamic TLS on Debian 12's glibc ("Tracer caught signal 11", a DTLS block
# at a bogus address), depending on memory layout. Not taking pointers in TLS
# as roots can only add leak reports, never hide one.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:use_tls=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"${PARLEY_JOBS:-2}" -LE no-sanitize

phase "format check"
scripts/check-format.sh

fuzz_seconds=${PARLEY_FUZZ_SECONDS:-5}
if [ "$fuzz_seconds" -gt 0 ]; then
  phase "fuzz every classifier and the text normaliser (${fuzz_seconds}s each)"
  scripts/fuzz.sh "$fuzz_seconds" build-asan
fi
phase "All tests passed."
