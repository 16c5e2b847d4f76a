// Real mode's benchmarks in headless Chromium, on the built app (dist/), each figure beside
// its baseline measured in the same run. Runs go straight to the app's worker with the
// page's own protocol (src/protocol.rs), as the page sends it: a worker is loaded first, with
// its executors (the page keeps one ready), then timed from the Run message to Done.
//
//   node benches/real/run.mjs [--quick]
//
// Every figure is taken on both transports: the page served without cross-origin isolation
// (messages between workers) and with it (COOP/COEP: shared memory).
//
// 1. The floor: a bare round trip between two Web Workers, by postMessage over a
//    MessageChannel, and through a SharedArrayBuffer with Atomics.wait/notify.
// 2. Round trip of one unbuffered send/receive pair between two workers: `bench-pingpong`
//    at procs=2. Target: median <= 2x the bare postMessage round trip; <= 20 us on shared
//    memory.
// 3. Channel operations between workers: `bench-pairs` (1,000 producer/consumer pairs, each
//    split across the two workers) at procs=2, against the same program in sim mode (every
//    operation within one worker). Target: >= 1,000,000 ops/s by messages, >= 5,000,000 on
//    shared memory.
// 4. Goroutines on one worker: `channels` (capacity 0, 2,000 values, no delay) in real mode
//    at procs=1 against sim mode. Target: at most 3x.
// 5. CPU-bound speedup: `worker-pool` with CPU-bound jobs of about 4 ms at procs=1 and
//    procs=2, against two bare workers computing the same loop. Target: at least 0.85 of the
//    bare workers' speedup.

import { readFileSync } from 'node:fs';
import { startServer, chromiumPath, ISOLATION } from '../../tests/e2e/harness.mjs';
import { chromium } from 'playwright-core';

const quick = process.argv.includes('--quick');
const REPS = quick ? 3 : 5;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (s) => s.elapsed_ns / 1e6;
const f = (x) => Math.round(x).toLocaleString('en-US');

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  // V8 compiles a wasm function when it is first called, on its baseline compiler, and
  // optimises the busy ones later, at times that differ from run to run. Optimising every
  // function up front, before the worker says it is ready, makes the runs compare the same
  // code. (Without Liftoff alone, each function is still compiled at its first call, by the
  // optimising compiler: a run then paid tens of milliseconds for every path it took first,
  // reading its request among them, which no browser makes a page pay.)
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
    '--js-flags=--no-liftoff --no-wasm-lazy-compilation'],
});

/** The Go program a run request carries: what the page shows for a catalog pattern with
 * `params`; for a benchmark program, which the page never offers, its template
 * (src/patterns/go/) with `params` in place of its `{{name}}`s. */
async function sourceOf(page, pattern, params) {
  if (pattern.startsWith('bench-')) {
    const template = readFileSync(new URL(`../../src/patterns/go/${pattern}.go`, import.meta.url), 'utf8');
    const text = template.replace(/\{\{(\w+)\}\}/g, (_, name) => {
      if (!(name in params)) throw new Error(`${pattern}: no value for {{${name}}}`);
      return String(params[name]);
    });
    if (text.includes('{{')) throw new Error(`${pattern}: its template is more than names to fill`);
    return text;
  }
  const source = await browser.newPage();
  const query = new URLSearchParams({ p: pattern, ...params });
  await source.goto(new URL('index.html?' + query, page.url()).href);
  const text = await source.getByTestId('go-source').textContent();
  await source.close();
  return text;
}

/** What each benchmark program prints last, for its parameters: a run that printed
 * something else did not run the program the figure is about. */
const LAST_LINE = {
  'bench-pingpong': (p) => `${p.rounds} round trips`,
  'bench-pairs': (p) => `${p.pairs * p.messages} messages passed`,
};

/** The page's side of a run on a loaded worker: resolves to { summary, ms } or throws. */
async function run(page, pattern, params, mode, procs) {
  const source = await sourceOf(page, pattern, params);
  const res = await page.evaluate(async (req) => {
    const w = new Worker('./worker_loader.js');
    try {
      let start = 0;
      const lines = [];
      return await new Promise((ok) => {
        w.onerror = (e) => ok({ Failed: e.message });
        w.onmessage = (e) => {
          if (typeof e.data !== 'string') return;
          const m = JSON.parse(e.data);
          if (m === 'Ready') {
            // The page's spare worker: ready before the click, settled and its executors
            // started ahead of the run (the page asks for that as soon as it is in real mode).
            if (req.mode === 'real') w.postMessage(JSON.stringify({ Warm: { procs: req.procs } }));
            setTimeout(() => {
              start = performance.now();
              w.postMessage(JSON.stringify({ Run: req }));
            }, req.mode === 'real' ? 1000 : 20);
          } else if (m.Output) lines.push(...m.Output.map((l) => l.text));
          else if (m.Done) ok({ Done: m.Done, ms: performance.now() - start, last: lines.at(-1) });
          else if (m.Failed) ok(m);
        };
      });
    } finally {
      w.terminate();
    }
  }, { pattern, params: Object.entries(params).map(([k, v]) => [k, String(v)]), source, mode, seed: 1, procs });
  if (!res.Done) throw new Error(`${pattern} ${mode} procs=${procs}: ${res.Failed}`);
  if (res.Done.exit_code !== 0) throw new Error(`${pattern} ${mode}: exit ${res.Done.exit_code}`);
  const expected = LAST_LINE[pattern]?.(params);
  if (expected !== undefined && res.last !== expected) {
    throw new Error(`${pattern} ${mode}: printed ${JSON.stringify(res.last)}, not ${JSON.stringify(expected)}`);
  }
  return { summary: res.Done, ms: res.ms };
}

/** Bare round trips between two workers: by message over a MessageChannel, and on shared
 * memory (when the page is cross-origin isolated). Medians in ms. */
async function floor(page, rounds) {
  return page.evaluate(async (rounds) => {
    // Timed as a whole: a page that is not cross-origin isolated reads a clock coarsened to
    // 0.1 ms.
    const source = `
      onmessage = (e) => {
        const { port, sab, role, rounds } = e.data;
        if (port) {
          let n = 0, t0 = 0;
          port.onmessage = (m) => {
            if (role === 'pong') return port.postMessage(m.data);
            if (++n < rounds) return port.postMessage(n);
            postMessage((performance.now() - t0) / rounds);
          };
          if (role === 'ping') { t0 = performance.now(); port.postMessage(0); }
        }
        if (sab) {
          const a = new Int32Array(sab);
          const t0 = performance.now();
          for (let i = 0; i < rounds; i++) {
            if (role === 'pong') {
              while (Atomics.load(a, 0) !== 2 * i + 1) Atomics.wait(a, 0, 2 * i);
              Atomics.store(a, 0, 2 * i + 2); Atomics.notify(a, 0);
            } else {
              Atomics.store(a, 0, 2 * i + 1); Atomics.notify(a, 0);
              while (Atomics.load(a, 0) !== 2 * i + 2) Atomics.wait(a, 0, 2 * i + 1);
            }
          }
          if (role === 'ping') postMessage((performance.now() - t0) / rounds);
        }
      };`;
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const pair = async (setup) => {
      const [a, b] = [new Worker(url), new Worker(url)];
      const done = new Promise((ok) => { a.onmessage = (e) => ok(e.data); });
      setup(a, b);
      const each = await done;
      a.terminate(); b.terminate();
      return each;
    };
    const message = await pair((a, b) => {
      const { port1, port2 } = new MessageChannel();
      b.postMessage({ port: port2, role: 'pong', rounds }, [port2]);
      a.postMessage({ port: port1, role: 'ping', rounds }, [port1]);
    });
    let shared = null;
    if (self.crossOriginIsolated) {
      const sab = new SharedArrayBuffer(8);
      shared = await pair((a, b) => {
        b.postMessage({ sab, role: 'pong', rounds });
        a.postMessage({ sab, role: 'ping', rounds });
      });
    }
    return { message, shared };
  }, rounds);
}

/** The bare workers' loop, in wasm, as the interpreter's loop runs: `spin(n)` sums the
 * integers below n in 64 bits, one addition an iteration. Assembled from
 *   (func (export "spin") (param $n i64) (result i64) (local $i i64) (local $sum i64)
 *     (block $done (loop $top (br_if $done (i64.ge_s (local.get $i) (local.get $n)))
 *       (local.set $sum (i64.add (local.get $sum) (local.get $i)))
 *       (local.set $i (i64.add (local.get $i) (i64.const 1))) (br $top)))
 *     (local.get $sum))
 * A JavaScript loop was the baseline before: whether V8 optimised it while it ran varied from
 * worker to worker, and with it its speed, up to fifteenfold, so that two workers sometimes
 * measured a sixth of one. Compiled up front (the browser's flags above), this loop runs in
 * the same code every time. */
const SPIN_WASM = [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 126, 1, 126, 3, 2, 1, 0, 7, 8, 1,
  4, 115, 112, 105, 110, 0, 0, 10, 38, 1, 36, 1, 2, 126, 2, 64, 3, 64, 32, 1, 32, 0, 89, 13, 1, 32,
  2, 32, 1, 124, 33, 2, 32, 1, 66, 1, 124, 33, 1, 12, 0, 11, 0, 11, 32, 2, 11];

/** Two bare workers computing `units` iterations of the CPU-work loop in halves, against one
 * computing all of it: the speedup the machine gives two workers now. */
async function bareSpeedup(page, units) {
  return page.evaluate(async ({ units, wasm }) => {
    const source = `const spin = new WebAssembly.Instance(
        new WebAssembly.Module(new Uint8Array(${JSON.stringify(wasm)}))).exports.spin;
      onmessage = (e) => postMessage(Number(spin(BigInt(e.data)) & 1n));`;
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const ready = async (n) => {
      const ws = Array.from({ length: n }, () => new Worker(url));
      // Loaded and warm: a few jobs first.
      for (let i = 0; i < 3; i++) {
        await Promise.all(ws.map((w) => new Promise((ok) => { w.onmessage = ok; w.postMessage(2_000_000); })));
      }
      return ws;
    };
    const timed = async (ws, each) => {
      const t0 = performance.now();
      await Promise.all(ws.map((w) => new Promise((ok) => { w.onmessage = ok; w.postMessage(each); })));
      const t = performance.now() - t0;
      ws.forEach((w) => w.terminate());
      return t;
    };
    const one = await timed(await ready(1), units);
    const two = await timed(await ready(2), units / 2);
    return one / two;
  }, { units, wasm: SPIN_WASM });
}

async function measure(server, transport) {
  const page = await browser.newPage();
  await page.goto(server.url + 'index.html?p=goroutines');
  const isolated = await page.evaluate(() => self.crossOriginIsolated);
  if (isolated !== (transport === 'shared memory')) throw new Error(`crossOriginIsolated is ${isolated}`);
  const out = { transport };
  // The baselines' bare workers run from blob URLs, which the app's Content-Security-Policy
  // (worker-src 'self') refuses: they run in a blank page of the same origin and isolation.
  const blank = await browser.newPage();
  await blank.route('**/bench-blank.html', (route) => route.fulfill({
    status: 200,
    contentType: 'text/html',
    headers: isolated ? ISOLATION : {},
    body: '<!doctype html><title>baselines</title>',
  }));
  await blank.goto(server.url + 'bench-blank.html');
  if (await blank.evaluate(() => self.crossOriginIsolated) !== isolated) {
    throw new Error('the baselines\' page is not isolated as the app\'s is');
  }

  // 1. The floor.
  const floors = [];
  for (let i = 0; i < REPS; i++) floors.push(await floor(blank, quick ? 200 : 1000));
  out.floor_message_ms = median(floors.map((x) => x.message));
  out.floor_shared_ms = isolated ? median(floors.map((x) => x.shared)) : null;

  // 2. Round trips.
  const rounds = quick ? 2000 : 10000;
  const trips = [];
  for (let i = 0; i < REPS; i++) {
    trips.push(ms((await run(page, 'bench-pingpong', { rounds }, 'real', 2)).summary) / rounds);
  }
  out.round_trip_ms = median(trips);

  // 3. Channel operations between workers.
  const pairs = { pairs: 1000, messages: quick ? 100 : 300 };
  const throughput = async (mode) => {
    const xs = [];
    for (let i = 0; i < REPS; i++) {
      const s = (await run(page, 'bench-pairs', pairs, mode, 2)).summary;
      const ops = s.metrics.chan_sends + s.metrics.chan_recvs;
      // Sim mode's clock is virtual: its speed is the worker's wall time.
      xs.push(ops / ((mode === 'sim' ? s.wall_ms : ms(s)) / 1e3));
    }
    return median(xs);
  };
  out.within_ops_s = await throughput('sim');
  out.between_ops_s = await throughput('real');

  // 4. Goroutines on one worker: browser time from Run to Done.
  const channels = { capacity: 0, values: 2000, recv_delay_ms: 0 };
  const simMs = [], realMs = [];
  for (let i = 0; i < REPS; i++) {
    simMs.push((await run(page, 'channels', channels, 'sim', 1)).ms);
    realMs.push((await run(page, 'channels', channels, 'real', 1)).ms);
  }
  out.channels_sim_ms = median(simMs);
  out.channels_real_ms = median(realMs);

  // 5. CPU-bound speedup, from Run to Done. Calibrate cpu_work so that one job takes about
  // 4 ms here.
  const pool = { workers: 4, jobs: quick ? 40 : 80, job_ms: 0, cpu_work: 4_000_000 };
  for (let i = 0; i < 2; i++) {
    const perJob = ms((await run(page, 'worker-pool', { ...pool, jobs: 20 }, 'real', 1)).summary) / 20;
    pool.cpu_work = Math.max(1, Math.round(pool.cpu_work * 4 / perJob));
  }
  const p1 = [], p2 = [], bare = [];
  for (let i = 0; i < REPS; i++) {
    p1.push((await run(page, 'worker-pool', pool, 'real', 1)).ms);
    p2.push((await run(page, 'worker-pool', pool, 'real', 2)).ms);
    bare.push(await bareSpeedup(blank, pool.cpu_work * pool.jobs));
  }
  out.job_ms = median(p1) / pool.jobs;
  out.procs1_ms = median(p1);
  out.procs2_ms = median(p2);
  out.speedup = median(p1) / median(p2);
  out.bare_speedup = median(bare);
  await page.close();
  await blank.close();
  return out;
}

const plain = await startServer();
const isolated = await startServer(undefined, { isolated: true });
const cores = await (async () => {
  const page = await browser.newPage();
  await page.goto(plain.url + 'index.html?p=goroutines');
  const n = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.close();
  return n;
})();
const results = [await measure(plain, 'messages'), await measure(isolated, 'shared memory')];

const us = (x) => `${(x * 1000).toFixed(1)} us`;
console.log(`real mode in headless Chromium (${cores} cores reported), medians of ${REPS}`);
for (const r of results) {
  console.log(`\n${r.transport}:`);
  const floorMs = r.transport === 'messages' ? r.floor_message_ms : r.floor_shared_ms;
  console.log(`  bare round trip between two workers: ${us(r.floor_message_ms)} by postMessage` +
    (r.floor_shared_ms === null ? '' : `, ${us(r.floor_shared_ms)} by Atomics`));
  console.log(`  unbuffered send/receive round trip between two workers: ${us(r.round_trip_ms)}, ` +
    `${(r.round_trip_ms / floorMs).toFixed(2)}x the bare round trip ` +
    (r.transport === 'messages' ? '(target <= 2x the postMessage one)' : '(target <= 20 us)'));
  console.log(`  channel operations, 1,000 pairs across two workers: ${f(r.between_ops_s)} ops/s ` +
    `(target >= ${r.transport === 'messages' ? '1,000,000' : '5,000,000'}); within one worker (sim mode) ${f(r.within_ops_s)} ops/s`);
  console.log(`  channels, 2,000 values at procs=1, Run to Done: real ${r.channels_real_ms.toFixed(0)} ms, ` +
    `sim ${r.channels_sim_ms.toFixed(0)} ms: ${(r.channels_real_ms / r.channels_sim_ms).toFixed(2)}x (target <= 3x)`);
  console.log(`  worker-pool, 4 workers, CPU-bound jobs of ${r.job_ms.toFixed(1)} ms, Run to Done: ` +
    `procs=1 ${r.procs1_ms.toFixed(0)} ms, procs=2 ${r.procs2_ms.toFixed(0)} ms, speedup ${r.speedup.toFixed(2)}x; ` +
    `two bare workers ${r.bare_speedup.toFixed(2)}x: ${(r.speedup / r.bare_speedup).toFixed(2)} of it (target >= 0.85)`);
}
console.log(JSON.stringify({ cores, results }));

await browser.close();
await plain.close();
await isolated.close();
