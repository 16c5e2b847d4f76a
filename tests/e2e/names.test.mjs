// Names from the source, and the lines they lead to. The page runs the Go it shows, so the
// report, the timeline, the channels view and the leak list name goroutines and channels as
// the source does (`main.worker`, `main.main.func1`, `jobs`); a panic or deadlock marks the
// line its report names, and picking a name marks the line that declares it. The marked line
// is the source section's `data-mark-line` and the `.line.marked` of `go-source`.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';

import { openPage, waitForEnd, withBrowser } from './harness.mjs';

let server;
let browser;
withBrowser((s, b) => {
  server = s;
  browser = b;
});

/** Opens `?<q>&autorun=1` and waits for the end of the run. */
async function ran(q) {
  const page = await openPage(browser, server.url, `?${q}&autorun=1`);
  const result = await waitForEnd(page);
  return { page, ...result };
}

/** Opens a link carrying the program of `lines` that runs it, and waits for the end. */
async function ranProgram(lines) {
  const code = deflateRawSync(Buffer.from(lines.join('\n'))).toString('base64url');
  const page = await openPage(browser, server.url, `?v=2&autorun=1#code=${code}`);
  const result = await waitForEnd(page);
  return { page, ...result };
}

/** The marked line: its number and its text, as the source view shows it. */
async function marked(page) {
  await page.locator('[data-testid="go-source"] .line.marked').waitFor();
  return page.evaluate(() => ({
    line: Number(document.querySelector('.source').dataset.markLine),
    text: document.querySelector('[data-testid="go-source"] .line.marked').textContent,
    number: Number(document.querySelector('[data-testid="go-source"] .line.marked').dataset.line),
  }));
}

/** The number of the line of the shown source that contains `text`. */
async function lineOf(page, text) {
  const source = await page.getByTestId('go-source').textContent();
  const i = source.split('\n').findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `the source has ${text}`);
  return i + 1;
}

describe('a report marks its line', () => {
  test("a panic marks the line that panicked, and the traceback names it as Go does", async () => {
    const { page, exitCode, lines } = await ran('p=double-close');
    assert.equal(exitCode, 2);
    // Go's own names and lines, from the source that ran.
    const line = await lineOf(page, 'close(done)');
    assert.ok(lines.includes('main.main.func1()'), lines.join('\n'));
    assert.ok(lines.includes(`\t./prog.go:${line}`), lines.join('\n'));
    const mark = await marked(page);
    assert.equal(mark.line, line);
    assert.equal(mark.number, line);
    assert.match(mark.text, /close\(done\)/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a deadlock marks where main waits', async () => {
    const { page, exitCode } = await ran('p=deadlock');
    assert.equal(exitCode, 2);
    const mark = await marked(page);
    assert.equal(mark.line, await lineOf(page, 'ch <- 1'));
    await page.context().close();
  });

  test('a run that ends normally marks nothing', async () => {
    const { page, exitCode } = await ran('p=select');
    assert.equal(exitCode, 0);
    assert.equal(await page.locator('[data-testid="go-source"] .line.marked').count(), 0);
    assert.equal(await page.locator('.source').getAttribute('data-mark-line'), null);
    await page.context().close();
  });
});

describe('a name leads to its line', () => {
  test("clicking a lane's name marks its function", async () => {
    const { page } = await ran('p=worker-pool&workers=2&jobs=4');
    const name = page.locator('[data-testid="timeline"] [data-lane="main.worker 1"]');
    await name.click();
    let mark = await marked(page);
    assert.equal(mark.line, await lineOf(page, 'func worker('));
    await page.locator('[data-testid="timeline"] [data-lane="main.main.func1"]').click();
    mark = await marked(page);
    assert.equal(mark.line, await lineOf(page, 'go func() {'));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('the channels view names channels by their variable and leads to their make', async () => {
    const { page } = await ran('p=worker-pool&workers=2&jobs=4');
    await page.getByTestId('tab-channels').click();
    const names = await page.locator('[data-testid="channels"] tbody tr td:first-child').allTextContents();
    assert.deepEqual(names.sort(), ['jobs', 'results']);
    await page.locator('[data-testid="channels"] [data-testid="source-link"]', { hasText: 'results' }).click();
    const mark = await marked(page);
    assert.equal(mark.line, await lineOf(page, 'results := make('));
    await page.context().close();
  });

  test('the leak list names the function Go names, where it waits, and who started it', async () => {
    const { page } = await ran('p=leak&calls=3');
    const leaks = await page.getByTestId('leak').allTextContents();
    assert.equal(leaks.length, 3);
    const line = await lineOf(page, 'ch <- 42');
    for (const leak of leaks) {
      assert.match(leak, new RegExp(`^goroutine \\d+ \\[chan send\\] main\\.query\\.func1 at prog\\.go:${line}, created by main\\.query$`));
    }
    await page.getByTestId('leak').first().getByTestId('source-link').click();
    assert.equal((await marked(page)).line, line);
    await page.context().close();
  });
});

describe('a program of tests', () => {
  test('each test is a lane named after it, and a panic in one marks its line', async () => {
    const { page, exitCode, lines } = await ranProgram([
      'package main',
      '',
      'import (',
      '\t"testing"',
      '\t"time"',
      ')',
      '',
      'func TestTable(t *testing.T) {',
      '\tfor i, name := range []string{"empty", "full"} {',
      '\t\tt.Run(name, func(t *testing.T) {',
      '\t\t\tt.Parallel()',
      '\t\t\ttime.Sleep(time.Duration(i+1) * time.Millisecond)',
      '\t\t})',
      '\t}',
      '}',
      '',
      'func TestNilMap(t *testing.T) {',
      '\tvar m map[string]int',
      '\tm["x"] = 1',
      '}',
      '',
    ]);
    assert.equal(exitCode, 2);
    assert.deepEqual(lines.slice(0, 12), [
      '=== RUN   TestTable',
      '=== RUN   TestTable/empty',
      '=== PAUSE TestTable/empty',
      '=== RUN   TestTable/full',
      '=== PAUSE TestTable/full',
      '=== CONT  TestTable/empty',
      '=== CONT  TestTable/full',
      '--- PASS: TestTable (0.00s)',
      '    --- PASS: TestTable/empty (0.00s)',
      '    --- PASS: TestTable/full (0.00s)',
      '=== RUN   TestNilMap',
      '--- FAIL: TestNilMap (0.00s)',
    ]);
    assert.ok(lines.includes('\t./prog_test.go:19'), lines.join('\n'));
    await page.locator('[data-testid="timeline"] [data-lane="TestNilMap"]').waitFor();
    const lanes = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="timeline"] [data-lane]')].map((e) => e.dataset.lane));
    for (const name of ['TestTable', 'TestTable/empty', 'TestTable/full', 'TestNilMap']) {
      assert.ok(lanes.includes(name), `a lane named ${name}: ${lanes}`);
    }
    const mark = await marked(page);
    assert.equal(mark.line, 19);
    assert.match(mark.text, /m\["x"\] = 1/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('go vet', () => {
  test("lists what vet finds, the program runs all the same, and a finding leads to its line", async () => {
    // Classic mistakes: a mutex passed by value, a format given to Println, code after a
    // return.
    const { page, exitCode, lines } = await ranProgram([
      'package main',
      '',
      'import (',
      '\t"fmt"',
      '\t"sync"',
      ')',
      '',
      'func worker(id int, wg *sync.WaitGroup, mu sync.Mutex) {',
      '\tdefer wg.Done()',
      '\tfmt.Println("worker %d", id)',
      '\treturn',
      '\tfmt.Println("done")',
      '}',
      '',
      'func main() {',
      '\tvar wg sync.WaitGroup',
      '\tvar mu sync.Mutex',
      '\twg.Add(1)',
      '\tgo worker(1, &wg, mu)',
      '\twg.Wait()',
      '}',
      '',
    ]);
    assert.equal(exitCode, 0);
    assert.deepEqual(lines, ['worker %d 1']);
    // What Go 1.19's `go vet prog.go` prints for it.
    const findings = page.getByTestId('vet-finding');
    assert.deepEqual(await findings.allTextContents(), [
      './prog.go:8:44: worker passes lock by value: sync.Mutex',
      './prog.go:19:20: call of worker copies lock value: sync.Mutex',
      './prog.go:10:2: fmt.Println call has possible formatting directive %d',
      './prog.go:12:2: unreachable code',
    ]);
    assert.equal(await page.getByTestId('compile-error').count(), 0);
    await findings.nth(1).click();
    const mark = await marked(page);
    assert.equal(mark.line, 19);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
