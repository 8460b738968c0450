#!/usr/bin/env bash
# Sets up this machine, builds the app, imports the sample data from ../shared/data and serves the app on
# http://127.0.0.1:8080/ until stopped (Ctrl-C). Options: BOKJI_PORT (8080), BOKJI_DATA_DIR (../shared/data).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/common.sh"
port=${BOKJI_PORT:-8080}

setup_all
build_native --target geodata
import_sample
build_wasm --target bokjimap_site
assemble_site
echo
echo "복지지도 is being served at: http://127.0.0.1:$port/"
echo
exec python3 "$root/scripts/serve.py" --dir "$site_dir" --port "$port"
