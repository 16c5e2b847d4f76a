// Embeds made from a docs page's own Go: a <pre> of Go source inside <div data-chanlab>, on
// another origin, becomes an embed that runs exactly that program, shows it read-only, or in
// the editor with edit=1.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { withBrowser } from './harness.mjs';

// What real Go prints for it: one line, "ping from a goroutine".
const PING = `package main

import "fmt"

func main() {
	ch := make(chan string)
	go func() { ch <- "ping from a goroutine" }()
	fmt.Println(<-ch)
}
`;

// Markup inside the program stays text on the docs page and in the embed.
const SUM = `package main

import "fmt"

func main() {
	results := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		go func(n int) { results <- n * n }(i)
	}
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-results
	}
	fmt.Println("sum of squares <1..3>:", sum)
}
`;

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let server;
let docs;
let browser;

withBrowser((s, b) => {
  server = s;
  browser = b;
});

before(async () => {
  // Written when asked: chanlab's server (withBrowser's) may still be starting now.
  const html = () => `<!doctype html><html><head><meta charset="utf-8"><title>docs</title></head>
<body><h1>Channels, by example</h1>
<div data-chanlab="autorun=1"><pre>
${escape(PING)}</pre></div>
<p>Edit this one:</p>
<div data-chanlab="edit=1&theme=light"><pre><code>${escape(SUM)}</code></pre></div>
<script src="${server.url}embed.js" defer></script>
</body></html>`;
  const s = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html());
  });
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  docs = {
    url: `http://127.0.0.1:${s.address().port}/`,
    close: () => new Promise((ok) => { s.closeAllConnections?.(); s.close(ok); }),
  };
});

after(async () => {
  await docs?.close();
});

const ended = (frame) => frame.waitForFunction(() => {
  const s = document.querySelector('[data-testid="output"]')?.dataset.state;
  return s === 'done' || s === 'error';
}, null, { timeout: 30_000 });

test('a <pre> of Go on another origin becomes an embed that runs it', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.goto(docs.url);
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);

  // The <pre>s are hidden, the iframes stand in for them.
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll('[data-chanlab]')].map((d) => [...d.children].map((c) => `${c.tagName}${c.hidden ? ' hidden' : ''}`)));
  assert.deepEqual(shown, [['PRE hidden', 'IFRAME'], ['PRE hidden', 'IFRAME']]);
  const srcs = await page.locator('iframe').evaluateAll((els) => els.map((e) => e.src));
  for (const src of srcs) {
    const url = new URL(src);
    assert.equal(url.origin, new URL(server.url).origin);
    assert.equal(url.searchParams.get('embed'), '1');
    assert.ok(url.hash.startsWith('#code='), src);
  }

  const [first, second] = await Promise.all(
    (await page.locator('iframe').elementHandles()).map((h) => h.contentFrame()),
  );

  // The first runs on load, read-only: its source is the <pre>'s text, its output Go's.
  await ended(first);
  assert.equal(await first.getByTestId('go-source').textContent(), PING);
  assert.equal(await first.getByTestId('go-source').isVisible(), true);
  assert.equal(await first.getByTestId('go-editor').count(), 0);
  assert.deepEqual(await first.getByTestId('output-line').allTextContents(), ['ping from a goroutine']);
  assert.equal(await first.getByTestId('output').getAttribute('data-exit-code'), '0');
  assert.deepEqual(await first.getByTestId('notice').allTextContents(), []);
  const open = await first.getByTestId('open-in-chanlab').getAttribute('href');
  assert.ok(open.includes('#code=') && !/embed=|view=/.test(open), open);

  // The second is editable: edit, run, and Go's output for the edit.
  assert.equal(await second.getByTestId('go-source').textContent(), SUM);
  await second.getByTestId('go-editor').focus();
  await second.locator('.code.loaded').waitFor({ timeout: 15_000 });
  await second.getByTestId('go-editor').focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(SUM.replace('n * n', 'n * n * n').replace('squares', 'cubes'));
  await second.getByTestId('run').click();
  await ended(second);
  assert.deepEqual(await second.getByTestId('output-line').allTextContents(), ['sum of cubes <1..3>: 36']);

});
