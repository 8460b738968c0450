# Shared by scripts/run.sh and scripts/test.sh: set-up and build steps, each safe to repeat.
# Sourced, not run. Expects $root (the repository) to be set.

export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
data_root=${BOKJI_DATA_DIR:-$root/../shared/data}
jobs=${BOKJI_JOBS:-$(nproc)}

# step NAME COMMAND...: prints what runs and how long it took.
step() {
  local name=$1
  shift
  local start=$SECONDS
  echo "==> $name"
  "$@"
  echo "    ($name: $((SECONDS - start)) s)"
}

# quietly COMMAND...: runs it with its standard output dropped (errors still show).
quietly() {
  "$@" >/dev/null
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

setup_all() {
  step "install Debian packages" as_root bash "$root/scripts/setup-system.sh"
  step "build wasm dependencies" bash "$root/scripts/build-wasm-deps.sh"
  if [ ! -d "$data_root" ]; then
    echo "No shared data at $data_root (set BOKJI_DATA_DIR to the folder holding boundaries/, facilities/, services/)" >&2
    exit 1
  fi
}

build_native() {
  step "configure native" quietly cmake --preset native -DBOKJI_SHARED_DATA_DIR="$data_root"
  step "build native" cmake --build --preset native -j "$jobs" "$@"
}

build_wasm() {
  # Again, just before configuring (instant when everything is built): with a shared BOKJI_DEPS_DIR another
  # checkout's script may have rewritten deps.cmake since setup_all, without this checkout's libraries.
  step "check wasm dependencies" bash "$root/scripts/build-wasm-deps.sh"
  step "configure wasm" quietly cmake --preset wasm -DBOKJI_SHARED_DATA_DIR="$data_root"
  step "build wasm" cmake --build --preset wasm -j "$jobs" "$@"
}

# Imports the real shared data into the sample bundle the app serves. Prints the importer's summary.
site_dir=$root/build/site
import_sample() {
  mkdir -p "$site_dir/data"
  step "import sample data" "$root/build/native/geodata/geodata" import \
    --config "$root/geodata/config/jeonbuk-sample.json" --data-root "$data_root" \
    --out "$site_dir/data/jeonbuk-sample.bundle" --report "$site_dir/data/import-report"
}

# Imports the browser tests' fixture bundles (invented data, never served to people) into build/test-fixtures.
fixtures_dir=$root/build/test-fixtures
import_test_fixtures() {
  mkdir -p "$fixtures_dir"
  step "import test fixtures" "$root/build/native/geodata/geodata" import \
    --config "$root/tests/browser/fixtures/education-bundle.json" --data-root "$data_root" \
    --out "$fixtures_dir/education-test.bundle" --report "$fixtures_dir/education-report"
}

# Copies the web build's files next to the bundle, adds the staff inbox, content-hashed names and the
# precompressed variants bokji-server serves (scripts/assemble-site.sh).
assemble_site() {
  mkdir -p "$site_dir"
  cp -r "$root/build/wasm/web/site/." "$site_dir/"
  step "assemble site" bash "$root/scripts/assemble-site.sh" "$site_dir" "$root"
}
