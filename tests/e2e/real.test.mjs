// Real mode in the browser. Every case of tests/go/cases.txt opened by link in real mode on
// Web Workers prints what real Go printed for it (tests/go/expected/), in Go's order where Go's
// order is determined, with Go's exit status. Then the page's controls for it: the mode and
// processors in the link, the cores the browser reports, and Compare.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { openPage, output, query, waitForEnd, withBrowser } from './harness.mjs';
import { caseQuery, cases, expected, recordedForm } from './recorded.mjs';

let server;
let browser;
withBrowser((s, b) => {
  server = s;
  browser = b;
});

/** Opens `?<q>`, waits for the end of its autorun and reads the console; closes the page. */
async function runLink(q, timeout = 60_000) {
  const page = await openPage(browser, server.url, `?${q}`);
  try {
    const result = await waitForEnd(page, timeout);
    result.query = query(page);
    // The parameters the form shows, by key.
    result.params = await page.locator('[data-testid^="param-"]').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.dataset.testid.slice('param-'.length), e.value])));
    if (result.state === 'error') {
      result.why = await page.getByTestId('status').textContent();
    }
    return result;
  } finally {
    await page.context().close();
  }
}

/** Clock-tagged cases are run again, up to this many more times, while they differ. */
const CLOCK_RERUNS = 3;

/**
 * Whether `got` is an outcome of the race a `procs1` case shows, Go's recorded output (on
 * one P) being `want`: the same exit status and as many lines, each the one Go printed or,
 * for `loop-capture`, a value its shared loop variable held (0 to `count`, as the form
 * shows it). Real mode's hub runs beside its executor, so even on one worker the race may go
 * another way, as it does in Go with more Ps (the same rule as tests/real_mode.rs).
 */
function raceOutcome(c, want, got, params) {
  const held = (line) =>
    c.id === 'loop-capture' && /^\d+$/.test(line) && Number(line) <= Number(params.count);
  return got.length === want.length && got[0] === want[0]
    && got.slice(1).every((line, i) => line === want[i + 1] || held(line));
}

describe('real mode prints what Go printed', () => {
  test('every case of tests/go/cases.txt', async (t) => {
    for (const c of cases()) {
      // Race demos recorded with Go on one P run on one worker; the rest on two.
      const procs = c.tags.includes('procs1') ? '1' : '2';
      await t.test(c.name, async () => {
        const want = expected(c);
        const link = caseQuery(c, { mode: 'real', procs, autorun: '1' });
        let got;
        let params;
        for (let run = 1; ; run += 1) {
          const r = await runLink(link);
          // The link is the configuration: real mode and its processors stay in the address bar.
          assert.equal(r.query.get('mode'), 'real');
          assert.equal(r.query.get('procs'), procs);
          assert.equal(r.state, 'done', `real mode ended in state ${r.state}: ${r.why}`);
          got = recordedForm(c, r.lines, r.exitCode);
          params = r.params;
          const same = JSON.stringify(got) === JSON.stringify(want);
          if (same && run > 1) t.diagnostic(`${c.name} (clock): matched on run ${run}`);
          if (same || !c.tags.includes('clock') || run > CLOCK_RERUNS) break;
          t.diagnostic(`${c.name} (clock): printed ${JSON.stringify(got)}, Go ${JSON.stringify(want)}; run ${run + 1}`);
        }
        if (c.tags.includes('procs1') && raceOutcome(c, want, got, params)) {
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            t.diagnostic(`${c.name}: the race went another way: ${JSON.stringify(got)}`);
          }
          return;
        }
        assert.deepEqual(got, want, `line ${c.line} of tests/go/cases.txt: ?${link}`);
      });
    }
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
    // Sim mode models the CPU work exactly: twice the processors, half the time.
    assert.equal(Number(r.sim1.elapsedNs), 2 * Number(r.sim.elapsedNs));
    assert.equal(r.speedupSim.speedup, '2.000');
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

    // The console keeps the last run's output, real mode at procs=2; the link is unchanged.
    const { state, lines } = await waitForEnd(page);
    assert.equal(state, 'done');
    assert.deepEqual(lines, ['processed 8 jobs']);
    assert.equal(query(page).get('mode'), null);
    assert.equal(query(page).get('procs'), '2');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('Stop stops a comparison, and the next run starts fresh', async () => {
    // A benchmark that does its work for real even in sim mode, long enough to stop.
    const q = '?p=benchmark&tasks=1000000&workload=100000&rounds=1000&procs=2';
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
