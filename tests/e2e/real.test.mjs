// Real mode in the browser. Every catalog pattern opened by link in real mode on Web Workers,
// with its defaults (the first case of tests/go/cases.txt for it), prints what real Go printed
// for it (tests/go/expected/, compared as tests/e2e/recorded.mjs puts it), in Go's order where
// Go's order is determined, with Go's exit status; on both of real mode's transports: messages
// (a page served as most are) and shared memory (the page served cross-origin isolated, as
// scripts/serve.sh does). tests/e2e/go_cases.test.mjs runs every case of cases.txt. Then the
// page's controls for it: the mode and processors in the link, the cores the browser reports,
// and Compare.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';

import { openPage, output, query, startServer, waitForEnd, withBrowser } from './harness.mjs';
import { caseQuery, cases, runAgainstRecorded } from './recorded.mjs';

let server;
let browser;
withBrowser((s, b) => {
  server = s;
  browser = b;
});

/** The same dist/, served cross-origin isolated (COOP/COEP). */
let isolated;
before(async () => {
  isolated = await startServer(undefined, { isolated: true });
});
after(async () => {
  await isolated?.close();
});

/** Real mode's transports, each with the server whose pages use it. */
const TRANSPORTS = [
  ['messages', () => server],
  ['shared-memory', () => isolated],
];

/** Opens `?<q>`, waits for the end of its autorun and reads the console; closes the page. */
async function runLink(q, timeout = 60_000, on = server) {
  const page = await openPage(browser, on.url, `?${q}`);
  try {
    const result = await waitForEnd(page, timeout);
    result.query = query(page);
    result.transport = await page.getByTestId('status').getAttribute('data-transport');
    if (result.state === 'error') {
      result.why = await page.getByTestId('status').textContent();
    }
    return result;
  } finally {
    await page.context().close();
  }
}

/** The catalog's pattern ids, as the page lists them. */
async function catalogIds() {
  const page = await openPage(browser, server.url, '');
  const ids = await page
    .locator('.catalog [data-testid^="pattern-"]')
    .evaluateAll((els) => els.map((e) => e.dataset.testid.slice('pattern-'.length)));
  await page.context().close();
  return ids;
}

describe('real mode prints what Go printed', () => {
  for (const [transport, on] of TRANSPORTS) {
    test(`every catalog pattern with its defaults, ${transport}`, async (t) => {
      const ids = await catalogIds();
      assert.ok(ids.length >= 20, `the catalog lists ${ids.length} patterns`);
      // The first case of each pattern in tests/go/cases.txt is its defaults.
      const defaults = new Map(cases().map((c) => [c.name, c]));
      for (const id of ids) {
        const c = defaults.get(`${id}__0`);
        assert.ok(c, `${id} has no case in tests/go/cases.txt`);
        // Race demos recorded with Go on one P run on one worker; the rest on two.
        const procs = c.tags.includes('procs1') ? '1' : '2';
        await t.test(id, async () => {
          const link = caseQuery(c, { mode: 'real', procs, autorun: '1' });
          const { got, want } = await runAgainstRecorded(c, async () => {
            const r = await runLink(link, 60_000, on());
            // The link is the configuration: real mode and its processors stay in the address bar.
            assert.equal(r.query.get('mode'), 'real');
            assert.equal(r.query.get('procs'), procs);
            assert.equal(r.state, 'done', `real mode ended in state ${r.state}: ${r.why}`);
            assert.equal(r.transport, procs === '1' ? null : transport, 'the transport the page says the run used');
            return r;
          }, (m) => t.diagnostic(m));
          assert.deepEqual(got, want, `line ${c.line} of tests/go/cases.txt: ?${link}`);
        });
      }
    });

    // Two rounds of four jobs complete in sim mode, and the third would end past the
    // deadline. Real mode's operations must be cheap enough for the second round to finish in
    // time, every time. The pattern's own margin is 20 ms (jobs of 50 ms against 120 ms); an
    // interpreted job costs three round trips to the hub (its atomic Add waits for the hub),
    // and on a small machine a worker that has idled 50 ms is now and then 20 to 30 ms late to
    // wake: the rounds here have 50 ms of margin.
    const margin = '&job_ms=100&timeout_ms=250';
    test(`worker-pool-context completes what sim mode completes, 20 runs of 20, ${transport}`, async () => {
      const sim = await runLink(`p=worker-pool-context${margin}&autorun=1`);
      assert.equal(sim.transport, null, 'sim mode has no transport');
      assert.deepEqual(sim.lines, ['completed 8 of 20 jobs', 'stopped: context deadline exceeded']);
      // The test before this one leaves the browser busy for a moment, tearing down its pages
      // and their workers; this one measures real mode, not that.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const completed = [];
      for (let i = 0; i < 20; i++) {
        const real = await runLink(`p=worker-pool-context${margin}&mode=real&procs=2&autorun=1`, 60_000, on());
        assert.equal(real.transport, transport);
        completed.push(real.state === 'done' ? real.lines[0] : `${real.state}: ${real.why}`);
      }
      assert.deepEqual(completed, Array(20).fill(sim.lines[0]));
    });
  }

  test('at procs=1 real mode is one worker, with no transport', async () => {
    const real = await runLink('p=pipeline&mode=real&procs=1&autorun=1', 60_000, isolated);
    assert.equal(real.state, 'done');
    assert.equal(real.transport, null);
  });
});

/** A page whose browser reports `cores` cores (navigator.hardwareConcurrency). */
async function openWithCores(cores, q) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((n) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
  }, cores);
  const page = await context.newPage();
  await page.goto(server.url + q);
  await page.getByTestId('output').waitFor();
  return page;
}

describe('real mode controls', () => {
  test('the mode and processors live in the link; the page says how many cores there are', async () => {
    const page = await openPage(browser, server.url, '?p=select');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const realDefault = Math.min(Math.max(cores, 1), 16);
    assert.match(await page.getByTestId('cores').textContent(), new RegExp(`reports ${cores} cores?\\b`));
    // Sim mode keeps its fixed default, so a sim link runs the same on every machine.
    assert.equal(await page.getByTestId('param-procs').inputValue(), '4');

    await page.getByTestId('param-mode').selectOption('real');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('mode') === 'real');
    assert.equal(query(page).get('procs'), null, 'the default is not written');
    assert.equal(await page.getByTestId('param-procs').inputValue(), String(realDefault));

    const other = realDefault === 3 ? '2' : '3';
    await page.getByTestId('param-procs').fill(other);
    await page.getByTestId('param-procs').press('Tab');
    await page.waitForFunction((n) => new URLSearchParams(location.search).get('procs') === n, other);

    await page.getByTestId('param-mode').selectOption('sim');
    await page.waitForFunction(() => !location.search.includes('mode='));
    assert.equal(query(page).get('procs'), other, 'a chosen procs stays');
    assert.deepEqual(page.problems, []);
    await page.context().close();

    // A real-mode link is taken as it is, with no notice.
    const real = await openPage(browser, server.url, '?p=select&mode=real');
    assert.deepEqual(await real.getByTestId('notice').allTextContents(), []);
    assert.equal(await real.getByTestId('param-mode').inputValue(), 'real');
    assert.equal(await real.getByTestId('param-procs').inputValue(), String(realDefault));
    await real.context().close();
  });

  test("the timeline shows real mode's own states, and sim mode's does not", async () => {
    const legendStates = async (q) => {
      const page = await openPage(browser, server.url, `?${q}&autorun=1`);
      assert.equal((await waitForEnd(page, 60_000)).state, 'done');
      await page.getByTestId('legend').waitFor();
      const states = await page
        .locator('[data-testid="legend"] li[data-state]')
        .evaluateAll((els) => els.map((e) => e.dataset.state));
      assert.deepEqual(page.problems, []);
      await page.context().close();
      return states;
    };
    // Workers between two operations run on their executors; on the hub that is a state.
    const real = await legendStates('p=worker-pool&workers=2&jobs=4&mode=real&procs=2');
    assert.ok(real.includes('executor'), real.join(' '));
    const sim = await legendStates('p=worker-pool&workers=2&jobs=4');
    assert.ok(!sim.includes('executor') && !sim.includes('hub'), sim.join(' '));
  });

  test('real mode defaults to the reported cores, clamped to 1..16', async () => {
    for (const [cores, procs, text] of [
      [32, '16', /reports 32 cores; real mode uses 16/],
      [1, '1', /reports 1 core; real mode uses 1/],
      [0, '1', /does not report its cores; real mode uses 1/],
    ]) {
      const page = await openWithCores(cores, '?mode=real');
      assert.equal(await page.getByTestId('param-procs').inputValue(), procs, `${cores} cores`);
      assert.match(await page.getByTestId('cores').textContent(), text);
      assert.equal(query(page).get('procs'), null);
      await page.context().close();
    }
  });
});

/** Waits until the comparison is no longer running and reads its cells. */
async function compareResults(page, timeout = 60_000) {
  await page.waitForFunction(
    () => {
      const state = document.querySelector('[data-testid="compare-results"]')?.dataset.state;
      return state !== undefined && state !== 'running';
    },
    null,
    { timeout },
  );
  return page.evaluate(() => {
    const panel = document.querySelector('[data-testid="compare-results"]');
    const cell = (id) => {
      const el = panel.querySelector(`[data-testid="${id}"]`);
      return { ...el.dataset, text: el.textContent };
    };
    return {
      state: panel.dataset.state,
      procs: panel.dataset.procs,
      sim: cell('compare-sim'),
      sim1: cell('compare-sim-1'),
      real: cell('compare-real'),
      real1: cell('compare-real-1'),
      speedupSim: cell('compare-speedup-sim'),
      speedupReal: cell('compare-speedup-real'),
    };
  });
}

describe('compare', () => {
  test('runs sim and real mode at procs=P and at 1 and shows them side by side', async () => {
    // CPU-bound jobs: 8 jobs on 4 workers, each 20 million units of work, no sleeping.
    const q = '?p=worker-pool&workers=4&jobs=8&job_ms=0&cpu_work=20000000&procs=2';
    const page = await openPage(browser, server.url, q);
    await page.getByTestId('compare').click();
    const r = await compareResults(page);
    assert.equal(r.state, 'done');
    assert.equal(r.procs, '2');

    // The prediction: sim mode at 2 and at 1 processors.
    for (const cell of [r.sim, r.sim1]) {
      assert.equal(cell.state, 'done', cell.text);
      assert.equal(cell.exitCode, '0');
      assert.ok(Number(cell.elapsedNs) > 0, cell.text);
    }
    // Sim mode models the CPU work exactly: twice the processors, half the time (give or take
    // the microsecond main's own code takes, docs/INTERPRETER.md, Cost model).
    const simSpeedup = Number(r.sim1.elapsedNs) / Number(r.sim.elapsedNs);
    assert.ok(Math.abs(simSpeedup - 2) < 0.001, `${r.sim1.elapsedNs} / ${r.sim.elapsedNs}`);
    assert.ok(Math.abs(Number(r.speedupSim.speedup) - 2) < 0.001, r.speedupSim.speedup);
    assert.match(r.speedupSim.text, /^2\.00×$/);

    // The measurement: real mode at 2 and at 1 processors, each printing what sim mode did.
    for (const cell of [r.real, r.real1]) {
      assert.equal(cell.state, 'done', cell.text);
      assert.equal(cell.exitCode, '0');
      assert.ok(Number(cell.elapsedNs) > 0, cell.text);
      assert.equal(cell.matches, 'true', cell.text);
      assert.match(cell.text, /same output as sim/);
    }
    // How much faster two workers really are depends on the machine and its load; that the
    // page computes it from the two wall-clock times is what is checked.
    const measured = Number(r.real1.elapsedNs) / Number(r.real.elapsedNs);
    assert.ok(Math.abs(Number(r.speedupReal.speedup) - measured) < 0.001, r.speedupReal.text);
    assert.match(r.speedupReal.text, /^\d+\.\d\d×$/);
    // The gap to Go, from the floor the run measured on this browser (a page served as most
    // are: messages).
    assert.match(
      await page.getByTestId('compare-gap').textContent(),
      /at least a round trip between them, \d+ µs on this browser \(messages between workers\)/,
    );

    // The console keeps the last run's output, real mode at procs=2; the link is unchanged.
    const { state, lines } = await waitForEnd(page);
    assert.equal(state, 'done');
    assert.deepEqual(lines, ['processed 8 jobs']);
    assert.equal(query(page).get('mode'), null);
    assert.equal(query(page).get('procs'), '2');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test("a benchmark's measured figures differ from sim's as expected, and the page says so", async () => {
    const page = await openPage(browser, server.url, '?p=benchmark&tasks=1000&rounds=2&procs=2');
    await page.getByTestId('compare').click();
    const r = await compareResults(page, 120_000);
    assert.equal(r.state, 'done');
    for (const cell of [r.real, r.real1]) {
      assert.equal(cell.state, 'done', cell.text);
      assert.equal(cell.verdict, 'measured', cell.text);
      assert.match(cell.text, /same output as sim; only measured figures differ, as expected/);
      assert.doesNotMatch(cell.text, /output differs/);
    }
    // Sim mode's cells are the model's prediction, the same every time (moving only when the
    // work before main does: the packages' initialisation is paid for too).
    const again = await openPage(browser, server.url, '?p=benchmark&tasks=1000&rounds=2&procs=2&autorun=1');
    assert.deepEqual((await waitForEnd(again)).lines, [
      'BenchmarkNaiveSpawn-2  2  609975 ns/op  1000 goroutines/op',
      'BenchmarkWorkerPool-2  2  558917 ns/op  8 goroutines/op',
      'worker pool: 1.1x faster, 125.0x fewer goroutines',
    ]);
    assert.deepEqual(page.problems, []);
    await page.context().close();
    await again.context().close();
  });

  test('Stop stops a comparison, and the next run starts fresh', async () => {
    // A benchmark that does its work for real even in sim mode, long enough to stop, with
    // fewer goroutines than the limit of those alive at once (which would end each run early).
    const q = '?p=benchmark&tasks=10000&workload=100000&rounds=1000&procs=2';
    const page = await openPage(browser, server.url, q);
    await page.getByTestId('compare').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="compare-sim"]')?.dataset.state === 'running',
    );
    await page.getByTestId('stop').click();
    const r = await compareResults(page, 5_000);
    assert.equal(r.state, 'stopped');
    for (const cell of [r.sim, r.sim1, r.real, r.real1]) assert.equal(cell.state, 'stopped');
    assert.equal(await output(page).getAttribute('data-state'), 'idle');
    // Nothing else starts: ten frames later, everything is still stopped.
    await page.evaluate(async () => {
      for (let i = 0; i < 10; i += 1) await new Promise((ok) => requestAnimationFrame(ok));
    });
    assert.equal(await output(page).getAttribute('data-state'), 'idle');
    assert.equal((await compareResults(page)).real1.state, 'stopped');

    await page.getByTestId('pattern-select').click();
    assert.equal(await page.getByTestId('compare-results').count(), 0);
    await page.getByTestId('run').click();
    assert.deepEqual((await waitForEnd(page)).lines, ['response from service B']);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('the benchmark in real mode', () => {
  for (const [transport, on] of TRANSPORTS) {
    test(`the benchmark's pool beats a goroutine per task in real mode at procs=2, run after run (${transport})`, async () => {
      // What Go prints and the page explains: the pool pays for 8 goroutines, not 10,000. A
      // pool worker on another executor pays the transport for every receive, so this holds
      // only if moving a job between workers is cheap enough; five runs of five.
      for (let run = 1; run <= 5; run += 1) {
        const r = await runLink('p=benchmark&mode=real&procs=2&autorun=1', 60_000, on());
        assert.equal(r.state, 'done', r.why);
        assert.equal(r.transport, transport);
        const nsPerOp = (name) => {
          const line = r.lines.find((l) => l.startsWith(`Benchmark${name}-2  5  `));
          assert.ok(line, `${name}: ${r.lines.join(' | ')}`);
          return Number(line.match(/  (\d+) ns\/op/)[1]);
        };
        const [naive, pool] = [nsPerOp('NaiveSpawn'), nsPerOp('WorkerPool')];
        assert.ok(pool < naive, `run ${run}: the pool ${pool} ns/op, a goroutine per task ${naive}`);
        assert.match(r.lines.at(-1), /^worker pool: \d+\.\dx faster, 1250\.0x fewer goroutines$/);
        assert.doesNotMatch(r.lines.at(-1), /^worker pool: (0\.\d|1\.0)x/, `run ${run}`);
      }
    });
  }
});

describe("real mode's charts", () => {
  /** The tooltips of lane `name` hovered at 24 points across the plot. */
  async function tooltips(page, name) {
    const tips = [];
    for (let i = 0; i < 24; i++) {
      const at = await page.evaluate(
        ([name, f]) => {
          const text = [...document.querySelectorAll('[data-testid="timeline"] [data-lane]')].find((e) => e.dataset.lane === name);
          text.closest('[data-testid="timeline"]').scrollIntoView({ block: 'center' });
          const row = text.closest('g').querySelector('rect.bg').getBoundingClientRect();
          return { x: row.left + 150 + (row.width - 150) * f, y: row.top + row.height / 2 };
        },
        [name, (i + 0.5) / 24],
      );
      await page.mouse.move(at.x, at.y);
      await page.waitForTimeout(20);
      const tip = page.getByTestId('timeline-tooltip');
      if ((await tip.count()) > 0) tips.push(await tip.textContent());
    }
    return tips;
  }

  /** A page that ran `query` (autorun) to a normal end, its timeline drawn. */
  async function ranToTimeline(query) {
    const page = await openPage(browser, server.url, query);
    assert.equal((await waitForEnd(page, 60_000)).exitCode, 0);
    await page.locator('[data-testid="timeline"][data-state="ready"]').waitFor();
    return page;
  }

  /** The CPU work tooltips of `worker`'s lane; fails, with the lane's tooltips, if none. */
  async function cpuWorkOf(page, worker) {
    const tips = await tooltips(page, worker);
    const cpu = tips.filter((t) => t.includes('CPU work'));
    assert.ok(cpu.length > 0, `${worker} shows CPU work: ${tips.join('\n')}`);
    return cpu;
  }

  test('CPU work is on the goroutine and executor that ran it, in real time, and every view counts it once', async () => {
    const page = await ranToTimeline(
      '?p=worker-pool&workers=2&jobs=6&job_ms=0&cpu_work=20000000&mode=real&procs=2&autorun=1',
    );
    // The page's own figures are rounded to the clock (0.1 ms on a page that is not isolated).
    const status = await page.getByTestId('status').textContent();
    assert.match(status, /\d+(\.\d)?ms of wall-clock time · \d+(\.\d)?ms in your browser · 4 goroutines · 12 sends, 12 receives/);

    // main only sends and receives: it never shows CPU work, nor sim mode's words.
    const main = await tooltips(page, 'main');
    assert.ok(main.length > 10, main.join('\n'));
    for (const tip of main) {
      assert.doesNotMatch(tip, /CPU work|sim mode|virtual time/, tip);
      assert.doesNotMatch(tip, /\d\.\d{2,}ms/, `rounded to the clock: ${tip}`);
    }
    // The workers computed, each on its own executor.
    for (const worker of ['main.worker 1', 'main.worker 2']) {
      const cpu = await cpuWorkOf(page, worker);
      const name = worker.replace('.', '\\.');
      for (const tip of cpu) assert.match(tip, new RegExp(`^${name} · CPU workfrom .* for .*on executor [01]$`), tip);
    }

    // One figure for the CPU work, in the processors' summary and in Metrics.
    await page.getByTestId('tab-processors').click();
    const summary = await page.getByTestId('processors').locator('.tl-hint').textContent();
    const [, cpu] = summary.match(/^2 processors, (\S+) of CPU work/);
    await page.getByTestId('tab-metrics').click();
    const metric = await page.locator('[data-testid="metrics"] [data-metric="cpu"] td').textContent();
    assert.equal(metric, cpu);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('goroutines computing side by side on one executor each show their CPU work', async () => {
    // Four CPU-bound workers on two executors: two take turns on each.
    const page = await ranToTimeline(
      '?p=worker-pool&workers=4&jobs=8&job_ms=0&cpu_work=20000000&mode=real&procs=2&autorun=1',
    );
    for (const worker of ['main.worker 1', 'main.worker 2', 'main.worker 3', 'main.worker 4']) {
      await cpuWorkOf(page, worker);
    }
    // The executors computed most of the run, and the processors view says so.
    await page.getByTestId('tab-processors').click();
    const summary = await page.getByTestId('processors').locator('.tl-hint').textContent();
    const [, utilisation] = summary.match(/mean utilisation (\d+)%/);
    assert.ok(Number(utilisation) >= 50, summary);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe("real mode's reports", () => {
  // Four workers wait on a channel nobody sends on, spread over the hub and an executor.
  const program = [
    'package main',
    '',
    'import "sync"',
    '',
    'func worker(in <-chan int, wg *sync.WaitGroup) {',
    '\tdefer wg.Done()',
    '\t<-in',
    '}',
    '',
    'func main() {',
    '\tin := make(chan int)',
    '\tvar wg sync.WaitGroup',
    '\tfor i := 0; i < 4; i++ {',
    '\t\twg.Add(1)',
    '\t\tgo worker(in, &wg)',
    '\t}',
    '\twg.Wait()',
    '}',
    '',
  ].join('\n');
  const fragment = `#code=${deflateRawSync(Buffer.from(program)).toString('base64url')}`;

  for (const [transport, on] of TRANSPORTS) {
    test(`a deadlock shows every goroutine's frames and lines, as sim mode does, ${transport}`, async () => {
      const sim = await runLink(`autorun=1${fragment}`);
      const real = await runLink(`mode=real&procs=2&autorun=1${fragment}`, 60_000, on());
      assert.equal(sim.exitCode, 2);
      assert.equal(sim.lines[0], 'fatal error: all goroutines are asleep - deadlock!');
      // main waits at line 17, each worker at line 7, started at line 15.
      assert.equal(sim.lines.filter((l) => l === '\t./prog.go:17').length, 1, sim.lines.join('\n'));
      assert.equal(sim.lines.filter((l) => l === '\t./prog.go:7').length, 4, sim.lines.join('\n'));
      assert.equal(sim.lines.filter((l) => l === '\t./prog.go:15').length, 4, sim.lines.join('\n'));
      assert.equal(real.exitCode, 2);
      assert.equal(real.transport, transport);
      assert.deepEqual(real.lines, sim.lines);
    });
  }
});
