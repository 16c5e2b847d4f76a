// The Go editor as a user types in it: it loads on first focus, edits the program the page
// runs, marks compile errors and the line a run failed at, keeps the program in the link, and
// survives hostile links.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync, gzipSync } from 'node:zlib';

import { asOneStream, notices, openPage, outputState, tracebackHeaders, waitForEnd, withBrowser } from './harness.mjs';

let server;
let browser;
withBrowser((s, b) => {
  server = s;
  browser = b;
});

const source = (page) => page.getByTestId('go-source').textContent();
const editor = (page) => page.getByTestId('go-editor');

/** Focuses the code, which loads the editor, and waits until CodeMirror has taken over. */
async function openEditor(page) {
  await editor(page).focus();
  await page.locator('.code.loaded').waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => {
    const host = document.querySelector('.code-editor');
    return host?.shadowRoot?.activeElement?.classList.contains('cm-content');
  });
}

/** Replaces the whole program as a user would: select all, type (paste) the new text. */
async function replaceProgram(page, text) {
  await openEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await page.waitForFunction((t) => document.querySelector('[data-testid="go-source"]')?.textContent === t, text);
}

/** `text` as the page's links carry a program: raw DEFLATE in base64url. */
const encode = (text) => deflateRawSync(Buffer.from(text)).toString('base64url');

describe('the editor', () => {
  test('loads on first focus, and a user can write a program with it', async () => {
    const page = await openPage(browser, server.url, '?p=select');
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.waitForTimeout(300);
    assert.ok(!requested.some((p) => p.endsWith('editor.js')), 'the editor loaded before focus');
    assert.equal(await editor(page).evaluate((e) => e.tagName), 'TEXTAREA');

    await page.getByTestId('new-code').click();
    assert.equal(await source(page), 'package main\n\nfunc main() {\n\t\n}\n');
    const focused = Date.now();
    await openEditor(page);
    console.log(`first focus to CodeMirror in place (the text area edits meanwhile): ${Date.now() - focused} ms`);
    assert.ok(requested.some((p) => p.endsWith('editor.js')));
    assert.equal(await editor(page).evaluate((e) => e.className.includes('cm-content')), true);

    // Typing: brackets and quotes close themselves, Enter indents.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('package main\n\nfunc main() {');
    await page.keyboard.press('Enter');
    await page.keyboard.type('println("hi")');
    const typed = 'package main\n\nfunc main() {\n\tprintln("hi")\n}';
    assert.equal(await source(page), typed);

    // Tab and Shift+Tab indent the line, undo takes a change back.
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    assert.equal(await source(page), typed.replace('\tprintln', '\t\tprintln'));
    await page.keyboard.press('Shift+Tab');
    assert.equal(await source(page), typed);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+Z');
    assert.equal(await source(page), typed);

    // Line numbers and Go highlighting as typed.
    const numbers = await page.locator('.cm-lineNumbers .cm-gutterElement').allTextContents();
    assert.ok(['1', '2', '3', '4', '5'].every((n) => numbers.includes(n)), numbers.join(','));
    const colours = await page.evaluate(() => {
      const root = document.querySelector('.code-editor').shadowRoot;
      const spans = [...root.querySelectorAll('.cm-line span')];
      const colour = (text) => getComputedStyle(spans.find((s) => s.textContent === text)).color;
      return { keyword: colour('func'), string: colour('"hi"'), text: getComputedStyle(root.querySelector('.cm-content')).color };
    });
    assert.notEqual(colours.keyword, colours.text);
    assert.notEqual(colours.string, colours.text);
    assert.notEqual(colours.keyword, colours.string);

    // Search opens in the editor.
    await page.keyboard.press('ControlOrMeta+F');
    await page.locator('.cm-search').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.cm-search').waitFor({ state: 'detached' });

    // Esc then Tab leaves the editor; Tab alone indented.
    await editor(page).focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const inEditor = await page.evaluate(() => document.activeElement === document.querySelector('.code-editor'));
    assert.equal(inEditor, false, 'focus stayed in the editor');
    assert.equal(await source(page), typed);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a program on packages the catalog does not use prints what Go printed', async () => {
    // Corpus programs and the output Go 1.19 recorded for them (tests/golang/README.md).
    const corpus = (file) => readFileSync(new URL(`../golang/corpus/${file}`, import.meta.url), 'utf8');
    for (const name of ['encoding_json_methods', 'crypto_hashes', 'text_tabwriter', 'math_rand_v2', 'math_rand_seeded',
      'math_rand_ziggurat', 'tour_equivalent_trees', 'reflect_call', 'reflect_make_func', 'os_signal_self', 'encoding_binary',
      'fmt_gostringer', 'fmt_formatter', 'reflect_select', 'reflect_convert', 'testing_basic', 'testing_main',
      'testing_compile_error', 'testing_examples',
      // Data nested far deeper than the worker's stack: compared, hashed, printed and freed.
      'lang_deep_data', 'lang_deep_maps',
      // Calls from the library into the program, nested as deep as chanlab allows on the
      // worker's stack, and an endless such recursion: Go's stack overflow, not the worker's.
      'nested_calls_deep', 'panic_stack_overflow_fmt',
      // stdout and stderr written into the same lines, in the order the program wrote them.
      'fmt_streams_interleaved']) {
      const [exit, ...want] = corpus(`${name}.out`).replace(/\n$/, '').split('\n');
      assert.match(exit, /^exit \d+$/);
      const page = await openPage(browser, server.url, `?v=2#code=${encode(corpus(`${name}.go`))}`);
      await page.getByTestId('run').click();
      const run = await waitForEnd(page);
      assert.equal(run.exitCode, Number(exit.slice('exit '.length)), name);
      assert.deepEqual(tracebackHeaders(asOneStream(run)), want, name);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  });

  test("code nested to chanlab's limits runs on the worker's stack, and past them is a compile error", async () => {
    // docs/INTERPRETER.md, Limits: the checker and the compiler recurse on the program's
    // tree, on the worker's stack (about a megabyte in V8).
    const program = (decls, body) => `package main\n\n${decls}\nfunc main() {\n\t${body}\n}\n`;
    const chain = (n, decl, last) => Array.from({ length: n }, (_, i) => decl(i) + '\n').join('') + last + '\n';
    const elseIfs = (n) => program('', `x := 0\n\t${'if x == 0 { x++ } else '.repeat(n)}{ x-- }\n\tprintln(x)`);
    const consts = (n, parens) => program(
      chain(n, (i) => `const c${i} = ${'('.repeat(parens)}c${i + 1}${')'.repeat(parens)} + 1`, `const c${n} = 1`),
      'println(c0)');
    const types = (n, depth) => program(
      chain(n, (i) => `type T${i} struct { a ${'[]'.repeat(depth)}T${i + 1}; b int }`, `type T${n} struct{ v int }`),
      'var x T0\n\tprintln(len(x.a), x.b)');
    const cases = [
      [elseIfs(500), 0, ['1']],
      [consts(99, 2), 0, ['100']],
      [types(99, 2), 0, ['0 0']],
      [elseIfs(600), 1, /in more than 500 else-ifs/],
      [consts(99, 90), 1, /nested more than 400 levels deep/],
      [types(3000, 1), 1, /declarations that need each other more than 100 deep/],
    ];
    for (const [text, exit, want] of cases) {
      const page = await openPage(browser, server.url, `?v=2#code=${encode(text)}`);
      await page.getByTestId('run').click();
      const run = await waitForEnd(page);
      assert.equal(run.exitCode, exit, text.slice(0, 80));
      if (want instanceof RegExp) {
        assert.match(run.lines.join('\n'), want);
      } else {
        assert.deepEqual(run.lines, want);
      }
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  });

  test('editing marks the configuration as edited, and Reset code restores it', async () => {
    const page = await openPage(browser, server.url, '?p=worker-pool&workers=3');
    const rendered = await source(page);
    assert.equal(await page.getByTestId('reset-code').isDisabled(), true);
    await replaceProgram(page, rendered.replace('processed %d jobs', 'handled %d jobs'));

    assert.equal(await page.getByTestId('params-edited').isVisible(), true);
    assert.equal(await page.getByTestId('param-workers').isDisabled(), true);
    await page.waitForFunction(() => location.hash.startsWith('#code='));
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('workers'), '3');
    assert.equal(url.searchParams.get('v'), '2');

    await page.getByTestId('reset-code').click();
    assert.equal(await source(page), rendered);
    await page.waitForFunction(() => location.hash === '');
    assert.equal(await page.getByTestId('param-workers').isDisabled(), false);
    assert.equal(await page.getByTestId('params-edited').count(), 0);
    assert.equal(new URL(page.url()).search, '?workers=3');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('Ctrl+Enter in the editor runs the program and leaves it as it was', async () => {
    const page = await openPage(browser, server.url, '?p=goroutines');
    const before = await source(page);
    await openEditor(page);
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Control+Enter');
    const run = await waitForEnd(page);
    assert.equal(run.state, 'done');
    assert.ok(run.lines.length > 0);
    assert.equal(await source(page), before);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('removing close(jobs) deadlocks: the report appears and its line is marked', async () => {
    const page = await openPage(browser, server.url, '?p=worker-pool&workers=2&jobs=3&job_ms=1');
    const rendered = await source(page);
    const edited = rendered.replace(/\n\s*close\(jobs\)[^\n]*/, '');
    assert.notEqual(edited, rendered);
    await replaceProgram(page, edited);
    await page.getByTestId('run').click();
    const run = await waitForEnd(page);
    assert.equal(run.exitCode, 2);
    assert.equal(run.lines[0], 'fatal error: all goroutines are asleep - deadlock!');
    // main waits in `for range results`; that is the line the report names and the editor marks.
    const waitLine = edited.split('\n').findIndex((l) => l.includes('for range results')) + 1;
    assert.ok(run.lines.some((l) => l.startsWith(`\t./prog.go:${waitLine}`)), run.lines.join('\n'));
    const marked = page.locator('.cm-mark-line');
    await marked.first().waitFor();
    assert.match(await marked.first().textContent(), /for range results/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a compile error is listed and marked, and nothing runs', async () => {
    const page = await openPage(browser, server.url, '?p=worker-pool');
    const rendered = await source(page);
    const edited = rendered.replace('processed++', 'processed += missing');
    await replaceProgram(page, edited);
    await page.getByTestId('run').click();
    const run = await waitForEnd(page);
    assert.equal(run.exitCode, 1);
    assert.ok(!run.lines.some((l) => l.startsWith('processed')), 'the program ran');
    const lines = edited.split('\n');
    const line = lines.findIndex((l) => l.includes('missing')) + 1;
    const col = lines[line - 1].indexOf('missing') + 1;
    const errors = await page.getByTestId('compile-error').allTextContents();
    assert.deepEqual(errors, [`./prog.go:${line}:${col}: undefined: missing`]);
    const mark = page.locator('.cm-mark');
    await mark.first().waitFor();
    assert.equal(await mark.first().textContent(), 'missing');

    // Clicking the error puts the cursor there: what the reader types next lands at its column.
    await editor(page).focus();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.getByTestId('compile-error').first().click();
    await page.keyboard.type('_');
    await page.waitForFunction(() => document.querySelector('[data-testid="go-source"]').textContent.includes('+= _missing'));

    // Reset brings back the pattern, unmarked.
    await page.getByTestId('reset-code').click();
    assert.equal(await source(page), rendered);
    await page.locator('.cm-mark').waitFor({ state: 'detached' });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('the copied link reopens the edited program and reproduces its output', async () => {
    const page = await openPage(browser, server.url, '?p=pipeline&seed=3');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(server.url).origin,
    });
    const edited = (await source(page)).replace(/\n}\n$/, '\n\tfmt.Println("edited by hand")\n}\n');
    await replaceProgram(page, edited);
    await page.getByTestId('run').click();
    const first = await waitForEnd(page);
    assert.equal(first.lines.at(-1), 'edited by hand');

    await page.getByTestId('copy-link').click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.includes('#code='), link);
    const again = await openPage(browser, link, '');
    assert.equal(await source(again), edited);
    assert.ok((await notices(again)).some((n) => n.includes('brings its own program')));
    await again.getByTestId('run').click();
    const second = await waitForEnd(again);
    assert.deepEqual(second.lines, first.lines);
    assert.deepEqual(second.times, first.times);
    assert.deepEqual([...page.problems, ...again.problems], []);
    await page.context().close();
    await again.context().close();
  });

  test('light and dark themes, and a phone', async () => {
    const code = 'package main\n\nfunc main() {\n\tprintln("a fairly long line that a phone has to wrap rather than scroll sideways")\n}\n';
    const page = await openPage(
      browser, server.url, `?embed=1&edit=1&theme=dark#code=${encode(code)}`,
      { viewport: { width: 390, height: 800 } },
    );
    await openEditor(page);
    const bg = await page.evaluate(() =>
      getComputedStyle(document.querySelector('.code-editor').shadowRoot.querySelector('.cm-editor')).backgroundColor);
    assert.equal(bg, 'rgb(18, 23, 30)');
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('// typed on a phone');
    assert.ok((await source(page)).endsWith('// typed on a phone'));
    const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 390, `the page scrolls sideways: ${width}px`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('hostile code links', () => {
  const bidi = 'package main\n\nfunc main() {\n\tadmin := false // \u202E } \u2066if admin {\u2069\n\tprintln("\u0007", admin)\n}\n';
  const markup = 'package main\n\nfunc main() {\n\tprintln("</pre><img src=x onerror=\\"window.__xss=1\\">")\n}\n';
  const cut = encode('package main\n\nfunc main() { for {} }\n');
  const cases = [
    { name: 'not base64', fragment: 'code=%%%<script>', notice: 'not base64url', shows: 'pattern' },
    { name: 'bad deflate', fragment: 'code=____', notice: 'damaged', shows: 'pattern' },
    { name: 'cut short', fragment: `code=${cut.slice(0, -5)}`, notice: 'damaged', shows: 'pattern' },
    {
      name: 'a 10 MB expansion bomb',
      fragment: `code=${deflateRawSync(Buffer.alloc(10 << 20, 'a'), { level: 9 }).toString('base64url')}`,
      notice: 'expands past',
      shows: 'pattern',
    },
    { name: 'markup in the Go source', fragment: `code=${encode(markup)}`, notice: 'brings its own program', shows: markup },
    { name: 'control and bidi characters', fragment: `code=${encode(bidi)}`, notice: 'U+202E at 4:', shows: bidi },
  ];
  for (const c of cases) {
    test(`${c.name}: opens with a notice, and the page still works`, async () => {
      const page = await openPage(browser, server.url, `?p=select&autorun=1#${c.fragment}`);
      await page.getByTestId('notice').first().waitFor();
      const shown = await notices(page);
      assert.ok(shown.some((n) => n.includes(c.notice)), shown.join('\n'));
      const text = await source(page);
      if (c.shows === 'pattern') {
        assert.match(text, /^package main/);
        assert.ok(text.includes('select {'), 'the pattern\'s source');
        // A link whose program cannot be read runs nothing.
        await page.waitForTimeout(300);
        assert.equal((await outputState(page)).state, 'idle');
      } else {
        assert.equal(text, c.shows);
        // autorun ran what the page shows.
        await waitForEnd(page);
      }
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      if (c.shows === bidi) {
        const marks = await page.locator('.invisible').evaluateAll((els) => els.map((e) => e.dataset.code));
        assert.deepEqual(marks, ['U+202E', 'U+2066', 'U+2069', 'U+0007']);
      }
      // The page still works: the form, and a run.
      await page.getByTestId('run').click();
      assert.equal((await waitForEnd(page)).state, 'done');
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
});

/** Runs `act` and resolves with the ms from then to the first output line it brings. */
async function msToFirstLine(page, act) {
  await page.evaluate(() => {
    window.__firstLine = new Promise((ok) => {
      const t0 = performance.now();
      const seen = () => document.querySelector('[data-testid="output"]')?.dataset.state !== 'idle' &&
        document.querySelector('[data-testid="output-line"]');
      const observer = new MutationObserver(() => {
        // A line of this run: the earlier run's lines are gone once the output is cleared.
        if (window.__cleared && seen()) { observer.disconnect(); ok(performance.now() - t0); }
        if (!document.querySelector('[data-testid="output-line"]')) window.__cleared = true;
      });
      window.__cleared = !document.querySelector('[data-testid="output-line"]');
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  });
  await act();
  return page.evaluate(() => window.__firstLine);
}

/** At most this many gzipped bytes before the first Run (the issue's budget). */
const FIRST_LOAD_BUDGET = 600 * 1024;

describe('first load', () => {
  test('fits its budget: no editor, no worker; the worker loads once a run is near', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies = new Map();
    const responses = [];
    page.on('response', (r) => {
      const done = r.body().then((body) => bodies.set(new URL(r.url()).pathname, body), () => {});
      responses.push(done);
    });
    const opened = Date.now();
    await page.goto(server.url);
    await page.getByTestId('run').waitFor();
    const shown = Date.now() - opened;
    // What a reader who looks at the first screen, without going near Run, downloads.
    await page.waitForTimeout(2000);
    await Promise.all(responses);
    const files = [...bodies.entries()].map(([path, body]) => [path, gzipSync(body, { level: 9 }).length]);
    const total = files.reduce((sum, [, n]) => sum + n, 0);
    console.log(`first load, gzipped: ${(total / 1024).toFixed(1)} KB of ${FIRST_LOAD_BUDGET / 1024} KB, Run shown after ${shown} ms (${files.map(([p, n]) => `${p} ${(n / 1024).toFixed(1)}`).join(', ')})`);
    assert.ok(total <= FIRST_LOAD_BUDGET, `the first load is ${total} bytes gzipped`);
    assert.ok(!files.some(([p]) => p.endsWith('editor.js')), 'the editor is in the first load');
    assert.ok(!files.some(([p]) => p.includes('worker')), 'a worker is in the first load');

    // The pointer on its way to Run starts the worker; the run finds it loading or loaded.
    const worker = page.waitForRequest((r) => r.url().includes('worker_bg.wasm'));
    await page.getByTestId('run').hover();
    await worker;
    const cold = await msToFirstLine(page, () => page.getByTestId('run').click());
    assert.equal((await waitForEnd(page)).state, 'done');
    // The next run finds the spare worker loaded after the first.
    await page.waitForTimeout(1000);
    const warm = await msToFirstLine(page, () => page.getByTestId('run').click());
    console.log(`Run to the first output line: first run ${cold.toFixed(0)} ms (its worker loading since the pointer reached Run), next run ${warm.toFixed(0)} ms (loaded)`);
    assert.equal((await waitForEnd(page)).state, 'done');
    await context.close();
  });

  test('a run asked for at once (Ctrl+Enter, no pointer near Run) loads its worker itself', async () => {
    const page = await openPage(browser, server.url, '?p=goroutines');
    const ms = await msToFirstLine(page, () => page.keyboard.press('Control+Enter'));
    console.log(`Ctrl+Enter to the first output line, its worker loaded by the run: ${ms.toFixed(0)} ms`);
    const run = await waitForEnd(page);
    assert.equal(run.state, 'done');
    assert.equal(run.lines.length, 5);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
