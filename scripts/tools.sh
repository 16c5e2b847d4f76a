# Sourced by serve.sh and test.sh: installs what the build and the tests need, when missing,
# and puts it on PATH. Every step is skipped when its tool is already there.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Runs a command as root (directly, or with sudo when there is one).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1
  fi
}

APT_UPDATED=""
apt_install() {
  if [ -z "$APT_UPDATED" ]; then
    as_root apt-get update -q
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "$@"
}

# The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_rust() {
  if ! command -v cargo >/dev/null; then
    echo "cargo is missing: install Rust with rustup (https://rustup.rs) first" >&2
    exit 1
  fi
  if command -v rustup >/dev/null; then
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
      say "adding the wasm32-unknown-unknown target"
      rustup target add wasm32-unknown-unknown
    fi
    for component in rustfmt clippy; do
      if ! rustup component list --installed | grep -q "^$component"; then
        say "adding $component"
        rustup component add "$component"
      fi
    done
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (several minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    say "installing node and npm"
    apt_install nodejs npm
  fi
  # wasm-opt (binaryen), the Go editor's sources and its bundler (CodeMirror, esbuild), the
  # browser driver and the accessibility checker, as package-lock.json pins them.
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
     || [ ! -x "$ROOT/node_modules/.bin/esbuild" ] || [ ! -d "$ROOT/node_modules/@codemirror/lang-go" ] \
     || [ ! -d "$ROOT/node_modules/@axe-core/playwright" ] \
     || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm packages (binaryen, CodeMirror, esbuild, playwright-core, @axe-core/playwright)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

ensure_chromium() {
  if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
    say "installing chromium"
    apt_install chromium chromium-driver
  fi
}

# Real Go 1.19 with golang.org/x/sync, and Go's own test programs (/usr/share/go-1.19/test):
# the pattern checks and the Go interpreter's tests compare against them.
ensure_go() {
  local missing=()
  [ -x /usr/lib/go-1.19/bin/go ] || missing+=(golang-1.19-go)
  [ -d /usr/share/gocode/src/golang.org/x/sync ] || missing+=(golang-golang-x-sync-dev)
  [ -d /usr/share/go-1.19/test/chan ] || missing+=(golang-1.19-src)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt_install "${missing[@]}"
  fi
}

ensure_build_tools() {
  ensure_rust
  ensure_node
  ensure_wasm_bindgen
  ensure_trunk
}
