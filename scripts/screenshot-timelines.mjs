// Writes the README's timeline screenshots, docs/timeline-*.png, from a release build.
//
//   node scripts/screenshot-timelines.mjs [DIST]

import { launchBrowser, startServer, waitForEnd } from '../tests/e2e/harness.mjs';

const SHOTS = [
  { file: 'docs/timeline-worker-pool.png', query: 'p=worker-pool&workers=3&jobs=9&job_ms=40' },
  { file: 'docs/timeline-semaphore.png', query: 'p=semaphore&tasks=8' },
];

const server = await startServer(process.argv[2]);
const browser = await launchBrowser();
for (const shot of SHOTS) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    deviceScaleFactor: 2,
    colorScheme: 'light',
  });
  const page = await context.newPage();
  await page.goto(`${server.url}?${shot.query}&autorun=1`);
  await waitForEnd(page, 60_000);
  const timeline = page.locator('[data-testid="timeline"][data-state="ready"]');
  await timeline.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]').dataset.firstViewMs);
  await page.locator('.trace-views').screenshot({ path: shot.file });
  console.log(`wrote ${shot.file}`);
  await context.close();
}
await browser.close();
await server.close();
