#!/usr/bin/env bash
# Builds the third-party libraries the WebAssembly app needs, from pinned Debian source packages, into
# .deps/ (ignored by git). Each library lands in its own folder named by its version; a folder that is
# complete is never rebuilt, so re-running this is cheap. Needs scripts/setup-system.sh first.
#
#   .deps/src/<package>-<version>/      unpacked Debian source (Debian's patches applied)
#   .deps/wasm/<package>-<version>/     its wasm build, installed (include/, lib/)
#   .deps/wasm/deps.cmake               paths for CMake (read by the root CMakeLists.txt under Emscripten)
#
# Libraries:
#   abseil      S2's base library
#   libtommath  the bignum arithmetic behind deps/bignum (our OpenSSL BN_* subset for S2's ExactFloat)
#   s2geometry  built against deps/bignum's headers instead of OpenSSL
#   imgui       only unpacked: CMake compiles its sources together with the app
#   earcut      only unpacked: the header-only polygon triangulator inside python-mapbox-earcut's source
#   libhangul   Hangul composition for the on-screen keyboard (web/keyboard): its three automaton files only
#   qr-code-generator  QR codes (web/qr): cpp/qrcodegen.cpp only
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
deps=${BOKJI_DEPS_DIR:-$root/.deps}
jobs=${BOKJI_JOBS:-$(nproc)}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}  # emcc's optimiser needs Debian's node-acorn

# Pinned versions. Changing one rebuilds just that library (and what depends on it).
abseil_version=20220623.1-1+deb12u2
tommath_version=1.2.0-6+deb12u1
s2_version=0.10.0-6
imgui_version=1.90.1+ds-1
earcut_version=1.0.1-2
# Upstream tarballs only (fetch_upstream_source): see there why. libhangul is trixie's 0.2.0 because the
# archive no longer serves bookworm's 0.1.0+git20191003 tarballs (404); natively bookworm's libhangul-dev.
hangul_version=0.2.0-1
qrcodegen_version=1.8.0-1.1

mkdir -p "$deps/src" "$deps/wasm"
# One run at a time per cache: a second run (another clone sharing BOKJI_DEPS_DIR, or bench.sh started beside
# test.sh) would delete the folder the first is building into. It waits here instead.
exec 9>"$deps/.lock"
if ! flock -n 9; then
  echo "build-wasm-deps: another run is using $deps; waiting for it"
  flock 9
fi
log_dir=$deps/logs
mkdir -p "$log_dir"

# fetch_source PACKAGE VERSION -> prints the unpacked folder
fetch_source() {
  local package=$1 version=$2
  local dir=$deps/src/$package-$version
  if [ ! -f "$dir/.unpacked" ]; then
    rm -rf "$dir" "$deps/src/dl-$package"
    mkdir -p "$deps/src/dl-$package"
    (cd "$deps/src/dl-$package" && apt-get source --download-only -qq "$package=$version" >/dev/null 2>&1) || {
      echo "build-wasm-deps: could not download source package $package=$version" >&2
      echo "  (is the deb-src entry from scripts/setup-system.sh in place, and apt-get update run?)" >&2
      exit 1
    }
    (cd "$deps/src/dl-$package" && dpkg-source -x ./*.dsc "$dir" >/dev/null 2>&1)
    rm -rf "$deps/src/dl-$package"
    touch "$dir/.unpacked"
  fi
  echo "$dir"
}

# fetch_upstream_source PACKAGE VERSION -> prints the folder holding the package's upstream (.orig) tarball
# unpacked, without Debian's changes. For libraries we compile a few files of with our own flags, where
# Debian's changes (its build system and packaging) do not matter, and whose Debian files the archive has
# lost: qr-code-generator 1.8.0-1.1's .debian.tar.xz and libhangul 0.2.0-1's .dsc answer 404, so
# `apt-get source` fails for them even though the upstream tarball downloads. The tarball's SHA-256 is
# checked against the archive's signed Sources index (`apt-cache showsrc`) before it is unpacked.
fetch_upstream_source() {
  local package=$1 version=$2
  local upstream=${version%-*}  # without the Debian revision
  local dir=$deps/src/$package-$upstream-upstream
  if [ ! -f "$dir/.unpacked" ]; then
    local download=$deps/src/dl-$package
    rm -rf "$dir" "$download"
    mkdir -p "$download" "$dir"
    # Fails when any of the package's files is missing; what matters is whether the tarball arrived.
    (cd "$download" && apt-get source --download-only -qq "$package=$version" >/dev/null 2>&1) || true
    local tarball
    tarball=$(ls "$download/${package}_$upstream.orig.tar."* 2>/dev/null | head -n 1 || true)
    if [ -z "$tarball" ]; then
      echo "build-wasm-deps: could not download the upstream tarball of $package=$version" >&2
      echo "  (is the deb-src entry from scripts/setup-system.sh in place, and apt-get update run?)" >&2
      exit 1
    fi
    local name expected actual
    name=$(basename "$tarball")
    expected=$(apt-cache showsrc "$package" | awk -v file="$name" 'NF == 3 && length($1) == 64 && $3 == file {
      print $1; exit }')
    actual=$(sha256sum "$tarball" | awk '{print $1}')
    if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
      echo "build-wasm-deps: $name does not match the archive's Sources index (${expected:-not listed})" >&2
      exit 1
    fi
    tar -xf "$tarball" -C "$dir" --strip-components=1
    rm -rf "$download"
    touch "$dir/.unpacked"
  fi
  echo "$dir"
}

# build_step NAME PREFIX COMMAND...: runs COMMAND with its output in a log, once per PREFIX.
build_step() {
  local name=$1 prefix=$2
  shift 2
  if [ -f "$prefix/.complete" ]; then
    return 0
  fi
  echo "build-wasm-deps: building $name for wasm (log: $log_dir/$name.log)"
  rm -rf "$prefix"
  local start=$SECONDS
  if ! "$@" >"$log_dir/$name.log" 2>&1; then
    echo "build-wasm-deps: $name failed; last lines of $log_dir/$name.log:" >&2
    tail -n 30 "$log_dir/$name.log" >&2
    exit 1
  fi
  touch "$prefix/.complete"
  echo "build-wasm-deps: $name done in $((SECONDS - start)) s"
}

# ---- abseil -------------------------------------------------------------------------------------------
abseil_src=$(fetch_source abseil "$abseil_version")
# "-r2": the recipe changed (Debian's -latomic patch removed), so older builds are not reused.
abseil_prefix=$deps/wasm/abseil-$abseil_version-r2
build_abseil() {
  # Debian's latomic.diff adds "-Wl,--push-state,--as-needed -latomic -Wl,--pop-state" to every target;
  # wasm-ld knows none of these and wasm needs no libatomic. Drop that line (idempotent).
  sed -i '/"-Wl,--push-state,--as-needed" "-latomic" "-Wl,--pop-state"/d' \
    "$abseil_src/absl/copts/AbseilConfigureCopts.cmake"
  emcmake cmake -S "$abseil_src" -B "$abseil_prefix.build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_STANDARD=17 -DABSL_PROPAGATE_CXX_STD=ON -DBUILD_TESTING=OFF \
    -DCMAKE_INSTALL_PREFIX="$abseil_prefix"
  cmake --build "$abseil_prefix.build" -j "$jobs"
  cmake --install "$abseil_prefix.build"
  rm -rf "$abseil_prefix.build"
}
build_step abseil "$abseil_prefix" build_abseil

# ---- libtommath + our BN_* layer ------------------------------------------------------------------------
tommath_src=$(fetch_source libtommath "$tommath_version")
tommath_prefix=$deps/wasm/libtommath-$tommath_version
build_tommath() {
  mkdir -p "$tommath_prefix/lib" "$tommath_prefix/include" "$tommath_prefix.build"
  # One emcc per file, $jobs at a time: its ~170 small files take 90 s one by one.
  ls "$tommath_src"/bn_*.c | xargs -P "$jobs" -I{} sh -c \
    'emcc -O2 -I"$1" -c "$2" -o "$3/$(basename "$2" .c).o"' _ "$tommath_src" {} "$tommath_prefix.build"
  emar rcs "$tommath_prefix/lib/libtommath.a" "$tommath_prefix.build"/*.o
  cp "$tommath_src"/tommath*.h "$tommath_prefix/include/"
  rm -rf "$tommath_prefix.build"
}
build_step libtommath "$tommath_prefix" build_tommath

# ---- s2geometry -----------------------------------------------------------------------------------------
# Built against deps/bignum/include (our <openssl/bn.h>), so its key includes a hash of that header.
bignum_hash=$(cat "$root"/deps/bignum/include/openssl/*.h | sha256sum | cut -c1-12)
s2_src=$(fetch_source s2geometry "$s2_version")
s2_prefix=$deps/wasm/s2geometry-$s2_version-absl$abseil_version-bn$bignum_hash
build_s2() {
  # Its CMakeLists pins C++11, which abseil 2022 no longer supports: build a copy with C++17.
  sed -i 's/set(CMAKE_CXX_STANDARD 11)/set(CMAKE_CXX_STANDARD 17)/' "$s2_src/CMakeLists.txt"
  emcmake cmake -S "$s2_src" -B "$s2_prefix.build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DBUILD_SHARED_LIBS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_TESTING=OFF -DWITH_GFLAGS=OFF -DWITH_GLOG=OFF \
    -DWITH_PYTHON=OFF -DCMAKE_PREFIX_PATH="$abseil_prefix" -Dabsl_DIR="$abseil_prefix/lib/cmake/absl" \
    -DOPENSSL_INCLUDE_DIR="$root/deps/bignum/include" \
    -DOPENSSL_CRYPTO_LIBRARY="$tommath_prefix/lib/libtommath.a" \
    -DOPENSSL_SSL_LIBRARY="$tommath_prefix/lib/libtommath.a" \
    -DCMAKE_INSTALL_PREFIX="$s2_prefix"
  cmake --build "$s2_prefix.build" -j "$jobs" --target s2
  cmake --install "$s2_prefix.build"
  rm -rf "$s2_prefix.build"
}
build_step s2geometry "$s2_prefix" build_s2

# ---- imgui: sources only --------------------------------------------------------------------------------
imgui_src=$(fetch_source imgui "$imgui_version")

# ---- earcut: one header (mapbox/earcut.hpp), shipped inside the Python binding's source package ----------
earcut_src=$(fetch_source python-mapbox-earcut "$earcut_version")
if [ ! -f "$earcut_src/include/mapbox/earcut.hpp" ]; then
  echo "build-wasm-deps: $earcut_src has no include/mapbox/earcut.hpp" >&2
  exit 1
fi

# ---- libhangul: the Hangul input automaton (hangul_ic_*) ------------------------------------------------
# Only the three files the built-in keyboards need: no hanja dictionary (hanja.c), no external keyboard
# XML (ENABLE_EXTERNAL_KEYBOARDS unset, so no expat), no gettext (ENABLE_NLS unset; keyboard names stay
# English). Installed like Debian's libhangul-dev: include/hangul-1.0/hangul.h, lib/libhangul.a.
hangul_src=$(fetch_upstream_source libhangul "$hangul_version")
hangul_prefix=$deps/wasm/libhangul-$hangul_version
build_hangul() {
  mkdir -p "$hangul_prefix/lib" "$hangul_prefix/include/hangul-1.0" "$hangul_prefix.build"
  : >"$hangul_prefix.build/config.h"  # the sources include <config.h>; nothing in it is needed
  local file
  for file in hangulctype hangulinputcontext hangulkeyboard; do
    emcc -O2 -DHAVE_CONFIG_H -I"$hangul_prefix.build" -I"$hangul_src/hangul" \
      -c "$hangul_src/hangul/$file.c" -o "$hangul_prefix.build/$file.o"
  done
  emar rcs "$hangul_prefix/lib/libhangul.a" "$hangul_prefix.build"/*.o
  cp "$hangul_src/hangul/hangul.h" "$hangul_prefix/include/hangul-1.0/"
  rm -rf "$hangul_prefix.build"
}
build_step libhangul "$hangul_prefix" build_hangul

# ---- qr-code-generator: the C++ QR encoder (qrcodegen::QrCode) ------------------------------------------
# One file. Its error paths `throw`; under emcc's default (no exception support) a throw aborts, so
# web/qr checks capacity before encoding. The one message it builds with std::ostringstream (data too
# long, which web/qr never lets happen) becomes a fixed text: the stream alone added ~110 KB to the app's
# wasm (measured: 152 KB for a program calling encodeText, of which 131 KB for an ostringstream alone).
# Installed like Debian's libqrcodegencpp-dev: include/qrcodegen/qrcodegen.hpp, lib/libqrcodegencpp.a.
qrcodegen_src=$(fetch_upstream_source qr-code-generator "$qrcodegen_version")
qrcodegen_prefix=$deps/wasm/qr-code-generator-$qrcodegen_version-r2
build_qrcodegen() {
  mkdir -p "$qrcodegen_prefix/lib" "$qrcodegen_prefix/include/qrcodegen" "$qrcodegen_prefix.build"
  sed '/std::ostringstream sb;/,/throw data_too_long(sb.str());/c\
			throw data_too_long("Data too long");' \
    "$qrcodegen_src/cpp/qrcodegen.cpp" >"$qrcodegen_prefix.build/qrcodegen.cpp"
  if grep -q ostringstream "$qrcodegen_prefix.build/qrcodegen.cpp"; then
    echo "qrcodegen.cpp still uses std::ostringstream: the edit above no longer matches" >&2
    return 1
  fi
  em++ -O2 -std=c++17 -I"$qrcodegen_src/cpp" -c "$qrcodegen_prefix.build/qrcodegen.cpp" \
    -o "$qrcodegen_prefix.build/qrcodegen.o"
  emar rcs "$qrcodegen_prefix/lib/libqrcodegencpp.a" "$qrcodegen_prefix.build/qrcodegen.o"
  cp "$qrcodegen_src/cpp/qrcodegen.hpp" "$qrcodegen_prefix/include/qrcodegen/"
  rm -rf "$qrcodegen_prefix.build"
}
build_step qr-code-generator "$qrcodegen_prefix" build_qrcodegen

# ---- paths for CMake ------------------------------------------------------------------------------------
cat >"$deps/wasm/deps.cmake.tmp" <<CMAKE
# Written by scripts/build-wasm-deps.sh; do not edit.
set(BOKJI_WASM_ABSEIL_PREFIX "$abseil_prefix")
set(BOKJI_WASM_TOMMATH_PREFIX "$tommath_prefix")
set(BOKJI_WASM_S2_PREFIX "$s2_prefix")
set(BOKJI_IMGUI_SOURCE_DIR "$imgui_src")
set(BOKJI_EARCUT_INCLUDE_DIR "$earcut_src/include")
set(BOKJI_WASM_HANGUL_PREFIX "$hangul_prefix")
set(BOKJI_WASM_QRCODEGEN_PREFIX "$qrcodegen_prefix")
CMAKE
mv "$deps/wasm/deps.cmake.tmp" "$deps/wasm/deps.cmake"
echo "build-wasm-deps: ready ($deps/wasm/deps.cmake)"
