#!/usr/bin/env bash
# Sets up this machine, builds the app and bokji-server, imports the sample data from ../shared/data and
# serves the app and the help-request API on http://127.0.0.1:8080/ until stopped (Ctrl-C).
# Options: BOKJI_PORT (8080), BOKJI_DATA_DIR (../shared/data), BOKJI_VAR_DIR (var/: the server's SQLite
# database, its configuration and the demo key file).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/common.sh"
port=${BOKJI_PORT:-8080}
var_dir=${BOKJI_VAR_DIR:-$root/var}

setup_all
build_native --target geodata bokji-server
import_sample
build_wasm --target bokjimap_site
assemble_site

server=$root/build/native/server/bokji-server
mkdir -p "$var_dir"
chmod 700 "$var_dir"
key_file=$var_dir/demo-data.key
if [ ! -f "$key_file" ]; then
  "$server" make-key "$key_file" >/dev/null
  key_note="created now"
else
  key_note="kept from an earlier run"
fi
config=$var_dir/server.json
cat >"$config" <<JSON
{
  "_comment": "Written by scripts/run.sh for a local demo; every key is described in docs/deploy.md.",
  "host": "127.0.0.1",
  "port": $port,
  "site_dir": "$site_dir",
  "database": "sqlite",
  "data_dir": "$var_dir",
  "key_file": "$key_file"
}
JSON

echo
echo "복지지도 is being served at: http://127.0.0.1:$port/"
echo "  staff inbox (직원용 도움 요청함):  http://127.0.0.1:$port/staff"
echo "  help requests are stored in SQLite: $var_dir/bokji.db"
echo "  personal fields are sealed with the demo key $key_file ($key_note)."
echo "  It is a local demo key: a real deployment uses a key file the operator makes and backs up"
echo "  (docs/deploy.md). Deleting it makes the stored requests unreadable."
echo
echo "There is no staff account and no default password. To create the first one (the password is"
echo "read from the terminal, never from the command line), run in another terminal:"
echo "  $server create-account --config $config \\"
echo "      --username 담당자아이디 --display-name '이름' --level emd --region 3501160"
echo "  (--level emd|sigungu|province; --region a 읍면동, 시군구 or 도 code of the bundle, e.g. 3501160"
echo "   전주시완산구 동서학동, 35011 전주시완산구, 35 the 도)"
echo
exec "$server" --config "$config"
