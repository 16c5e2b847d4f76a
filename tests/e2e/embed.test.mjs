// Permalinks and embedding: the copied link reproduces a run; a page on another origin embeds
// two patterns with embed.js; they run, size themselves, and ignore hostile messages.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { openPage, waitForEnd, withBrowser } from './harness.mjs';

let server;
let browser;
let docs;

/** What the embedded patterns print, as Go prints it (`tests/go/`: the same programs). */
const PIPELINE_A_B = ['>> A', '>> B'];
const WORKER_POOL = ['processed 20 jobs'];
const SELECT = ['response from service B'];
/** What the documentation page's program of its own prints. */
const PING = ['ping'];

/**
 * A long page of 20 embeds, one screen apart. Each runs in real mode, whose jobs sleep for
 * real: 4 s long, and little work for a loaded machine.
 */
function manyEmbeds(chanlab) {
  const embeds = Array.from({ length: 20 }, (_, i) =>
    `<section style="height:1200px"><h2>Example ${i + 1}</h2>` +
    `<div data-chanlab="p=worker-pool&mode=real&workers=1&jobs=40&job_ms=100&seed=${i + 1}"></div></section>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>many</title></head>
<body><h1>Twenty examples</h1>
${embeds}
<script src="${chanlab}embed.js"></script>
</body></html>`;
}

/**
 * A page on another origin (another port, no COOP/COEP headers) that embeds two patterns, and
 * at `/many`, twenty; `chanlab()` is chanlab's address, asked when a page is served.
 */
async function startDocsServer(chanlab) {
  const html = () => `<!doctype html><html><head><meta charset="utf-8"><title>docs</title></head>
<body><h1>Some documentation</h1>
<div data-chanlab="p=pipeline&words=a,b&autorun=1"></div>
<p>Between the two.</p>
<div data-chanlab="p=worker-pool&workers=3&autorun=1&view=output,source"></div>
<script src="${chanlab()}embed.js"></script>
</body></html>`;
  const s = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.url.startsWith('/many') ? manyEmbeds(chanlab()) : html());
  });
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${s.address().port}/`,
    close: () => new Promise((ok) => { s.closeAllConnections?.(); s.close(ok); }),
  };
}

withBrowser((s, b) => {
  server = s;
  browser = b;
});

before(async () => {
  docs = await startDocsServer(() => server.url);
});

after(async () => {
  await docs?.close();
});

/** Waits until the run in `frame` has ended; returns its state and lines. */
async function frameEnd(frame) {
  await frame.waitForFunction(() => {
    const s = document.querySelector('[data-testid="output"]')?.dataset.state;
    return s === 'done' || s === 'error';
  }, null, { timeout: 30_000 });
  return {
    state: await frame.locator('[data-testid="output"]').getAttribute('data-state'),
    lines: await frame.locator('[data-testid="output-line"]').allTextContents(),
  };
}

test('the copied link opens the same run', async () => {
  const page = await openPage(browser, server.url, '?p=pipeline&words=x,y,z&seed=5');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(server.url).origin,
  });
  await page.getByTestId('run').click();
  const first = await waitForEnd(page);
  assert.equal(first.state, 'done');
  await page.getByTestId('copy-link').click();
  await page.getByText('Copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, page.url());
  assert.ok(link.startsWith(server.url), link);
  const params = new URL(link).searchParams;
  assert.equal(params.get('p'), 'pipeline');
  assert.equal(params.get('seed'), '5');

  const again = await openPage(browser, link, '');
  await again.getByTestId('run').click();
  const second = await waitForEnd(again);
  assert.deepEqual(second.lines, first.lines);
  assert.deepEqual(second.times, first.times);
});

test('the Embed button shows the iframe and the embed.js line', async () => {
  const page = await openPage(browser, server.url, '?p=pipeline&words=a,b');
  await page.getByTestId('embed-button').click();
  const text = await page.getByTestId('embed-snippet').textContent();
  assert.match(text, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?p=pipeline&amp;words=a,b&amp;embed=1"/);
  assert.match(text, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" defer><\/script><div data-chanlab="p=pipeline&amp;words=a,b"><\/div>/);
});

test('another origin embeds two patterns with embed.js', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto(docs.url);

  // Only the iframes were added to the page.
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
  const added = await page.evaluate(() =>
    [...document.querySelectorAll('[data-chanlab]')].map((d) => [...d.children].map((c) => c.tagName)));
  assert.deepEqual(added, [['IFRAME'], ['IFRAME']]);
  const chanlabOrigin = new URL(server.url).origin;

  const frames = [];
  for (const iframe of await page.locator('iframe').elementHandles()) {
    frames.push({ iframe, frame: await iframe.contentFrame() });
  }
  for (const [{ frame }, want] of frames.map((f, i) => [f, [PIPELINE_A_B, WORKER_POOL][i]])) {
    assert.deepEqual(await frameEnd(frame), { state: 'done', lines: want });
    const open = await frame.getByTestId('open-in-chanlab').getAttribute('href');
    assert.ok(!/embed|view=|theme=/.test(open), open);
  }
  assert.ok(await frames[1].frame.getByTestId('go-source').count() > 0, 'view=source shows the source');

  // Each iframe takes its content's height.
  for (const { iframe, frame } of frames) {
    await page.waitForFunction(
      ([el]) => el.getBoundingClientRect().height !== 200,
      [iframe],
      { timeout: 10_000 },
    ).catch(() => {});
    const content = await frame.evaluate(() =>
      Math.ceil(document.querySelector('.embed-view').getBoundingClientRect().height));
    await page.waitForFunction(
      ([el, h]) => Math.abs(el.clientHeight - h) <= 2,
      [iframe, content],
      { timeout: 10_000 },
    );
    const height = await iframe.evaluate((el) => el.clientHeight);
    assert.ok(height > 200, `iframe height ${height} from content ${content}`);
  }

  // Hostile messages from the parent are ignored; the real run request runs.
  const { frame } = frames[0];
  await frame.evaluate(() => {
    window.__errors = [];
    window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
    window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
    window.__changes = 0;
    window.__messages = 0;
    window.addEventListener('message', () => { window.__messages += 1; });
    const out = document.querySelector('[data-testid="output"]');
    new MutationObserver(() => { window.__changes += 1; })
      .observe(out, { attributes: true, attributeFilter: ['data-state'] });
  });
  const hostile = await page.evaluate(() => {
    const w = document.querySelector('iframe').contentWindow;
    const messages = [
      { type: 'chanlab:run', extra: '<img src=x onerror=alert(1)>' },
      'chanlab:run',
      '{"type":"chanlab:run"}',
      { type: 'evil' },
      { type: ['chanlab:run'] },
      ['chanlab:run'],
      null,
      42,
      { type: 'chanlab:height', height: 1e9 },
    ];
    for (const m of messages) w.postMessage(m, '*');
    return messages.length;
  });
  // Every message has arrived and the page has drawn twice since: a run they started would
  // show by now.
  await frame.waitForFunction((n) => window.__messages === n, hostile, { timeout: 10_000 });
  await frame.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.equal(await frame.evaluate(() => window.__changes), 0, 'a hostile message ran the program');
  assert.deepEqual(await frame.evaluate(() => window.__errors), []);
  await page.evaluate(() =>
    document.querySelector('iframe').contentWindow.postMessage({ type: 'chanlab:run' }, '*'));
  await frame.waitForFunction(() => window.__changes > 0, null, { timeout: 10_000 });
  assert.deepEqual(await frameEnd(frame), { state: 'done', lines: PIPELINE_A_B });

  for (const o of origins) {
    assert.ok(o === chanlabOrigin || o === new URL(docs.url).origin, `a request to ${o}`);
  }
});

test('view= and theme= choose what the embed shows and its colours', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  await page.goto(`${server.url}?p=worker-pool&workers=2&embed=1&view=timeline,source&theme=dark&autorun=1`);
  await page.getByTestId('output').waitFor({ state: 'attached' });
  assert.equal(await waitForEnd(page).then((s) => s.state), 'done');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await page.getByTestId('output').isVisible(), false);
  await page.getByTestId('timeline').first().waitFor();
  assert.ok(await page.getByTestId('go-source').isVisible());
  assert.equal(await page.locator('.catalog').count(), 0);
  assert.equal(await page.getByTestId('open-in-chanlab').getAttribute('href'), './?workers=2&autorun=1');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(14, 18, 23)');
});

test('the documentation page shows the snippets live, and every one runs', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}embed.html`);
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 4);
  const frames = [];
  for (const handle of await page.locator('iframe').elementHandles()) frames.push(await handle.contentFrame());
  // In page order: the autorun pipeline, the worker pool, the autorun program of its own (a
  // <pre> of Go), the plain iframe of select.
  assert.deepEqual(await frameEnd(frames[0]), { state: 'done', lines: PIPELINE_A_B });
  assert.deepEqual(await frameEnd(frames[2]), { state: 'done', lines: PING });
  for (const [frame, want] of [[frames[1], WORKER_POOL], [frames[3], SELECT]]) {
    await frame.getByTestId('run').click();
    assert.deepEqual(await frameEnd(frame), { state: 'done', lines: want });
  }
});

test('a page of 20 embeds starts no worker until one runs, and a run ignores repeated requests', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  // Counts the workers each frame makes (init scripts run in every frame, iframes included).
  await context.addInitScript(() => {
    window.__workers = 0;
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args);
        window.__workers += 1;
      }
    };
  });
  const page = await context.newPage();
  await page.goto(`${docs.url}many`);
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 20);
  const iframes = page.locator('iframe');
  for (let i = 0; i < 20; i++) {
    assert.equal(await iframes.nth(i).getAttribute('loading'), 'lazy');
    assert.equal(await iframes.nth(i).getAttribute('referrerpolicy'), 'no-referrer');
  }
  // The first embed, in view, loads and waits with its Run button.
  const first = await (await iframes.first().elementHandle()).contentFrame();
  await first.getByTestId('run').waitFor();
  const loaded = () => page.frames().filter((f) => f.url().includes('embed=1'));
  const workers = async () => {
    let n = 0;
    for (const f of loaded()) n += await f.evaluate(() => window.__workers ?? 0).catch(() => 0);
    return n;
  };
  assert.ok(loaded().length < 20, `${loaded().length} of 20 embeds loaded without being scrolled to`);
  assert.equal(await workers(), 0, 'no embed started a worker before it ran');

  // Scrolled into view, the last one loads; still no worker.
  await iframes.last().scrollIntoViewIfNeeded();
  const last = await (await iframes.last().elementHandle()).contentFrame();
  await last.getByTestId('run').waitFor();
  assert.equal(await workers(), 0);

  // The parent asks the last one to run, then asks again four times while it runs: one run.
  await last.evaluate(() => {
    window.__runs = 0;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="output"]').dataset.state === 'running') window.__runs += 1;
    }).observe(document.querySelector('[data-testid="output"]'), { attributes: true, attributeFilter: ['data-state'] });
  });
  const ask = () => page.evaluate(() =>
    document.querySelectorAll('iframe')[19].contentWindow.postMessage({ type: 'chanlab:run' }, '*'));
  await ask();
  await last.waitForFunction(() => document.querySelector('[data-testid="output"]').dataset.state === 'running');
  for (let i = 0; i < 4; i++) await ask();
  await last.waitForFunction(
    () => document.querySelector('[data-testid="output"]').dataset.state !== 'running',
    null,
    { timeout: 60_000 },
  );
  const status = await last.evaluate(() => document.querySelector('[data-testid="status"]')?.textContent);
  assert.equal(await last.getByTestId('output').getAttribute('data-state'), 'done', status);
  assert.equal(await last.evaluate(() => window.__runs), 1, 'requests during the run were ignored');
  assert.equal(await last.evaluate(() => window.__workers), 2, 'the run\'s worker, then the next run\'s spare');
  assert.equal(await first.evaluate(() => window.__workers), 0);
  await context.close();
});
