// Time from Run to the first output line, in headless Chromium, on the built app (dist/): for
// every catalog pattern with its defaults, a warm worker (loaded and idle, as the page's spare
// worker is when the user presses Run) is sent the page's own run request (src/protocol.rs)
// with the source the page shows, and the clock runs from the request to the first output
// batch: parsing, checking, compiling and starting the program included. The whole run's time
// is printed beside it.
//
//   node benches/page/first_output.mjs [--reps N]
//
// Target: under 30 ms for a catalog pattern (the median over the catalog, and each pattern's
// median over the repetitions, are printed).

import { startServer, chromiumPath } from '../../tests/e2e/harness.mjs';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const REPS = args.includes('--reps') ? Number(args[args.indexOf('--reps') + 1]) : 3;
/** How long a worker idles after Ready before the run: the spare worker's usual wait. */
const IDLE_MS = 300;

const server = await startServer();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const page = await browser.newPage();
  await page.goto(server.url);
  const ids = await page
    .locator('.catalog [data-testid^="pattern-"]')
    .evaluateAll((els) => els.map((e) => e.dataset.testid.slice('pattern-'.length)));

  const rows = [];
  for (const id of ids) {
    await page.goto(`${server.url}?p=${id}`);
    const source = await page.getByTestId('go-source').textContent();
    const request = { pattern: id, params: [], source, mode: 'sim', seed: 1, procs: 4 };
    const firsts = [];
    const totals = [];
    for (let i = 0; i < REPS; i++) {
      const r = await page.evaluate(async ({ request, idle }) => {
        const w = new Worker('./worker_loader.js');
        try {
          return await new Promise((ok) => {
            let sent = 0;
            let first = null;
            w.onerror = (e) => ok({ failed: e.message });
            w.onmessage = (e) => {
              if (typeof e.data !== 'string') return;
              const m = JSON.parse(e.data);
              if (m === 'Ready') {
                setTimeout(() => {
                  sent = performance.now();
                  w.postMessage(JSON.stringify({ Run: request }));
                }, idle);
              } else if (m.Output && first === null) {
                first = performance.now() - sent;
              } else if (m.Done || m.Failed || m.CompileFailed) {
                ok({ first, total: performance.now() - sent, failed: m.Failed ?? (m.CompileFailed && 'compile errors') });
              }
            };
          });
        } finally {
          w.terminate();
        }
      }, { request, idle: IDLE_MS });
      if (r.failed) throw new Error(`${id}: ${r.failed}`);
      if (r.first !== null) firsts.push(r.first);
      totals.push(r.total);
    }
    rows.push({ id, first: firsts.length ? median(firsts) : null, total: median(totals) });
  }

  const width = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) {
    const first = r.first === null ? '   (none)' : `${r.first.toFixed(1).padStart(6)} ms`;
    console.log(`${r.id.padEnd(width)}  first line ${first}   whole run ${r.total.toFixed(1).padStart(7)} ms`);
  }
  const firsts = rows.filter((r) => r.first !== null).map((r) => r.first);
  console.log(JSON.stringify({
    patterns: rows.length,
    reps: REPS,
    first_output_ms_median: Number(median(firsts).toFixed(1)),
    first_output_ms_max: Number(Math.max(...firsts).toFixed(1)),
    over_30ms: rows.filter((r) => r.first !== null && r.first >= 30).map((r) => r.id),
  }));
} finally {
  await browser.close();
  server.close();
}
