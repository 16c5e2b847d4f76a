// Trunk's post-build hook (Trunk.toml): writes the hashes of the page's inline scripts into its
// Content-Security-Policy. Trunk writes the loader of the app's wasm as an inline module
// script whose text names the build's hashed files, so its hash is known only after the
// build; index.html's policy holds the placeholder 'sha256-INLINE-SCRIPTS' for it.

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const PLACEHOLDER = "'sha256-INLINE-SCRIPTS'";
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}

for (const name of ['index.html']) {
  const file = join(dir, name);
  const html = await readFile(file, 'utf8');
  if (!html.includes(PLACEHOLDER)) {
    console.error(`${name}: no ${PLACEHOLDER} in its Content-Security-Policy`);
    process.exit(1);
  }
  // Inline scripts: <script> elements without src, their text exactly as served.
  const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, text]) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`,
  );
  await writeFile(file, html.replace(PLACEHOLDER, hashes.join(' ')));
  console.log(`csp.mjs: ${name}: ${hashes.length} inline script(s) allowed by hash`);
}
