#!/usr/bin/env bash
# Bundles the Go editor (www/editor/editor.js with CodeMirror 6 and its Go mode, from
# node_modules) into one minified ES module, editor.js. Trunk runs it after each build
# (Trunk.toml, [[hooks]]) with TRUNK_STAGING_DIR set, so it lands in dist/ beside the app; by
# hand, give the folder to write to.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-${TRUNK_STAGING_DIR:?run by Trunk, or give the output folder}}"
esbuild="$ROOT/node_modules/.bin/esbuild"
if [ ! -x "$esbuild" ]; then
  echo "esbuild is missing: run scripts/serve.sh or scripts/test.sh once, or npm ci" >&2
  exit 1
fi
"$esbuild" "$ROOT/www/editor/editor.js" --bundle --format=esm --minify --target=es2020 \
  --legal-comments=eof --log-level=warning --outfile="$out/editor.js" \
  --banner:js="/* chanlab's Go editor: CodeMirror 6, @lezer, style-mod, crelt, w3c-keyname (MIT licence, Marijn Haverbeke and others) */"
