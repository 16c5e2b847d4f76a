// Each pattern opened by link with autorun: the page shows exactly what Go prints, and Go's
// exit status. Expected outputs come from docs/PATTERNS.md; extend EXPECTED as patterns land.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { openPage, waitForEnd, withBrowser } from './harness.mjs';
import { caseQuery, cases, expected, recordedForm } from './recorded.mjs';

const deadlock = (state) => [
  'fatal error: all goroutines are asleep - deadlock!',
  '',
  `goroutine 1 [${state}]:`,
];

/**
 * One row per link. `lines`: the whole output, exactly. `startsWith`: its first lines.
 * `times`: the lines' timestamps in virtual ns, when docs/PATTERNS.md gives them (the code's
 * own cost, under 0.1 ms, comes on top).
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
  // The rest of the catalog, with docs/PATTERNS.md's defaults. `unordered`: the lines in any order
  // Go allows; `match`: each line against a pattern (seeded or measured figures).
  {
    query: 'p=goroutines',
    lines: [0, 1, 2, 3, 4].map((i) => `fetched data for id=${i}`),
    unordered: true,
    exit: 0,
  },
  { query: 'p=goroutines&sync=sleep&sleep_ms=50', lines: [], exit: 0, leaks: 5 },
  {
    query: 'p=channels',
    lines: ['received 1', 'received 2', 'received 3', 'sent 1', 'sent 2', 'sent 3'],
    unordered: true,
    exit: 0,
  },
  {
    query: 'p=channels&capacity=3',
    lines: ['sent 1', 'sent 2', 'sent 3', 'received 1', 'received 2', 'received 3'],
    exit: 0,
  },
  { query: 'p=range-close', lines: ['0', '1', '2', '3', '4', '0 false'], exit: 0 },
  { query: 'p=select-default', lines: ['channel not ready, moving on'], exit: 0 },
  { query: 'p=select-default&ready=true', lines: ['received 1'], exit: 0 },
  { query: 'p=timeout', lines: ['timed out waiting for result'], exit: 0 },
  { query: 'p=waitgroup-add', lines: ['finished 5 of 5'], exit: 0 },
  { query: 'p=waitgroup-add&add=inside', lines: ['finished 0 of 5'], exit: 0 },
  {
    query: 'p=fan-out-fan-in',
    lines: ['1', '4', '9', '16', '25', '36', '49', '64', '81', '100'],
    unordered: true,
    exit: 0,
  },
  {
    query: 'p=worker-pool-context',
    lines: ['completed 8 of 20 jobs', 'stopped: context deadline exceeded'],
    exit: 0,
  },
  {
    query: 'p=semaphore',
    lines: [
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `https://example.com/${i} -> 200`),
      'peak concurrency: 3',
    ],
    exit: 0,
    times: Array(11).fill(400_000_000),
  },
  {
    query: 'p=errgroup',
    lines: ['https://a.example OK (200)', 'health check failed: https://b.example returned 503'],
    exit: 0,
  },
  {
    // The latencies are latency_ms plus the default seed's jitter (tests/go/cases.txt).
    query: 'p=batch-processor',
    lines: [
      'https://example.com/page/0: 200 (107ms)',
      'https://example.com/page/1: 200 (125ms)',
      'https://example.com/page/2: 200 (148ms)',
      'https://example.com/page/3: 200 (94ms)',
      'https://example.com/page/4: 200 (94ms)',
      'https://example.com/page/5: 200 (127ms)',
      'https://example.com/page/6: 200 (138ms)',
      'https://example.com/page/7: 200 (102ms)',
    ],
    exit: 0,
  },
  { query: 'p=leak', lines: ['leaked goroutines: 10'], exit: 0, leaks: 10 },
  { query: 'p=leak&fix=context', lines: ['leaked goroutines: 0'], exit: 0 },
  {
    query: 'p=double-close',
    startsWith: ['panic: close of closed channel', ''],
    exit: 2,
  },
  { query: 'p=double-close&fix=once', lines: ['closed once'], exit: 0 },
  {
    query: 'p=send-closed',
    startsWith: ['panic: send on closed channel', '', 'goroutine 1 [running]:'],
    exit: 2,
  },
  { query: 'p=loop-capture', lines: ['5', '5', '5', '5', '5'], exit: 0 },
  {
    query: 'p=loop-capture&go_version=1.22',
    lines: ['0', '1', '2', '3', '4'],
    unordered: true,
    exit: 0,
  },
  {
    query: 'p=waitgroup-negative',
    startsWith: ['panic: sync: negative WaitGroup counter', '', 'goroutine 1 [running]:'],
    exit: 2,
  },
  { query: 'p=deadlock', startsWith: deadlock('chan send'), exit: 2 },
  {
    // Sim mode prints its cost model's prediction: the same figures every run, the pool faster.
    // (They move when the work before main does: the packages' initialisation is paid for too.)
    query: 'p=benchmark&tasks=1000&rounds=2',
    lines: [
      'BenchmarkNaiveSpawn-4  2  305259 ns/op  1000 goroutines/op',
      'BenchmarkWorkerPool-4  2  280606 ns/op  8 goroutines/op',
      'worker pool: 1.1x faster, 125.0x fewer goroutines',
    ],
    exit: 0,
  },
];

let server;
let browser;
withBrowser((s, b) => {
  server = s;
  browser = b;
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
      if (row.lines && row.unordered) {
        assert.deepEqual([...lines].sort(), [...row.lines].sort());
      } else if (row.lines) {
        assert.deepEqual(lines, row.lines);
      }
      if (row.match) {
        assert.equal(lines.length, row.match.length, lines.join('\n'));
        row.match.forEach((re, i) => assert.match(lines[i], re));
      }
      if (row.leaks !== undefined) {
        const listed = await page.getByTestId('leaks').locator('li').count();
        assert.equal(listed, row.leaks, 'leaked goroutines listed');
      }
      if (row.startsWith) assert.deepEqual(lines.slice(0, row.startsWith.length), row.startsWith);
      if (row.times) {
        // The program's own code takes virtual time too (docs/INTERPRETER.md, Cost model): a
        // line printed after a 200 ms sleep appears a few microseconds later, never sooner.
        assert.equal(times.length, row.times.length);
        times.forEach((t, i) => {
          const late = t - row.times[i];
          assert.ok(late >= 0 && late < 100_000, `line ${i} at ${t} ns, expected ${row.times[i]} ns`);
        });
      }
      if (row.stderr) {
        // Go's report goes to stderr, and the console shows it so.
        const stderrRows = await page.locator('.row.stderr').count();
        assert.ok(stderrRows >= row.startsWith.length, `${stderrRows} stderr rows`);
      }
      const exitText = await page.getByTestId('exit-status').textContent();
      assert.match(exitText, new RegExp(`exit status ${row.exit}`));
    });
  }
});

describe('the catalog', () => {
  test('every pattern prints, with its defaults, what Go recorded for them', async () => {
    const page = await openPage(browser, server.url, '');
    const ids = await page.locator('.catalog [data-testid^="pattern-"]').evaluateAll((els) =>
      els.map((e) => e.dataset.testid.slice('pattern-'.length)),
    );
    for (const first of ['worker-pool', 'pipeline', 'select', 'context-cancel', 'nil-channel']) {
      assert.ok(ids.includes(first), `${first} is in the catalog`);
    }
    // The first case of each pattern in tests/go/cases.txt is its defaults.
    const defaults = new Map(cases().map((c) => [c.name, c]));
    for (const id of ids) {
      const c = defaults.get(`${id}__0`);
      assert.ok(c, `${id} has no case in tests/go/cases.txt`);
      const { state, exitCode, lines } = await run(caseQuery(c));
      assert.equal(state, 'done', `${id} ended in state ${state}`);
      assert.deepEqual(recordedForm(c, lines, exitCode), expected(c), id);
    }
  });
});
