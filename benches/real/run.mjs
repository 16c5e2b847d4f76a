// Real mode's benchmarks in headless Chromium, on the built app (dist/): each run goes
// straight to the app's worker with the page's own protocol (src/protocol.rs), as the page
// sends it, and the figures come from the runs' summaries.
//
//   node benches/real/run.mjs [--quick]
//
// 1. Parallel speedup: `worker-pool` with CPU-bound jobs (job_ms=0, cpu_work sized so one
//    job takes about 5 ms), at procs=1 and procs=2, alternately. Target: ≥ 1.8× on two
//    cores.
// 2. Channel operations between workers: `bench-pairs` (src/patterns/bench.rs), producer and
//    consumer pairs on unbuffered channels, each pair split across the two executors, in real
//    mode at procs=2 (every operation is a message between workers, batched per tick),
//    against the same program in sim mode (every operation within one worker).
//    Target: ≥ 200,000 operations per second.

import { startServer, chromiumPath } from '../../tests/e2e/harness.mjs';
import { chromium } from 'playwright-core';

const quick = process.argv.includes('--quick');
const REPS = quick ? 1 : 3;

const server = await startServer();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  // Every worker compiles the wasm afresh; V8 starts it on its baseline compiler and
  // optimises hot code later, at times that differ from run to run. Optimising everything up
  // front makes the runs compare the same code.
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--js-flags=--no-liftoff'],
});
const page = await browser.newPage();
await page.goto(server.url + 'index.html?p=goroutines');
const cores = await page.evaluate(() => navigator.hardwareConcurrency);

/** Runs one request on a fresh worker; resolves to its summary (Done) or throws. */
async function run(pattern, params, mode, procs) {
  const res = await page.evaluate(async (req) => {
    const w = new Worker('./worker_loader.js');
    try {
      return await new Promise((ok) => {
        w.onerror = (e) => ok({ Failed: e.message });
        w.onmessage = (e) => {
          if (typeof e.data !== 'string') return;
          const m = JSON.parse(e.data);
          if (m === 'Ready') w.postMessage(JSON.stringify({ Run: req }));
          else if (m.Done || m.Failed) ok(m);
        };
      });
    } finally {
      w.terminate();
    }
  }, { pattern, params: Object.entries(params).map(([k, v]) => [k, String(v)]), mode, seed: 1, procs });
  if (!res.Done) throw new Error(`${pattern} ${mode} procs=${procs}: ${res.Failed}`);
  if (res.Done.exit_code !== 0) throw new Error(`${pattern} ${mode}: exit ${res.Done.exit_code}`);
  return res.Done;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const ms = (s) => s.elapsed_ns / 1e6;

// 1. Speedup. Calibrate cpu_work so that one job takes about 5 ms here: time the pool's jobs
// on one processor and scale, twice.
const pool = { workers: 4, jobs: quick ? 40 : 80, job_ms: 0, cpu_work: 5_000_000 };
for (let i = 0; i < 2; i++) {
  const perJob = ms(await run('worker-pool', { ...pool, jobs: 20 }, 'real', 1)) / 20;
  pool.cpu_work = Math.max(1, Math.round(pool.cpu_work * 5 / perJob));
}
const units = pool.cpu_work;
const p1 = [], p2 = [];
for (let i = 0; i < REPS; i++) {
  p1.push(ms(await run('worker-pool', pool, 'real', 1)));
  p2.push(ms(await run('worker-pool', pool, 'real', 2)));
}
const jobMs = median(p1) / pool.jobs;
const speedup = median(p1) / median(p2);


// 2. Channel operations.
const pairs = { pairs: 1000, messages: quick ? 100 : 300 };
const throughput = async (mode, procs) => {
  const xs = [];
  for (let i = 0; i < REPS; i++) {
    const s = await run('bench-pairs', pairs, mode, procs);
    const ops = s.metrics.chan_sends + s.metrics.chan_recvs;
    // Sim mode's clock is virtual: its speed is the worker's wall time.
    xs.push(ops / ((mode === 'sim' ? s.wall_ms : ms(s)) / 1e3));
  }
  return median(xs);
};
const within = await throughput('sim', 2);
const between = await throughput('real', 2);

const f = (x) => Math.round(x).toLocaleString('en-US');
console.log(`real mode in headless Chromium (${cores} cores reported), median of ${REPS}`);
console.log(`worker-pool, ${pool.workers} workers, ${pool.jobs} CPU-bound jobs of ${jobMs.toFixed(1)} ms (cpu_work=${units}):`);
console.log(`  procs=1 ${median(p1).toFixed(0)} ms, procs=2 ${median(p2).toFixed(0)} ms: speedup ${speedup.toFixed(2)}x (target >= 1.8x, limit 2.0x)`);
console.log(`channel operations, ${f(pairs.pairs)} producer/consumer pairs passing ${f(pairs.messages)} values each:`);
console.log(`  within one worker (sim mode): ${f(within)} ops/s`);
console.log(`  between workers (real mode, procs=2): ${f(between)} ops/s (target >= 200,000)`);
console.log(JSON.stringify({ cores, job_ms: jobMs, procs1_ms: median(p1), procs2_ms: median(p2), speedup, within_ops_s: within, between_ops_s: between }));

await browser.close();
await server.close();
