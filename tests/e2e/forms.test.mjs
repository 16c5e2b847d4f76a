// The form as a reader meets it when a value is wrong, the browser's Back and Forward, and the
// keyboard: where a message appears, what it says, when it goes, and where focus lands.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { openPage, output, query, waitForEnd, withBrowser } from './harness.mjs';

/** A run that computes for many seconds: 100000 jobs of 100000 units of real CPU work. */
const LONG_RUN = '?p=worker-pool&jobs=100000&job_ms=0&cpu_work=100000';

let server;
let browser;
withBrowser((s, b) => {
  server = s;
  browser = b;
});

/** Types `text` into field `key` and commits it (Tab), as a reader does. */
async function enter(page, key, text) {
  const field = page.getByTestId(`param-${key}`);
  await field.fill(text);
  await field.press('Tab');
}

/**
 * What field `key` tells a screen reader and shows: its value, `aria-invalid`, the texts of the
 * elements `aria-describedby` names, and where its message sits relative to the input.
 */
async function fieldState(page, key) {
  return page.evaluate((key) => {
    const input = document.querySelector(`[data-testid="param-${key}"]`);
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const described = ids.map((id) => document.getElementById(id));
    const message = described.find((e) => e?.dataset.testid === 'notice') ?? null;
    const field = input.closest('.field').getBoundingClientRect();
    const box = input.getBoundingClientRect();
    const at = message?.getBoundingClientRect();
    return {
      value: input.value,
      invalid: input.getAttribute('aria-invalid'),
      describedBy: described.map((e) => e?.textContent ?? null),
      message: message?.textContent ?? null,
      // The message is under the input, within the field's own box.
      messageBelow: at ? at.top >= box.bottom - 1 && at.top - box.bottom < 40 : null,
      messageInside: at ? at.left >= field.left - 1 && at.right <= field.right + 1 : null,
    };
  }, key);
}

const banner = (page) => page.locator('.notices [data-testid="notice"]').allTextContents();

describe('messages at the field', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
  ]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`a value that is not a number is echoed at its field (${viewport.width}×${viewport.height}, ${colorScheme})`, async () => {
        const page = await openPage(browser, server.url, '?p=worker-pool', { viewport });
        await page.emulateMedia({ colorScheme });
        await enter(page, 'jobs', 'abc');
        const jobs = await fieldState(page, 'jobs');
        assert.equal(jobs.value, '20', 'the default stands in');
        assert.equal(jobs.invalid, 'true');
        assert.equal(jobs.message, 'jobs: `abc` is not a whole number; using the default 20');
        assert.ok(jobs.describedBy.includes(jobs.message), 'the input names its message');
        assert.ok(jobs.describedBy.some((t) => /0–100\u2009000/.test(t)), 'and its help');
        assert.equal(jobs.messageBelow, true);
        assert.equal(jobs.messageInside, true);
        assert.deepEqual(await banner(page), [], 'nothing above the form');
        // The message is drawn in the danger colour, readable on the panel.
        const colour = await page.locator('#param-jobs-error').evaluate((e) => getComputedStyle(e).color);
        assert.notEqual(colour, await page.locator('.field label').first().evaluate((e) => getComputedStyle(e).color));
        await page.context().close();
      });
    }
  }

  test('an out-of-range number of any length is clamped, and the message stays short', async () => {
    const page = await openPage(browser, server.url, '?p=worker-pool');
    await enter(page, 'workers', '9'.repeat(5000));
    const workers = await fieldState(page, 'workers');
    assert.equal(workers.value, '1024');
    assert.equal(workers.invalid, 'true');
    assert.match(workers.message, /^workers: 9{10,}… is outside 1–1024; clamped to 1024$/);
    assert.ok(workers.message.length < 100, workers.message);
    assert.equal(workers.messageInside, true);
    assert.equal(query(page).get('workers'), '1024');
    await enter(page, 'workers', '-12');
    assert.equal((await fieldState(page, 'workers')).message, 'workers: -12 is outside 1–1024; clamped to 1');
    await page.context().close();
  });

  test('a message goes once its value is fixed, and messages never pile up', async () => {
    const page = await openPage(browser, server.url, '?p=worker-pool');
    await enter(page, 'jobs', 'abc');
    await enter(page, 'jobs', 'xyz');
    await enter(page, 'workers', '0');
    assert.deepEqual(
      await page.getByTestId('notice').allTextContents(),
      ['workers: 0 is outside 1–1024; clamped to 1', 'jobs: `xyz` is not a whole number; using the default 20'],
      'one message per field, the latest',
    );
    await enter(page, 'jobs', '7');
    const jobs = await fieldState(page, 'jobs');
    assert.equal(jobs.value, '7');
    assert.equal(jobs.invalid, null);
    assert.equal(jobs.message, null);
    assert.equal((await fieldState(page, 'workers')).invalid, 'true', 'the other field keeps its own');
    await page.getByTestId('reset').click();
    assert.deepEqual(await page.getByTestId('notice').allTextContents(), []);
    await page.context().close();
  });

  test("a link's bad values are shown at their fields; the rest of the link's notices above the form", async () => {
    const page = await openPage(browser, server.url, '?p=worker-pool&jobs=abc&procs=99&bogus=1');
    assert.match((await fieldState(page, 'jobs')).message, /^jobs: `abc` is not a whole number/);
    const procs = await fieldState(page, 'procs');
    assert.equal(procs.value, '16');
    assert.equal(procs.message, 'procs: 99 is outside 1–16; clamped to 16');
    assert.deepEqual(await banner(page), ['`bogus` is not a parameter of worker-pool; ignored']);
    await page.context().close();
  });
});

describe('history', () => {
  test('choosing a pattern adds a history entry; editing a value replaces it; Back and Forward return', async () => {
    const page = await openPage(browser, server.url, '?p=worker-pool');
    const length = () => page.evaluate(() => history.length);
    const start = await length();
    await enter(page, 'workers', '3');
    await page.waitForFunction(() => location.search === '?workers=3');
    assert.equal(await length(), start, 'an edit replaces the entry');

    await page.getByTestId('pattern-pipeline').click();
    await page.waitForFunction(() => location.search === '?p=pipeline');
    assert.equal(await length(), start + 1, 'a pattern is a new entry');
    await enter(page, 'words', 'x,y');
    assert.equal(await length(), start + 1);

    await page.goBack();
    await page.waitForFunction(() => location.search === '?workers=3');
    assert.equal(await page.getByTestId('pattern-title').textContent(), 'Worker pool');
    assert.equal(await page.getByTestId('param-workers').inputValue(), '3');
    assert.equal(await page.title(), 'Worker pool — chanlab');
    assert.match(await page.getByTestId('go-source').textContent(), /w <= 3;/);

    await page.goForward();
    await page.waitForFunction(() => location.search.startsWith('?p=pipeline'));
    assert.equal(await page.getByTestId('pattern-title').textContent(), 'Pipeline');
    assert.equal(await page.getByTestId('param-words').inputValue(), 'x,y');
    await page.getByTestId('run').click();
    assert.equal((await waitForEnd(page)).exitCode, 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('Back during a run stops it and shows the pattern before', async () => {
    const page = await openPage(browser, server.url, '?p=select');
    await page.getByTestId('pattern-worker-pool').click();
    await page.waitForFunction(() => location.search === '');
    for (const [key, value] of new URLSearchParams(LONG_RUN).entries()) {
      if (key !== 'p') await enter(page, key, value);
    }
    await page.getByTestId('run').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="output"]').dataset.state === 'running');
    const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    await page.goBack();
    await page.waitForFunction(() => location.search === '?p=select');
    assert.equal(await page.getByTestId('pattern-title').textContent(), 'First response wins');
    assert.equal(await output(page).getAttribute('data-state'), 'idle', 'the run stopped');
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), loads, 'same page');
    // Nothing of the stopped run arrives later.
    await page.waitForTimeout(500);
    assert.equal(await output(page).getAttribute('data-state'), 'idle');
    await page.getByTestId('run').click();
    assert.deepEqual((await waitForEnd(page)).lines, ['response from service B']);
    await page.context().close();
  });
});

describe('the keyboard', () => {
  test('the first Tab reaches a skip link that leads to the parameters', async () => {
    const page = await openPage(browser, server.url, '?p=worker-pool');
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement;
      const r = a.getBoundingClientRect();
      return { text: a.textContent, visible: r.top >= 0 && r.bottom <= innerHeight && r.width > 0 };
    });
    assert.deepEqual(skip, { text: 'Skip to the parameters', visible: true });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'param-workers');
    assert.equal(new URL(page.url()).hash, '', 'the fragment is left alone');
    await page.context().close();
  });

  for (const how of ['Escape', 'the Stop button']) {
    test(`${how} stops a run and leaves the keyboard on Run`, async () => {
      const page = await openPage(browser, server.url, LONG_RUN);
      await page.getByTestId('run').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="output"]').dataset.state === 'running');
      if (how === 'Escape') {
        await page.keyboard.press('Escape');
      } else {
        await page.getByTestId('stop').click();
      }
      await page.waitForFunction(() => document.querySelector('[data-testid="output"]').dataset.state === 'idle');
      assert.match(await page.getByTestId('status').textContent(), /Stopped/);
      assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'run');
      // And the keyboard runs again from there.
      await page.getByTestId('reset').click();
      await page.getByTestId('run').focus();
      await page.keyboard.press('Enter');
      assert.equal((await waitForEnd(page)).exitCode, 0);
      await page.context().close();
    });
  }

  test('Escape with no run going changes nothing', async () => {
    const page = await openPage(browser, server.url, '?p=select&autorun=1');
    await waitForEnd(page);
    await page.getByTestId('param-seed').focus();
    await page.keyboard.press('Escape');
    assert.equal(await output(page).getAttribute('data-state'), 'done');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'param-seed');
    await page.context().close();
  });
});
