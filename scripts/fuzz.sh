#!/usr/bin/env bash
# Runs the libFuzzer targets (one per built-in classifier, and the text
# normaliser against its ICU reference) for a bounded time
# each, starting from fuzz/corpus/.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [BUILD_DIR]
# SECONDS defaults to 20. BUILD_DIR defaults to build-fuzz, configured here
# with clang and -DPARLEY_FUZZ=ON (ASan and UBSan come with it).
# scripts/test.sh runs this when PARLEY_FUZZ_SECONDS is set (CI does not).
# A crash, a sanitizer report, a score outside [0,1] or a hang fails the run;
# libFuzzer writes the input that did it to BUILD_DIR/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
build_dir=${2:-build-fuzz}
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  scripts/setup.sh
  export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLEY_FUZZ=ON \
    "${launcher[@]}" >/dev/null
fi
mapfile -t targets < <(cmake --build "$build_dir" --target help | sed -n 's/^\(fuzz_[a-z_]*\):.*/\1/p' | sort)
((${#targets[@]})) || { echo "fuzz.sh: no fuzz targets in $build_dir (configure it with -DPARLEY_FUZZ=ON)" >&2; exit 1; }
cmake --build "$build_dir" -j"${PARLEY_JOBS:-2}" $(printf -- '--target %s ' "${targets[@]}")

mkdir -p "$build_dir/findings"
for target in "${targets[@]}"; do
  echo "== $target: ${seconds}s"
  work="$build_dir/corpus/$target"
  mkdir -p "$work"
  log="$build_dir/$target.log"
  # -rss_limit_mb: the fastText and language-ID models are large but fixed.
  status=0
  "$build_dir/bin/$target" "$work" fuzz/corpus -max_total_time="$seconds" -max_len=8192 -timeout=10 \
    -rss_limit_mb=4096 -artifact_prefix="$build_dir/findings/$target-" -print_final_stats=1 >"$log" 2>&1 ||
    status=$?
  grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
    echo "fuzz.sh: $target failed (exit $status); the input is in $build_dir/findings/" >&2
    exit 1
  fi
done
echo "fuzz.sh: ${#targets[@]} targets ran ${seconds}s each without a finding"
