// The views of a run's trace as a reader uses them: the goroutine timeline's lanes, zoom and
// tooltips, the output linked to it, replay, the other views, and the exports.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { openPage, waitForEnd, withBrowser } from './harness.mjs';

const POOL = '?p=worker-pool&workers=3&jobs=6&autorun=1';

let server;
let browser;
withBrowser((s, b) => {
  server = s;
  browser = b;
});

/** Opens `query`, waits for the run's end and its drawn timeline. */
async function openRun(query) {
  const page = await openPage(browser, server.url, query);
  await waitForEnd(page, 60_000);
  await page.locator('[data-testid="timeline"][data-state="ready"]').waitFor({ timeout: 30_000 });
  return page;
}

const timeline = (page) => page.getByTestId('timeline');

/** The lane names in the timeline, top to bottom. */
async function lanes(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="timeline"] [data-lane]')].map((e) => e.dataset.lane),
  );
}

/** The visible time window, in ns. */
async function range(page) {
  const tl = timeline(page);
  return {
    start: Number(await tl.getAttribute('data-view-start')),
    end: Number(await tl.getAttribute('data-view-end')),
  };
}

/** Clicks an export button and returns the downloaded file's text. */
async function exported(page, testid) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFile(await download.path(), 'utf8');
}

/** The centre of lane `name` at `fraction` of the plot's width, in page coordinates. */
async function laneAt(page, name, fraction) {
  return page.evaluate(
    ([name, fraction]) => {
      const text = [...document.querySelectorAll('[data-testid="timeline"] [data-lane]')].find(
        (e) => e.dataset.lane === name,
      );
      text.closest('[data-testid="timeline"]').scrollIntoView({ block: 'center' });
      const row = text.closest('g').querySelector('rect.bg').getBoundingClientRect();
      const label = 150;
      return { x: row.left + label + (row.width - label) * fraction, y: row.top + row.height / 2 };
    },
    [name, fraction],
  );
}

describe('the goroutine timeline', () => {
  test('worker-pool has a lane for main, each worker and the closer, named as the source names them, with a legend', async () => {
    const page = await openRun(POOL);
    assert.deepEqual(await lanes(page), ['main', 'main.worker 1', 'main.worker 2', 'main.worker 3', 'main.main.func1']);
    // The three workers are one group, shown open.
    const groups = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="timeline"] [data-group]')].map((e) => e.dataset.group),
    );
    assert.deepEqual(groups, ['main.worker ×3']);
    const legend = await page.getByTestId('legend').locator('li').allTextContents();
    for (const state of ['running', 'runnable', 'blocked on send', 'blocked on receive', 'blocked in select',
      'sleeping', 'blocked on sync', 'done']) {
      assert.ok(legend.includes(state), `legend has ${state}: ${legend}`);
    }
    // Arrows from sends to receives: 6 jobs and 6 results.
    assert.equal(await page.locator('[data-testid="timeline"] .arrows line').count(), 12);
    await page.getByTestId('arrows').uncheck();
    assert.equal(await page.locator('[data-testid="timeline"] .arrows line').count(), 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('the exported trace JSON parses and holds events for every goroutine', async () => {
    const page = await openRun(POOL);
    const json = JSON.parse(await exported(page, 'export-json'));
    const events = json.traceEvents;
    assert.ok(Array.isArray(events) && events.length > 0);
    const names = new Map(
      events.filter((e) => e.ph === 'M' && e.pid === 1 && e.name === 'thread_name').map((e) => [e.tid, e.args.name]),
    );
    assert.deepEqual([...names.values()], [
      'main (g1)', 'main.worker 1 (g2)', 'main.worker 2 (g3)', 'main.worker 3 (g4)', 'main.main.func1 (g5)',
    ]);
    for (const tid of names.keys()) {
      const own = events.filter((e) => e.pid === 1 && e.tid === tid && e.ph !== 'M');
      assert.ok(own.length > 0, `goroutine ${tid} has events`);
    }
    // Flow arrows pair up, and every span has a time and a duration.
    const starts = events.filter((e) => e.ph === 's').length;
    assert.equal(starts, events.filter((e) => e.ph === 'f').length);
    assert.equal(starts, 12);
    assert.ok(events.filter((e) => e.ph === 'X').every((e) => e.ts >= 0 && e.dur >= 0));
    await page.context().close();
  });

  test('zooming changes the visible range; pan moves it; fit restores it', async () => {
    const page = await openRun(POOL);
    const full = await range(page);
    assert.deepEqual(full, { start: 0, end: 100_000_000 });

    await page.getByTestId('zoom-in').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]').dataset.viewEnd !== '100000000');
    const zoomed = await range(page);
    assert.ok(zoomed.end - zoomed.start < (full.end - full.start) * 0.7, JSON.stringify(zoomed));

    // Ctrl+wheel over the lanes zooms about the pointer.
    const at = await laneAt(page, 'main.worker 2', 0.25);
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await page.waitForFunction(
      (span) => {
        const d = document.querySelector('[data-testid="timeline"]').dataset;
        return Number(d.viewEnd) - Number(d.viewStart) < span * 0.9;
      },
      zoomed.end - zoomed.start,
    );
    const wheeled = await range(page);

    // Dragging pans: the window keeps its width.
    const from = await laneAt(page, 'main.worker 1', 0.5);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 200, from.y, { steps: 5 });
    await page.mouse.up();
    const panned = await range(page);
    assert.ok(panned.start < wheeled.start, `${JSON.stringify(panned)} vs ${JSON.stringify(wheeled)}`);
    assert.ok(Math.abs((panned.end - panned.start) - (wheeled.end - wheeled.start)) < 2);

    await page.getByTestId('zoom-fit').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]').dataset.viewEnd === '100000000');
    assert.deepEqual(await range(page), full);

    // The axis is labelled in sensible units.
    const ticks = await page.locator('[data-testid="timeline"] .tl-axis text').allTextContents();
    assert.deepEqual(ticks, ['0', '20ms', '40ms', '60ms', '80ms', '100ms']);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('two fingers pinch to zoom about their middle', async () => {
    const page = await openRun(POOL);
    const a = await laneAt(page, 'main.worker 2', 0.4);
    const b = await laneAt(page, 'main.worker 2', 0.6);
    // Touch pointers as a phone sends them: both down, moving apart, both up.
    await page.evaluate(([a, b]) => {
      const lanes = document.querySelector('[data-testid="timeline"] .tl-scroll');
      const fire = (type, id, x, y) =>
        lanes.dispatchEvent(new PointerEvent(type, {
          pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x, clientY: y, bubbles: true,
        }));
      fire('pointerdown', 1, a.x, a.y);
      fire('pointerdown', 2, b.x, b.y);
      for (let i = 1; i <= 5; i++) {
        fire('pointermove', 1, a.x - i * 20, a.y);
        fire('pointermove', 2, b.x + i * 20, b.y);
      }
      fire('pointerup', 1, a.x - 100, a.y);
      fire('pointerup', 2, b.x + 100, b.y);
    }, [a, b]);
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]').dataset.viewEnd !== '100000000');
    const { start, end } = await range(page);
    assert.ok(end - start < 60_000_000, `pinched to ${start}..${end}`);
    // The instant between the fingers stays where it was: the middle of the run.
    assert.ok(Math.abs((start + end) / 2 - 50_000_000) < 2_000_000, `${start}..${end}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('hovering a span explains it; the keyboard walks the spans', async () => {
    const page = await openRun(POOL);
    const at = await laneAt(page, 'main.worker 1', 0.25);
    await page.mouse.move(at.x, at.y);
    const tip = page.getByTestId('timeline-tooltip');
    await tip.waitFor();
    assert.match(await tip.textContent(), /^main\.worker 1 · sleepingfrom 0s for 50ms/);

    await page.mouse.move(0, 0);
    await timeline(page).focus();
    await page.keyboard.press('ArrowDown'); // main
    await page.keyboard.press('ArrowDown'); // the workers' group
    await page.keyboard.press('ArrowDown'); // main.worker 1
    // The tooltip follows the focus once the page has drawn it.
    const shows = (text) => tip.filter({ hasText: text }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await shows('main.worker 1 · sleepingfrom 0s for 50ms');
    await page.keyboard.press('ArrowRight');
    await shows('main.worker 1 · sleepingfrom 50ms for 50ms');
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('a group of goroutines closes and opens', async () => {
    const page = await openRun(POOL);
    await page.locator('[data-testid="timeline"] [data-group]').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="timeline"] [data-lane="main.worker 1"]'));
    assert.deepEqual(await lanes(page), ['main', 'main.main.func1']);
    assert.match(await page.locator('[data-testid="timeline"] [data-group]').textContent(), /▸ main\.worker ×3/);
    await page.locator('[data-testid="timeline"] [data-group]').click();
    await page.locator('[data-testid="timeline"] [data-lane="main.worker 3"]').waitFor();
    assert.equal((await lanes(page)).length, 5);
    await page.context().close();
  });

  test('clicking an output line marks its instant on the timeline', async () => {
    const page = await openRun(POOL);
    assert.equal(await page.locator('.tl-line.marker').count(), 0);
    await page.getByTestId('output-line').first().click();
    const marker = page.locator('.tl-line.marker');
    await marker.waitFor();
    // "processed 6 jobs" is printed at 100 ms, the right edge of the plot.
    const box = await marker.boundingBox();
    const plot = await page.locator('[data-testid="timeline"] .tl-scroll').boundingBox();
    assert.ok(Math.abs(box.x - (plot.x + plot.width - 2)) < 24, `${box.x} vs ${plot.x + plot.width}`);
    await page.context().close();
  });

  test('replay shows the output lines as they were printed', async () => {
    const page = await openRun('?p=context-cancel&autorun=1');
    const all = await page.getByTestId('output-line').count();
    assert.ok(all >= 3);
    await page.getByTestId('replay-speed').selectOption('10s');
    // The fewest lines shown while the replay plays, counted in the page from the click on.
    const fewest = page.evaluate(
      () =>
        new Promise((resolve) => {
          let least = Infinity;
          const look = () => {
            least = Math.min(least, document.querySelectorAll('[data-testid="output-line"]').length);
          };
          const seen = new MutationObserver(look);
          seen.observe(document.body, { childList: true, subtree: true });
          look();
          const started = performance.now();
          const poll = setInterval(() => {
            look();
            const playing = document.querySelector('.tl-line.playhead');
            if ((!playing && performance.now() - started > 500) || performance.now() - started > 20_000) {
              clearInterval(poll);
              seen.disconnect();
              resolve(least);
            }
          }, 10);
        }),
    );
    await page.getByTestId('replay').click();
    await page.locator('.tl-line.playhead').waitFor();
    // Early in the replay, fewer lines show than the run printed.
    const early = await fewest;
    assert.ok(early < all, `${early} of ${all} lines early in the replay`);
    // At its end, all of them again.
    await page.locator('.tl-line.playhead').waitFor({ state: 'detached', timeout: 20_000 });
    assert.equal(await page.getByTestId('output-line').count(), all);
    await page.context().close();
  });
});

describe('the other views', () => {
  test('processors, channels and metrics describe the run', async () => {
    const page = await openRun('?p=worker-pool&workers=3&jobs=6&job_ms=0&cpu_work=5000000&procs=2&autorun=1');
    await page.getByTestId('tab-processors').click();
    const procs = page.getByTestId('processors');
    await procs.waitFor();
    const util = await procs.locator('[data-proc]').evaluateAll((ps) => ps.map((p) => Number(p.dataset.utilisation)));
    assert.equal(util.length, 2);
    assert.ok(util.every((u) => u > 0.5), `both processors busy: ${util}`);

    await page.getByTestId('tab-channels').click();
    const chans = page.getByTestId('channels');
    await chans.waitFor();
    const rows = await chans.locator('tbody tr').allTextContents();
    assert.equal(rows.length, 2, rows.join('\n'));
    // jobs and results: 6 sends and 6 receives each, buffered 6.
    for (const r of rows) assert.match(r, /^(jobs|results)6main66/);

    await page.getByTestId('tab-metrics').click();
    const metric = (key) => page.locator(`[data-testid="metrics"] [data-metric="${key}"] td`).textContent();
    assert.equal(await metric('goroutines'), '5');
    assert.equal(await metric('peak-live'), '5');
    assert.equal(await metric('chan-ops'), '24 (12 sends, 12 receives)');
    assert.equal(await metric('leaked'), '0');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('the timeline exports as SVG and the output as text', async () => {
    const page = await openRun(POOL);
    const svg = await exported(page, 'export-svg');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        lanes: [...doc.querySelectorAll('[data-lane]')].map((e) => e.getAttribute('data-lane')),
      };
    }, svg);
    assert.equal(parsed.error, null);
    assert.deepEqual(parsed.lanes, ['main', 'main.worker 1', 'main.worker 2', 'main.worker 3', 'main.main.func1']);
    assert.equal(await exported(page, 'export-text'), 'processed 6 jobs\n');
    await page.context().close();
  });

  test('a run of more than 10,000 goroutines draws with a notice', async () => {
    const page = await openRun('?p=leak&calls=10001&autorun=1');
    const notice = page.locator('.trace-views [data-testid="notice"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /large run \(10002 goroutines/i);
    // The 10,001 leaked goroutines are one collapsed group: a handful of rows are drawn.
    const rows = Number(await timeline(page).getAttribute('data-rows'));
    assert.ok(rows < 10, `${rows} rows`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('replay', () => {
  /** The playhead's positions, sampled every 40 ms until the replay ends. */
  async function playheadPositions(page) {
    return page.evaluate(async () => {
      const seen = [];
      const start = performance.now();
      for (;;) {
        const head = document.querySelector('.tl-line.playhead');
        if (!head && seen.length > 0) break;
        if (head) seen.push(head.style.left);
        if (performance.now() - start > 20_000) break;
        await new Promise((ok) => setTimeout(ok, 40));
      }
      return { positions: seen, ms: performance.now() - start };
    });
  }

  test('a replay lasts a few seconds whatever the run, and shows its speed', async () => {
    for (const [query, endNs] of [
      [POOL, 100_000_000],
      ['?p=worker-pool&workers=1&jobs=10&job_ms=1000&autorun=1', 10_000_000_000],
    ]) {
      const page = await openRun(query);
      assert.equal(await page.getByTestId('replay-speed').inputValue(), '4s');
      const rate = page.getByTestId('replay-rate');
      // The run ends a little after its sleeps (the interpreted instructions cost their time).
      const speed = Number(await rate.getAttribute('data-speed'));
      assert.ok(Math.abs(speed / (endNs / 4e9) - 1) < 1e-3, `speed ${speed} for a run of ${endNs} ns`);
      assert.equal(await rate.textContent(), endNs === 100_000_000 ? 'at 0.025×' : 'at 2.5×');
      await page.getByTestId('replay').click();
      const { positions, ms } = await playheadPositions(page);
      // It cannot end before its length; how much later depends on the machine's load.
      assert.ok(ms > 3_500, `${query}: the replay took ${ms} ms`);
      assert.ok(new Set(positions).size > 20, 'the playhead glides');
      await page.context().close();
    }
  });

  test('with reduced motion the playhead jumps instead of gliding', async () => {
    const page = await openRun(POOL);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.getByTestId('replay').click();
    const { positions, ms } = await playheadPositions(page);
    const distinct = new Set(positions).size;
    // At most ten places, and a move at most once a second.
    assert.ok(distinct >= 3 && distinct <= 10, `${distinct} positions: ${[...new Set(positions)]}`);
    assert.ok(ms > 3_500, `${ms} ms`);
    // Every line is back at the end.
    assert.equal(await page.getByTestId('output-line').count(), 1);
    await page.context().close();
  });
});

describe('the toolbar', () => {
  test('each view shows only the tools that act on it', async () => {
    const page = await openRun('?p=worker-pool&workers=3&jobs=6&job_ms=0&cpu_work=1000000&autorun=1');
    const tools = async () => {
      const ids = ['zoom-in', 'zoom-out', 'zoom-fit', 'visible-range', 'arrows', 'replay', 'replay-speed', 'replay-rate', 'export-json'];
      const shown = [];
      for (const id of ids) if (await page.getByTestId(id).isVisible()) shown.push(id);
      return shown;
    };
    const zoom = ['zoom-in', 'zoom-out', 'zoom-fit', 'visible-range'];
    assert.deepEqual(await tools(), [...zoom, 'arrows', 'replay', 'replay-speed', 'replay-rate', 'export-json']);
    for (const [tab, want] of [
      ['processors', [...zoom, 'export-json']],
      ['channels', [...zoom, 'export-json']],
      ['metrics', ['export-json']],
    ]) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.getByTestId(tab).waitFor();
      assert.deepEqual(await tools(), want, tab);
    }
    // A replay ends when its timeline is left.
    await page.getByTestId('tab-goroutines').click();
    await page.getByTestId('replay').click();
    await page.locator('.tl-line.playhead').waitFor();
    await page.getByTestId('tab-metrics').click();
    await page.getByTestId('tab-goroutines').click();
    assert.equal(await page.locator('.tl-line.playhead').count(), 0);
    assert.equal(await page.getByTestId('replay').textContent(), '▶ Replay');
    await page.context().close();
  });
});

describe('arrows and marks', () => {
  test('zoomed in, arrows from before the window stay off the lane names', async () => {
    const page = await openRun('?p=worker-pool&workers=3&jobs=9&job_ms=40&autorun=1');
    // The second round of jobs: arrows from sends at 0 reach receives around 40 ms.
    for (let i = 0; i < 6; i++) await page.getByTestId('zoom-in').click();
    const from = Number(await page.getByTestId('visible-range').getAttribute('data-start'));
    assert.ok(from > 0, 'the window starts after the run');
    const early = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="timeline"] .arrows line')].filter((l) => Number(l.getAttribute('x1')) < 150).length,
    );
    assert.ok(early > 0, 'some arrow starts left of the window');
    const names = async () => {
      const box = await page.locator('[data-testid="timeline"] .tl-scroll').boundingBox();
      return page.screenshot({ clip: { x: box.x, y: box.y, width: 146, height: box.height } });
    };
    const withArrows = await names();
    await page.getByTestId('arrows').uncheck();
    await page.waitForFunction(() => !document.querySelector('[data-testid="timeline"] .arrows'));
    assert.equal(Buffer.compare(await names(), withArrows), 0, 'the names column is the same with and without arrows');
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`arrows stand out from the lanes (${colorScheme})`, async () => {
      const page = await openRun(POOL);
      await page.emulateMedia({ colorScheme });
      const ratio = await page.evaluate(() => {
        const rgb = (s) => s.match(/[\d.]+/g).slice(0, 3).map(Number);
        const arrows = getComputedStyle(document.querySelector('[data-testid="timeline"] .arrows'));
        const lane = rgb(getComputedStyle(document.querySelector('[data-testid="timeline"] .row.even .bg')).fill);
        const alpha = Number(arrows.strokeOpacity);
        const line = rgb(arrows.stroke).map((c, i) => c * alpha + lane[i] * (1 - alpha));
        const lum = (c) => {
          const [r, g, b] = c.map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const [a, b] = [lum(line), lum(lane)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
      });
      assert.ok(ratio >= 4.5, `arrows at ${ratio.toFixed(2)}:1 against the lane`);
      await page.context().close();
    });
  }

  test('a deadlock marks every goroutine still waiting, and says so', async () => {
    const page = await openRun('?p=deadlock&autorun=1');
    assert.equal((await page.getByTestId('output').getAttribute('data-exit-code')), '2');
    assert.match(await page.getByTestId('deadlock-hint').textContent(), /^Deadlock: every goroutine was waiting/);
    const mark = page.locator('[data-testid="timeline"] g.stuck');
    assert.equal(await mark.count(), 1);
    const box = await mark.boundingBox();
    const lane = await page.locator('[data-testid="timeline"] [data-lane="main"]').boundingBox();
    // Its centre is in the plot (the names' column is 150 px, the name drawn 6 px in) and on
    // main's lane.
    const plotLeft = lane.x - 6 + 150;
    assert.ok(box.x + box.width / 2 > plotLeft, JSON.stringify({ box, lane }));
    assert.ok(Math.abs(box.y + box.height / 2 - (lane.y + lane.height / 2)) < 8, JSON.stringify({ box, lane }));
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = page.getByTestId('timeline-tooltip');
    await tip.waitFor();
    assert.match(await tip.textContent(), /^main · blocked on send.*still waiting when the run ended$/);
    assert.ok(await page.locator('[data-testid="legend"] [data-state="stuck"]').isVisible());
    await page.context().close();
  });
});
