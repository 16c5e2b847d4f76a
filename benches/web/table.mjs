// Prints the benchmark figures side by side: native, wasm in Chromium, Go, and the targets.
//
//   node benches/web/table.mjs NATIVE.json WASM.json [GO.json]
//
// NATIVE.json is `cargo bench --bench rt -- --json`'s output, WASM.json run.mjs's, GO.json
// {"version", "procs", "1": {key: figure}, "<procs>": {…}} (scripts/bench.sh makes it from
// `go test -bench -cpu 1,<procs>`; absent without Go).

import { readFileSync, existsSync } from 'node:fs';

const [nativeFile, wasmFile, goFile] = process.argv.slice(2);
const native = JSON.parse(readFileSync(nativeFile, 'utf8'));
const wasm = JSON.parse(readFileSync(wasmFile, 'utf8'));
const measured = goFile && existsSync(goFile) ? JSON.parse(readFileSync(goFile, 'utf8')) : null;
const wasmBy = Object.fromEntries(wasm.figures.map((f) => [f.key, f]));
const fmt = (v) => (v == null ? '-' : v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v.toFixed(1));

// Measured Go has a column per GOMAXPROCS (1, and the machine's processors); without it,
// the reference figures the native harness carries (`go_ref`).
const reference = { title: 'Go ref', figure: (f) => f.go_ref };
const goColumns = measured
  ? [
      ...[...new Set(['1', String(measured.procs)])].map((p) => ({
        title: `Go P=${p}`,
        figure: (f) => (f.key === 'parked' ? measured[measured.procs]?.parked : measured[p]?.[f.key]),
      })),
      reference,
    ]
  : [reference];

const rows = [['benchmark', 'unit', 'native', 'native', 'wasm', 'wasm', ...goColumns.map((c) => c.title), 'target']];
rows.push(['', '', 'trace on', 'trace off', 'trace on', 'trace off', ...goColumns.map(() => ''), '']);
for (const f of native) {
  const w = wasmBy[f.key] ?? {};
  rows.push([
    f.what, f.unit,
    fmt(f.value), fmt(f.untraced),
    fmt(w.value), fmt(w.untraced),
    ...goColumns.map((c) => fmt(c.figure(f))),
    f.target == null ? '-' : `<= ${f.target}`,
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) {
  console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
}
console.log(`
native and wasm: the best of several runs; native timed by the thread's CPU time, wasm by
performance.now() in ${wasm.browser} (headless).` + (measured ? `
Go P=n: ${measured.version} measured in this run with GOMAXPROCS=n (go test -bench, wall time).` : '') + `
Go ref: Go 1.19 on the project's machine as the issue gives it (memory: the minimum stack).` +
  (process.env.BENCH_LOAD ? `\nload average when the run started: ${process.env.BENCH_LOAD}` : ''));
