#!/usr/bin/env bash
# Builds and runs the browser benchmark (bench/README.md, "Browser benchmark"): our app beside a Leaflet +
# leaflet.markercluster page, each with the real sample (45 facilities) and with 100,000 SYNTHETIC
# facilities, in one headless Debian Chromium run. Prints the table; the last line names the results folder
# (bench-out/<time>/browser/: results.json, results.md, measure.log, profile.txt).
#
#   bash scripts/bench-browser.sh                            # 100,000 synthetic facilities, 3 repetitions
#   bash scripts/bench-browser.sh --count 10000 --reps 1     # a quick look
#
# Options (passed on to bench/browser/measure.mjs): --count N, --reps N, --pan-seconds S, --idle-seconds S,
# --city-zoom Z. Both pages are served by bokji-server (build/native/server) with precompressed brotli and
# gzip, as a deployment serves them (assembled below into build/native/bench/browser-site).
# Builds with the presets (build/native: geodata and make_synthetic; build/wasm: the site), imports the
# sample into build/site like scripts/run.sh, and writes the synthetic data to build/native/bench/browser-data.
# Environment: BOKJI_DATA_DIR (../shared/data), BOKJI_JOBS (nproc), BOKJI_SKIP_BUILD=1 to measure what is
# already built, BOKJI_SKIP_PROFILE=1 to leave out profile.mjs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/common.sh"
cd "$root"

count=100000
measure_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; measure_args+=("$1" "$2"); shift ;;
    --reps | --pan-seconds | --idle-seconds | --city-zoom) measure_args+=("$1" "$2"); shift ;;
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
  build_native --target geodata --target make_synthetic --target bokji-server
  build_wasm --target bokjimap_site
  import_sample
  assemble_site
fi
mkdir -p "$data"
synthetic=$data/synthetic-$count.bundle
if [ ! -f "$synthetic" ] || [ "$synthetic" -ot "$site_dir/data/jeonbuk-sample.bundle" ] ||
  [ "$synthetic" -ot "$root/build/native/bench/make_synthetic" ]; then
  step "synthetic data ($count facilities)" "$root/build/native/bench/make_synthetic" \
    --sample "$site_dir/data/jeonbuk-sample.bundle" --out "$data" --count "$count"
fi
step "npm packages (bench/browser)" npm ci --prefix "$root/bench/browser" --no-audit --no-fund --loglevel=error

# What bokji-server serves for the benchmark, laid out as the pages ask for it: /app/ the assembled site
# (hashed names, .gz/.br variants), /leaflet/ and /node_modules/<package>/dist/ the Leaflet page, /data/ the
# synthetic data and the sample as GeoJSON. Data files are hard links; each file gets the variants assemble-site.sh makes
# (gzip -9, brotli -q 11, kept where smaller), made again only when the file changed.
bench_root=$root/build/native/bench/browser-site
rm -rf "$bench_root/app"
mkdir -p "$bench_root/app" "$bench_root/leaflet" "$bench_root/data" "$bench_root/node_modules"
cp -a "$site_dir/." "$bench_root/app/"  # a copy: rebuilding the site during a run changes nothing here
cp -f "$root/bench/browser/leaflet/index.html" "$bench_root/leaflet/index.html"
for package in leaflet leaflet.markercluster; do
  rm -rf "$bench_root/node_modules/$package"
  mkdir -p "$bench_root/node_modules/$package"
  cp -a "$root/bench/browser/node_modules/$package/dist" "$bench_root/node_modules/$package/"
done
for f in "$data"/*; do
  if [ "$f" -nt "$bench_root/data/$(basename "$f")" ]; then ln -f "$f" "$bench_root/data/$(basename "$f")"; fi
done
precompress() {
  local f=$1 size v
  size=$(stat -c %s "$f")
  [ "$size" -gt 1024 ] || return 0
  # Written through stdout so that each variant's time is its own (gzip and brotli copy the source's).
  if [ ! -f "$f.gz" ] || [ "$f.gz" -ot "$f" ]; then gzip -9 -n -c "$f" >"$f.gz"; fi
  if [ ! -f "$f.br" ] || [ "$f.br" -ot "$f" ]; then brotli -q 11 -c "$f" >"$f.br"; fi
  for v in "$f.gz" "$f.br"; do
    if [ -f "$v" ] && [ "$(stat -c %s "$v")" -ge "$size" ]; then rm -f "$v"; fi
  done
}
export -f precompress
step "precompress the Leaflet page and the data (gzip -9, brotli -q 11)" bash -c '
  find "$1/leaflet" "$1/node_modules" "$1/data" -type f ! -name "*.gz" ! -name "*.br" -print0 |
    xargs -0 -r -n 1 -P 2 bash -c "precompress \"\$0\""' _ "$bench_root"

echo "==> load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
step "measure.mjs (served by bokji-server)" node "$root/bench/browser/measure.mjs" --site "$site_dir" --data "$data" \
  --out "$out" --server "$root/build/native/server/bokji-server" --root "$bench_root" \
  "${measure_args[@]}" 2>&1 | tee "$out/measure.log"
[ "${BOKJI_SKIP_PROFILE:-0}" = 1 ] || step "profile.mjs (where our frame time goes)" node "$root/bench/browser/profile.mjs" --site "$site_dir" \
  --data "$data" --count "$count" 2>&1 | tee "$out/profile.txt"
echo "==> load average after measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "browser bench results: $out"
