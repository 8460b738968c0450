#!/usr/bin/env bash
# Load benchmark of bokji-server on loopback: durable help-request submissions per second held for
# BOKJI_BENCH_SECONDS (60) with wrk (Debian `wrk`, bench/server/submit.lua), against SQLite and against
# PostgreSQL (a throwaway pg_virtualenv cluster), three runs each; prints each run, the median, the
# errors, p99 latency, the rows really stored and the load average. Expects a native build
# (build/native/server/bokji-server and the sample bundle at build/site/data).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
server=$root/build/native/server/bokji-server
seconds=${BOKJI_BENCH_SECONDS:-60}
connections=${BOKJI_BENCH_CONNECTIONS:-32}
bundle=${BOKJI_BENCH_BUNDLE:-$root/build/native/tests/server/sample.bundle}
work=$(mktemp -d "${BOKJI_BENCH_DIR:-$root/build}/bench-server.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$server" make-key "$work/key" >/dev/null

# run_one LABEL RUN EXTRA_FLAGS...: one wrk run against a fresh server; prints one result line.
run_one() {
  local label=$1 run=$2
  shift 2
  local log=$work/server-$label-$run.log
  "$server" --bundle "$bundle" --site-dir "$work" --key-file "$work/key" --port 0 --threads ${BOKJI_BENCH_THREADS:-64} \
    --submissions-per-window 1000000000 "$@" >"$log" 2>&1 &
  local pid=$!
  local port=""
  for _ in $(seq 1 100); do
    port=$(grep -oE 'listening on http://127.0.0.1:[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
    [ -n "$port" ] && break
    sleep 0.1
  done
  local out=$work/wrk-$label-$run.txt
  local load_before
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/bench/server/submit.lua" \
    "http://127.0.0.1:$port" >"$out" 2>&1
  kill -TERM "$pid"
  wait "$pid" || true
  local rps p99 non2xx errors total
  rps=$(grep -E '^Requests/sec' "$out" | awk '{print $2}')
  p99=$(grep -E '^ +99%' "$out" | awk '{print $2}')
  non2xx=$(grep -E 'Non-2xx' "$out" | awk '{print $NF}' || true)
  errors=$(grep -E 'Socket errors' "$out" | sed 's/.*Socket errors: //' || true)
  total=$(grep -E 'requests in' "$out" | awk '{print $1}')
  echo "$label run $run: $rps submissions/s, p99 $p99, $total requests, non-2xx ${non2xx:-0}," \
    "socket errors ${errors:-none}, load before $load_before, $(grep -oE 'group commit: .*' "$log" || true)"
  echo "$rps" >>"$work/rates-$label"
}

median() { sort -n "$1" | sed -n 2p; }

echo "bokji-server load benchmark: $seconds s per run, wrk -t2 -c$connections, $(nproc) cores"
for run in 1 2 3; do
  run_one sqlite "$run" --database sqlite --data-dir "$work/sqlite-$run"
  stored=$(sqlite3 "$work/sqlite-$run/bokji.db" 'SELECT COUNT(*) FROM help_requests')
  echo "  rows stored: $stored"
done
echo "SQLite median: $(median "$work/rates-sqlite") submissions/s"

if command -v pg_virtualenv >/dev/null; then
  export -f run_one
  export work server bundle seconds connections root
  pg_virtualenv bash -c '
    for run in 1 2 3; do
      PGOPTIONS=-cclient_min_messages=warning psql -qc "DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench" >/dev/null
      run_one postgres "$run" --database postgres --postgres "options=-csearch_path=bench"
      echo "  rows stored: $(psql -tAc "SELECT COUNT(*) FROM bench.help_requests")"
    done' 2>&1 | grep -vE '^(Creating|Dropping) '
  echo "PostgreSQL median: $(median "$work/rates-postgres") submissions/s"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
