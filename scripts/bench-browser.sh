#!/usr/bin/env bash
# Builds and runs the browser benchmark (bench/browser/README.md): our app beside a Leaflet +
# leaflet.markercluster page showing the same synthetic facilities, in one headless Debian Chromium run.
# Prints the table; its last line names the results folder (results.json, results.md, measure.log).
#
#   scripts/bench-browser.sh                          # 100,000 facilities, 5 repetitions
#   scripts/bench-browser.sh --count 10000 --reps 1   # a quick look
#
# Options (passed on to bench/browser/measure.mjs): --count N, --reps N, --pan-seconds S, --city-zoom Z.
# Environment: BOKJI_WEBBENCH_BUILD (build/h-webbench) — the generator's build folder, which also keeps the
# synthetic data; BOKJI_WEBBENCH_WASM_BUILD (build/h-webbench-wasm) — the app's; BOKJI_WEBBENCH_SITE — a
# site folder already built (index.html, bokjimap.js/.wasm, fonts/) to measure instead of building one;
# BOKJI_WEBBENCH_OUT (bench-out/browser-<time>) — the results folder; BOKJI_DATA_DIR (../shared/data);
# BOKJI_JOBS (nproc).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/common.sh"
cd "$root"

count=100000
measure_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; measure_args+=("$1" "$2"); shift ;;
    --reps | --pan-seconds | --city-zoom) measure_args+=("$1" "$2"); shift ;;
    *) echo "unknown argument: $1 (see the top of scripts/bench-browser.sh)" >&2; exit 2 ;;
  esac
  shift
done

build=${BOKJI_WEBBENCH_BUILD:-$root/build/h-webbench}
wasm_build=${BOKJI_WEBBENCH_WASM_BUILD:-$root/build/h-webbench-wasm}
out=${BOKJI_WEBBENCH_OUT:-$root/bench-out/browser-$(date +%Y%m%d-%H%M%S)}
data=$build/synthetic
mkdir -p "$out" "$data"

step "configure make_synthetic" cmake -S "$root/bench/browser" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$out/configure-native.log"
step "build make_synthetic" cmake --build "$build" -j "$jobs" --target make_synthetic
step "synthetic data ($count facilities)" "$build/make_synthetic" \
  --boundaries "$data_root/boundaries" --out "$data" --count "$count"

if [ -n "${BOKJI_WEBBENCH_SITE:-}" ]; then
  site=$BOKJI_WEBBENCH_SITE
else
  if [ ! -f "$root/.deps/wasm/deps.cmake" ]; then
    step "build wasm dependencies" bash "$root/scripts/build-wasm-deps.sh"
  fi
  step "configure the app (wasm)" cmake -S "$root" -B "$wasm_build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake \
    -DBOKJI_BUILD_TESTS=OFF -DBOKJI_SHARED_DATA_DIR="$data_root" >"$out/configure-wasm.log"
  step "build the app (bokjimap_site)" cmake --build "$wasm_build" -j "$jobs" --target bokjimap_site
  site=$wasm_build/web/site
fi
step "npm packages (bench/browser)" npm ci --prefix "$root/bench/browser" --no-audit --no-fund --loglevel=error

echo "==> load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
step "measure.mjs" node "$root/bench/browser/measure.mjs" --site "$site" --data "$data" --out "$out" \
  "${measure_args[@]}" 2>&1 | tee "$out/measure.log"
echo "==> load average after measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "browser bench results: $out"
