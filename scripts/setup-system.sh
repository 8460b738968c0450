#!/usr/bin/env bash
# Installs the Debian packages this project builds and tests with, and adds the deb-src entry that
# scripts/build-wasm-deps.sh needs to fetch pinned source packages. Debian 12 (bookworm), run as root.
# Safe to re-run: apt-get skips what is installed; the stamp file skips `apt-get update` within a day.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-system.sh: run as root (it calls apt-get)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive

# Source packages: bookworm for s2geometry/abseil/openssl/libtommath/qr-code-generator, trixie for imgui
# 1.90.1 and libhangul 0.2.0.
src_list=/etc/apt/sources.list.d/bokjimap-src.sources
if [ ! -f "$src_list" ]; then
  cat >"$src_list" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  rm -f /var/lib/apt/bokjimap-updated
fi

# Without a pin, trixie's binary packages must never be installed: only its deb-src entries are wanted.
stamp=/var/lib/apt/bokjimap-updated
if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440)" ]; then
  apt-get update -qq
  touch "$stamp"
fi

packages=(
  # build
  build-essential cmake ninja-build pkg-config git ca-certificates dpkg-dev xz-utils
  # native libraries
  libs2-dev libssl-dev libabsl-dev libgdal-dev gdal-bin nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev libtommath-dev
  # the on-screen keyboard's Hangul composition and QR codes (web/keyboard, web/qr); zbarimg decodes
  # the QR codes in tests
  libhangul-dev libqrcodegencpp-dev zbar-tools
  # WebAssembly toolchain (Debian's emscripten 3.1.6) and the node modules its optimiser needs
  emscripten node-acorn
  # Korean font, the Vietnamese and Chinese UI glyphs' source (Noto Sans CJK SC), and the subsetter
  fonts-nanum fonts-noto-cjk python3-fonttools
  # browser tests
  chromium
  # bokji-server (server/): HTTP, crypto, storage; brotli and gzip variants at site assembly
  libcpp-httplib-dev libsodium-dev libsqlite3-dev libpq-dev brotli
  # the server's tests: a throwaway PostgreSQL cluster (pg_virtualenv), the load benchmark (wrk), the
  # fuzz targets (clang with libFuzzer and the sanitizer runtimes; also scripts/fuzz.sh)
  postgresql wrk clang-14 libclang-rt-14-dev
)
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null

if ! command -v node >/dev/null 2>&1; then
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
echo "setup-system: packages ready"
