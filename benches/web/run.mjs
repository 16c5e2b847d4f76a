// Runs the runtime's benchmarks in headless Chromium and prints their figures as JSON.
//
//   node benches/web/run.mjs DIR [--quick] [--filter KEY]
//
// DIR holds index.html (benches/web/index.html) and pkg/ (wasm-bindgen's output for
// examples/rt_bench_web.rs); scripts/bench.sh builds both. The page is served from
// 127.0.0.1 on a free port, as a static host would.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const dir = resolve(args[0] ?? 'target/bench-web');
const quick = args.includes('--quick');
const filter = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : '';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  const file = normalize(join(dir, path === '/' ? 'index.html' : path));
  if (!file.startsWith(dir + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      // Cross-origin isolation: performance.now() is then 5 µs fine, not 100 µs.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/?quick=${quick ? 1 : 0}&filter=${filter}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e}`));
  await page.goto(url);
  await page.waitForFunction(() => window.benchResult || window.benchError, null, {
    timeout: 20 * 60 * 1000,
    polling: 500,
  });
  const error = await page.evaluate(() => window.benchError);
  if (error) throw new Error(error);
  if (!(await page.evaluate(() => window.crossOriginIsolated))) {
    console.error('warning: the page is not cross-origin isolated; its clock is coarse');
  }
  const version = browser.version();
  const figures = await page.evaluate(() => window.benchResult);
  console.log(JSON.stringify({ browser: `Chromium ${version}`, figures }));
} finally {
  await browser.close();
  server.close();
}
