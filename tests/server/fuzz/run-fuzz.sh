#!/usr/bin/env bash
# Builds the request-parser fuzz target with clang-14's libFuzzer (ASan + UBSan) and runs it for a few
# seconds over a seed corpus of valid and invalid bodies. Exit 77 (ctest: skipped) without clang-14; the
# deterministic mutation run in request_parser_test.cc covers the parser then.
# Usage: run-fuzz.sh REPOSITORY_ROOT WORK_DIR SECONDS
set -euo pipefail
root=$1
work=$2
seconds=$3
if ! command -v clang++-14 >/dev/null 2>&1; then
  echo "clang++-14 is not installed: the fuzz run is skipped" >&2
  exit 77
fi
mkdir -p "$work/corpus"
binary=$work/request_parser_fuzz
if [ ! -x "$binary" ] || [ -n "$(find "$root/server/help_request.cc" "$root/server/help_request.h" \
    "$root/tests/server/fuzz/request_parser_fuzz.cc" -newer "$binary")" ]; then
  clang++-14 -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$root" "$root/tests/server/fuzz/request_parser_fuzz.cc" "$root/server/help_request.cc" -o "$binary"
fi
cp "$root"/tests/server/fuzz/seeds/* "$work/corpus/"
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$binary" -max_total_time="$seconds" -max_len=4096 \
  -timeout=10 -rss_limit_mb=1024 "$work/corpus" 2>&1 | tail -n 5
