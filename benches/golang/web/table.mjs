// Prints the browser's interpreter figures (benches/web/run.mjs's output for
// benches/golang/web) as a table, each with its ratio to the baseline of the same run.
//
//   node benches/golang/web/table.mjs wasm.json

import { readFileSync } from 'node:fs';

const { browser, figures } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const pad = (s, n) => String(s).padStart(n);
console.log(`wasm in ${browser}`);
console.log(`${'benchmark'.padEnd(54)} ${pad('chanlab', 10)} ${pad('baseline', 10)} ${pad('ratio', 7)} ${pad('target', 9)} ${pad('met', 4)}`);
for (const f of figures) {
  const ratio = f.baseline ? f.value / f.baseline : null;
  const target = f.ratio != null ? `≤ ${f.ratio}×` : `≤ ${f.max}`;
  const met = f.ratio != null ? (ratio == null ? '?' : ratio <= f.ratio ? 'yes' : 'no') : f.value <= f.max ? 'yes' : 'no';
  console.log(
    `${f.what.padEnd(54)} ${pad(f.value.toFixed(2), 10)} ` +
      `${pad(f.baseline != null ? f.baseline.toFixed(2) : '-', 10)} ${pad(ratio != null ? ratio.toFixed(2) + '×' : '-', 7)} ` +
      `${pad(target, 9)} ${pad(met, 4)}`,
  );
}
