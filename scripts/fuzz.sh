#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/, the `fuzz` CMake preset: Debian clang-14 with ASan and
# UBSan), writes their seed corpus from the real shared data, and runs each target.
#
#   bash scripts/fuzz.sh                    # each target for 5 seconds (what scripts/test.sh runs)
#   bash scripts/fuzz.sh --seconds 600      # longer
#   bash scripts/fuzz.sh --runs 10000000    # a fixed number of executions per target
#
# Prints one line per target ("fuzz: NAME passed, N runs in S s" or "... FAILED") and exits non-zero
# when a target found something (the crashing input is saved in build/fuzz/findings/). Without
# clang-14 it says so and exits 0 having run nothing. Other flags after `--` go to libFuzzer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
data_root=${BOKJI_DATA_DIR:-$root/../shared/data}
mode=(-max_total_time=5)
label="5 s"
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) mode=(-max_total_time="$2"); label="$2 s"; shift 2 ;;
    --runs) mode=(-runs="$2"); label="$2 runs"; shift 2 ;;
    --) shift; break ;;
    *) echo "usage: fuzz.sh [--seconds N | --runs N] [-- libFuzzer flags]" >&2; exit 2 ;;
  esac
done
extra=("$@")

if ! command -v clang++-14 >/dev/null 2>&1 || ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "fuzz: skipped — clang-14 with libFuzzer is not installed (Debian clang-14, libclang-rt-14-dev; scripts/setup-system.sh installs them)"
  exit 0
fi

build=$root/build/fuzz
cmake --preset fuzz -DBOKJI_SHARED_DATA_DIR="$data_root" >/dev/null
cmake --build --preset fuzz -j "${BOKJI_JOBS:-$(nproc)}" --target fuzz_bundle_reader fuzz_import_rows fuzz_make_corpus

corpus=$build/corpus
if [ ! -d "$corpus/bundle" ] || [ "$data_root/facilities" -nt "$corpus/stamp" ] || [ "$build/tests/fuzz/fuzz_make_corpus" -nt "$corpus/stamp" ]; then
  rm -rf "$corpus"
  # The seed generator is built with the sanitizers too; GDAL's own allocations are not ours.
  ASAN_OPTIONS=detect_leaks=0 "$build/tests/fuzz/fuzz_make_corpus" "$corpus"
  touch "$corpus/stamp"
fi
# Where each target's growing corpus and log go. BOKJI_FUZZ_WORK keeps a long run and a short one
# (scripts/test.sh) from sharing files.
work_root=${BOKJI_FUZZ_WORK:-$build/work}
mkdir -p "$build/findings" "$work_root"

status=0
for target in bundle_reader import_rows; do
  seeds=$corpus/${target%%_*}
  [ "$target" = import_rows ] && seeds=$corpus/rows
  work=$work_root/$target  # grows with new coverage; the seeds stay as generated
  mkdir -p "$work"
  log=$work_root/$target.log
  start=$SECONDS
  asan_options=${BOKJI_ASAN_OPTIONS:-detect_leaks=1}
  if ASAN_OPTIONS=$asan_options UBSAN_OPTIONS=print_stacktrace=1 \
      "$build/tests/fuzz/fuzz_$target" "${mode[@]}" -rss_limit_mb=4096 -print_final_stats=1 \
      -artifact_prefix="$build/findings/$target-" "${extra[@]}" "$work" "$seeds" >"$log" 2>&1; then
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "fuzz: $target passed, ${runs:-?} runs in $((SECONDS - start)) s ($label)"
  else
    echo "fuzz: $target FAILED after $((SECONDS - start)) s — see $log and $build/findings/"
    tail -n 30 "$log"
    status=1
  fi
done
exit $status
