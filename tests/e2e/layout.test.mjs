// The page as it first appears on common screens: what is in sight without scrolling, that
// opening a pattern never scrolls, the source pane, a phone's Run bar, and an output box that
// keeps its size whether or not it was on screen when its run ended.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { openPage, waitForEnd, withBrowser } from './harness.mjs';

let server;
let browser;
withBrowser((s, b) => {
  server = s;
  browser = b;
});

/** The catalog's pattern ids, in order. */
async function patternIds(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid^="pattern-"]')]
      .map((e) => e.dataset.testid.slice('pattern-'.length))
      .filter((id) => id !== 'title'),
  );
}

/**
 * Where the parts a reader starts with are: each as { top, bottom } in the viewport, and
 * whether the window is scrolled.
 */
async function firstSight(page) {
  return page.evaluate(() => {
    const at = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom) };
    };
    const q = (s) => document.querySelector(s);
    return {
      scrollY: window.scrollY,
      height: window.innerHeight,
      title: at(q('[data-testid="pattern-title"]')),
      firstField: at(q('#parameters :is(input, select)')),
      run: at(q('[data-testid="run"]')),
      // The top of the output: its header and the first line of its box.
      output: at(q('[data-testid="output"] > header')),
      lines: at(q('[data-testid="output"] .lines')),
    };
  });
}

function assertInSight(s, where) {
  for (const part of ['title', 'firstField', 'run', 'output']) {
    assert.ok(s[part], `${where}: no ${part}`);
    assert.ok(s[part].top >= 0 && s[part].bottom <= s.height, `${where}: ${part} at ${JSON.stringify(s[part])}, screen ${s.height}`);
  }
  // At least a line's height of the output box itself.
  assert.ok(s.lines.top + 20 <= s.height, `${where}: the output's box starts at ${s.lines.top}`);
}

describe('on open', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
  ]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`title, parameters, Run and the output's top are in sight for every pattern (${viewport.width}×${viewport.height}, ${colorScheme})`, async () => {
        const page = await openPage(browser, server.url, '', { viewport });
        await page.emulateMedia({ colorScheme });
        const ids = await patternIds(page);
        assert.ok(ids.length >= 20, `${ids.length} patterns`);
        for (const id of ids) {
          await page.getByTestId(`pattern-${id}`).click();
          await page.waitForFunction((id) => new URL(location.href).searchParams.get('p') === id || (id === 'worker-pool' && location.search === ''), id);
          await page.evaluate(() => window.scrollTo(0, 0));
          assertInSight(await firstSight(page), id);
        }
        await page.context().close();
      });
    }
  }

  test('opening any pattern by its link does not scroll the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('output').waitFor();
    const ids = await patternIds(page);
    for (const id of ids) {
      await page.goto(`${server.url}?p=${id}`);
      await page.getByTestId('output').waitFor();
      await page.waitForTimeout(50);
      const s = await firstSight(page);
      assert.equal(s.scrollY, 0, `${id} scrolled the page`);
      assert.ok(await page.locator('.topbar').isVisible());
      // The catalog shows the open pattern.
      const entry = await page.getByTestId(`pattern-${id}`).boundingBox();
      assert.ok(entry.y >= 0 && entry.y + entry.height <= 800, `${id}'s entry at ${entry.y}`);
    }
    await context.close();
  });

  test('a pattern without parameters takes one line for them, not an empty box', async () => {
    const page = await openPage(browser, server.url, '?p=deadlock', { viewport: { width: 1280, height: 800 } });
    const box = await page.locator('fieldset.params').boundingBox();
    assert.ok(box.height < 80, `the parameters take ${box.height}px`);
    const text = await page.locator('fieldset.params').innerText();
    assert.equal(text.replace(/\s+/g, ' '), 'Parameters This program takes no parameters.');
    await page.context().close();
  });
});

describe('the source pane', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
  ]) {
    test(`no line is cut and no sideways scrollbar (${viewport.width}×${viewport.height})`, async () => {
      const page = await openPage(browser, server.url, '?p=batch-processor', { viewport });
      const pane = await page.getByTestId('go-source').evaluate((pre) => {
        const r = pre.closest('section').getBoundingClientRect();
        return {
          sideways: pre.scrollWidth - pre.clientWidth,
          left: r.left,
          right: r.right,
          height: r.height,
        };
      });
      assert.ok(pane.sideways <= 0, `the source scrolls ${pane.sideways}px sideways`);
      assert.ok(pane.left >= 0 && pane.right <= viewport.width, JSON.stringify(pane));
      assert.ok(pane.height <= viewport.height, `the pane is ${pane.height}px tall: its scrollbar is off screen`);
      // The text is still the whole program, every line of it.
      const text = await page.getByTestId('go-source').textContent();
      assert.ok(text.startsWith('package main\n') && text.trimEnd().endsWith('}'));
      await page.context().close();
    });
  }

  test('beside the form on a wide screen, it stays in sight while the form and output scroll by', async () => {
    const page = await openPage(browser, server.url, '?p=goroutines&count=40&autorun=1', { viewport: { width: 1280, height: 800 } });
    await waitForEnd(page);
    await page.evaluate(() => window.scrollTo(0, 200));
    const r = await page.getByTestId('go-source').evaluate((e) => e.closest('section').getBoundingClientRect().toJSON());
    assert.ok(r.top >= 0 && r.top < 20 && r.bottom <= 800, JSON.stringify(r));
    await page.context().close();
  });
});

describe('on a phone', () => {
  for (const colorScheme of ['light', 'dark']) {
    test(`Run is on the first screen, and the catalog's rows say they scroll (${colorScheme})`, async () => {
      const page = await openPage(browser, server.url, '?p=batch-processor', {
        viewport: { width: 390, height: 844 },
      });
      await page.emulateMedia({ colorScheme });
      const s = await firstSight(page);
      assert.ok(s.run.top >= 0 && s.run.bottom <= 844, `Run at ${JSON.stringify(s.run)}`);
      assert.ok(s.title.bottom <= 844);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `${overflow}px sideways`);
      // Run stays on screen while the form scrolls by, and works from there.
      await page.getByTestId('param-urls').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 200));
      const run = await page.getByTestId('run').boundingBox();
      assert.ok(run.y >= 0 && run.y + run.height <= 844, `Run at ${run.y}`);
      await page.getByTestId('run').click();
      assert.equal((await waitForEnd(page)).exitCode, 0);
      // A row with more chips than fit draws a shadow at the end that has more.
      const row = await page.evaluate(() => {
        const ul = document.querySelector('.catalog .group ul');
        const style = getComputedStyle(ul);
        return {
          more: ul.scrollWidth - ul.clientWidth,
          shadows: (style.backgroundImage.match(/radial-gradient/g) ?? []).length,
          attachment: style.backgroundAttachment,
        };
      });
      assert.ok(row.more > 0, 'the first row has more chips than fit');
      assert.equal(row.shadows, 2);
      assert.match(row.attachment, /local.*scroll/);
      await page.context().close();
    });
  }
});

describe('the output box', () => {
  test('a run that ends off screen shows its lines when scrolled to, and the page does not jump', async () => {
    const page = await openPage(browser, server.url, '?p=goroutines&count=12&autorun=1', {
      viewport: { width: 1280, height: 450 },
    });
    await waitForEnd(page);
    await page.locator('[data-testid="timeline"][data-state="ready"]').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    const off = await page.getByTestId('output').evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(off > 450, 'the output is below the screen');
    // The run may be over before a poll sees it running: watch its state change.
    await page.evaluate(() => {
      const out = document.querySelector('[data-testid="output"]');
      new MutationObserver(() => {
        if (out.dataset.state === 'running') window.ranAgain = true;
      }).observe(out, { attributes: true });
    });
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => window.ranAgain === true);
    await waitForEnd(page);
    const measure = () =>
      page.evaluate(() => {
        const lines = document.querySelector('[data-testid="output"] .lines');
        return {
          box: Math.round(lines.getBoundingClientRect().height),
          page: document.documentElement.scrollHeight,
        };
      });
    const before = await measure();
    await page.getByTestId('output').scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const after = await measure();
    assert.deepEqual(after, before, 'nothing changed size once in sight');
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="output-line"]')].map((l) => l.getBoundingClientRect().height),
    );
    assert.ok(drawn.length >= 12, `${drawn.length} lines`);
    assert.ok(drawn.every((h) => h > 10), `line heights ${drawn}`);
    // The box is as tall as its lines (up to its cap), not a stand-in's height.
    const lineSum = drawn.reduce((a, b) => a + b, 0);
    assert.ok(before.box <= Math.min(lineSum + 40, 0.6 * 450 + 1), `a box of ${before.box}px for ${lineSum}px of lines`);
    await page.context().close();
  });
});

describe('the embedding page', () => {
  test('its snippets are not cut at the right', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}embed.html`);
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('pre')].map((p) => p.scrollWidth - p.clientWidth),
    );
    assert.ok(cut.length >= 3);
    assert.deepEqual(cut.filter((c) => c > 0), []);
    await context.close();
  });
});
