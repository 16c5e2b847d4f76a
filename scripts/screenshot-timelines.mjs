// Writes the README's screenshots from a release build: the page as it opens at 1280×800
// (docs/page.png) and two timelines (docs/timeline-*.png).
//
//   node scripts/screenshot-timelines.mjs [DIST]

import { launchBrowser, startServer, waitForEnd } from '../tests/e2e/harness.mjs';

const SHOTS = [
  // The whole first screen: title, parameters, Run and the output, with no scrolling.
  { file: 'docs/page.png', query: 'p=worker-pool', viewport: { width: 1280, height: 800 }, whole: true },
  { file: 'docs/timeline-worker-pool.png', query: 'p=worker-pool&workers=3&jobs=9&job_ms=40' },
  { file: 'docs/timeline-semaphore.png', query: 'p=semaphore&tasks=8' },
];

const server = await startServer(process.argv[2]);
const browser = await launchBrowser();
for (const shot of SHOTS) {
  const context = await browser.newContext({
    viewport: shot.viewport ?? { width: 1280, height: 1000 },
    deviceScaleFactor: 2,
    colorScheme: 'light',
  });
  const page = await context.newPage();
  await page.goto(`${server.url}?${shot.query}&autorun=1`);
  await waitForEnd(page, 60_000);
  const timeline = page.locator('[data-testid="timeline"][data-state="ready"]');
  await timeline.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]').dataset.firstViewMs);
  if (shot.whole) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot.file });
  } else {
    await page.locator('.trace-views').screenshot({ path: shot.file });
  }
  console.log(`wrote ${shot.file}`);
  await context.close();
}
await browser.close();
await server.close();
