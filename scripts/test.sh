#!/usr/bin/env bash
# Sets up this machine, builds everything (native and wasm) and runs every test:
#   1. native GoogleTest suites (core, importer, bignum layer, bench smoke run, bokji-server: storage on
#      SQLite and PostgreSQL, API, crash test, two instances, the request-parser fuzz run) through ctest,
#      inside `pg_virtualenv` (a throwaway PostgreSQL cluster, dropped afterwards)
#   1b. the libFuzzer targets for 5 seconds each (scripts/fuzz.sh; skipped with a message without clang-14)
#   2. the core suite compiled to WebAssembly, run under node, through ctest
#   3. browser end-to-end tests in headless Chromium (tests/browser, node --test) against the built app
#      serving the sample bundle imported from ../shared/data
# Ends with one line "tests: N passed, M failed". Exit status 0 only if everything passed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/common.sh"
cd "$root"

passed=0
failed=0
log_dir=$root/build/test-logs
mkdir -p "$log_dir"

# count_ctest LOG: adds the totals from ctest's closing line ("… tests failed out of N").
count_ctest() {
  local line total fails
  line=$(grep -E 'tests? failed out of [0-9]+' "$1" | tail -n 1 || true)
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  total=$(echo "$line" | sed -E 's/.*out of ([0-9]+).*/\1/')
  fails=$(echo "$line" | sed -E 's/.*, ([0-9]+) tests? failed.*/\1/')
  passed=$((passed + total - fails))
  failed=$((failed + fails))
}

setup_all
build_native
# PostgreSQL for the server's tests: pg_virtualenv makes a throwaway cluster (as the postgres user when
# run as root) and sets PG* for the command; BOKJI_REQUIRE_POSTGRES turns a missing cluster into failures.
step "native tests (with a throwaway PostgreSQL)" pg_virtualenv bash -c \
  "BOKJI_REQUIRE_POSTGRES=1 ctest --preset native -j $jobs 2>&1 | tee '$log_dir/native.log'" || true
count_ctest "$log_dir/native.log"

# Fuzz targets (tests/fuzz/): a few seconds each here; the long runs are in tests/fuzz/README.md.
step "fuzz targets (5 s each)" bash -c "bash '$root/scripts/fuzz.sh' --seconds 5 2>&1 | tee '$log_dir/fuzz.log'" || true
f_pass=$(grep -cE '^fuzz: .* passed' "$log_dir/fuzz.log" || true)
f_fail=$(grep -cE '^fuzz: .* FAILED|^fuzz: .*error' "$log_dir/fuzz.log" || true)
if ! grep -qE '^fuzz: (skipped|.* passed|.* FAILED)' "$log_dir/fuzz.log"; then f_fail=$((f_fail + 1)); fi
passed=$((passed + f_pass))
failed=$((failed + f_fail))

build_wasm
step "wasm tests (node)" bash -c "ctest --preset wasm 2>&1 | tee '$log_dir/wasm.log'" || true
count_ctest "$log_dir/wasm.log"

import_sample
import_test_fixtures
assemble_site
if [ -d "$root/tests/browser" ] && ls "$root"/tests/browser/*.test.mjs >/dev/null 2>&1; then
  step "browser test dependencies" npm ci --prefix "$root/tests/browser" --no-audit --no-fund --loglevel=error
  step "browser tests (chromium)" bash -c "BOKJI_SITE_DIR='$site_dir' BOKJI_TEST_FIXTURES='$fixtures_dir' BOKJI_SHARED_DATA_DIR='$data_root' node --test --test-concurrency=1 \
    '$root'/tests/browser/*.test.mjs 2>&1 | tee '$log_dir/browser.log'" || true
  b_pass=$(grep -E '^# pass [0-9]+' "$log_dir/browser.log" | awk '{print $3}' | tail -n 1)
  b_fail=$(grep -E '^# fail [0-9]+' "$log_dir/browser.log" | awk '{print $3}' | tail -n 1)
  passed=$((passed + ${b_pass:-0}))
  failed=$((failed + ${b_fail:-1}))
fi

echo
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
