#!/usr/bin/env bash
# Finishes build/site for serving (bokji-server reads it as it is left here):
#   1. copies the staff inbox (server/staff/) to SITE/staff/;
#   2. writes name.gz (gzip -9) and name.br (brotli -q 11) beside every text or binary asset where that
#      is smaller, for the server to pick by Accept-Encoding;
#   3. gives the app's files content-hashed names (bokjimap.<12 hex>.js, .wasm, fonts/…, data/….bundle:
#      hard links beside the plain names, variants too) and rewrites SITE/index.html to load those, so
#      the server can cache them for a year ("immutable") while index.html itself is never cached. The
#      repository's index.html keeps the plain names (the browser tests' node server serves both). The
#      service worker's file lists (sw.js, if any) are rewritten the same way.
# Usage: scripts/assemble-site.sh SITE_DIR REPOSITORY_ROOT
set -euo pipefail
site=$1
root=$2
cd "$site"

mkdir -p staff
cp "$root"/server/staff/* staff/

# A second run over the same folder: references to hashed names go back to the plain names first.
for page in index.html sw.js; do
  if [ -f "$page" ]; then sed -i -E "s#\.[0-9a-f]{12}\.(js|wasm|ttf|bundle)'#.\1'#g" "$page"; fi
done
# Old hashed copies and variants go first, so that the folder holds only this build's.
find . -regextype posix-extended -regex '.*\.[0-9a-f]{12}\.[A-Za-z0-9]+(\.(gz|br))?$' -delete
find . \( -name '*.gz' -o -name '*.br' \) -delete

# compress FILE: the two variants, each kept only where it saves bytes.
compress() {
  local f=$1 size v
  gzip -9 -n -k -f "$f"
  brotli -q 11 -k -f "$f"
  size=$(stat -c %s "$f")
  for v in "$f.gz" "$f.br"; do
    if [ "$(stat -c %s "$v")" -ge "$size" ]; then rm -f "$v"; fi
  done
}

# hash_name FILE: hard-links FILE (and its variants) to its content-hashed name and rewrites the quoted
# references to it in index.html and in the service worker sw.js (when the web build made one: its lists of
# files to keep offline must name what index.html loads).
hash_name() {
  local file=$1 hash ext base hashed v
  [ -f "$file" ] || return 0
  hash=$(sha256sum "$file" | cut -c1-12)
  ext=${file##*.}
  base=${file%.*}
  hashed="$base.$hash.$ext"
  ln -f "$file" "$hashed"
  for v in gz br; do
    if [ -f "$file.$v" ]; then ln -f "$file.$v" "$hashed.$v"; fi
  done
  if grep -q "'$file'" index.html; then
    sed -i "s#'$file'#'$hashed'#g" index.html
  else
    echo "assemble-site: index.html does not name '$file'; it keeps its plain name only" >&2
  fi
  if [ -f sw.js ]; then sed -i "s#'$file'#'$hashed'#g" sw.js; fi
}

while IFS= read -r -d '' f; do
  compress "$f"
done < <(find . -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' -o -name '*.ttf' \
  -o -name '*.bundle' -o -name '*.json' -o -name '*.svg' -o -name '*.txt' \) -size +1k -print0)

if [ -f index.html ]; then
  hash_name bokjimap.js
  hash_name bokjimap.wasm
  hash_name mirror.js
  for f in fonts/*.ttf data/*.bundle; do
    if [ -e "$f" ]; then hash_name "$f"; fi
  done
  for page in index.html sw.js; do
    if [ -f "$page" ]; then
      rm -f "$page.gz" "$page.br"
      compress "$page"
    fi
  done
fi
echo "assemble-site: $(find . -type f | wc -l) files in $site"
