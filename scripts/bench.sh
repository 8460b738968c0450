#!/usr/bin/env bash
# Builds and runs the point-index benchmark (bench/README.md): our FacilityIndex and MarkerClusters natively
# and in wasm beside S2 and the npm anchors, every answer checked, one table. Prints the results folder
# (bench-results.json, results.md, native.json, logs) on its last line.
#
#   scripts/bench.sh                      # 100k and 1M points, 1,000 queries (about 10-15 minutes)
#   scripts/bench.sh --smoke              # tiny data: checks every answer, times nothing (seconds)
#   scripts/bench.sh --sizes 100000 --queries 300
#
# Environment: BOKJI_BENCH_NATIVE_BUILD (build/native), BOKJI_BENCH_WASM_BUILD (build/wasm) — build folders;
# BOKJI_BENCH_WASM_CMAKE_ARGS — extra arguments for configuring the wasm build; BOKJI_BENCH_OUT (bench-out/
# <time>) — the results folder; BOKJI_DATA_DIR (../shared/data); BOKJI_JOBS (nproc).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/common.sh"
cd "$root"

bench_args=()
native_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) bench_args+=(--smoke); native_args+=(--smoke) ;;
    --sizes | --queries) bench_args+=("$1" "$2"); native_args+=("$1" "$2"); shift ;;
    *) echo "unknown argument: $1 (see the top of scripts/bench.sh)" >&2; exit 2 ;;
  esac
  shift
done

native_build=${BOKJI_BENCH_NATIVE_BUILD:-$root/build/native}
wasm_build=${BOKJI_BENCH_WASM_BUILD:-$root/build/wasm}
out=${BOKJI_BENCH_OUT:-$root/bench-out/$(date +%Y%m%d-%H%M%S)}
centres=$data_root/boundaries/admdong_centroids_UTMK_2001-2023.tsv
mkdir -p "$out"

if [ ! -f "${BOKJI_DEPS_DIR:-$root/.deps}/wasm/deps.cmake" ]; then
  step "build wasm dependencies" bash "$root/scripts/build-wasm-deps.sh"
fi
step "configure native" cmake -S "$root" -B "$native_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBOKJI_SHARED_DATA_DIR="$data_root" >"$out/configure-native.log"
step "build bench_native" cmake --build "$native_build" -j "$jobs" --target bench_native
# shellcheck disable=SC2086  # the extra arguments are meant to split
step "configure wasm" cmake -S "$root" -B "$wasm_build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake \
  -DBOKJI_SHARED_DATA_DIR="$data_root" ${BOKJI_BENCH_WASM_CMAKE_ARGS:-} >"$out/configure-wasm.log"
step "build bench_wasm" cmake --build "$wasm_build" -j "$jobs" --target bench_wasm
step "npm anchors (bench/js)" npm ci --prefix "$root/bench/js" --no-audit --no-fund --loglevel=error

echo "==> load average before running: $(cut -d' ' -f1-3 /proc/loadavg)"
step "bench_native" "$native_build/bench/bench_native" --centres "$centres" --out "$out/native.json" \
  "${native_args[@]}"
step "bench.mjs (wasm and npm anchors, merge)" node --expose-gc --max-old-space-size=8192 \
  "$root/bench/js/bench.mjs" --wasm "$wasm_build/bench/bench_wasm.js" --centres "$centres" \
  --native "$out/native.json" --out "$out" "${bench_args[@]}" | tee "$out/bench.log"
echo
echo "bench results: $out"
