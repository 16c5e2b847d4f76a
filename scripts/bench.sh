#!/usr/bin/env bash
# The runtime's benchmarks, native and in headless Chromium, beside Go's: builds both,
# runs them, prints one table.
#
#   scripts/bench.sh [--quick]
#
# Native: `cargo bench --bench rt` (benches/rt/). Browser: examples/rt_bench_web.rs built
# for wasm32, bound with wasm-bindgen, run by benches/web/run.mjs in Chromium (playwright-core,
# from package.json). Go: benches/rt/baseline_test.go in a scratch module, when a Go
# toolchain is found (GO=/path/to/go to choose one); else the reference figures. Then real
# mode on the release build: benches/real/run.mjs (speedup over Web Workers, channel
# operations between workers).

# The installer the other scripts share: Rust's wasm target, node and the npm packages,
# wasm-bindgen, Chromium, each when missing.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_rust
ensure_node
ensure_wasm_bindgen
ensure_chromium
cd "$ROOT"
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

QUICK=""
[ "${1:-}" = "--quick" ] && QUICK="--quick"
OUT="$ROOT/target/bench-web"
mkdir -p "$OUT/pkg"

# Figures taken on a busy machine are higher: the table says how busy it was.
export BENCH_LOAD="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

say "native benchmarks"
cargo bench --bench rt -- --json $QUICK | tail -n 1 > "$OUT/native.json"

say "wasm build"
cargo build --profile web --example rt_bench_web --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir "$OUT/pkg" \
  target/wasm32-unknown-unknown/web/examples/rt_bench_web.wasm
cp benches/web/index.html "$OUT/index.html"

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
  # One processor (chanlab's runtime is one cooperative executor) and all of the machine's.
  PROCS="$(nproc)"
  CPUS="1"
  [ "$PROCS" -gt 1 ] && CPUS="1,$PROCS"
  (
    cd "$SCRATCH"
    "$GO" mod init baseline >/dev/null 2>&1
    "$GO" test -run '^$' -bench 'SpawnJoin|PingPong|Buffered|Select4' -benchtime "$BENCHTIME" -cpu "$CPUS"
    "$GO" test -run '^$' -bench 'Parked' -benchtime 1x
  ) > "$OUT/go.txt"
  # {"version": …, "procs": N, "1": {key: figure}, "N": {…}}: benchmark lines are
  # BenchmarkName-P (no suffix for P = 1).
  awk -v version="$("$GO" version | awk '{print $3}')" -v procs="$PROCS" '
    /^Benchmark/ {
      name = $1; p = 1
      if (match(name, /-[0-9]+$/)) { p = substr(name, RSTART + 1); name = substr(name, 1, RSTART - 1) }
      sub(/^Benchmark/, "", name)
      key = name == "SpawnJoin" ? "spawn_join" : name == "PingPong" ? "ping_pong" : \
            name == "Buffered" ? "buffered" : name == "Select4" ? "select4" : "parked"
      value = $3
      if (key == "buffered") value = 1e9 / $3
      if (key == "parked") { for (i = 1; i < NF; i++) if ($(i + 1) == "B/goroutine") value = $i; p = procs }
      v[p "," key] = value; ps[p] = 1
    }
    END {
      printf "{\"version\":\"%s\",\"procs\":%d", version, procs
      for (p in ps) {
        printf ",\"%s\":{", p; sep = ""
        for (k in v) { split(k, a, ","); if (a[1] == p) { printf "%s\"%s\":%s", sep, a[2], v[k]; sep = "," } }
        printf "}"
      }
      print "}"
    }' "$OUT/go.txt" > "$OUT/go.json"
fi

echo
node benches/web/table.mjs "$OUT/native.json" "$OUT/wasm.json" "$OUT/go.json"

# Real mode: the built app in headless Chromium (benches/real/run.mjs).
ensure_build_tools
say "real mode (release build, headless Chromium)"
trunk build --release >&2
node benches/real/run.mjs $QUICK
