// Shared pieces of the end-to-end suite: a static server for dist/, a headless Chromium, and
// helpers that read the page the way a user sees it.

import { after, afterEach, before } from 'node:test';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = process.env.CHANLAB_DIST ? resolve(process.env.CHANLAB_DIST) : join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The headers that make a page cross-origin isolated (`crossOriginIsolated`), which real mode
 * needs for its shared-memory transport; `scripts/serve.sh` sends them too.
 */
export const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/**
 * Serves dist/ on a free localhost port; resolves to { url, close }. With `isolated`, every
 * response carries the cross-origin isolation headers.
 */
export async function startServer(dir = DIST, { isolated = false } = {}) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run \`trunk build --release\` first`);
  }
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      let file = normalize(join(dir, path));
      if (file !== dir && !file.startsWith(dir + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(isolated ? ISOLATION : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** Where Chromium is: CHROMIUM_PATH, else the Debian package's binary. */
export function chromiumPath() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  throw new Error('Chromium not found: install the `chromium` package or set CHROMIUM_PATH');
}

/** Watches every page of every context `browser` makes, from its first script on. */
export function watchEveryPage(browser) {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.on('page', watch);
    return context;
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** The pages of the running test, checked for problems when it ends (see `withBrowser`). */
const watched = new Set();

/**
 * Collects `page`'s uncaught errors and console errors into `page.problems`. Every page of a
 * browser from `withBrowser` is watched from its start, and the test fails if one reports a
 * problem that `allowProblems` did not expect.
 */
function watch(page) {
  if (watched.has(page)) return;
  page.problems = [];
  page.allowed = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  watched.add(page);
}

/** Lets `page` report problems matching `pattern`: for a test that provokes one on purpose. */
export function allowProblems(page, pattern) {
  page.allowed.push(pattern);
}

/** The problems of `page` that no `allowProblems` expected. */
export function unexpectedProblems(page) {
  return page.problems.filter((p) => !page.allowed.some((re) => re.test(p)));
}

/** Every watched page's unexpected problems; closes their contexts and forgets them. */
async function endOfTest() {
  const found = [];
  const contexts = new Set();
  for (const page of watched) {
    for (const p of unexpectedProblems(page)) found.push(`${page.url()}: ${p}`);
    contexts.add(page.context());
  }
  watched.clear();
  await Promise.all([...contexts].map((c) => c.close().catch(() => {})));
  if (found.length) throw new Error(`the page reported errors:\n${found.join('\n')}`);
}

/**
 * Opens the page at `query` (e.g. `?p=select&autorun=1`) in a fresh context, in the colour
 * scheme `colorScheme` and with the motion preference `reducedMotion` when given, with `init`
 * run in every document before its own scripts. Its page errors and console errors collect
 * in `page.problems` and fail the test (see `watch`).
 */
export async function openPage(browser, base, query = '', { viewport, colorScheme, reducedMotion, init } = {}) {
  const context = await browser.newContext({
    viewport: viewport ?? { width: 1280, height: 900 },
    ...(colorScheme ? { colorScheme } : {}),
    ...(reducedMotion ? { reducedMotion } : {}),
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  await page.goto(base + query);
  await page.getByTestId('output').waitFor();
  return page;
}

export const output = (page) => page.getByTestId('output');

/** Waits until the run has ended (done or error) and returns the output's state. */
export async function waitForEnd(page, timeout = 20_000) {
  await page.waitForFunction(
    () => {
      const s = document.querySelector('[data-testid="output"]')?.dataset.state;
      return s === 'done' || s === 'error';
    },
    null,
    { timeout },
  );
  return outputState(page);
}

/** { state, exitCode, lines: [text...], times: [t_ns...], noNewline: [bool...] } as the page
 * shows them (`noNewline`: the line was printed without a newline after it). */
export async function outputState(page) {
  return page.evaluate(() => {
    const out = document.querySelector('[data-testid="output"]');
    const lines = [...out.querySelectorAll('[data-testid="output-line"]')];
    return {
      state: out.dataset.state,
      exitCode: out.dataset.exitCode === undefined ? null : Number(out.dataset.exitCode),
      lines: lines.map((l) => l.textContent),
      times: lines.map((l) => Number(l.dataset.tNs)),
      noNewline: lines.map((l) => 'noNewline' in l.dataset),
    };
  });
}

export async function notices(page) {
  return page.getByTestId('notice').allTextContents();
}

/** The query string the address bar holds, as URLSearchParams. */
export function query(page) {
  return new URL(page.url()).searchParams;
}

/**
 * Starts the static server and a browser before a test file's tests and stops both after;
 * `use(server, browser)` receives them once started. After each test, every page the test
 * opened is checked for page errors and console errors (the test fails on one that
 * `allowProblems` did not expect), and its context is closed.
 */
export function withBrowser(use) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    watchEveryPage(browser);
    use(server, browser);
  });
  afterEach(endOfTest);
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/**
 * A report's lines as tests/go/check.sh keeps them (`traceback_headers`): after the first
 * `goroutine N [state]:` header only the headers, ids other than main's as `<id>`, and no
 * stack frames (the programs' function names and lines are compared elsewhere).
 */
export function tracebackHeaders(lines) {
  const out = [];
  let seen = false;
  let gap = false;
  for (const line of lines) {
    const header = /^goroutine (\d+) \[.*\]:$/.exec(line);
    if (header) {
      if (seen && gap) out.push('');
      seen = true;
      gap = false;
      out.push(header[1] === '1' ? line : line.replace(/^goroutine \d+ /, 'goroutine <id> '));
    } else if (!seen) {
      out.push(line);
    } else if (line === '') {
      gap = true;
    }
  }
  return out;
}

/** The lines of a run's output as `go run prog.go 2>&1` shows them: a line printed without a
 * newline continues with the next, whichever stream that went to. */
export function asOneStream(run) {
  const text = run.lines.map((line, i) => line + (run.noNewline[i] ? '' : '\n')).join('');
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}
