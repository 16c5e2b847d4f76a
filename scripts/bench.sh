#!/usr/bin/env bash
# The runtime's benchmarks, native and in headless Chromium, beside Go's: builds both,
# runs them, prints one table.
#
#   scripts/bench.sh [--quick]
#
# Native: `cargo bench --bench rt` (benches/rt/). Browser: examples/rt_bench_web.rs built
# for wasm32, bound with wasm-bindgen, run by benches/web/run.mjs in Chromium (playwright-core,
# from package.json). Go: benches/rt/baseline_test.go in a scratch module, when a Go
# toolchain is found (GO=/path/to/go to choose one); else the reference figures.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
QUICK=""
[ "${1:-}" = "--quick" ] && QUICK="--quick"
OUT="$ROOT/target/bench-web"
mkdir -p "$OUT/pkg"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

say "native benchmarks"
cargo bench --bench rt -- --json $QUICK | tail -n 1 > "$OUT/native.json"

say "wasm build"
cargo build --release --example rt_bench_web --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir "$OUT/pkg" \
  target/wasm32-unknown-unknown/release/examples/rt_bench_web.wasm
cp benches/web/index.html "$OUT/index.html"

if [ ! -d node_modules/playwright-core ]; then
  say "installing the browser driver (npm)"
  npm install --no-audit --no-fund
fi
say "wasm benchmarks in headless Chromium"
node benches/web/run.mjs "$OUT" $QUICK > "$OUT/wasm.json"

GO="${GO:-$(command -v go || true)}"
[ -z "$GO" ] && [ -x /usr/lib/go-1.19/bin/go ] && GO=/usr/lib/go-1.19/bin/go
rm -f "$OUT/go.json"
if [ -n "$GO" ]; then
  say "Go baseline ($("$GO" version))"
  SCRATCH="$(mktemp -d)"
  trap 'rm -rf "$SCRATCH"' EXIT
  cp benches/rt/baseline_test.go "$SCRATCH/"
  BENCHTIME="1s"
  [ -n "$QUICK" ] && BENCHTIME="100ms"
  (
    cd "$SCRATCH"
    "$GO" mod init baseline >/dev/null 2>&1
    "$GO" test -run '^$' -bench 'SpawnJoin|PingPong|Buffered|Select4' -benchtime "$BENCHTIME"
    "$GO" test -run '^$' -bench 'Parked' -benchtime 1x
  ) > "$OUT/go.txt"
  awk -v version="$("$GO" version | awk '{print $3}')" '
    /^BenchmarkSpawnJoin/ { v["spawn_join"] = $3 }
    /^BenchmarkPingPong/  { v["ping_pong"] = $3 }
    /^BenchmarkBuffered/  { v["buffered"] = 1e9 / $3 }
    /^BenchmarkSelect4/   { v["select4"] = $3 }
    /^BenchmarkParked/    { for (i = 1; i < NF; i++) if ($(i + 1) == "B/goroutine") v["parked"] = $i }
    END {
      printf "{\"version\":\"%s\"", version
      for (k in v) printf ",\"%s\":%s", k, v[k]
      print "}"
    }' "$OUT/go.txt" > "$OUT/go.json"
fi

echo
node benches/web/table.mjs "$OUT/native.json" "$OUT/wasm.json" "$OUT/go.json"
