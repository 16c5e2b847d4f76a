// Every case of tests/go/cases.txt opened by link, in sim mode and in real mode on two Web
// Workers (one for the cases Go ran with GOMAXPROCS=1): the page runs the pattern's Go source
// through the interpreter and prints what real Go printed for that source (tests/go/expected,
// recorded by tests/go/check.sh), with Go's exit status. The source the page shows and runs
// (`go-source`) is checked to be exactly the program Go ran: the one tests/go/render.py
// renders for the case. A case whose data the page draws from the seed rather than from the
// case line (`batch-processor`'s `latencies`) is compared with Go 1.19 run here on the page's
// own source instead.
//
// The comparison is check.sh's (tests/go/README.md): after a panic or fatal error only the
// `goroutine N [state]:` headers are kept, ids other than main's read `<id>`; `unordered`
// cases compare sorted lines; `timing` cases replace measured figures by placeholders. Real
// mode runs on the wall clock as Go does, so the cases' own slack (tests/go/cases.txt) makes
// its output Go's too.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { outputState, startServer, tracebackHeaders, withBrowser } from './harness.mjs';

const GO_DIR = fileURLToPath(new URL('../go/', import.meta.url));
const GO = '/usr/lib/go-1.19/bin/go';

let server;
let browser;
withBrowser((s, b) => {
  server = s;
  browser = b;
});

/** Splits a line into words as a POSIX shell would (the quoting cases.txt uses). */
function shellWords(s) {
  const words = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "'") {
      inWord = true;
      const end = s.indexOf("'", i + 1);
      cur += s.slice(i + 1, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end;
    } else if (c === '"') {
      inWord = true;
      for (i++; i < s.length && s[i] !== '"'; i++) cur += s[i] === '\\' ? s[++i] : s[i];
    } else if (c === '\\') {
      inWord = true;
      cur += s[++i] ?? '';
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      inWord = true;
      cur += c;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** The cases: { name: `<id>__<n>`, id, pairs: [[key, value]], tags }. */
function cases() {
  const counts = {};
  const out = [];
  for (const raw of readFileSync(join(GO_DIR, 'cases.txt'), 'utf8').split('\n')) {
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const hash = raw.indexOf(' # ');
    const body = hash < 0 ? raw : raw.slice(0, hash);
    const tags = hash < 0 ? [] : raw.slice(hash + 3).trim().split(/\s+/);
    const [id, ...words] = shellWords(body);
    const n = counts[id] ?? 0;
    counts[id] = n + 1;
    const pairs = words.map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]);
    out.push({ name: `${id}__${n}`, id, pairs, tags });
  }
  return out;
}

/** check.sh's `timing_placeholders`. */
const timing = (line) =>
  line
    .replace(/^(Benchmark[A-Za-z]+)-[0-9]+  ([0-9]+)  [0-9]+ ns\/op/, '$1-<P>  $2  <ns> ns/op')
    .replace(/^worker pool: [^x]+x faster/, 'worker pool: <x>x faster');

/** The lines check.sh stores for a run that printed `lines` and exited with `exit`. */
function comparable({ tags }, exit, lines) {
  let body = tracebackHeaders(lines);
  if (tags.includes('timing')) body = body.map(timing);
  // Byte order, as `LC_ALL=C sort` (the expected files' order).
  if (tags.includes('unordered')) body = [...body].sort((a, b) => (Buffer.from(a).compare(Buffer.from(b))));
  return [`exit ${exit}`, ...body];
}

function expected(c) {
  const text = readFileSync(join(GO_DIR, 'expected', `${c.name}.txt`), 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * What Go 1.19 prints for `source` as check.sh records it: builds and runs it in `dir`, stdout
 * and stderr as one stream.
 */
function goRun(c, source, dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.go'), source);
  const env = { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOCACHE: join(tmpdir(), 'chanlab-gocache') };
  execFileSync(GO, ['build', '-o', 'prog', 'main.go'], { cwd: dir, env, stdio: 'pipe' });
  const out = join(dir, 'out.txt');
  const fd = openSync(out, 'w');
  let exit = 0;
  try {
    execFileSync('./prog', { cwd: dir, stdio: ['ignore', fd, fd], env: c.tags.includes('procs1') ? { ...env, GOMAXPROCS: '1' } : env });
  } catch (e) {
    exit = e.status;
  } finally {
    closeSync(fd);
  }
  const lines = readFileSync(out, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return comparable(c, exit, lines);
}

/**
 * The case's link in `mode`: its parameters (render.py's `latencies` is the seed's, so not a
 * key); real mode on two workers, or one for a case Go ran on one processor.
 */
function link(c, mode) {
  const params = new URLSearchParams([['p', c.id], ...c.pairs.filter(([k]) => k !== 'latencies')]);
  if (mode === 'real') {
    params.set('mode', 'real');
    params.set('procs', c.tags.includes('procs1') ? '1' : '2');
  }
  return `?${params}&autorun=1`;
}

/**
 * Real mode's cases are served cross-origin isolated, as scripts/serve.sh serves the app, so
 * they run on shared memory; tests/e2e/real.test.mjs runs the catalog by messages too.
 */
let isolated;
before(async () => {
  isolated = await startServer(undefined, { isolated: true });
});
after(async () => {
  await isolated?.close();
});

let rendered;
before(() => {
  rendered = mkdtempSync(join(tmpdir(), 'chanlab-cases-'));
  execFileSync('python3', [join(GO_DIR, 'render.py'), 'cases', join(GO_DIR, 'cases.txt'), rendered]);
});
after(() => rmSync(rendered, { recursive: true, force: true }));

/** Opens case `c` in `mode` and checks that the page printed what Go printed. */
async function check(c, mode) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto((mode === 'real' ? isolated : server).url + link(c, mode));
  await page.waitForFunction(
    () => document.querySelector('[data-testid="output"]')?.dataset.state === 'done',
    null,
    { timeout: mode === 'real' ? 60_000 : 30_000 },
  );
  const { exitCode, lines } = await outputState(page);
  const source = await page.getByTestId('go-source').textContent();
  await context.close();
  const got = comparable(c, exitCode, lines);
  if (c.pairs.some(([k]) => k === 'latencies')) {
    assert.deepEqual(got, goRun(c, source, join(rendered, c.name, `page-${mode}`)));
  } else {
    assert.equal(source, readFileSync(join(rendered, c.name, 'main.go'), 'utf8'), 'the source Go ran');
    assert.deepEqual(got, expected(c));
  }
  assert.deepEqual(problems, []);
}

describe('every case of tests/go/cases.txt prints what Go printed', () => {
  const all = cases();
  test('cases.txt names every catalog pattern', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    const ids = await page.locator('.catalog [data-testid^="pattern-"]').evaluateAll((els) =>
      els.map((e) => e.dataset.testid.slice('pattern-'.length)),
    );
    await context.close();
    assert.ok(ids.length >= 20, `${ids.length} patterns in the catalog`);
    for (const id of ids) assert.ok(all.some((c) => c.id === id), `${id} has a case`);
  });

  for (const mode of ['sim', 'real']) {
    describe(`${mode} mode`, () => {
      for (const c of all) {
        test(`${c.name}: ${link(c, mode)}`, () => check(c, mode));
      }
    });
  }
});
