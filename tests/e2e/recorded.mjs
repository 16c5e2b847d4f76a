// The outputs real Go recorded for the cases of tests/go/cases.txt (tests/go/README.md), and
// the form a page's output is put in to compare with them: the same rules as
// tests/catalog_support/mod.rs and tests/go/check.sh.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { tracebackHeaders } from './harness.mjs';

/** tests/go: cases.txt, expected/, render.py. */
export const GO_DIR = join(resolve(fileURLToPath(new URL('../..', import.meta.url))), 'tests/go');

/** Splits a line into words as a POSIX shell would (quotes and backslashes). */
export function shellWords(s) {
  const words = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < s.length; i += 1) {
    const c = s[i];
    if (c === "'") {
      inWord = true;
      const end = s.indexOf("'", i + 1);
      cur += s.slice(i + 1, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end;
    } else if (c === '"') {
      inWord = true;
      for (i += 1; i < s.length && s[i] !== '"'; i += 1) {
        if (s[i] === '\\') i += 1;
        if (i < s.length) cur += s[i];
      }
    } else if (c === '\\') {
      inWord = true;
      i += 1;
      if (i < s.length) cur += s[i];
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

/**
 * Every case of cases.txt: { id, pairs: [[key, value]...], tags, line, name }, `name` being
 * `<id>__<n>`, its expected file's name.
 */
export function cases() {
  const text = readFileSync(join(GO_DIR, 'cases.txt'), 'utf8');
  const all = [];
  text.split('\n').forEach((raw, n) => {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const at = raw.indexOf(' # ');
    const body = at < 0 ? raw : raw.slice(0, at);
    const tags = at < 0 ? [] : raw.slice(at + 3).split(/\s+/).filter(Boolean);
    const [id, ...words] = shellWords(body);
    const pairs = words.map((w) => {
      const eq = w.indexOf('=');
      return [w.slice(0, eq), w.slice(eq + 1)];
    });
    const index = all.filter((c) => c.id === id).length;
    all.push({ id, pairs, tags, line: n + 1, name: `${id}__${index}` });
  });
  return all;
}

/**
 * Keys of a case that are not the page's parameters: `batch-processor`'s `latencies` is an
 * extra snippet render.py takes from the case line, and the page from its seed (the case line
 * writes the default seed's).
 */
const NOT_PARAMETERS = ['latencies'];

/** The link that runs `c` (`extra`: more parameters, such as the mode). */
export function caseQuery(c, extra = {}) {
  const q = new URLSearchParams([['p', c.id], ...c.pairs.filter(([k]) => !NOT_PARAMETERS.includes(k))]);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/** The recorded file of `c` as lines to compare (an `unordered` case's lines sorted). */
export function expected(c) {
  const lines = readFileSync(join(GO_DIR, 'expected', `${c.name}.txt`), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return c.tags.includes('unordered') ? [lines[0], ...lines.slice(1).sort()] : lines;
}

/**
 * A run's output (`lines`, stdout and stderr as one stream) and exit status in the recorded
 * form of `c`: after the first `goroutine N [state]:` header only the headers remain, one
 * blank line between goroutines, ids other than main's written `<id>` (`tracebackHeaders`); a
 * `timing` case's measured numbers are placeholders; an `unordered` case's lines are sorted.
 */
export function recordedForm(c, lines, exit) {
  let body = tracebackHeaders(lines);
  if (c.tags.includes('timing')) {
    body = body.map((l) =>
      l
        .replace(/^(Benchmark[A-Za-z]+)-\d+  (\d+)  \d+ ns\/op/, '$1-<P>  $2  <ns> ns/op')
        .replace(/^worker pool: [^x]+x faster/, 'worker pool: <x>x faster'));
  }
  if (c.tags.includes('unordered')) body.sort();
  return [`exit ${exit}`, ...body];
}

/** Clock-tagged cases are run again, up to this many more times, while they differ. */
export const CLOCK_RERUNS = 3;

/**
 * Runs case `c` with `run` (resolving to { lines, exitCode }) and puts what it printed in the
 * recorded form; resolves to { got, want }, `want` being Go's recorded output. A case tagged
 * `clock` (its output depends on events tens of milliseconds apart on the wall clock) is run
 * again while it differs, up to CLOCK_RERUNS more times, each rerun told to `log`; any other
 * case is run once.
 */
export async function runAgainstRecorded(c, run, log) {
  const want = expected(c);
  for (let n = 1; ; n += 1) {
    const r = await run();
    const got = recordedForm(c, r.lines, r.exitCode);
    const same = JSON.stringify(got) === JSON.stringify(want);
    if (same && n > 1) log(`${c.name} (clock): matched on run ${n}`);
    if (same || !c.tags.includes('clock') || n > CLOCK_RERUNS) return { got, want };
    log(`${c.name} (clock): printed ${JSON.stringify(got)}, Go recorded ${JSON.stringify(want)}; run ${n + 1}`);
  }
}
