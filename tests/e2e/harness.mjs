// Shared pieces of the end-to-end suite: a static server for dist/, a headless Chromium, and
// helpers that read the page the way a user sees it.

import { after, before } from 'node:test';
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

/** Serves dist/ on a free localhost port; resolves to { url, close }. */
export async function startServer(dir = DIST) {
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

/**
 * Opens the page at `query` (e.g. `?p=select&autorun=1`) in a fresh context, in the colour
 * scheme `colorScheme` and with the motion preference `reducedMotion` when given, with `init`
 * run in every document before its own scripts.
 * Collects page errors and console errors into `page.problems`, which a test can assert empty.
 */
export async function openPage(browser, base, query = '', { viewport, colorScheme, reducedMotion, init } = {}) {
  const context = await browser.newContext({
    viewport: viewport ?? { width: 1280, height: 900 },
    ...(colorScheme ? { colorScheme } : {}),
    ...(reducedMotion ? { reducedMotion } : {}),
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
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

/** { state, exitCode, lines: [text...], times: [t_ns...] } as the page shows them. */
export async function outputState(page) {
  return page.evaluate(() => {
    const out = document.querySelector('[data-testid="output"]');
    const lines = [...out.querySelectorAll('[data-testid="output-line"]')];
    return {
      state: out.dataset.state,
      exitCode: out.dataset.exitCode === undefined ? null : Number(out.dataset.exitCode),
      lines: lines.map((l) => l.textContent),
      times: lines.map((l) => Number(l.dataset.tNs)),
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
 * `use(server, browser)` receives them once started.
 */
export function withBrowser(use) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}
