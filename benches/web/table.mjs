// Prints the benchmark figures side by side: native, wasm in Chromium, Go, and the targets.
//
//   node benches/web/table.mjs NATIVE.json WASM.json [GO.json]
//
// NATIVE.json is `cargo bench --bench rt -- --json`'s output, WASM.json run.mjs's, GO.json
// a {key: value} map (scripts/bench.sh makes it from `go test -bench`; absent without Go,
// when the reference figures measured on the project's machine are shown instead).

import { readFileSync, existsSync } from 'node:fs';

const [nativeFile, wasmFile, goFile] = process.argv.slice(2);
const native = JSON.parse(readFileSync(nativeFile, 'utf8'));
const wasm = JSON.parse(readFileSync(wasmFile, 'utf8'));
const measured = goFile && existsSync(goFile) ? JSON.parse(readFileSync(goFile, 'utf8')) : null;
// Without a measured Go, the reference figures the native harness carries (`go_ref`).
const goFigure = (f) => (measured ? measured[f.key] : f.go_ref);

const fmt = (v) => (v == null ? '-' : v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v.toFixed(1));
const wasmBy = Object.fromEntries(wasm.figures.map((f) => [f.key, f]));

const rows = [['benchmark', 'unit', 'native', 'native', 'wasm', 'wasm', measured ? 'Go' : 'Go (ref)', 'target']];
rows.push(['', '', 'trace on', 'trace off', 'trace on', 'trace off', '', '']);
for (const f of native) {
  const w = wasmBy[f.key] ?? {};
  rows.push([
    f.what, f.unit,
    fmt(f.value), fmt(f.untraced),
    fmt(w.value), fmt(w.untraced),
    fmt(goFigure(f)),
    f.target == null ? '-' : `<= ${f.target}`,
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) {
  console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
}
console.log(`\nwasm: ${wasm.browser}, headless; Go: ${measured ? 'measured in this run' : 'reference figures'}` +
  (measured?.version ? ` (${measured.version})` : ''));
