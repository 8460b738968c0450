#!/usr/bin/env bash
# Builds and runs the browser benchmark (bench/README.md, "Browser benchmark"): our app beside a Leaflet +
# leaflet.markercluster page, each with the real sample (45 facilities) and with 100,000 SYNTHETIC
# facilities, in one headless Debian Chromium run. Prints the table; the last line names the results folder
# (bench-out/<time>/browser/: results.json, results.md, measure.log, profile.txt).
#
#   bash scripts/bench-browser.sh                            # 100,000 synthetic facilities, 3 repetitions
#   bash scripts/bench-browser.sh --count 10000 --reps 1     # a quick look
#
# Options (passed on to bench/browser/measure.mjs): --count N, --reps N, --pan-seconds S, --city-zoom Z.
# Builds with the presets (build/native: geodata and make_synthetic; build/wasm: the site), imports the
# sample into build/site like scripts/run.sh, and writes the synthetic data to build/native/bench/browser-data.
# Environment: BOKJI_DATA_DIR (../shared/data), BOKJI_JOBS (nproc), BOKJI_SKIP_BUILD=1 to measure what is
# already built.
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

out=$root/bench-out/$(date +%Y%m%d-%H%M%S)/browser
data=$root/build/native/bench/browser-data
mkdir -p "$out"

if [ "${BOKJI_SKIP_BUILD:-0}" != 1 ]; then
  if [ ! -f "${BOKJI_DEPS_DIR:-$root/.deps}/wasm/deps.cmake" ]; then
    step "build wasm dependencies" bash "$root/scripts/build-wasm-deps.sh"
  fi
  build_native --target geodata --target make_synthetic
  build_wasm --target bokjimap_site
  import_sample
  assemble_site
fi
mkdir -p "$data"
step "synthetic data ($count facilities)" "$root/build/native/bench/make_synthetic" \
  --sample "$site_dir/data/jeonbuk-sample.bundle" --out "$data" --count "$count"
step "npm packages (bench/browser)" npm ci --prefix "$root/bench/browser" --no-audit --no-fund --loglevel=error

echo "==> load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
step "measure.mjs" node "$root/bench/browser/measure.mjs" --site "$site_dir" --data "$data" --out "$out" \
  "${measure_args[@]}" 2>&1 | tee "$out/measure.log"
step "profile.mjs (where our frame time goes)" node "$root/bench/browser/profile.mjs" --site "$site_dir" \
  --data "$data" --count "$count" 2>&1 | tee "$out/profile.txt"
echo "==> load average after measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "browser bench results: $out"
