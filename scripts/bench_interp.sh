#!/usr/bin/env bash
# The Go interpreter's benchmarks, natively and in headless Chromium, each figure beside its
# baseline measured in the same run: the doTask loop beside Go's build of it (native, and
# js/wasm in the same browser), goroutine spawn+join and ping-pong beside the Rust programs
# doing the same on chanlab's runtime, compiling the largest catalog program against its
# limit. Then how much the interpreter adds to a wasm module.
#
#   scripts/bench_interp.sh [--quick]
#
# Native: `cargo bench --bench golang` (benches/golang/). Browser: examples/golang_bench_web.rs
# built for wasm32, bound with wasm-bindgen, and benches/golang/go_loop built by Go for
# js/wasm, run by benches/web/run.mjs in Chromium from benches/golang/web/index.html.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_rust
ensure_node
ensure_wasm_bindgen
ensure_chromium
ensure_go
cd "$ROOT"
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

QUICK=""
[ "${1:-}" = "--quick" ] && QUICK="--quick"
GO=/usr/lib/go-1.19/bin/go
OUT="$ROOT/target/bench-interp"
mkdir -p "$OUT/pkg"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

say "native benchmarks"
cargo bench --bench golang -- $QUICK --write-largest "$OUT/largest.go"

say "wasm build"
cargo build --profile web --example golang_bench_web --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir "$OUT/pkg" \
  target/wasm32-unknown-unknown/web/examples/golang_bench_web.wasm
GOOS=js GOARCH=wasm GO111MODULE=off "$GO" build -o "$OUT/go_loop.wasm" benches/golang/go_loop/main.go
cp "$("$GO" env GOROOT)/misc/wasm/wasm_exec.js" "$OUT/"
cp benches/golang/web/index.html "$OUT/index.html"

say "wasm benchmarks in headless Chromium"
node benches/web/run.mjs "$OUT" $QUICK > "$OUT/wasm.json"
node benches/golang/web/table.mjs "$OUT/wasm.json"

# The interpreter's weight in a wasm module: the runtime's benchmark module, and the
# interpreter's (the same runtime and its benchmarks, and the interpreter), both optimised as the release build's worker is (wasm-opt
# -O3, Trunk's data-wasm-opt="3").
say "wasm size"
cargo build --profile web --example rt_bench_web --target wasm32-unknown-unknown
size_gz() {
  local opt="$OUT/$(basename "$1" .wasm).opt.wasm"
  "$ROOT/node_modules/.bin/wasm-opt" -O3 --all-features "$1" -o "$opt"
  gzip -9 -c "$opt" | wc -c
}
rt=$(size_gz target/wasm32-unknown-unknown/web/examples/rt_bench_web.wasm)
both=$(size_gz target/wasm32-unknown-unknown/web/examples/golang_bench_web.wasm)
printf 'runtime only: %d bytes gzipped; with the interpreter: %d; the interpreter adds %d KB (target ≤ 250 KB)\n' \
  "$rt" "$both" $(((both - rt) / 1024))
