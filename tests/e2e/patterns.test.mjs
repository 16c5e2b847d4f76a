// Each pattern opened by link with autorun: the page shows exactly what Go prints, and Go's
// exit status. Expected outputs come from PATTERNS.md; extend EXPECTED as patterns land.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, startServer, waitForEnd } from './harness.mjs';

const deadlock = (state) => [
  'fatal error: all goroutines are asleep - deadlock!',
  '',
  `goroutine 1 [${state}]:`,
];

/**
 * One row per link. `lines`: the whole output, exactly. `startsWith`: its first lines.
 * `times`: the lines' timestamps in virtual ns, when PATTERNS.md gives them.
 */
export const EXPECTED = [
  { query: 'p=worker-pool', lines: ['processed 20 jobs'], exit: 0, times: [200_000_000] },
  { query: 'p=worker-pool&workers=10', lines: ['processed 20 jobs'], exit: 0, times: [100_000_000] },
  { query: 'p=pipeline', lines: ['>> GOROUTINES', '>> CHANNELS', '>> PIPELINES', '>> GO'], exit: 0 },
  { query: 'p=pipeline&words=chan,select&prefix=%2A%20', lines: ['* CHAN', '* SELECT'], exit: 0 },
  { query: 'p=select', lines: ['response from service B'], exit: 0, times: [100_000_000] },
  { query: 'p=select&latency_a_ms=50', lines: ['response from service A'], exit: 0 },
  {
    query: 'p=context-cancel',
    lines: [
      'worker 1: doing work',
      'worker 1: doing work',
      'worker 1: doing work',
      'worker 1: doing work',
      'worker stopped: context deadline exceeded',
    ],
    exit: 0,
  },
  { query: 'p=nil-channel', startsWith: deadlock('chan send (nil chan)'), exit: 2, stderr: true },
  { query: 'p=nil-channel&op=recv', startsWith: deadlock('chan receive (nil chan)'), exit: 2 },
  { query: 'p=nil-channel&op=select', startsWith: deadlock('select'), exit: 2 },
  { query: 'p=nil-channel&op=empty-select', startsWith: deadlock('select (no cases)'), exit: 2 },
];

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `?<query>&autorun=1`, waits for the end of the run, and reads the console. */
async function run(query) {
  const page = await openPage(browser, server.url, `?${query}&autorun=1`);
  const result = await waitForEnd(page);
  result.page = page;
  return result;
}

describe('patterns print what Go prints', () => {
  for (const row of EXPECTED) {
    test(row.query, async () => {
      const { page, state, exitCode, lines, times } = await run(row.query);
      assert.equal(state, 'done');
      assert.equal(exitCode, row.exit);
      if (row.lines) assert.deepEqual(lines, row.lines);
      if (row.startsWith) assert.deepEqual(lines.slice(0, row.startsWith.length), row.startsWith);
      if (row.times) assert.deepEqual(times, row.times);
      if (row.stderr) {
        // Go's report goes to stderr, and the console shows it so.
        const stderrRows = await page.locator('.row.stderr').count();
        assert.ok(stderrRows >= row.startsWith.length, `${stderrRows} stderr rows`);
      }
      const exitText = await page.getByTestId('exit-status').textContent();
      assert.match(exitText, new RegExp(`exit status ${row.exit}`));
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
});

describe('the catalog', () => {
  test('every pattern runs to the end with its defaults', async () => {
    const page = await openPage(browser, server.url, '');
    const ids = await page.locator('[data-testid^="pattern-"]').evaluateAll((els) =>
      els.map((e) => e.dataset.testid.slice('pattern-'.length)),
    );
    await page.context().close();
    for (const first of ['worker-pool', 'pipeline', 'select', 'context-cancel', 'nil-channel']) {
      assert.ok(ids.includes(first), `${first} is in the catalog`);
    }
    for (const id of ids) {
      const { page: p, state, exitCode, lines } = await run(`p=${id}`);
      assert.equal(state, 'done', `${id} ended in state ${state}`);
      assert.ok(exitCode === 0 || exitCode === 2, `${id} exit ${exitCode}`);
      assert.ok(
        lines.length > 0 || (await p.getByTestId('leaks').count()) > 0,
        `${id} printed nothing and left no goroutines`,
      );
      assert.deepEqual(p.problems, [], id);
      await p.context().close();
    }
  });
});
