#!/usr/bin/env bash
# Builds the release web app into dist/ with Trunk (wasm-opt from npm's
# binaryen 132, wasm-bindgen-cli at Cargo.lock's version), then writes brotli
# and gzip siblings of its files for the server to send as they are.
# Expects the tools from scripts/setup.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$EVENTDESK_ROOT"

eventdesk_log "trunk build --release (wasm-opt: $(command -v wasm-opt))"
start=$SECONDS
trunk build --release --offline
echo "build: trunk build took $((SECONDS - start)) s"

node scripts/precompress.mjs dist
