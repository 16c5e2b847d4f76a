// Accessibility as axe-core checks it (WCAG 2.1 A and AA rules), on the main page before and
// after a run, the trace views' tabs, and the embedded view, in light and dark: no serious or
// critical finding. And what axe cannot judge alone: every control reachable with the keyboard
// and visibly focused, text alternatives for the timeline and charts, and no animation when
// the reader asks for reduced motion.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';

import { openPage, waitForEnd, withBrowser } from './harness.mjs';

let server;
let browser;
withBrowser((s, b) => {
  server = s;
  browser = b;
});

/** Opens `query` in a fresh context with the colour scheme `scheme`. */
const open = (query, scheme) => openPage(browser, server.url, query, { colorScheme: scheme });

/** The serious and critical findings of axe on the page as it is now, one line each. */
async function findings(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary}`));
}

async function assertClean(page, what) {
  const found = await findings(page);
  assert.deepEqual(found, [], `${what}:\n${found.join('\n')}`);
}

for (const scheme of ['light', 'dark']) {
  describe(`axe, ${scheme}`, () => {
    test('the main page, before and after a run, and every trace view', async () => {
      const page = await open('?p=worker-pool&workers=3&jobs=6', scheme);
      await assertClean(page, 'before a run');
      await page.getByTestId('run').click();
      await waitForEnd(page, 60_000);
      await page.locator('[data-testid="timeline"][data-state="ready"]').waitFor({ timeout: 30_000 });
      await assertClean(page, 'the timeline');
      await page.getByTestId('timeline-table').locator('summary').click();
      assert.match(await page.getByTestId('timeline-table').locator('tbody tr').first().textContent(), /^main/);
      await assertClean(page, 'the timeline as a table');
      for (const tab of ['processors', 'channels', 'metrics']) {
        await page.getByTestId(`tab-${tab}`).click();
        await assertClean(page, `the ${tab} view`);
      }
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });

    test('a run that leaks, deadlocks or stops at a limit', async () => {
      for (const query of ['?p=leak&autorun=1', '?p=deadlock&autorun=1', '?p=benchmark&tasks=1000000']) {
        const page = await open(query, scheme);
        if (!query.includes('autorun')) await page.getByTestId('run').click();
        await waitForEnd(page, 60_000);
        await assertClean(page, query);
        await page.context().close();
      }
    });

    test('the embedded view', async () => {
      const page = await open(`?p=pipeline&embed=1&view=output,timeline,source&theme=${scheme}`, scheme);
      await assertClean(page, 'before a run');
      await page.getByTestId('run').click();
      await waitForEnd(page, 60_000);
      await assertClean(page, 'after a run');
      await page.context().close();
    });
  });
}

test('every control is reached with Tab and shows where the focus is', async (t) => {
  const page = await open('?p=worker-pool&workers=3&jobs=6&autorun=1', 'light');
  await waitForEnd(page, 60_000);
  await page.locator('[data-testid="timeline"][data-state="ready"]').waitFor({ timeout: 30_000 });
  // Every control a reader could use: visible, enabled, not inside a closed <details>.
  const expected = await page.evaluate(() => {
    const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex="0"]')]
      .filter((el) => !el.disabled && el.getClientRects().length > 0)
      .filter((el) => !el.closest('details:not([open]) > :not(summary)'));
    controls.forEach((el, i) => { el.dataset.probe = String(i); });
    return controls.length;
  });
  // Where the focus is, and whether it is shown.
  const where = () => page.evaluate(() => {
    const outer = document.activeElement;
    if (!outer || outer === document.body) return null;
    // The editor (CodeMirror) lives in a shadow root: its focus is on the content inside,
    // and its ring on the editor around it.
    let el = outer;
    while (el.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const ring = el.closest('.cm-editor') ?? el;
    const style = getComputedStyle(ring);
    const shown = (ring === el ? el.matches(':focus-visible') : ring.classList.contains('cm-focused'))
      && (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== 'none');
    const editing = !!el.closest('[data-testid="go-editor"]');
    return { probe: outer.dataset.probe ?? null, shown, what: el.outerHTML.slice(0, 80), editing, area: el.tagName === 'TEXTAREA' };
  });
  const reached = new Set();
  const unmarked = [];
  for (let i = 0; i < 4 * expected && reached.size < expected; i++) {
    await page.keyboard.press('Tab');
    let focus = await where();
    if (!focus) continue;
    // CodeMirror marks its editor focused in its next update, a frame after the focus moves.
    if (focus.editing && !focus.area && !focus.shown) {
      await page.locator('.cm-editor.cm-focused').waitFor({ timeout: 30_000 });
      focus = await where();
    }
    // The code's text area loads the editor when focused, which takes its place and its focus:
    // wait for it, so the walk goes through the editor as a keyboard user's does.
    if (focus.area) await page.locator('.cm-editor.cm-focused').waitFor({ timeout: 30_000 });
    // Tab indents in the editor; Escape, then Tab, leaves it, as a keyboard user does.
    if (focus.editing) await page.keyboard.press('Escape');
    if (focus.probe !== null) reached.add(focus.probe);
    if (!focus.shown) unmarked.push(focus.what);
  }
  const missed = await page.evaluate((reached) =>
    [...document.querySelectorAll('[data-probe]')].filter((el) => !reached.includes(el.dataset.probe))
      .map((el) => el.outerHTML.slice(0, 80)), [...reached]);
  t.diagnostic(`${reached.size} of ${expected} controls reached with Tab`);
  assert.ok(expected > 40, `${expected} controls`);
  assert.deepEqual(missed, [], 'controls Tab never reaches');
  assert.deepEqual([...new Set(unmarked)], [], 'focused controls with no visible focus');
  await page.context().close();
});

/**
 * The distinct places the replay's playhead took over `ms` of a replay ten seconds long,
 * sampled every 50 ms.
 */
async function playheadPlaces(page, ms) {
  await page.getByTestId('replay-speed').selectOption('10s');
  await page.getByTestId('replay').click();
  await page.locator('.tl-line.playhead').waitFor();
  return page.evaluate(async (ms) => {
    const places = new Set();
    for (let t = 0; t < ms; t += 50) {
      places.add(document.querySelector('.tl-line.playhead')?.style.left ?? 'ended');
      await new Promise((r) => setTimeout(r, 50));
    }
    return places.size;
  }, ms);
}

test('the replay moves in steps, not continuously, when the reader asks for reduced motion', async (t) => {
  const query = '?p=context-cancel&autorun=1';
  const moving = await openPage(browser, server.url, query);
  await waitForEnd(moving);
  await moving.locator('[data-testid="timeline"][data-state="ready"]').waitFor({ timeout: 30_000 });
  const smooth = await playheadPlaces(moving, 2500);
  await moving.context().close();

  const still = await openPage(browser, server.url, query, { reducedMotion: 'reduce' });
  await waitForEnd(still);
  await still.locator('[data-testid="timeline"][data-state="ready"]').waitFor({ timeout: 30_000 });
  const stepped = await playheadPlaces(still, 2500);
  t.diagnostic(`playhead places in 2.5 s: ${smooth} moving, ${stepped} with reduced motion`);
  assert.ok(smooth > 10, `${smooth} places without the preference`);
  assert.ok(stepped <= 4, `${stepped} places with reduced motion: one a second`);
  assert.deepEqual(still.problems, []);
  await still.context().close();
});
