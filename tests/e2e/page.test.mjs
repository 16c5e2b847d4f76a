// The page as a user drives it: the form, the address bar, Run, Stop, the keyboard, bad links,
// and small screens.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  notices,
  openPage,
  output,
  outputState,
  query,
  waitForEnd,
  withBrowser,
} from './harness.mjs';

/** A run that computes for many seconds: 100000 jobs of 100000 units of real CPU work. */
// Real computation in sim mode (CPU work is only virtual there): the benchmark's tasks sum ten
// million integers each, for about 30 s until the wall-clock budget.
const LONG_RUN = '?p=benchmark&tasks=1000&rounds=1000&workload=10000000';

let server;
let browser;
withBrowser((s, b) => {
  server = s;
  browser = b;
});

async function source(page) {
  return page.getByTestId('go-source').textContent();
}

describe('the form', () => {
  test('a parameter change updates the address bar and the Go source', async () => {
    const page = await openPage(browser, server.url, '?p=worker-pool');
    // worker-pool is the default pattern, so the link says nothing.
    assert.equal(new URL(page.url()).search, '');
    const before = await source(page);
    assert.ok(before.startsWith('package main'), 'the source is a whole Go program');
    assert.match(before, /w <= 5;/);

    await page.getByTestId('param-workers').fill('7');
    await page.getByTestId('param-workers').press('Tab');
    await page.waitForFunction(() => location.search.includes('workers=7'));
    assert.equal(query(page).get('workers'), '7');
    assert.match(await source(page), /w <= 7;/);

    await page.getByTestId('param-job_ms').fill('250');
    await page.getByTestId('param-job_ms').press('Enter');
    await page.waitForFunction(() => location.search.includes('job_ms=250'));
    assert.match(await source(page), /time\.Sleep\(250 \* time\.Millisecond\)/);

    // Back to the defaults: the link is bare again.
    await page.getByTestId('reset').click();
    await page.waitForFunction(() => location.search === '');
    assert.equal(await source(page), before);
    assert.equal(await page.getByTestId('param-workers').inputValue(), '5');

    // And the run uses what the form says.
    await page.getByTestId('param-workers').fill('10');
    await page.getByTestId('run').click();
    const { lines, times, exitCode } = await waitForEnd(page);
    assert.deepEqual(lines, ['processed 20 jobs']);
    // Two rounds of 50 ms jobs, plus the program's own code (docs/INTERPRETER.md, Cost model).
    assert.equal(times.length, 1);
    assert.ok(times[0] >= 100_000_000 && times[0] < 100_100_000, `${times[0]} ns`);
    assert.equal(exitCode, 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('an out-of-range value is clamped with a notice', async () => {
    const page = await openPage(browser, server.url, '?p=worker-pool');
    await page.getByTestId('param-jobs').fill('99999999');
    await page.getByTestId('param-jobs').press('Tab');
    await page.getByTestId('notice').first().waitFor();
    const texts = await notices(page);
    assert.ok(texts.some((t) => t.includes('jobs') && t.includes('clamped to 100000')), texts.join('\n'));
    assert.equal(await page.getByTestId('param-jobs').inputValue(), '100000');
    assert.equal(query(page).get('jobs'), '100000');

    // Text where a number belongs falls back to the default, with a notice, even when the
    // value held before was already the default.
    await page.getByTestId('param-workers').fill('');
    await page.getByTestId('param-workers').press('Tab');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="notice"]').length >= 2);
    assert.equal(await page.getByTestId('param-workers').inputValue(), '5');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('picking another pattern shows its form, source and link', async () => {
    const page = await openPage(browser, server.url, '');
    assert.equal(await page.title(), 'Worker pool — chanlab');
    await page.getByTestId('pattern-select').click();
    await page.waitForFunction(() => location.search === '?p=select');
    assert.equal(await page.title(), 'First response wins — chanlab');
    assert.equal(await page.getByTestId('pattern-title').textContent(), 'First response wins');
    assert.match(await source(page), /select \{/);
    assert.equal(await page.getByTestId('param-latency_b_ms').inputValue(), '100');
    assert.equal(await page.getByTestId('param-workers').count(), 0);
    await page.getByTestId('run').click();
    assert.deepEqual((await waitForEnd(page)).lines, ['response from service B']);
    await page.context().close();
  });
});

describe('running', () => {
  test('Stop ends a long run at once, the page stays responsive, and the next Run works', async () => {
    const page = await openPage(browser, server.url, LONG_RUN);
    await page.getByTestId('run').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="output"]').dataset.state === 'running');

    // The page draws while the worker computes: frames pass with the run still going.
    const during = await page.evaluate(async () => {
      for (let i = 0; i < 3; i += 1) await new Promise((ok) => requestAnimationFrame(ok));
      return document.querySelector('[data-testid="output"]').dataset.state;
    });
    assert.equal(during, 'running', 'the run is long enough, and the page drew meanwhile');

    // Stop does not wait for the worker: the next frame shows the run stopped.
    const afterStop = await page.evaluate(async () => {
      document.querySelector('[data-testid="stop"]').click();
      await new Promise((ok) => requestAnimationFrame(ok));
      return document.querySelector('[data-testid="output"]').dataset.state;
    });
    assert.equal(afterStop, 'idle');
    const stopped = await outputState(page);
    assert.equal(stopped.exitCode, null);
    assert.match(await page.getByTestId('status').textContent(), /Stopped/);

    // The next run shows its own output and nothing of the stopped run's.
    await page.getByTestId('reset').click();
    await page.waitForFunction(() => location.search === '?p=benchmark');
    await page.getByTestId('run').click();
    const { state, lines, exitCode } = await waitForEnd(page);
    assert.equal(state, 'done');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^BenchmarkNaiveSpawn-4  5  \d+ ns\/op  10000 goroutines\/op$/);
    assert.equal(exitCode, 0);
  });

  test('a run that prints 100000 lines keeps the page responsive and its first and last lines', async (t) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The longest stretch the page's event loop was busy while the run was going, and how
    // long the run went on, both as the page saw them.
    await context.addInitScript(() => {
      window.longestBusyMs = 0;
      window.runningMs = 0;
      let last = performance.now();
      const tick = () => {
        const now = performance.now();
        const state = document.querySelector('[data-testid="output"]')?.dataset.state;
        if (state === 'running') {
          window.longestBusyMs = Math.max(window.longestBusyMs, now - last);
          window.runningMs += now - last;
        }
        last = now;
        if (state !== 'done') setTimeout(tick, 10);
      };
      setTimeout(tick, 10);
    });
    const page = await context.newPage();
    await page.goto(`${server.url}?p=fan-out-fan-in&items=100000&autorun=1`);
    const { state, exitCode, lines } = await waitForEnd(page, 60_000);
    assert.equal(state, 'done');
    assert.equal(exitCode, 0);
    assert.equal(await page.locator('.lines-count').textContent(), '100000 lines');
    // The console keeps the first 1000 lines and at least the last 1000 (up to a chunk of 250
    // more, as its batches arrived), and says how many it left out between them.
    assert.ok(lines.length >= 2000 && lines.length < 2250, `${lines.length} lines shown`);
    const gap = await page.locator('.console .gap').textContent();
    assert.match(gap, new RegExp(`${100000 - lines.length} lines not shown`));
    assert.ok(lines.every((l) => Number.isInteger(Math.sqrt(Number(l)))), 'every line is a square');
    // Batches arrive all along the run; drawing one must not hold the page for most of it.
    const { busy, running } = await page.evaluate(() => ({ busy: window.longestBusyMs, running: window.runningMs }));
    t.diagnostic(`longest busy stretch of the page: ${busy.toFixed(0)} ms of a ${running.toFixed(0)} ms run`);
    assert.ok(busy < running / 2, `the page was busy for ${busy} ms at a stretch of a ${running} ms run`);
  });

  test('Ctrl+Enter runs, with the field being edited committed first', async () => {
    const page = await openPage(browser, server.url, '?p=select');
    await page.keyboard.press('Control+Enter');
    assert.deepEqual((await waitForEnd(page)).lines, ['response from service B']);

    await page.getByTestId('param-latency_a_ms').fill('50');
    await page.getByTestId('param-latency_a_ms').press('Control+Enter');
    await page.waitForFunction(() => location.search.includes('latency_a_ms=50'));
    const { lines } = await waitForEnd(page);
    assert.deepEqual(lines, ['response from service A']);
    await page.context().close();
  });

  test('each line shows its time beside it, not inside it', async () => {
    const page = await openPage(browser, server.url, '?p=worker-pool&autorun=1');
    await waitForEnd(page);
    const row = page.locator('.row').first();
    assert.equal(await row.getByTestId('output-line').textContent(), 'processed 20 jobs');
    const t = Number(await row.getByTestId('output-line').getAttribute('data-t-ns'));
    // Four rounds of 50 ms jobs, plus the program's own code (docs/INTERPRETER.md, Cost model).
    assert.ok(t >= 200_000_000 && t < 200_100_000, `${t} ns`);
    assert.equal(await row.locator('.t').textContent(), '200ms');
    await page.context().close();
  });

  test("the page's own figures: rounded to the clock, counts with the right noun", async () => {
    // One goroutine, one send that never completes: singular nouns, and zero is plural.
    const page = await openPage(browser, server.url, '?p=deadlock&autorun=1');
    await waitForEnd(page);
    const facts = await page.locator('[data-testid="status"] .facts').textContent();
    assert.match(facts, /^0s of virtual time · \d+(\.\d)?ms in your browser · 1 goroutine · 0 sends, 0 receives$/);
    await page.context().close();
    // Real mode: wall-clock times at the browser's 0.1 ms, in the gutter and the status line.
    const real = await openPage(browser, server.url, '?p=pipeline&mode=real&procs=2&autorun=1');
    await waitForEnd(real, 60_000);
    const gutter = await real.locator('.row .t').allTextContents();
    assert.ok(gutter.length > 0);
    for (const t of gutter) assert.match(t, /^(0s|[1-9]00µs|\d{1,3}(\.\d)?ms|\d+(\.\d{1,3})?s)$/, t);
    const status = await real.locator('[data-testid="status"] .facts').first().textContent();
    assert.match(status, /^\d+(\.\d)?ms of wall-clock time · \d+(\.\d)?ms in your browser · \d+ goroutines · /);
    await real.context().close();
  });
});

describe('links', () => {
  test('an unknown pattern shows the catalog, a notice, and a working default', async () => {
    const page = await openPage(browser, server.url, '?p=nope');
    const texts = await notices(page);
    assert.equal(texts.length, 1);
    assert.match(texts[0], /no pattern `nope`/);
    assert.equal(await page.getByTestId('pattern-title').textContent(), 'Worker pool');
    assert.ok((await page.locator('[data-testid^="pattern-"]').count()) >= 5);
    // The address bar now holds the configuration on show.
    assert.equal(new URL(page.url()).search, '');
    await page.getByTestId('run').click();
    assert.deepEqual((await waitForEnd(page)).lines, ['processed 20 jobs']);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('malformed and out-of-range parameters are corrected with notices', async () => {
    const page = await openPage(browser, server.url, '?p=worker-pool&workers=abc&jobs=99999999&autorun=1');
    const texts = await notices(page);
    assert.ok(texts.some((t) => t.startsWith('workers:') && t.includes('default 5')), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('jobs:') && t.includes('clamped to 100000')), texts.join('\n'));
    assert.equal(await page.getByTestId('param-workers').inputValue(), '5');
    assert.equal(await page.getByTestId('param-jobs').inputValue(), '100000');
    const q = query(page);
    assert.equal(q.get('jobs'), '100000');
    assert.equal(q.get('workers'), null);
    assert.equal(q.get('autorun'), '1');
    const { lines, exitCode } = await waitForEnd(page, 60_000);
    assert.deepEqual(lines, ['processed 100000 jobs']);
    assert.equal(exitCode, 0);
    await page.context().close();
  });

  test('a hostile link cannot break the page', async () => {
    const hostile =
      '?p=%3Cscript%3Ealert(1)%3C%2Fscript%3E&seed=-5&procs=1e999&mode=turbo&v=99&embed=maybe' +
      '&%ZZ=%&&==&workers=' + '9'.repeat(5000) + '&autorun=1';
    const page = await openPage(browser, server.url, hostile);
    const texts = await notices(page);
    for (const key of ['p:', 'seed:', 'procs:', 'mode:', 'v:', 'embed:']) {
      assert.ok(texts.some((t) => t.startsWith(key)), `a notice for ${key}\n${texts.join('\n')}`);
    }
    assert.equal(await page.locator('script:not([type])').count(), 0);
    const { state, lines } = await waitForEnd(page);
    assert.equal(state, 'done');
    assert.deepEqual(lines, ['processed 20 jobs']);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('settings survive in the link', async () => {
    const page = await openPage(browser, server.url, '?p=select&seed=7&procs=2&latency_b_ms=300');
    assert.deepEqual(await notices(page), []);
    const q = query(page);
    assert.equal(q.get('seed'), '7');
    assert.equal(q.get('procs'), '2');
    assert.equal(q.get('latency_b_ms'), '300');
    assert.equal(await page.getByTestId('param-seed').inputValue(), '7');
    await page.context().close();
  });

  test('copy link puts the current link on the clipboard', async () => {
    const page = await openPage(browser, server.url, '?p=pipeline');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('param-prefix').fill('#');
    await page.getByTestId('param-prefix').press('Tab');
    await page.waitForFunction(() => location.search.includes('prefix='));
    await page.getByTestId('copy-link').click();
    await page.getByText('Copied').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, page.url());
    assert.equal(new URL(copied).searchParams.get('prefix'), '#');

    // The Go source's own button copies the program as shown.
    await page.getByTestId('copy-source').click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).startsWith('package main'));
    const program = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(program, await source(page));
    assert.match(program, /"#"/);
    await page.context().close();
  });
});

describe('layout', () => {
  test('works on a phone-sized screen without sideways scrolling', async () => {
    const page = await openPage(browser, server.url, '?p=nil-channel&autorun=1', {
      viewport: { width: 375, height: 740 },
    });
    const { exitCode, lines } = await waitForEnd(page);
    assert.equal(exitCode, 2);
    // Go's deadlock, not a panic (tests/go/expected/nil-channel__0.txt).
    assert.equal(lines[0], 'fatal error: all goroutines are asleep - deadlock!');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await page.getByTestId('pattern-select').click();
    await page.getByTestId('run').click();
    assert.deepEqual((await waitForEnd(page)).lines, ['response from service B']);
    await page.context().close();
  });

  test('embed=1 shows the compact view without the catalog', async () => {
    const page = await openPage(browser, server.url, '?p=select&embed=1&autorun=1');
    assert.equal(await page.locator('.catalog').isVisible(), false);
    assert.deepEqual((await waitForEnd(page)).lines, ['response from service B']);
    assert.equal(query(page).get('embed'), '1');
    await page.context().close();
  });
});

describe('the worker', () => {
  test('checks every request itself and answers bad ones without crashing', async () => {
    const page = await openPage(browser, server.url, '?p=select');
    const select = await page.getByTestId('go-source').textContent();
    const run = (pattern, params, source, extra = '') =>
      `{"Run":{"pattern":${JSON.stringify(pattern)},"params":${JSON.stringify(params)},` +
      `"source":${JSON.stringify(source)},` +
      `"mode":"sim","seed":18446744073709551615,"procs":4294967295${extra}}}`;
    const real = (request) => request.replace('"mode":"sim"', '"mode":"real"').replace('4294967295', '2');
    const broken = 'package main\n\nfunc main() {\n\tx := 1\n}\n';
    const requests = [
      'not json',
      42,
      // Sim mode runs the source, whatever the pattern says.
      run('nope', [], select),
      run('select', [], broken),
      run('select', [], 'x'.repeat(600 * 1024)),
      run('select', [['latency_a_ms', '-9'], ['nope', 'x']], select),
      // Real mode last: it answers after its executors have started, and runs the source too,
      // whatever the pattern says. A worker runs one real-mode run: a second request waits
      // for no one, and is answered at once.
      real(run('nope', [], select.replace('"response from service "', '"reply from service "'))),
      real(run('select', [], select)),
    ];
    const replies = await page.evaluate(
      (requests) =>
        new Promise((ok, fail) => {
          const worker = new Worker('./worker_loader.js');
          const answers = [];
          let output = [];
          worker.onerror = (e) => fail(new Error(`worker error: ${e.message}`));
          worker.onmessage = (e) => {
            if (typeof e.data !== 'string') return; // a run's trace
            const r = JSON.parse(e.data);
            if (r === 'Ready') {
              for (const m of requests) worker.postMessage(m);
            } else if (r.Output) {
              output.push(...r.Output.map((l) => l.text));
            } else if (r.Progress) {
              // The run goes on.
            } else {
              answers.push(
                r.Done
                  ? { exit: r.Done.exit_code, output }
                  : r.CompileFailed
                    ? { errors: r.CompileFailed, output }
                    : { failed: r.Failed },
              );
              output = [];
              if (answers.length === requests.length) {
                worker.terminate();
                ok(answers);
              }
            }
          };
        }),
      requests,
    );
    assert.match(replies[0].failed, /not understood/);
    assert.match(replies[1].failed, /not JSON text/);
    assert.deepEqual(replies[2], { exit: 0, output: ['response from service B'] });
    assert.deepEqual(replies[3], {
      errors: [{ line: 4, col: 2, text: './prog.go:4:2: declared and not used: x' }],
      output: ['# command-line-arguments', './prog.go:4:2: declared and not used: x'],
    });
    assert.match(replies[4].failed, /chanlab runs programs of up to 512 KB/);
    assert.deepEqual(replies[5], { exit: 0, output: ['response from service B'] });
    assert.equal(replies[6].failed, 'this worker is already running a real-mode run');
    assert.deepEqual(replies[7], { exit: 0, output: ['reply from service B'] });
    await page.context().close();
  });
});
