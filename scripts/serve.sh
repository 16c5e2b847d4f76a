#!/usr/bin/env bash
# Builds chanlab and serves it on http://127.0.0.1:8080 (rebuilding when a file changes),
# cross-origin isolated (Trunk.toml's [serve] headers: COOP/COEP), so real mode uses shared
# memory. Installs what is missing first. Pass other Trunk flags after it, e.g. `--port 9000`.

source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
cd "$ROOT"
say "building and serving on http://127.0.0.1:8080 (Ctrl+C stops)"
exec trunk serve --release "$@"
