#!/usr/bin/env bash
# scripts/assemble-site.sh on a small made-up site: hashed names carry the sha256 of their content and are
# what index.html and sw.js name; every .gz / .br variant decompresses to its file's exact bytes; a second
# run gives the same folder. Usage: assemble_site_test.sh REPOSITORY_ROOT
set -euo pipefail
root=$1
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
mkdir -p "$site/fonts" "$site/data"
cat >"$site/index.html" <<'HTML'
<!doctype html><script>
loadScript('bokjimap.js'); download('bokjimap.wasm'); download('fonts/bokji-hangul.ttf');
const bundleUrl = params.get('bundle') || 'data/jeonbuk-sample.bundle';
// padding so that compression pays: ......................................................................
// ........................................................................................................
</script>
HTML
printf "const APP_FILES = ['./', 'bokjimap.js', 'bokjimap.wasm', 'fonts/bokji-hangul.ttf'];\n%.0s" {1..40} >"$site/sw.js"
head -c 3000 /dev/urandom >"$site/bokjimap.wasm"        # incompressible: no variants kept
for i in $(seq 1 300); do echo "console.log($i);"; done >"$site/bokjimap.js"
for i in $(seq 1 300); do echo "glyph $i"; done >"$site/fonts/bokji-hangul.ttf"
for i in $(seq 1 300); do echo "row $i"; done >"$site/data/jeonbuk-sample.bundle"

fail() { echo "FAIL: $*" >&2; exit 1; }
check() {
  local f hash hashed
  for f in bokjimap.js bokjimap.wasm fonts/bokji-hangul.ttf data/jeonbuk-sample.bundle; do
    hash=$(sha256sum "$site/$f" | cut -c1-12)
    hashed="${f%.*}.$hash.${f##*.}"
    [ -f "$site/$hashed" ] || fail "no $hashed"
    cmp -s "$site/$f" "$site/$hashed" || fail "$hashed differs from $f"
    grep -q "'$hashed'" "$site/index.html" || fail "index.html does not name $hashed"
    if [ "$f" != data/jeonbuk-sample.bundle ]; then
      grep -q "'$hashed'" "$site/sw.js" || fail "sw.js does not name $hashed"
    fi
  done
  [ -f "$site/staff/index.html" ] && [ -f "$site/staff/staff.js" ] || fail "the staff inbox was not copied"
  [ ! -e "$site/bokjimap.wasm.gz" ] || fail "a variant larger than its file was kept"
  [ -f "$site/bokjimap.js.gz" ] && [ -f "$site/bokjimap.js.br" ] || fail "no variants for bokjimap.js"
  while IFS= read -r -d '' v; do
    if [[ $v == *.gz ]]; then gzip -dc "$v" | cmp -s - "${v%.gz}" || fail "$v does not decompress to its file"; fi
    if [[ $v == *.br ]]; then brotli -dc "$v" | cmp -s - "${v%.br}" || fail "$v does not decompress to its file"; fi
  done < <(find "$site" \( -name '*.gz' -o -name '*.br' \) -print0)
}

bash "$root/scripts/assemble-site.sh" "$site" "$root" >/dev/null
check
first=$(cd "$site" && find . -type f | sort | xargs sha256sum)
bash "$root/scripts/assemble-site.sh" "$site" "$root" >/dev/null
check
second=$(cd "$site" && find . -type f | sort | xargs sha256sum)
[ "$first" = "$second" ] || fail "a second run changed the folder"
echo "assemble-site: ok"
