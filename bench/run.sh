#!/usr/bin/env bash
# The benchmark: sets up, builds the release app and both programs (the
# reference backend and eventdesk-web), then measures (bench/run.mjs) and writes bench/RESULTS.md.
#   bash bench/run.sh [--runs N] [--skip-lighthouse] [--skip-feed-1000]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$EVENTDESK_ROOT"

bash scripts/setup.sh
if [ ! -x bench/node_modules/.bin/lighthouse ]; then
  eventdesk_log "npm ci (bench: lighthouse)"
  (cd bench && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
bash scripts/build.sh
cargo build --profile server -p eventdesk-server -p eventdesk-web
node bench/run.mjs "$@"
