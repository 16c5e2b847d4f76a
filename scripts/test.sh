#!/usr/bin/env bash
# Runs every check: formatting, clippy (native and wasm), the native test suite, the release
# build and its size budget, and the end-to-end suite in headless Chromium.
# Installs what is missing first. Exits non-zero on the first failure.

source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
ensure_chromium
ensure_go
cd "$ROOT"

# The app's wasm must stay under this many gzipped bytes.
APP_WASM_BUDGET=$((400 * 1024))

started=$SECONDS
step() { say "$* ($((SECONDS - started))s)"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

step "cargo clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --locked -- -D warnings

step "cargo test"
# Go is installed above: the recorded Go outputs are checked against it, not skipped.
CHANLAB_REQUIRE_GO=1 cargo test --locked

step "trunk build --release"
trunk build --release

step "app size"
app_wasm="$(ls dist/app-*_bg.wasm)"
raw=$(stat -c %s "$app_wasm")
gz=$(gzip -9 -c "$app_wasm" | wc -c)
worker_raw=$(stat -c %s dist/worker_bg.wasm)
worker_gz=$(gzip -9 -c dist/worker_bg.wasm | wc -c)
printf 'app wasm:    %7d bytes, %7d gzipped (budget %d)\n' "$raw" "$gz" "$APP_WASM_BUDGET"
printf 'worker wasm: %7d bytes, %7d gzipped\n' "$worker_raw" "$worker_gz"
if [ "$gz" -gt "$APP_WASM_BUDGET" ]; then
  echo "the app's wasm is over its size budget" >&2
  exit 1
fi

step "end-to-end tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/

step "all checks passed"
