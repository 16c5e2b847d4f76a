// Every case of tests/go/cases.txt opened by link, in sim mode and in real mode on two Web
// Workers (one for the cases Go ran with GOMAXPROCS=1): the page runs the pattern's Go source
// through the interpreter and prints what real Go printed for that source (tests/go/expected,
// recorded by tests/go/check.sh), with Go's exit status. The source the page shows and runs
// (`go-source`) is checked to be exactly the program Go ran: the one tests/go/render.py
// renders for the case (a case line's `latencies` are the ones the page draws from its seed).
//
// The comparison is check.sh's (tests/go/README.md, `recordedForm`): after a panic or fatal
// error only the `goroutine N [state]:` headers are kept, ids other than main's read `<id>`;
// `unordered` cases compare sorted lines; `timing` cases replace measured figures by
// placeholders. Sim mode runs on a virtual clock and must print every recorded output on its
// first run. Real mode runs on the wall clock as Go does: a case tagged `clock` is run again,
// up to three more times, while it differs, and each rerun is logged; any other case must
// match on its first run.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openPage, startServer, waitForEnd, withBrowser } from './harness.mjs';
import { GO_DIR, caseQuery, cases, expected, recordedForm, runAgainstRecorded } from './recorded.mjs';

let server;
let browser;
withBrowser((s, b) => {
  server = s;
  browser = b;
});

/** The case's link in `mode`: real mode on two workers, or one for a case Go ran on one P. */
function link(c, mode) {
  const extra = mode === 'real' ? { mode: 'real', procs: c.tags.includes('procs1') ? '1' : '2' } : {};
  return `?${caseQuery(c, { ...extra, autorun: '1' })}`;
}

/**
 * Real mode's cases are served cross-origin isolated, as scripts/serve.sh serves the app, so
 * they run on shared memory; tests/e2e/real.test.mjs runs the catalog by messages too.
 */
let isolated;
before(async () => {
  isolated = await startServer(undefined, { isolated: true });
});
after(async () => {
  await isolated?.close();
});

let rendered;
before(() => {
  rendered = mkdtempSync(join(tmpdir(), 'chanlab-cases-'));
  execFileSync('python3', [join(GO_DIR, 'render.py'), 'cases', join(GO_DIR, 'cases.txt'), rendered]);
});
after(() => rmSync(rendered, { recursive: true, force: true }));

/**
 * Opens case `c` in `mode`, checks that the page runs the program Go ran, and reads what it
 * printed; closes the page.
 */
async function runCase(c, mode) {
  const page = await openPage(browser, (mode === 'real' ? isolated : server).url, link(c, mode));
  try {
    const { state, exitCode, lines } = await waitForEnd(page, mode === 'real' ? 60_000 : 30_000);
    const why = state === 'done' ? '' : await page.getByTestId('status').textContent();
    assert.equal(state, 'done', `${mode} mode ended in state ${state}: ${why}`);
    const source = await page.getByTestId('go-source').textContent();
    assert.equal(source, readFileSync(join(rendered, c.name, 'main.go'), 'utf8'), 'the source Go ran');
    return { exitCode, lines };
  } finally {
    await page.context().close();
  }
}

describe('every case of tests/go/cases.txt prints what Go printed', () => {
  const all = cases();
  test('cases.txt names every catalog pattern', async () => {
    const page = await openPage(browser, server.url);
    const ids = await page.locator('.catalog [data-testid^="pattern-"]').evaluateAll((els) =>
      els.map((e) => e.dataset.testid.slice('pattern-'.length)),
    );
    assert.ok(ids.length >= 20, `${ids.length} patterns in the catalog`);
    for (const id of ids) assert.ok(all.some((c) => c.id === id), `${id} has a case`);
  });

  describe('sim mode', () => {
    for (const c of all) {
      test(`${c.name}: ${link(c, 'sim')}`, async () => {
        const { exitCode, lines } = await runCase(c, 'sim');
        assert.deepEqual(recordedForm(c, lines, exitCode), expected(c));
      });
    }
  });

  describe('real mode', () => {
    for (const c of all) {
      test(`${c.name}: ${link(c, 'real')}`, async (t) => {
        const { got, want } = await runAgainstRecorded(c, () => runCase(c, 'real'), (m) => t.diagnostic(m));
        assert.deepEqual(got, want);
      });
    }
  });
});
