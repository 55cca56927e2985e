#!/usr/bin/env bash
# Builds the release web app into dist/ (or the folder given) with Trunk
# (wasm-opt from npm's binaryen 132, wasm-bindgen-cli at Cargo.lock's
# version), then writes brotli and gzip siblings of its files for the server
# to send as they are. Expects the tools from scripts/setup.sh.
#
# Two builds of the app go in: the whole app (index.html, the `eventdesk`
# binary) and the event page alone (event.html, the `eventdesk-event`
# binary, `EventLanding`), which the server sends for /events/{id} so that
# readers arriving on a shared link download less. event.html is made from
# index.html here, so the two pages never differ but in the binary.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$EVENTDESK_ROOT"
dist="${1:-dist}"

eventdesk_log "trunk build --release (wasm-opt: $(command -v wasm-opt))"
start=$SECONDS
trunk build --release --offline --dist "$dist" index.html
echo "build: trunk build (whole app) took $((SECONDS - start)) s"

start=$SECONDS
# Named after the output folder, so that builds into different folders can run
# at once.
name="$(basename "$dist")"
landing_page="$EVENTDESK_ROOT/event.html"
landing_dist="$EVENTDESK_ROOT/target/dist-event"
if [ "$name" != dist ]; then
  landing_page="$EVENTDESK_ROOT/event-$name.html"
  landing_dist="$EVENTDESK_ROOT/target/dist-event-$name"
fi
sed 's/data-bin="eventdesk"/data-bin="eventdesk-event"/' index.html > "$landing_page"
if ! grep -q 'data-bin="eventdesk-event"' "$landing_page"; then
  echo "build: index.html has no data-bin=\"eventdesk\" to make event.html from" >&2
  exit 1
fi
trunk build --release --offline --dist "$landing_dist" "$landing_page"
cp "$landing_dist/index.html" "$dist/event.html"
cp "$landing_dist"/eventdesk-event-* "$dist/"
echo "build: trunk build (event page) took $((SECONDS - start)) s"

node scripts/compact-styles.mjs "$dist"
node scripts/precompress.mjs "$dist"
